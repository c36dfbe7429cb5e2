/// A language the board speaks to visitors in: Bulgarian first, English second.
public enum Language: String, Sendable, CaseIterable, Codable {
    case bg
    case en

    /// The other language, for the one-key switch.
    public var other: Language { self == .bg ? .en : .bg }
}

/// A text given in Bulgarian and, optionally, in English.
public struct LocalizedText: Sendable, Hashable, Codable {
    public var bg: String
    public var en: String?

    public init(bg: String, en: String? = nil) {
        self.bg = bg
        self.en = en
    }

    /// The text in `language`; missing or empty English falls back to Bulgarian.
    public func text(_ language: Language) -> String {
        if language == .en, let en, !en.isEmpty { return en }
        return bg
    }
}
