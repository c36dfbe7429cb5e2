/// A group of services in the catalogue, e.g. civil registration.
public struct Category: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}
