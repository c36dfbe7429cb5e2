/// What a kiosk keeps in memory: everything but the full service cards, which are loaded on demand.
public struct Catalogue: Sendable, Hashable {
    public static func == (a: Catalogue, b: Catalogue) -> Bool {
        a.municipality == b.municipality && a.categories == b.categories && a.services == b.services
            && a.pages == b.pages && a.announcements == b.announcements && a.survey == b.survey
            && a.results == b.results
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(municipality)
        hasher.combine(categories)
        hasher.combine(services)
    }

    public var municipality: Municipality
    public var categories: [Category]
    /// Service summaries per category id, in display order.
    public var services: [String: [ServiceSummary]]
    public var pages: [PageKind: [Language: Page]]
    public var announcements: [Announcement]
    /// The satisfaction card, if the content has one.
    public var survey: SurveyDefinition?
    /// The latest survey results staff published.
    public var results: SurveyReport?
    /// Every service's summary by register number.
    public let summaries: [String: ServiceSummary]

    public init(
        municipality: Municipality, categories: [Category], services: [String: [ServiceSummary]],
        pages: [PageKind: [Language: Page]], announcements: [Announcement]
    ) {
        self.municipality = municipality
        self.categories = categories
        self.services = services
        self.pages = pages
        self.announcements = announcements
        var byNumber: [String: ServiceSummary] = [:]
        for list in services.values { for s in list { byNumber[s.number] = s } }
        self.summaries = byNumber
    }

    public func services(in category: String) -> [ServiceSummary] {
        services[category] ?? []
    }

    public func category(_ id: String) -> Category? {
        categories.first { $0.id == id }
    }

    /// The page in `language`, falling back to Bulgarian.
    public func page(_ kind: PageKind, _ language: Language) -> Page? {
        pages[kind]?[language] ?? pages[kind]?[.bg]
    }

    /// The announcements shown on `day`: urgent first, then in content order.
    public func announcements(on day: CalendarDate) -> [Announcement] {
        let valid = announcements.filter { $0.isValid(on: day) }
        return valid.filter(\.urgent) + valid.filter { !$0.urgent }
    }
}
