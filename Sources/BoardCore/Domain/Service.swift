/// One administrative service as the national register describes it.
public struct Service: Sendable, Hashable, Codable, Identifiable {
    /// A document the citizen brings.
    public struct Document: Sendable, Hashable, Codable {
        public var name: LocalizedText
        public var required: Bool
        public var form: LocalizedText?
        public init(name: LocalizedText, required: Bool, form: LocalizedText? = nil) {
            self.name = name
            self.required = required
            self.form = form
        }
    }

    /// A way to file the service.
    public struct Channel: Sendable, Hashable, Codable {
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            case counter, post, email, online
        }
        public var kind: Kind
        public var details: LocalizedText?
        public var url: String?
        public init(kind: Kind, details: LocalizedText? = nil, url: String? = nil) {
            self.kind = kind
            self.details = details
            self.url = url
        }
    }

    public var number: String
    public var category: String
    public var name: LocalizedText
    public var description: LocalizedText
    public var legalBasis: LocalizedText
    public var documents: [Document]
    public var tiers: [TierOffer]
    public var unit: LocalizedText
    public var channels: [Channel]
    public var stages: [LocalizedText]
    public var result: LocalizedText
    public var validity: LocalizedText?
    public var keywordsBG: [String]
    public var keywordsEN: [String]

    public var id: String { number }

    public init(
        number: String, category: String, name: LocalizedText, description: LocalizedText,
        legalBasis: LocalizedText, documents: [Document], tiers: [TierOffer], unit: LocalizedText,
        channels: [Channel], stages: [LocalizedText], result: LocalizedText,
        validity: LocalizedText? = nil, keywordsBG: [String] = [], keywordsEN: [String] = []
    ) {
        self.number = number
        self.category = category
        self.name = name
        self.description = description
        self.legalBasis = legalBasis
        self.documents = documents
        self.tiers = tiers
        self.unit = unit
        self.channels = channels
        self.stages = stages
        self.result = result
        self.validity = validity
        self.keywordsBG = keywordsBG
        self.keywordsEN = keywordsEN
    }

    /// The short form kept in the catalogue's lists.
    public var summary: ServiceSummary {
        ServiceSummary(
            number: number, category: category, name: name,
            cheapest: tiers.map(\.feeCents).min() ?? 0,
            fastestDays: tiers.map(\.days).min() ?? 0)
    }
}

/// What a list row of services needs, without the whole card.
public struct ServiceSummary: Sendable, Hashable, Codable {
    public var number: String
    public var category: String
    public var name: LocalizedText
    /// The lowest fee of any tier, in euro cents.
    public var cheapest: Int
    /// The shortest deadline of any tier, in working days.
    public var fastestDays: Int

    public init(number: String, category: String, name: LocalizedText, cheapest: Int, fastestDays: Int) {
        self.number = number
        self.category = category
        self.name = name
        self.cheapest = cheapest
        self.fastestDays = fastestDays
    }
}
