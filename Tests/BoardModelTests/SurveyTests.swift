import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import FoundationXML
import XCTest

/// The satisfaction card: answering by tap and key, the thanks-only-after-durable rule,
/// anonymity, floods and the report's figures.
final class SurveyTests: XCTestCase {
    /// A board on the demo content with a survey store in a temporary directory.
    func board(
        surveyPath: String? = nil, size: TerminalSize = TerminalSize(columns: 80, rows: 24)
    ) throws -> (BoardProgram, String) {
        let dir = Fixtures.temporaryDirectory(self)
        let path = surveyPath ?? dir + "/survey.db"
        let store = try BoardDatabase(path: try Fixtures.database(self), readOnly: true)
        let program = BoardProgram.embedded(
            BoardState(size: size, now: Fixtures.now),
            work: BoardWork(store: store, surveyStore: try? SurveyStore(path: path)))
        program.start()
        return (program, path)
    }

    func storedCards(_ path: String) throws -> [SurveyCard] {
        try SurveyStore(path: path).cards(from: CalendarDate(iso: "2000-01-01")!, to: CalendarDate(iso: "2100-01-01")!)
    }

    func testAnsweringByKeysAndTapsWithSkipAndBack() throws {
        let (program, path) = try board()
        program.press(.enter, .character("4"))
        XCTAssertEqual(program.state.screen, .survey(step: 0))
        program.tap(onText: "Много доволен")
        XCTAssertEqual(program.state.screen, .survey(step: 1))
        program.press(.character("2"))  // taxes, by digit
        XCTAssertEqual(program.state.screen, .survey(step: 2))
        program.press(.escape)  // back to the topic, answer kept
        XCTAssertEqual(program.state.screen, .survey(step: 1))
        XCTAssertTrue(program.screenText.contains("✔ 2"), "the answer already given is marked")
        program.press(.right, .enter)  // change it to the third topic by arrows
        program.tap(onText: "Пропусни ▶")  // skip the waiting time
        program.press(.character("3"))  // staff: happy
        XCTAssertEqual(program.state.screen, .survey(step: 4))
        for c in "Бързо и ясно" { program.press(.character(c)) }
        program.tap(onText: "Готово ▶")
        XCTAssertEqual(program.state.screen, .surveyConfirm)
        XCTAssertTrue(try storedCards(path).isEmpty, "nothing is stored before the visitor confirms")
        program.tap(onText: "✔ Изпрати")
        XCTAssertEqual(program.state.screen, .surveyThanks)
        let cards = try storedCards(path)
        XCTAssertEqual(cards.count, 1)
        XCTAssertEqual(
            cards[0].answers,
            [
                "overall": .value(4), "topic": .option("construction"), "staff": .value(3),
                "comment": .text("Бързо и ясно"),
            ])
        XCTAssertEqual(cards[0].day, Fixtures.now.date)
        XCTAssertFalse(cards[0].flood)
    }

    func testThanksOnlyAfterTheCardIsStored() throws {
        // A survey file that cannot be written (its directory does not exist).
        let (program, _) = try board(surveyPath: "/nonexistent-dir/survey.db")
        program.press(.enter, .character("4"), .character("1"))
        for _ in 0..<4 { program.press(.pageDown) }
        XCTAssertEqual(program.state.screen, .surveyConfirm)
        program.press(.enter)
        XCTAssertEqual(program.state.screen, .surveyConfirm, "no thanks for a card that was not saved")
        XCTAssertTrue(program.screenText.contains("не можаха да бъдат записани"), program.screenText)
        XCTAssertTrue(program.screenText.contains("Опитайте отново"))
    }

    func testTheReducerWaitsForTheStore() throws {
        let (program, _) = try board()
        var state = program.state
        for event: Event in [.key(.enter), .key(.character("4")), .key(.character("2"))] {
            _ = Stage.reduce(&state, event)
        }
        for _ in 0..<4 { _ = Stage.reduce(&state, .key(.pageDown)) }
        let effects = Stage.reduce(&state, .key(.enter))
        guard case .saveCard(let card)? = effects.first else { return XCTFail("\(effects)") }
        XCTAssertEqual(card.answers, ["overall": .value(2)])
        XCTAssertEqual(state.screen, .surveyConfirm)
        XCTAssertTrue(Renderer.render(state).grid.text.contains("Записване"))
        XCTAssertEqual(Stage.reduce(&state, .key(.enter)), [], "a second Enter while saving does not send twice")
        _ = Stage.reduce(&state, .cardSaved)
        XCTAssertEqual(state.screen, .surveyThanks)
        XCTAssertTrue(state.survey.answers.isEmpty, "the card is forgotten once stored")
        _ = Stage.reduce(&state, .key(.escape))
        XCTAssertEqual(state.screen, .home, "after thanks a board goes home")
    }

