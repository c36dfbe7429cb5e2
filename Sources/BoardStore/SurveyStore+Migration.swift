import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension SurveyStore {
    /// Brings the file from `version` to `schemaVersion`, inside the caller's transaction.
    ///
    /// Versions 1 and 2 kept each card's answers as a JSON object in `cards.answers`; version 3
    /// keeps them as rows of `answers`. Every card is converted in the one transaction, so a file
    /// is either wholly old or wholly new, whatever stops the conversion.
    func migrate(from version: Int) throws(SQLiteError) {
        let tables = try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'cards'")
        guard tables ?? 0 > 0 else {
            try db.execute(SurveyStore.schema + "PRAGMA user_version = \(SurveyStore.schemaVersion);")
            return
        }
        // Version 2 stores a text answer that begins with "'" or "=" behind a "'"
        // (`SurveyAnswer.storedString`). Version 1 stored texts as typed: those that begin with
        // "'" get their "'" now, or reading would drop it. ("=…" under a comment question is read
        // as the comment it was; see `SurveyReport`.)
        if version == 1 { try db.execute(SurveyStore.escapeVersion1Texts) }
        try convertJSONAnswers()
        try db.execute("PRAGMA user_version = \(SurveyStore.schemaVersion)")
    }

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

    /// Version 2 → 3: the JSON answers of every card become rows of `answers`, read as they were
    /// always read: what JSONDecoder gives for `[String: SurveyAnswer]`, and no answers at all
    /// for a card whose object holds anything else (a fraction, `true`, a list) or is no object.
    /// Such a card stays a card: it was counted, with no answers, and still is.
    private func convertJSONAnswers() throws(SQLiteError) {
        try db.execute(
            """
            ALTER TABLE cards RENAME TO cards_json;
            DROP INDEX IF EXISTS cards_by_day;
            \(SurveyStore.schema)
            INSERT INTO cards (id, day, centre, flood)
                SELECT id, day, centre, CAST(flood AS INTEGER) != 0 FROM cards_json;
            """)
        let insert = try db.prepare(SurveyStore.insertAnswer)
        let old = try db.prepare("SELECT id, day, flood, answers FROM cards_json")
        let decoder = JSONDecoder()
        while try old.step() {
            guard let json = old.text(3),
                let answers = try? decoder.decode([String: SurveyAnswer].self, from: Data(json.utf8))
            else { continue }
            let card = old.int(0), day = old.text(1) ?? "", flood = old.int(2) != 0
            for (question, answer) in answers {
                try SurveyStore.insert(answer, question: question, card: card, day: day, flood: flood, with: insert)
            }
        }
        old.reset()
        try db.execute("DROP TABLE cards_json")
    }
}
