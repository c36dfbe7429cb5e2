import BoardStore

/// A survey file as builds before answers were rows wrote it (layout versions 1 and 2): each
/// card's answers a JSON object in `cards.answers`.
public enum LegacySurveyFile {
    /// One stored card, as the old table held it.
    public struct Card {
        public var id: Int
        public var day: String
        public var answers: String
        public var flood: Bool

        public init(id: Int, day: String, answers: String, flood: Bool = false) {
            self.id = id
            self.day = day
            self.answers = answers
            self.flood = flood
        }
    }

    /// Writes a new file of layout `version` holding `cards`, all of centre "Център".
    public static func write(_ path: String, version: Int = 2, cards: [Card]) throws {
        let db = try SQLiteConnection(path: path, readOnly: false, create: true)
        try db.execute(
            """
            PRAGMA journal_mode = DELETE;
            CREATE TABLE cards (id INTEGER PRIMARY KEY, day TEXT NOT NULL, centre TEXT NOT NULL,
                answers TEXT NOT NULL, flood INTEGER NOT NULL);
            CREATE INDEX cards_by_day ON cards (day);
            BEGIN;
            """)
        let insert = try db.prepare(
            """
            INSERT INTO cards (id, day, centre, answers, flood) VALUES (?, ?, 'Център', ?, ?)
            """)
        for card in cards {
            try insert.bind(.int(card.id), .text(card.day), .text(card.answers), .int(card.flood ? 1 : 0)).run()
        }
        try db.execute("COMMIT; PRAGMA user_version = \(version)")
    }
}