    func testASurveyTerminalStartsOnTheFirstQuestionAndReturnsToIt() throws {
        let store = try BoardDatabase(path: try Fixtures.database(self), readOnly: true)
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        state.surveyMode = true
        let program = BoardProgram.embedded(
            state,
            work: BoardWork(
                store: store, surveyStore: try SurveyStore(path: Fixtures.temporaryDirectory(self) + "/s.db")))
        program.start()
        XCTAssertEqual(program.state.screen, .survey(step: 0))
        XCTAssertFalse(program.screenText.contains("Начало"), "no home menu on a survey terminal")
        program.press(.character("4"))
        for _ in 0..<4 { program.press(.pageDown) }
        program.press(.enter)
        XCTAssertEqual(program.state.screen, .surveyThanks)
        program.advanceTime(by: Double(SurveyProgress.thanksSeconds))
        XCTAssertEqual(program.state.screen, .survey(step: 0), "back to the first question by itself")
        XCTAssertTrue(program.state.survey.answers.isEmpty)
    }

    func testCardsSoonAfterEachOtherAreMarkedAsAFlood() throws {
        let (program, path) = try board()
        func card(at second: Int) {
            var t = Fixtures.now
            t.second = second
            program.send(.tick(t, monotonic: second))
            program.press(.home, .character("4"), .character("3"))
            for _ in 0..<4 { program.press(.pageDown) }
            program.press(.enter)
        }
        card(at: 0)
        card(at: 5)  // 5 s later: no visitor fills a card that fast
        card(at: 59)  // 54 s later: a new visitor
        let floods = try storedCards(path).map(\.flood).sorted { !$0 && $1 }
        XCTAssertEqual(floods, [false, false, true])
    }

    func testAStoredCardHoldsNothingButAnswersDayAndCentreInNoOrder() throws {
        let path = Fixtures.temporaryDirectory(self) + "/s.db"
        let store = try SurveyStore(path: path)
        for i in 1...20 {
            try store.save(
                SurveyCard(day: Fixtures.now.date, centre: "Център", answers: ["overall": .value(i % 4 + 1)]))
        }
        let db = try SQLiteConnection(path: path, readOnly: true)
        func columns(_ table: String) throws -> [String] {
            let columns = try db.prepare("SELECT name FROM pragma_table_info('\(table)') ORDER BY cid")
            var names: [String] = []
            while try columns.step() { names.append(columns.text(0) ?? "") }
            return names
        }
        XCTAssertEqual(try columns("cards"), ["id", "day", "centre", "flood"])
        XCTAssertEqual(
            try columns("answers"), ["question", "card", "value", "option", "text", "day", "flood"],
            "an answer carries its card's day and flood mark, nothing more")
        XCTAssertThrowsError(try db.prepare("SELECT rowid FROM answers"), "answers have no rowid to count visitors by")
        let inserted = (1...20).map { $0 % 4 + 1 }
        for sql in [
            "SELECT c.day, a.value FROM cards c JOIN answers a ON a.card = c.id ORDER BY c.id",
            "SELECT day, value FROM answers",
        ] {
            let rows = try db.prepare(sql)
            var order: [Int] = []
            while try rows.step() {
                XCTAssertEqual(rows.text(0), "2026-11-21", "the day, not the time")
                order.append(rows.int(1))
            }
            XCTAssertEqual(order.sorted(), inserted.sorted())
            XCTAssertNotEqual(order, inserted, "row order must not give away the order of visitors")
        }
    }

