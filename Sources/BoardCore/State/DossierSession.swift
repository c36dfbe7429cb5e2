/// The two fields of the dossier lookup.
public enum DossierField: Sendable, Hashable {
    case number, code
}

/// What the visitor did on the lookup screen, by keyboard or by tapping the keypad.
public enum DossierAction: Sendable, Hashable {
    /// A character into the active field.
    case type(Character)
    /// Delete the last character of the active field.
    case delete
    case select(DossierField)
    /// Check the number and code.
    case submit
}

/// Why the lookup screen shows a message under the fields.
public enum DossierNotice: Sendable, Hashable {
    /// The same for an unknown number, a wrong code and a locked dossier.
    case notFound
    case numberMissing
    case numberDigitsOnly
    case codeLength(Int)
    case notInCode
    /// Too many failures in a row: a countdown.
    case throttled
    case unavailable
}

/// A visitor's dossier lookup: the typed fields and the result. Forgotten (fields and result
/// alike) when the visitor leaves the result, goes home or the board returns to its idle loop.
public struct DossierSession: Sendable, Hashable {
    /// The number as typed: digits and separators.
    public var number = ""
    /// The code's symbols, canonical (look-alikes already mapped), without the dash.
    public var code = ""
    public var field: DossierField = .number
    public var notice: DossierNotice?
    /// A lookup is running.
    public var checking = false
    public var report: DossierReport?
    /// When this kiosk takes the next attempt (seconds on the board's monotonic clock).
    /// Belongs to the kiosk, not the visitor: it survives `clear()`.
    public var waitUntil: Int?

    public init() {}

    public var isEmpty: Bool {
        number.isEmpty && code.isEmpty && report == nil && notice == nil && field == .number && !checking
    }

    /// Forgets everything the visitor typed or saw.
    public mutating func clear() {
        let wait = waitUntil
        self = DossierSession()
        waitUntil = wait
    }

    public static let maxNumberLength = 24
}

extension BoardState {
    /// Seconds left before the next lookup is taken; 0 when none.
    public var lookupWait: Int {
        guard let until = dossier.waitUntil else { return 0 }
        return max(0, until - clock)
    }
}
