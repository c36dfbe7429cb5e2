/// The kiosk's settings, read from a documented `key = value` file (see kiosk.conf).
public struct Configuration: Sendable, Hashable {
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
    /// Seconds without input before the idle warning.
    public var idleTimeout: Int = 60
    public var mode: Mode = .board
    public var theme: Theme = .standard
    /// The pattern of new dossier numbers (staff commands).
    public var dossierNumber: DossierNumberPattern = .standard
    /// The public holidays file used for deadlines in working days (staff commands).
    public var holidays: String = "content/holidays-bg.json"
    /// The file where this kiosk alone records failed dossier lookups; nil: next to the
    /// database, named after the host (`board.db.throttle-HOST`).
    public var throttle: String?
    /// Idle reset, lockdown, staff exit and out-of-order phone (Config/Configuration+Kiosk.swift).
    public var kiosk = KioskConfiguration()

    public init() {}

    /// Every key the file may set, for the error message on a typo.
    public static let keys = ["database", "survey_database", "content", "language", "idle_timeout", "mode", "theme", "dossier_number", "holidays", "throttle"] + KioskConfiguration.keys

    /// Parses configuration text; `source` names the file in errors.
    public init(parsing text: String, source: String) throws(ConfigurationError) {
        self.init()
        var seen: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = String(raw).trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw ConfigurationError(source: source, line: lineNumber, key: nil,
                                         message: "expected `key = value`, found \"\(SafeText.clean(line))\"")
            }
            let key = String(line[..<eq]).trimmingCharacters(in: .whitespaces)
            let value = String(line[line.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            func fail(_ message: String) -> ConfigurationError {
                ConfigurationError(source: source, line: lineNumber, key: key, message: message)
            }
            guard Configuration.keys.contains(key) else {
                throw fail("unknown key (known keys: \(Configuration.keys.joined(separator: ", ")))")
            }
            if let first = seen[key] { throw fail("set twice (first on line \(first))") }
            seen[key] = lineNumber
            guard !value.isEmpty else { throw fail("has no value") }
            guard SafeText.isClean(value) else { throw fail("contains control characters") }
            switch key {
            case "database": database = value
            case "survey_database": surveyDatabase = value
            case "content": content = value
            case "language":
                guard let l = Language(rawValue: value) else { throw fail("must be bg or en, found \"\(value)\"") }
                language = l
            case "idle_timeout":
                guard let n = Int(value), (15...3600).contains(n) else {
                    throw fail("must be a whole number of seconds from 15 to 3600, found \"\(value)\"")
                }
                idleTimeout = n
            case "mode":
                guard let m = Mode(rawValue: value) else { throw fail("must be board or survey, found \"\(value)\"") }
                mode = m
            case "theme":
                guard let t = Theme(rawValue: value) else {
                    throw fail("must be one of \(Theme.allCases.map(\.rawValue).joined(separator: ", ")), found \"\(value)\"")
                }
                theme = t
            case "dossier_number":
                do { dossierNumber = try DossierNumberPattern(value) } catch { throw fail(error.description) }
            case "holidays": holidays = value
            case "throttle": throttle = value
            case _ where KioskConfiguration.keys.contains(key):
                if let problem = kiosk.set(key, value) { throw fail(problem) }
            default:
                break
            }
        }
    }
}

/// A bad line in the configuration file.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible, Equatable {
    public var source: String
    public var line: Int
    public var key: String?
    public var message: String

    public var description: String {
        if let key { return "\(source):\(line): \(key): \(message)" }
        return "\(source):\(line): \(message)"
    }
}
