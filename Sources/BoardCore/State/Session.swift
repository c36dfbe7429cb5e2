/// The outcome of a look at the board database by the runtime (effect `.checkStore`).
public enum StoreCheck: Sendable, Equatable {
    /// Another process committed (an import), or the store became usable again.
    case changed
    /// The store cannot be used: missing, unreadable, corrupt, locked, newer schema, replaced badly.
    case failed(StoreError)
}

/// A short message over the current screen that goes away by itself.
public struct Notice: Sendable, Hashable {
    public var text: LocalizedText
    /// The monotonic second it disappears.
    public var until: Int
}

/// The staff exit prompt: a PIN typed after the staff key sequence.
public struct StaffPrompt: Sendable, Hashable {
    public var digits: String = ""
    /// Set while a PIN is being checked by the runtime.
    public var checking: Bool = false
    /// The last entry was wrong.
    public var wrong: Bool = false
}

/// What the reducer keeps about time, input and guarding, beside the screens.
public struct SessionState: Sendable, Hashable {
    /// Seconds on the board's monotonic clock at the last tick (nil before the first tick).
    public var clock: Int?
    /// Monotonic second of the visitor's last key or tap.
    public var lastInput: Int?
    /// While the idle warning shows: the monotonic second the board resets.
    public var resetAt: Int?
    public var notice: Notice?
    /// The last keys typed, for the staff sequence.
    public var recentKeys: [Key] = []
    public var staffPrompt: StaffPrompt?
    /// Wrong PINs since the last right one.
    public var wrongPins: Int = 0
    /// No PIN is accepted before this monotonic second.
    public var pinLockedUntil: Int?
    /// A catalogue reload asked for after the store changed; a failure of it means out of order.
    public var reloading: Bool = false
    /// The phone to show when out of order, kept from the last content read.
    public var lastKnownPhone: String?

    public init() {}

    /// Seconds the idle warning still counts down, if it shows.
    public var warningRemaining: Int? {
        guard let resetAt, let clock else { return nil }
        return max(0, resetAt - clock)
    }
}

/// The staff key sequence, as written in kiosk.conf (`staff_exit = F12 F12 F12`).
public enum StaffSequence {
    public static let standard: [Key] = [.function(12), .function(12), .function(12)]

    /// Parses space-separated key names: F1–F24, ctrl-A…ctrl-Z, Esc, Enter, Tab, Home, End,
    /// PgUp, PgDn, Up, Down, Left, Right, or a single character. Nil when a name is unknown.
    public static func parse(_ text: String) -> [Key]? {
        var keys: [Key] = []
        for word in text.split(separator: " ") {
            let name = String(word)
            let lower = name.lowercased()
            let named: [String: Key] = [
                "esc": .escape, "enter": .enter, "tab": .tab, "home": .home, "end": .end,
                "pgup": .pageUp, "pgdn": .pageDown, "up": .up, "down": .down,
                "left": .left, "right": .right,
            ]
            if let key = named[lower] {
                keys.append(key)
            } else if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
                keys.append(.function(n))
            } else if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter {
                keys.append(.control(c))
            } else if name.count == 1, let c = name.first, !c.isWhitespace {
                keys.append(.character(c))
            } else {
                return nil
            }
        }
        return keys.isEmpty ? nil : keys
    }
}
