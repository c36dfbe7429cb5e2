/// How fast a service is done: the national register's three tiers.
public enum Tier: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case ordinary, fast, express

    public static func < (a: Tier, b: Tier) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// The fee and deadline of one tier of a service.
public struct TierOffer: Sendable, Hashable, Codable {
    public var tier: Tier
    /// The fee in euro cents; 0 is free of charge.
    public var feeCents: Int
    /// The deadline in working days; 0 is the same day.
    public var days: Int
    public var note: LocalizedText?

    public init(tier: Tier, feeCents: Int, days: Int, note: LocalizedText? = nil) {
        self.tier = tier
        self.feeCents = feeCents
        self.days = days
        self.note = note
    }
}
