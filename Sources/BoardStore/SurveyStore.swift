import BoardCore
import CSQLite

/// Where survey cards are kept: a database file of its own, apart from the board database.
///
/// Several terminals may write it at once, so it uses SQLite's rollback journal (the WAL-reset
/// bug needs WAL mode) with `synchronous = FULL`: when `save` returns, the card survives a
/// `kill -9` or a power cut. A card is a row of `cards` (its id, day, centre and flood mark) and
/// one row of `answers` per question answered. Cards get random ids and `answers` has no rowid
/// (it is keyed by question and card), so the order of rows says nothing about the order in
/// which visitors came; nothing holds a time.
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
                        try migrate(from: version)
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
        if version > SurveyStore.schemaVersion {
            throw .newerSchema(path: path, found: version, supported: SurveyStore.schemaVersion)
        }
    }

    /// The layout of the survey file this build reads and writes.
    package static let schemaVersion = 3

    /// The tables of version 3.
    ///
    /// `answers` carries a copy of its card's day and flood mark (a card never changes), so that
    /// the report counts every question's answers from `answers_by_day` alone, in the order it
    /// groups them, without a sort or a look-up of the card per answer; `answers_by_option`
    /// gives the cards of each topic in card order, for satisfaction by topic. Exactly one of
    /// `value` (faces, scale), `option` (choice) and `text` (comment) is set.
    static let schema = """
        CREATE TABLE cards (id INTEGER PRIMARY KEY, day TEXT NOT NULL, centre TEXT NOT NULL, flood INTEGER NOT NULL);
        CREATE INDEX cards_by_day ON cards (day, flood);
        CREATE TABLE answers (
            question TEXT NOT NULL, card INTEGER NOT NULL,
            value INTEGER, option TEXT, text TEXT,
            day TEXT NOT NULL, flood INTEGER NOT NULL,
            PRIMARY KEY (question, card),
            CHECK ((value IS NOT NULL) + (option IS NOT NULL) + (text IS NOT NULL) = 1)
        ) WITHOUT ROWID;
        CREATE INDEX answers_by_day ON answers (day, question, value, option, flood);
        CREATE INDEX answers_by_option ON answers (question, option, card, day, flood) WHERE option IS NOT NULL;
        """

    /// Saves a card durably; returns only once it is on disk.
    public func save(_ card: SurveyCard) throws(StoreError) {
        try save([card])
    }

    /// Saves cards durably in one transaction: all of them or, on an error, none.
    public func save(_ cards: [SurveyCard]) throws(StoreError) {
        do throws(SQLiteError) {
            try db.execute("BEGIN IMMEDIATE")
            do throws(SQLiteError) {
                let card = try db.cached("INSERT INTO cards (id, day, centre, flood) VALUES (?, ?, ?, ?)")
                let answer = try db.cached(SurveyStore.insertAnswer)
                var generator = SystemRandomNumberGenerator()
                var rows: [(question: String, card: Int, answer: SurveyAnswer, day: String, flood: Bool)] = []
                for c in cards {
                    let id = try SurveyStore.insert(c, with: card, using: &generator)
                    let day = c.day.iso
                    for (question, a) in c.answers { rows.append((question, id, a, day, c.flood)) }
                }
                // In the order of the key: many cards' answers then go to a page at once.
                rows.sort { a, b in
                    a.question.utf8.elementsEqual(b.question.utf8)
                        ? a.card < b.card : a.question.utf8.lexicographicallyPrecedes(b.question.utf8)
                }
                for r in rows {
                    try SurveyStore.insert(
                        r.answer, question: r.question, card: r.card, day: r.day, flood: r.flood,
                        with: answer)
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

    static let insertAnswer = """
        INSERT INTO answers (question, card, value, option, text, day, flood) VALUES (?, ?, ?, ?, ?, ?, ?)
        """

    /// Inserts the card row under a random id, and returns the id.
    private static func insert(
        _ card: SurveyCard, with insert: SQLiteStatement,
        using generator: inout SystemRandomNumberGenerator
    ) throws(SQLiteError) -> Int {
        var lastError = SQLiteError(code: 19, message: "no free card id")
        for _ in 0..<8 {
            let id = Int.random(in: 1...Int.max, using: &generator)
            do {
                try insert.bind(.int(id), .text(card.day.iso), .text(card.centre), .int(card.flood ? 1 : 0)).run()
                return id
            } catch {
                lastError = error
                // A random id already taken (vanishingly rare): draw another; anything else fails.
                if error.code & 0xFF != 19 { break }
            }
        }
        throw lastError
    }

    /// Inserts one answer row of card `card`.
    static func insert(
        _ answer: SurveyAnswer, question: String, card: Int, day: String, flood: Bool,
        with insert: SQLiteStatement
    ) throws(SQLiteError) {
        let (value, option, text): (SQLiteValue?, SQLiteValue?, SQLiteValue?) =
            switch answer {
            case .value(let v): (.int(v), nil, nil)
            case .option(let o): (nil, .text(o), nil)
            case .text(let t): (nil, nil, .text(t))
            }
        try insert.bind(.text(question), .int(card), value, option, text, .text(day), .int(flood ? 1 : 0)).run()
    }

    /// The cards of the days from `from` to `to`, inclusive, in the order of their days (and of
    /// their random ids within a day). Days stored in another form than `YYYY-MM-DD` are left out.
    public func cards(from: CalendarDate, to: CalendarDate) throws(StoreError) -> [SurveyCard] {
        do {
            var answers: [Int: [String: SurveyAnswer]] = [:]
            let a = try db.prepare("SELECT card, question, value, option, text FROM answers WHERE +day BETWEEN ? AND ?")
            a.bind(.text(from.iso), .text(to.iso))
            while try a.step() {
                let answer: SurveyAnswer
                if !a.isNull(2) {
                    answer = .value(a.int(2))
                } else if let option = a.text(3) {
                    answer = .option(option)
                } else {
                    answer = .text(a.text(4) ?? "")
                }
                answers[a.int(0), default: [:]][a.text(1) ?? ""] = answer
            }
            let s = try db.prepare(
                """
                SELECT id, day, centre, flood FROM cards WHERE day BETWEEN ? AND ? ORDER BY day, id
                """)
            s.bind(.text(from.iso), .text(to.iso))
            var cards: [SurveyCard] = []
            while try s.step() {
                guard let day = s.text(1).flatMap(CalendarDate.init(iso:)) else { continue }
                cards.append(
                    SurveyCard(
                        day: day, centre: s.text(2) ?? "", answers: answers[s.int(0)] ?? [:],
                        flood: s.int(3) != 0))
            }
            return cards
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}
