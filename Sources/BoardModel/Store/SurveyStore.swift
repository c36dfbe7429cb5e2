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
    let db: SQLiteConnection

    public init(path: String) throws(StoreError) {
        self.path = path
        let connection: SQLiteConnection
        do {
            connection = try SQLiteConnection(path: path, readOnly: false, create: true, busyTimeoutMs: 10_000)
        } catch {
            throw .unreadable(path: path, reason: error.message)
        }
        db = connection
        let version: Int
        do {
            try db.execute("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL")
            version = try db.scalarInt("PRAGMA user_version") ?? 0
            if version == 0 {
                // An interrupted BEGIN … COMMIT is rolled back when the connection closes.
                try db.execute("""
                    BEGIN IMMEDIATE;
                    CREATE TABLE IF NOT EXISTS cards (id INTEGER PRIMARY KEY, day TEXT NOT NULL, centre TEXT NOT NULL,
                        answers TEXT NOT NULL, flood INTEGER NOT NULL);
                    CREATE INDEX IF NOT EXISTS cards_by_day ON cards (day);
                    PRAGMA user_version = 1;
                    COMMIT;
                    """)
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
        if version > 1 { throw .newerSchema(path: path, found: version, supported: 1) }
    }

    /// Saves a card durably; returns only once it is on disk.
    public func save(_ card: SurveyCard) throws(StoreError) {
        let answers: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            answers = String(decoding: try encoder.encode(card.answers), as: UTF8.self)
        } catch {
            throw .failed(path: path, reason: "\(error)")
        }
        var generator = SystemRandomNumberGenerator()
        var lastError = SQLiteError(code: 19, message: "no free card id")
        for _ in 0..<8 {
            let id = Int.random(in: 1...Int.max, using: &generator)
            do {
                try db.prepare("INSERT INTO cards (id, day, centre, answers, flood) VALUES (?, ?, ?, ?, ?)")
                    .bind(.int(id), .text(card.day.iso), .text(card.centre), .text(answers), .int(card.flood ? 1 : 0)).run()
                return
            } catch {
                lastError = error
                // A random id already taken (vanishingly rare): draw another; anything else fails.
                if error.code & 0xFF != 19 { break }
            }
        }
        throw StoreError.from(lastError, path: path)
    }

    /// The cards of the days from `from` to `to`, inclusive.
    public func cards(from: CalendarDate, to: CalendarDate) throws(StoreError) -> [SurveyCard] {
        do {
            let s = try db.prepare("SELECT day, centre, answers, flood FROM cards WHERE day BETWEEN ? AND ? ORDER BY day")
            s.bind(.text(from.iso), .text(to.iso))
            var cards: [SurveyCard] = []
            let decoder = JSONDecoder()
            while try s.step() {
                guard let day = s.text(0).flatMap(CalendarDate.init(iso:)) else { continue }
                let answers = (try? decoder.decode([String: SurveyAnswer].self, from: Data((s.text(2) ?? "{}").utf8))) ?? [:]
                cards.append(SurveyCard(day: day, centre: s.text(1) ?? "", answers: answers, flood: s.int(3) != 0))
            }
            return cards
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}