    func testACommentThatLooksLikeAnOptionIsKeptAsWritten() throws {
        let path = Fixtures.temporaryDirectory(self) + "/s.db"
        let store = try SurveyStore(path: path)
        let written = ["=)", "'цитат'", "=a", "''", "обикновен"]
        for text in written {
            try store.save(
                SurveyCard(
                    day: Self.day("2026-02-01"), centre: "Ц",
                    answers: ["overall": .value(4), "topic": .option("a"), "comment": .text(text)]))
        }
        let report = try store.report(
            definition: Self.definition, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        XCTAssertEqual(
            report.comments.map(\.text).sorted(), written.sorted(),
            "every comment reaches the report as the visitor typed it")
        let topic = try XCTUnwrap(report.questions.first { $0.id == "topic" })
        XCTAssertEqual(topic.answered, written.count, "the options still count as options")
        for answer in written.map(SurveyAnswer.text) + [.option("a"), .option("=x"), .value(3)] {
            XCTAssertEqual(
                try JSONDecoder().decode(SurveyAnswer.self, from: try JSONEncoder().encode(answer)), answer, "\(answer)"
            )
        }
    }

    func testCardsOfAVersion1FileKeepTheirCommentsAsWritten() throws {
        // A survey file as the first version wrote it: texts as typed, nothing escaped.
        let path = Fixtures.temporaryDirectory(self) + "/v1.db"
        let old = try SQLiteConnection(path: path, readOnly: false, create: true)
        try old.execute(
            """
            CREATE TABLE cards (id INTEGER PRIMARY KEY, day TEXT NOT NULL, centre TEXT NOT NULL,
                answers TEXT NOT NULL, flood INTEGER NOT NULL);
            CREATE INDEX cards_by_day ON cards (day);
            INSERT INTO cards VALUES (11, '2026-02-01', 'Ц', '{"comment":"''цитат''","overall":4,"topic":"=a"}', 0);
            INSERT INTO cards VALUES (12, '2026-02-02', 'Ц', '{"comment":"=)","overall":3,"topic":"=b"}', 0);
            INSERT INTO cards VALUES (13, '2026-02-03', 'Ц', '{"comment":"обикновен","overall":2}', 0);
            INSERT INTO cards VALUES (15, '2026-08-01', 'Ц', \
            '{"comment":"''x","flag":true,"list":[1,"''y"],"none":null}', 0);
            INSERT INTO cards VALUES (14, '2026-02-04', 'Ц', 'not json', 0);
            PRAGMA user_version = 1;
            """)
        let store = try SurveyStore(path: path)
        let report = try store.report(
            definition: Self.definition, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        XCTAssertEqual(report.comments.map(\.text).sorted(), ["'цитат'", "=)", "обикновен"].sorted())
        XCTAssertEqual(report.questions.first { $0.id == "topic" }?.answered, 2, "the options are still options")
        let after = try SQLiteConnection(path: path, readOnly: true)
        XCTAssertEqual(try after.scalarInt("PRAGMA user_version"), 3)
        let all = try store.cards(from: Self.day("2000-01-01"), to: Self.day("2100-01-01"))
        XCTAssertEqual(
            all.map(\.day.iso), ["2026-02-01", "2026-02-02", "2026-02-03", "2026-02-04", "2026-08-01"],
            "every card is kept")
        XCTAssertEqual(
            all[2].answers, ["comment": .text("обикновен"), "overall": .value(2)],
            "a card that needed no escape keeps its answers")
        XCTAssertEqual(
            all[0].answers, ["comment": .text("'цитат'"), "overall": .value(4), "topic": .option("a")],
            "a text that began with \"'\" keeps it")
        XCTAssertEqual(all[3].answers, [:], "answers that were never JSON were never read, and are none now")
        XCTAssertEqual(all[4].answers, [:], "nor answers holding values other than numbers and strings")
        // Opening it again changes nothing more.
        _ = try SurveyStore(path: path)
        let again = try store.report(
            definition: Self.definition, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        XCTAssertEqual(again, report)
    }

    // MARK: the report, on a small fixed set computed by hand

    static let definition = SurveyDefinition(
        title: LocalizedText(bg: "Анкета"),
        questions: [
            .init(id: "overall", kind: .faces, text: LocalizedText(bg: "Доволни ли сте?")),
            .init(
                id: "topic", kind: .choice, text: LocalizedText(bg: "Тема"),
                options: [.init(id: "a", text: LocalizedText(bg: "А")), .init(id: "b", text: LocalizedText(bg: "Б"))]),
            .init(id: "wait", kind: .scale, text: LocalizedText(bg: "Чакане")),
            .init(id: "comment", kind: .comment, text: LocalizedText(bg: "Коментар")),
        ])

    static func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    static let cards: [SurveyCard] = [
        SurveyCard(
            day: day("2026-01-10"), centre: "Ц",
            answers: [
                "overall": .value(4), "topic": .option("a"), "wait": .value(5),
                "comment": .text("Много добре, благодаря"),
            ]),
        SurveyCard(
            day: day("2026-01-20"), centre: "Ц",
            answers: ["overall": .value(1), "topic": .option("b"), "wait": .value(2)]),
        SurveyCard(
            day: day("2026-02-05"), centre: "Ц",
            answers: [
                "overall": .value(3), "topic": .option("a"), "comment": .text("Дълга опашка, \"бавно\"\u{1b}[2J"),
            ]),
        SurveyCard(day: day("2026-03-01"), centre: "Ц", answers: ["overall": .value(2), "wait": .value(4)]),
        SurveyCard(day: day("2026-03-02"), centre: "Ц", answers: ["overall": .value(4)], flood: true),
        SurveyCard(day: day("2026-07-01"), centre: "Ц", answers: ["overall": .value(1)]),  // outside the period
    ]

    func testReportFiguresMatchHandComputedOnes() {
        let r = SurveyReport(
            definition: Self.definition, cards: Self.cards, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        XCTAssertEqual(r.cards, 4)
        XCTAssertEqual(r.floods, 1)
        let overall = r.questions[0]
        XCTAssertEqual(overall.buckets.map(\.count), [1, 1, 1, 1])
        XCTAssertEqual(overall.mean!, 2.5, accuracy: 1e-9)  // (4+1+3+2)/4
        XCTAssertEqual(overall.satisfied!, 0.5, accuracy: 1e-9)  // 4 and 3 of four
        let wait = r.questions[2]
        XCTAssertEqual(wait.answered, 3)
        XCTAssertEqual(wait.mean!, 11.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(wait.satisfied!, 2.0 / 3.0, accuracy: 1e-9)  // 5 and 4 of three
        XCTAssertEqual(r.questions[1].buckets.map(\.count), [2, 1])
        XCTAssertEqual(r.groups.map(\.cards), [2, 1])
        XCTAssertEqual(r.groups[0].satisfied!, 1.0, accuracy: 1e-9)  // a: 4 and 3
        XCTAssertEqual(r.groups[1].satisfied!, 0.0, accuracy: 1e-9)  // b: 1
        XCTAssertEqual(r.months.map(\.month), ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        XCTAssertEqual(r.months.map(\.cards), [2, 1, 1, 0, 0, 0])
        XCTAssertEqual(
            r.comments.map(\.text), ["Много добре, благодаря", "Дълга опашка, \"бавно\"[2J"],
            "comments as written, control characters removed")
        let withFloods = SurveyReport(
            definition: Self.definition, cards: Self.cards, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"),
            includeFloods: true)
        XCTAssertEqual(withFloods.cards, 5)
    }

    func testTheDefaultPeriodIsTheLastFullHalfYear() {
        XCTAssertEqual(SurveyReport.lastHalfYear(before: Self.day("2026-11-21")).0, Self.day("2026-01-01"))
        XCTAssertEqual(SurveyReport.lastHalfYear(before: Self.day("2026-11-21")).1, Self.day("2026-06-30"))
        XCTAssertEqual(SurveyReport.lastHalfYear(before: Self.day("2027-03-01")).0, Self.day("2026-07-01"))
        XCTAssertEqual(SurveyReport.lastHalfYear(before: Self.day("2027-03-01")).1, Self.day("2026-12-31"))
    }

    func testCSVIsWellFormedWithCyrillicAndNoFormulas() throws {
        var cards = Self.cards
        cards.append(
            SurveyCard(day: Self.day("2026-04-01"), centre: "Ц", answers: ["comment": .text("=HYPERLINK(\"x\")")]))
        let r = SurveyReport(
            definition: Self.definition, cards: cards, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        let csv = ReportFormat.csv.render(r)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"), "a byte-order mark so spreadsheets read UTF-8")
        let rows = parseCSV(String(csv.dropFirst()))
        XCTAssertEqual(Set(rows.map(\.count)), [7], "every row has the header's seven fields")
        XCTAssertTrue(rows.contains { $0[0] == "comment" && $0[2] == "Дълга опашка, \"бавно\"[2J" })
        XCTAssertTrue(
            rows.contains { $0[0] == "comment" && $0[2] == "'=HYPERLINK(\"x\")" }, "a formula is written as text")
        XCTAssertTrue(
            rows.contains {
                $0[0] == "answers" && $0[1] == "Доволни ли сте?" && $0[2] == "Много доволен" && $0[3] == "1"
            })
    }

    /// RFC 4180: fields separated by commas, quoted fields with doubled quotes, CRLF rows.
    func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars = chars.dropFirst() } else { quoted = false }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else {
                field.append(c)
            }
        }
        return rows
    }

    func testSVGIsWellFormedXMLWithABarPerAnswer() throws {
        let r = SurveyReport(
            definition: Self.definition, cards: Self.cards, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        let svg = ReportFormat.svg.render(r)
        let delegate = ElementCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = delegate
        XCTAssertTrue(parser.parse(), "SVG does not parse: \(parser.parserError.map { "\($0)" } ?? "")")
        XCTAssertEqual(delegate.root, "svg")
        // 4 faces + 2 options + 5 scale values + 6 months, plus the background.
        XCTAssertEqual(delegate.counts["rect"], 4 + 2 + 5 + 6 + 1)
        XCTAssertTrue(svg.contains("Доволни ли сте?"))
    }

    func testTextAndMarkdownCarryTheFigures() {
        let r = SurveyReport(
            definition: Self.definition, cards: Self.cards, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        let text = ReportFormat.text.render(r)
        XCTAssertTrue(text.contains("Карти / Cards: 4"))
        XCTAssertTrue(text.contains("Маркирани като поток / Flagged floods: 1"))
        XCTAssertTrue(text.contains("Средно / Mean: 2.50   Доволни / Satisfied: 50 %"), text)
        let md = ReportFormat.md.render(r)
        XCTAssertTrue(md.contains("| Много доволен / Very happy | 1 | 25 % |"), md)
    }

    func testSurveyDefinitionErrorsAreNamedAndNothingIsImported() throws {
        let database = try Fixtures.database(self, content: Fixtures.madanContent)
        let before = try BoardDatabase(path: database, readOnly: true).loadCatalogue()
        let cases: [(String, String, String)] = [
            (
                #"{"title": {"bg": "А"}, "questions": [{"id": "q", "kind": "stars", "text": {"bg": "В"}}]}"#,
                "questions[0].kind", "unknown question kind \"stars\""
            ),
            (
                #"{"title": {"bg": "А"}, "questions": [{"id": "q", "kind": "faces", "text": {"bg": "В"}}, "#
                    + #"{"id": "q", "kind": "scale", "text": {"bg": "Г"}}]}"#,
                "questions[1].id", "duplicate question id"
            ),
            (
                #"{"title": {"bg": "А"}, "questions": [{"id": "q", "kind": "choice", "text": {"bg": "В"}}]}"#,
                "questions[0].options", "missing required field"
            ),
            (
                #"{"title": {"bg": "А"}, "questions": "#
                    + #"[{"id": "q", "kind": "faces", "text": {"bg": "В"}, "options": "categories"}]}"#,
                "questions[0].options", "only choice questions"
            ),
            (#"{"title": {"bg": "А"}, "questions": []}"#, "questions", "1 to 10 questions"),
        ]
        for (json, field, words) in cases {
            let broken = Fixtures.copyOfContent(self)
            try json.write(toFile: broken + "/survey.json", atomically: true, encoding: .utf8)
            do {
                try ContentImport.run(directory: broken, databasePath: database, timestamp: "t")
                XCTFail("imported a broken survey: \(json)")
            } catch .invalid(let error) {
                let issue = error.issues.first { $0.file == "survey.json" && $0.field == field }
                XCTAssertTrue(issue?.message.contains(words) == true, "\(field): \(error.description)")
            } catch {
                XCTFail("\(error)")
            }
        }
        XCTAssertEqual(try BoardDatabase(path: database, readOnly: true).loadCatalogue(), before)
    }

    func testPublishedResultsShowOnTheBoardWithBars() throws {
        let path = try Fixtures.database(self)
        let r = SurveyReport(
            definition: Self.definition, cards: Self.cards, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        try BoardDatabase(path: path, readOnly: false).publish(r, at: "2026-07-02 09:00:00")
        let program = BoardProgram.embedded(
            BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now),
            work: BoardWork(store: try BoardDatabase(path: path, readOnly: true)))
        program.start()
        program.press(.enter, .character("5"))
        XCTAssertEqual(program.state.catalogue?.results?.comments, [], "comments are not published to the lobby")
        XCTAssertEqual(program.state.catalogue?.results?.cards, 4)
        let text = program.screenText
        XCTAssertTrue(text.contains("Период: 01.01.2026 – 30.06.2026 · попълнени карти: 4"), text)
        XCTAssertTrue(text.contains("Доволни: 50 % · средна оценка 2.50"), text)
        XCTAssertTrue(text.contains("█"), "bars drawn with block characters")
    }
}

final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var root: String?
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        counts[name, default: 0] += 1
    }
}
