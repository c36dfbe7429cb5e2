#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Every setting of a board, from kiosk.conf to the reducer: read once at start from a documented
/// `key = value` file (see kiosk.conf), then carried in the state unchanged.
public struct Settings: Sendable, Hashable {
    public enum Mode: String, Sendable, CaseIterable { case board, survey }
    public enum Theme: String, Sendable, CaseIterable { case standard, contrast, mono }

    /// The board database.
    public var database: String = "board.db"
    /// Where this terminal stores survey cards (a file apart from the board database).
    public var surveyDatabase: String = "survey.db"
    /// The content directory imported when the database does not exist yet.
    public var content: String = "content/blagoevgrad"
    /// The language a new visitor is greeted in.
    public var language: Language = .bg
    /// Seconds without input before the idle warning (most screens).
    public var idleTimeout: Int = 60
    /// Seconds without input before the idle warning on the dossier screens (a visitor's own data).
    public var dossierIdleTimeout: Int = 30
    /// Seconds the idle warning counts down before the board forgets the visitor (at least 20).
    public var warningSeconds: Int = 20
    /// Ctrl-C, Ctrl-Z, Ctrl-\ and function keys do nothing; only the staff exit leaves.
    public var lockdown: Bool = true
    /// The key sequence that opens the staff PIN prompt.
    public var staffExit: [Key] = StaffSequence.standard
    /// The salted hash of the staff PIN (`kiosk hash-pin` prints one); without it there is no
    /// staff exit.
    public var staffPinHash: String?
    /// Shown when out of order before any content was ever read.
    public var phone: String?
    public var mode: Mode = .board
    public var theme: Theme = .standard
    /// The pattern of new dossier numbers (staff commands).
    public var dossierNumber: DossierNumberPattern = .standard
    /// The public holidays file used for deadlines in working days (staff commands).
    public var holidays: String = "content/holidays-bg.json"
    /// The file where this kiosk alone records failed dossier lookups; nil: next to the
    /// database, named after the host (`board.db.throttle-HOST`).
    public var throttle: String?

    public init() {}

    /// Whether the staff key sequence opens the PIN prompt: only with a PIN hash configured.
    public var staffExitEnabled: Bool { staffPinHash != nil && !staffExit.isEmpty }

    /// Every key the file may set, for the error message on a typo.
    public static let keys = [
        "database", "survey_database", "content", "language", "idle_timeout",
        "idle_timeout_dossier", "lockdown", "staff_exit", "staff_pin", "phone", "mode",
        "theme", "dossier_number", "holidays", "throttle",
    ]

    /// Parses settings text; `source` names the file in errors.
    public init(parsing text: String, source: String) throws(SettingsError) {
        self.init()
        var seen: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw SettingsError(
                    source: source, line: lineNumber, key: nil,
                    message: "expected `key = value`, found \"\(SafeText.clean(line))\"")
            }
            let key = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            func fail(_ message: String) -> SettingsError {
                SettingsError(source: source, line: lineNumber, key: SafeText.clean(key), message: message)
            }
            guard Settings.keys.contains(key) else {
                throw fail("unknown key (known keys: \(Settings.keys.joined(separator: ", ")))")
            }
            if let first = seen[key] { throw fail("set twice (first on line \(first))") }
            seen[key] = lineNumber
            guard !value.isEmpty else { throw fail("has no value") }
            guard SafeText.isClean(value) else { throw fail("contains control characters") }
            if let problem = set(key, value) { throw fail(problem) }
        }
    }

    /// Applies one line; returns what is wrong with the value, if anything.
    private mutating func set(_ key: String, _ value: String) -> String? {
        func seconds(_ apply: (inout Settings, Int) -> Void) -> String? {
            guard let n = Int(value), (15...3600).contains(n) else {
                return "must be a whole number of seconds from 15 to 3600, found \"\(value)\""
            }
            apply(&self, n)
            return nil
        }
        switch key {
        case "database": database = value
        case "survey_database": surveyDatabase = value
        case "content": content = value
        case "holidays": holidays = value
        case "throttle": throttle = value
        case "phone": phone = value
        case "language":
            guard let l = Language(rawValue: value) else { return "must be bg or en, found \"\(value)\"" }
            language = l
        case "idle_timeout": return seconds { $0.idleTimeout = $1 }
        case "idle_timeout_dossier": return seconds { $0.dossierIdleTimeout = $1 }
        case "mode":
            guard let m = Mode(rawValue: value) else { return "must be board or survey, found \"\(value)\"" }
            mode = m
        case "theme":
            guard let t = Theme(rawValue: value) else {
                return "must be one of \(Theme.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(value)\""
            }
            theme = t
        case "dossier_number":
            do { dossierNumber = try DossierNumberPattern(value) } catch { return error.description }
        case "lockdown":
            switch value {
            case "on": lockdown = true
            case "off": lockdown = false
            default: return "must be on or off, found \"\(value)\""
            }
        case "staff_exit":
            guard let keys = StaffSequence.parse(value), keys.count >= 2 else {
                return "must be two or more key names separated by spaces (F1–F24, ctrl-A…ctrl-Z, Esc, Enter, "
                    + "Tab, Home, End, PgUp, PgDn, Up, Down, Left, Right, or one character), found \"\(value)\""
            }
            staffExit = keys
        case "staff_pin":
            // A crypt(3) hash with a salt: $id$[params$]salt$hash, as `kiosk hash-pin` prints.
            let parts = value.split(separator: "$", omittingEmptySubsequences: false)
            guard value.hasPrefix("$"), parts.count >= 4, !parts.contains(where: { $0.contains(" ") }) else {
                return
                    "must be a salted hash printed by `kiosk hash-pin` (starting with $y$ or $6$), not the PIN itself"
            }
            staffPinHash = value
        default:
            return "unknown key"
        }
        return nil
    }
}

/// A bad line in the settings file.
public struct SettingsError: Error, Sendable, CustomStringConvertible, Equatable {
    public var source: String
    public var line: Int
    public var key: String?
    public var message: String

    public var description: String {
        if let key { return "\(source):\(line): \(key): \(message)" }
        return "\(source):\(line): \(message)"
    }
}
