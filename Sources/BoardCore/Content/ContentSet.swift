/// A whole content directory, read and validated, ready to replace the board's content.
public struct ContentSet: Sendable, Hashable {
    public var municipality: Municipality
    public var categories: [Category]
    public var services: [Service]
    /// Raw page texts per page and language.
    public var pages: [PageKind: [Language: String]]
    public var announcements: [Announcement]
    /// The satisfaction card, when the content defines one (survey.json).
    public var survey: SurveyDefinition?
    /// A checksum over every file read, to tell one import's content from another's.
    public var checksum: String

    public init(
        municipality: Municipality, categories: [Category], services: [Service],
        pages: [PageKind: [Language: String]], announcements: [Announcement], survey: SurveyDefinition? = nil,
        checksum: String
    ) {
        self.municipality = municipality
        self.categories = categories
        self.services = services
        self.pages = pages
        self.announcements = announcements
        self.survey = survey
        self.checksum = checksum
    }
}
