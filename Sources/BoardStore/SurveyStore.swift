import BoardCore
import CSQLite
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where survey cards are kept: a database file of its own, apart from the board database.
///
/// Several terminals may write it at once, so it uses SQLite's rollback journal (the WAL-reset
/// bug needs WAL mode) with `synchronous = FULL`: when `save` returns, the card survives a
/// `kill -9` or a power cut. Rows get random ids, so their order says nothing about the order
/// in which visitors came.
public final class SurveyStore {
    public let path: String
    package let db: SQLiteConnection

    public init(path: String) throws(StoreError) {
        self.path = path
        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(path: path, readOnly: false, create: true, busyTimeoutMs: 10_000)
        } catch {
            throw .unreadable(path: path, reason: error.message)
        }
        db = connection
        var version: Int
        do throws(SQLiteError) {
            try db.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
            version = try db.scalarInt("PRAGMA user_version") ?? 0
            if version < SurveyStore.schemaVersion {
                // Another terminal may be doing the same: decide again inside the write lock. An
                // interrupted transaction is rolled back when the connection closes.
                try db.execute("BEGIN IMMEDIATE")
                do throws(SQLiteError) {
                    version = try db.scalarInt("PRAGMA user_version") ?? 0
                    if version < SurveyStore.schemaVersion {
                        try db.execute("""
                            CREATE TABLE IF NOT EXISTS cards (id INTEGER PRIMARY KEY, day TEXT NOT NULL, centre TEXT NOT NULL,
                                answers TEXT NOT NULL, flood INTEGER NOT NULL);
                            CREATE INDEX IF NOT EXISTS cards_by_day ON cards (day);
                            """)
                        // Version 2 stores a text answer that begins with "'" or "=" behind a "'"
                        // (`SurveyAnswer.storedString`). Version 1 stored texts as typed: those that
                        // begin with "'" get their "'" now, or reading would drop it. ("=…" under a
                        // comment question is read as the comment it was; see `SurveyReport`.)
                        if version == 1 { try db.execute(SurveyStore.escapeVersion1Texts) }
                        try db.execute("PRAGMA user_version = \(SurveyStore.schemaVersion)")
                        version = SurveyStore.schemaVersion
                    }
                    try db.execute("COMMIT")
                } catch {
                    try? db.execute("ROLLBACK")
                    throw error
                }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
        if version > SurveyStore.schemaVersion { throw .newerSchema(path: path, found: version, supported: SurveyStore.schemaVersion) }
    }

    /// The layout of the survey file this build reads and writes.
    package static let schemaVersion = 2

    /// Version 1 → 2: every string answer that begins with "'" gets another in front. Other
    /// values keep their JSON type; cards whose answers are not a JSON object are left as they are.
    static let escapeVersion1Texts = """
        UPDATE cards SET answers = (
            SELECT json_group_object(key, CASE
                WHEN type = 'text' AND substr(value, 1, 1) = '''' THEN '''' || value
                WHEN type IN ('object', 'array') THEN json(value)
                WHEN type IN ('true', 'false', 'null') THEN json(type)
                ELSE value END)
            FROM json_each(cards.answers))
        WHERE json_valid(answers) AND json_type(answers) = 'object'
          AND EXISTS (SELECT 1 FROM json_each(cards.answers) WHERE type = 'text' AND substr(value, 1, 1) = '''')
        """

    /// Saves a card durably; returns only once it is on disk.
    public func save(_ card: SurveyCard) throws(StoreError) {
        try save([card])
    }

    /// Saves cards durably in one transaction: all of them or, on an error, none.
    public func save(_ cards: [SurveyCard]) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let answers: [String]
        do {
            answers = try cards.map { String(decoding: try encoder.encode($0.answers), as: UTF8.self) }
        } catch {
            throw .failed(path: path, reason: "\(error)")
        }
        do throws(SQLiteError) {
            try db.execute("BEGIN IMMEDIATE")
            do throws(SQLiteError) {
                let insert = try db.cached("INSERT INTO cards (id, day, centre, answers, flood) VALUES (?, ?, ?, ?, ?)")
                var generator = SystemRandomNumberGenerator()
                for (card, answers) in zip(cards, answers) {
                    try SurveyStore.insert(card, answers: answers, with: insert, using: &generator)
                }
                try db.execute("COMMIT")
            } catch {
                try? db.execute("ROLLBACK")
                throw error
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private static func insert(_ card: SurveyCard, answers: String, with insert: SQLiteStatement,
                               using generator: inout SystemRandomNumberGenerator) throws(SQLiteError) {
        var lastError = SQLiteError(code: 19, message: "no free card id")
        for _ in 0..<8 {
            let id = Int.random(in: 1...Int.max, using: &generator)
            do {
                try insert.bind(.int(id), .text(card.day.iso), .text(card.centre), .text(answers), .int(card.flood ? 1 : 0))
                    .run()
                return
            } catch {
                lastError = error
                // A random id already taken (vanishingly rare): draw another; anything else fails.
                if error.code & 0xFF != 19 { break }
            }
        }
        throw lastError
    }

    /// A stored card's answers, as `save` wrote them: what JSONDecoder would give for
    /// `[String: SurveyAnswer]` (nothing at all when any value is not a whole number or a string),
    /// through the project's own parser, which is many times faster over 200,000 cards.
    package static func answers(fromJSON json: String) -> [String: SurveyAnswer] {
        if let flat = flatAnswers(json) { return flat }
        guard case .object(let fields)? = try? JSONValue.parse(Data(json.utf8)) else { return [:] }
        var answers: [String: SurveyAnswer] = [:]
        for (id, value) in fields {
            switch value {
            case .number(let n):
                guard let whole = Int(exactly: n) else { return [:] }
                answers[id] = .value(whole)
            case .string(let text):
                answers[id] = SurveyAnswer(stored: text)
            default:
                return [:]
            }
        }
        return answers
    }

    /// The common case read straight from the bytes: a flat object whose values are whole
    /// numbers (up to 9 digits) or strings without escapes; nil for anything else (then the full
    /// parser decides). No whitespace is expected: `save` writes none.
    package static func flatAnswers(_ json: String) -> [String: SurveyAnswer]? {
        var json = json
        return json.withUTF8 { b -> [String: SurveyAnswer]? in
            var answers: [String: SurveyAnswer] = [:]
            let read = scanFlat(b) { key, value in
                let id = String(decoding: key, as: UTF8.self)
                // Like JSONDecoder: the first of repeated keys counts.
                guard answers[id] == nil else { return }
                switch value {
                case .text(let text): answers[id] = SurveyAnswer(stored: String(decoding: text, as: UTF8.self))
                case .number(let n): answers[id] = .value(n)
                }
            }
            return read ? answers : nil
        }
    }

    /// A value of a flat object, as `scanFlat` finds it.
    package enum FlatValue {
        /// A string's bytes, without its quotes (it has no escapes).
        case text(UnsafeBufferPointer<UInt8>)
        case number(Int)
    }

    /// Walks a flat object of the form `save` writes, calling `visit` with each key and value in
    /// order (repeated keys too: the caller decides which counts); false as soon as the bytes are
    /// anything else (escapes, whitespace, fractions, signs, leading zeros, numbers of more than 9
    /// digits, nesting), and then what was visited must be dropped. A trailing comma is accepted,
    /// as JSONDecoder accepts it. `flatAnswers` and `SurveyTally` read cards through this one walk.
    @inline(__always)
    package static func scanFlat(_ b: UnsafeBufferPointer<UInt8>, _ visit: (UnsafeBufferPointer<UInt8>, FlatValue) -> Void) -> Bool {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        var i = 0
        let n = b.count
        func string() -> UnsafeBufferPointer<UInt8>? {
            guard i < n, b[i] == quote else { return nil }
            i += 1
            let start = i
            while i < n, b[i] != quote, b[i] != backslash, b[i] >= 0x20 { i += 1 }
            guard i < n, b[i] == quote else { return nil }
            defer { i += 1 }
            return UnsafeBufferPointer(rebasing: b[start..<i])
        }
        guard n >= 2, b[0] == UInt8(ascii: "{") else { return false }
        i = 1
        if b[i] == UInt8(ascii: "}") { return i + 1 == n }
        while true {
            guard let key = string(), i < n, b[i] == UInt8(ascii: ":") else { return false }
            i += 1
            guard i < n else { return false }
            if b[i] == quote {
                guard let text = string() else { return false }
                visit(key, .text(text))
            } else {
                var value = 0, digits = 0
                while i < n, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9"), digits < 9 {
                    value = value * 10 + Int(b[i] - UInt8(ascii: "0"))
                    digits += 1
                    i += 1
                }
                // Leading zeros, signs, fractions, exponents, long numbers: the full parser.
                guard digits > 0, !(digits > 1 && b[i - digits] == UInt8(ascii: "0")) else { return false }
                visit(key, .number(value))
            }
            guard i < n else { return false }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                if i < n, b[i] == UInt8(ascii: "}") { return i + 1 == n }
                continue
            }
            if b[i] == UInt8(ascii: "}") { return i + 1 == n }
            return false
        }
    }

    /// How a report reads the cards of its period.
    package enum ReadPlan: Equatable {
        /// Through the `cards_by_day` index: one random read of the table per card, since ids are random.
        case byDay
        /// The whole table in file order, days outside the period skipped.
        case wholeTable
    }

    /// The cheaper way to read the cards of the days from `from` to `to`.
    ///
    /// Random ids scatter one day's cards over the whole file, so reading a period through the
    /// index costs a random page read per card (about 1.8–2.7 µs here, more as the file grows),
    /// while the whole table reads in file order at about 3–6 µs per 4 KiB page of some 22
    /// cards. Measured here: 200,000 cards (8,900 pages), a half-year by index 0.35 s, the whole
    /// table 0.05 s; 2,000,000 cards (89,000 pages), a week by index 0.02 s against 0.25 s,
    /// a month 0.08 s against 0.26 s, a half-year 0.51 s against 0.29 s. So the index wins
    /// below about 1–3 cards per page of the file: counting the period's index entries
    /// (a covering read, no table pages), up to twice the pages, decides. Nothing is written
    /// (no ANALYZE), so a report needs no more access to the file than before.
    package func readPlan(from: CalendarDate, to: CalendarDate) throws(SQLiteError) -> ReadPlan {
        let pages = try db.scalarInt("PRAGMA page_count") ?? 0
        let limit = max(1, pages * 2)
        let s = try db.prepare("SELECT count(*) FROM (SELECT 1 FROM cards WHERE day BETWEEN ? AND ? LIMIT ?)")
        s.bind(.text(from.iso), .text(to.iso), .int(limit))
        guard try s.step() else { return .wholeTable }
        return s.int(0) < limit ? .byDay : .wholeTable
    }

    /// The report of the days from `from` to `to`, inclusive, counted while the cards are read:
    /// the same figures as `SurveyReport(definition:cards:…)` over `cards(from:to:)`, without
    /// holding the cards, through the cheaper way of reading them (`readPlan`).
    public func report(definition: SurveyDefinition, from: CalendarDate, to: CalendarDate, includeFloods: Bool = false) throws(StoreError) -> SurveyReport {
        try report(definition: definition, from: from, to: to, includeFloods: includeFloods, plan: nil)
    }

    /// The report, read as `plan` says (tests read both ways); nil: the cheaper way.
    package func report(definition: SurveyDefinition, from: CalendarDate, to: CalendarDate, includeFloods: Bool, plan: ReadPlan?) throws(StoreError) -> SurveyReport {
        do {
            let plan = if let plan { plan } else { try readPlan(from: from, to: to) }
            // No ORDER BY: counting needs none, and the comments are sorted at the end. Either
            // way the cards of one day come in rowid order, as in `cards(from:to:)`.
            // `cards` alone: SQLite picks `cards_by_day` for the range (checked with EXPLAIN QUERY PLAN).
            let source = plan == .byDay ? "cards" : "cards NOT INDEXED"
            let s = try db.prepare("SELECT day, flood, answers FROM \(source) WHERE day BETWEEN ? AND ?")
            s.bind(.text(from.iso), .text(to.iso))
            var tally = SurveyTally(definition: definition, from: from, to: to, includeFloods: includeFloods)
            while try s.step() {
                guard let dayText = sqlite3_column_text(s.stmt, 0),
                      let day = SurveyStore.day(UnsafeBufferPointer(start: dayText, count: Int(sqlite3_column_bytes(s.stmt, 0))))
                else { continue }
                let flood = sqlite3_column_int64(s.stmt, 1) != 0
                if let json = sqlite3_column_text(s.stmt, 2) {
                    tally.add(day: day, flood: flood, json: UnsafeBufferPointer(start: json, count: Int(sqlite3_column_bytes(s.stmt, 2))))
                } else {
                    tally.add(day: day, flood: flood, json: UnsafeBufferPointer(start: nil, count: 0))
                }
            }
            s.reset()
            return tally.report()
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A stored day as `CalendarDate(iso:)` reads it, without making a String for the usual
    /// ten ASCII bytes `YYYY-MM-DD`.
    static func day(_ b: UnsafeBufferPointer<UInt8>) -> CalendarDate? {
        func digit(_ i: Int) -> Int? {
            let c = b[i]
            return c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") ? Int(c - UInt8(ascii: "0")) : nil
        }
        if b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
           let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3),
           let m0 = digit(5), let m1 = digit(6), let d0 = digit(8), let d1 = digit(9) {
            return CalendarDate(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, month: m0 * 10 + m1, day: d0 * 10 + d1)
        }
        return CalendarDate(iso: String(decoding: b, as: UTF8.self))
    }

    /// The cards of the days from `from` to `to`, inclusive.
    public func cards(from: CalendarDate, to: CalendarDate) throws(StoreError) -> [SurveyCard] {
        do {
            let s = try db.prepare("SELECT day, centre, answers, flood FROM cards WHERE day BETWEEN ? AND ? ORDER BY day")
            s.bind(.text(from.iso), .text(to.iso))
            var cards: [SurveyCard] = []
            var days: [String: CalendarDate] = [:]  // a few hundred distinct days over many cards
            while try s.step() {
                guard let text = s.text(0) else { continue }
                let parsed = days[text] ?? CalendarDate(iso: text)
                guard let day = parsed else { continue }
                days[text] = day
                let answers = SurveyStore.answers(fromJSON: s.text(2) ?? "{}")
                cards.append(SurveyCard(day: day, centre: s.text(1) ?? "", answers: answers, flood: s.int(3) != 0))
            }
            return cards
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}
