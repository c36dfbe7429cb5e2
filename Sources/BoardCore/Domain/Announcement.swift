/// A notice shown in turn on the attract screen while it is valid.
public struct Announcement: Sendable, Hashable, Codable {
    public var text: LocalizedText
    public var from: CalendarDate?
    public var until: CalendarDate?
    public var urgent: Bool

    public init(text: LocalizedText, from: CalendarDate? = nil, until: CalendarDate? = nil, urgent: Bool = false) {
        self.text = text
        self.from = from
        self.until = until
        self.urgent = urgent
    }

    /// Whether it is shown on `day` (both ends inclusive).
    public func isValid(on day: CalendarDate) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }
}
