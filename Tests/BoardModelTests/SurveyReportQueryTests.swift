import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// `kiosk report` counts with SQL (`SurveyStore.report`); staff must get exactly the report of
/// the plain computation (`SurveyReport(definition:cards:…)`), whatever answers an old survey
/// file held: such a file opens, converts to rows and still counts every card as before.
final class SurveyReportQueryTests: XCTestCase {
    static func day(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    static let topic = SurveyDefinition.Question(
        id: "topic", kind: .choice, text: LocalizedText(bg: "Тема"),
        options: [
            .init(id: "civil", text: LocalizedText(bg: "ГРАО", en: "Civil")),
            .init(id: "данъци", text: LocalizedText(bg: "Данъци")),
            .init(id: "caf\u{E9}", text: LocalizedText(bg: "Кафе")),  // NFC; some cards store it NFD
            .init(id: "other", text: LocalizedText(bg: "Друго")),
        ])

    /// The card of the demo content, plus a non-ASCII question id and a second comment question.
    static let main = SurveyDefinition(
        title: LocalizedText(bg: "Анкета"),
        questions: [
            .init(id: "overall", kind: .faces, text: LocalizedText(bg: "Доволни ли сте?")),
            topic,
            .init(id: "waiting", kind: .scale, text: LocalizedText(bg: "Чакане")),
            .init(id: "оценка", kind: .scale, text: LocalizedText(bg: "Оценка")),
            .init(id: "comment", kind: .comment, text: LocalizedText(bg: "Коментар")),
            .init(id: "note", kind: .comment, text: LocalizedText(bg: "Бележка")),
        ])

    /// Satisfaction measured on a scale, no choice question.
    static let scaleOnly = SurveyDefinition(
        title: LocalizedText(bg: "Анкета"),
        questions: [
            .init(id: "waiting", kind: .scale, text: LocalizedText(bg: "Чакане")),
            .init(id: "comment", kind: .comment, text: LocalizedText(bg: "Коментар")),
        ])

    /// Odd definitions a hand-written survey.json might hold: repeated ids, a repeated option,
    /// two choice questions sharing options, a choice without options.
    static let odd = SurveyDefinition(
        title: LocalizedText(bg: "Анкета"),
        questions: [
            .init(id: "waiting", kind: .faces, text: LocalizedText(bg: "Чакане (лица)")),
            .init(id: "waiting", kind: .scale, text: LocalizedText(bg: "Чакане (скала)")),
            .init(
                id: "topic", kind: .choice, text: LocalizedText(bg: "Тема"),
                options: [
                    .init(id: "civil", text: LocalizedText(bg: "ГРАО")),
                    .init(id: "civil", text: LocalizedText(bg: "ГРАО пак")),
                    .init(id: "other", text: LocalizedText(bg: "Друго")),
                ]),
            .init(
                id: "overall", kind: .choice, text: LocalizedText(bg: "Пак тема"),
                options: [.init(id: "other", text: LocalizedText(bg: "Друго"))]),
            .init(id: "empty", kind: .choice, text: LocalizedText(bg: "Празен избор")),
            .init(id: "K", kind: .faces, text: LocalizedText(bg: "Келвин")),
            .init(id: "caf\u{E9}", kind: .scale, text: LocalizedText(bg: "Кафе")),
            .init(id: "comment", kind: .comment, text: LocalizedText(bg: "Коментар")),
            .init(id: "overall", kind: .comment, text: LocalizedText(bg: "Коментар пак")),
        ])

    /// Answers as stored over the years: what `save` writes, and what older or hand-made files hold.
    static let oddAnswers: [String] = [
        #"{"comment":"Много бързо, благодаря!","overall":4,"topic":"=civil","waiting":5}"#,
        #"{"overall":1,"topic":"=данъци","waiting":2,"оценка":3}"#,
        #"{"overall":3,"topic":"=cafe\#u{301}"}"#,  // NFD: the same option to Swift
        #"{"overall":2,"topic":"=caf\u00e9"}"#,  // escaped: the full parser
        #"{"waiting":4,"overall":4,"topic":"=zzz"}"#,  // an option no longer offered
        #"{"topic":"civil","overall":"4","waiting":"=3"}"#,  // no "=", numbers as text
        #"{"topic":"=","overall":4}"#, #"{"topic":"=\#u{301}civil","overall":3}"#,  // "=" + a combining mark: a text
        #"{}"#, #""#, #"not json"#, #"[1,2]"#, #"{"overall":null}"#, #"{"overall":true}"#,
        #"{"overall":2.5,"topic":"=civil"}"#,  // not a whole number: no answers at all
        #"{"overall":1e0}"#, #"{"overall":-1,"waiting":0}"#, #"{"overall":9,"waiting":6,"оценка":12345678901}"#,
        #"{"overall":007}"#, #"{"overall":1,"overall":4}"#, #"{"overall":4,"topic":"=civil",}"#,
        #"{ "overall" : 4 , "topic" : "=other" }"#, #"{"overall":4}trailing"#, #"{"overall":"#,
        #"{"comment":"   ","overall":4}"#,  // blank comment: left out
        #"{"comment":"\"бавно\" \\ \n на\tгише\u0007 3","overall":1}"#,
        #"{"comment":"Опашка\u001b[2J","note":"и бележка","overall":2}"#,
        #"{"comment":"=not an option","overall":4}"#, #"{"comment":7,"note":"=civil"}"#,
        // NFC and NFD: equal to Swift
        #"{"comment":"\#u{C9}clair","overall":4}"#, #"{"comment":"E\#u{301}clair","overall":3}"#,
        #"{"comment":"Éclair","overall":2}"#,
        #"{"оценка":5,"overall":4,"topic":"=данъци","note":"Благодаря"}"#,
        #"{"\u043e\u0446\u0435\u043d\u043a\u0430":4}"#,  // the id escaped
        #"{"caf\#u{E9}":2}"#, #"{"cafe\#u{301}":3,"overall":1}"#,  // an id in NFC and NFD form
        #"{"K":1,"overall":4}"#, #"{"\#u{212A}":4,"overall":2}"#,  // KELVIN SIGN: "K" to Swift
        #"{"":3,"overall":1}"#,
        // The "'" escape of version 2: a text behind it, under a comment and under a choice.
        #"{"comment":"'=)","overall":4}"#, #"{"comment":"''цитат'","overall":3}"#, #"{"comment":"'","overall":2}"#,
        #"{"topic":"'=civil","overall":4}"#, #"{"comment":"'\#u{301}x","overall":1}"#,
        #"{"comment":"=)","overall":4}"#,  // a version 1 comment "=)": still a comment
        // What JSONEncoder wrote for comments with "/", quotes and backslashes.
        #"{"comment":"Чакахме на гише 3\/4, \"бавно\" \\ C:\\x","overall":2,"topic":"=civil"}"#,
        #"{"waiting":1,"overall":5,"comment":"=not an option? \"quoted\" \\ \n"}"#,
        #"{"comment":"x\u0041","overall":1e3}"#, #"{"topic":"=civ\u0069l","overall":true}"#,
    ]

    /// An old survey file (layout version 2) holding every odd answer on several days, and seeded
    /// random cards besides; and the cards it holds as they were always read: the answers that
    /// JSONDecoder gives for `[String: SurveyAnswer]` (none when it gives nothing), days that are
    /// no dates left out, in the order of their days and ids.
    func oldSurveyFile() throws -> (path: String, cards: [SurveyCard]) {
        let path = Fixtures.temporaryDirectory(self) + "/survey.db"
        var random = SplitMix(seed: 2026)
        var ids = Set<Int>()
        var stored: [LegacySurveyFile.Card] = []
        func add(_ day: String, _ answers: String, flood: Bool = false) {
            var id = Int(truncatingIfNeeded: random.next() >> 2)
            while !ids.insert(id).inserted { id += 1 }
            stored.append(LegacySurveyFile.Card(id: id, day: day, answers: answers, flood: flood))
        }
        let days = [
            "2025-12-31", "2026-01-01", "2026-01-15", "2026-02-28", "2026-03-10", "2026-03-20", "2026-06-30",
            "2026-07-01", "2026-02-30", "2026-1-5", "2026-03-1O", "２０２６-03-10",
        ]
        for (i, answers) in Self.oddAnswers.enumerated() {
            for (j, day) in days.enumerated() where (i + j) % 3 != 2 {
                add(day, answers, flood: (i + j) % 7 == 0)
            }
        }
        let pieces = [
            #""overall":1"#, #""overall":3"#, #""overall":4"#, #""waiting":5"#, #""waiting":2"#,
            #""topic":"=civil""#, #""topic":"=other""#, #""topic":"=данъци""#, #""comment":"Добре""#,
            #""comment":"Зле""#, #""note":"x""#,
            #""оценка":4"#, #""overall":2.0"#, #""comment":"a\"b""#, #""comment":"3\/4""#,
        ]
        for _ in 0..<600 {
            let chosen = pieces.filter { _ in random.next() % 3 == 0 }
            let day = "2026-0\(1 + random.next() % 6)-\(10 + random.next() % 19)"
            add(day, "{" + chosen.joined(separator: ",") + "}", flood: random.next() % 11 == 0)
        }
        try LegacySurveyFile.write(path, cards: stored)
        let decoder = JSONDecoder()
        let cards = stored.compactMap { card -> (Int, SurveyCard)? in
            guard let day = CalendarDate(iso: card.day) else { return nil }
            let answers = (try? decoder.decode([String: SurveyAnswer].self, from: Data(card.answers.utf8))) ?? [:]
            return (card.id, SurveyCard(day: day, centre: "Център", answers: answers, flood: card.flood))
        }
        return (path, cards.sorted { ($0.1.day, $0.0) < ($1.1.day, $1.0) }.map(\.1))
    }

    func testAnOldFileConvertsToTheCardsItHeld() throws {
        let (path, expected) = try oldSurveyFile()
        let store = try SurveyStore(path: path)
        let all = try store.cards(from: Self.day("2000-01-01"), to: Self.day("2100-12-31"))
        XCTAssertEqual(all.count, expected.count)
        for (card, wanted) in zip(all, expected) { XCTAssertEqual(card, wanted) }
        let db = try SQLiteConnection(path: path, readOnly: true)
        XCTAssertEqual(try db.scalarInt("PRAGMA user_version"), 3)
        XCTAssertEqual(
            try db.scalarInt("SELECT count(*) FROM pragma_table_info('cards') WHERE name = 'answers'"), 0,
            "no JSON is left behind")
        XCTAssertEqual(
            try db.scalarInt("SELECT count(*) FROM cards"), Self.oddAnswers.count * 8 + 600,
            "every card is kept, those whose day or answers cannot be read too")
    }

    func testAConversionThatCannotFinishLeavesTheOldFileAsItWas() throws {
        let (path, _) = try oldSurveyFile()
        // Something in the way of the new layout, met after the first steps of the conversion.
        let db = try SQLiteConnection(path: path, readOnly: false)
        try db.execute("CREATE TABLE answers (x)")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try SurveyStore(path: path)) { error in
            XCTAssertTrue("\(error)".contains(path), "the message names the file: \(error)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "not one card half-converted")
        XCTAssertEqual(try db.scalarInt("PRAGMA user_version"), 2)
        XCTAssertEqual(
            try db.scalarInt("SELECT count(*) FROM cards WHERE length(answers) > 0"),
            Self.oddAnswers.count * 8 - 8 + 600, "every card keeps its JSON (but the one stored empty)")
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM sqlite_master WHERE name = 'cards_json'"), 0)
    }

    func testTheQueriedReportIsThePlainOne() throws {
        let (path, all) = try oldSurveyFile()
        let store = try SurveyStore(path: path)
        let periods = [
            ("2026-01-01", "2026-06-30"), ("2025-12-01", "2026-12-31"), ("2026-03-10", "2026-03-10"),
            ("2026-02-01", "2026-02-28"), ("2026-03-20", "2026-03-10"),
        ]
        for definition in [Self.main, Self.scaleOnly, Self.odd] {
            for (f, t) in periods {
                let (from, to) = (Self.day(f), Self.day(t))
                let cards = all.filter { $0.day >= from && $0.day <= to }
                XCTAssertEqual(try store.cards(from: from, to: to), cards)
                for includeFloods in [false, true] {
                    let plain = SurveyReport(
                        definition: definition, cards: cards, from: from, to: to,
                        includeFloods: includeFloods)
                    let queried = try store.report(
                        definition: definition, from: from, to: to,
                        includeFloods: includeFloods)
                    let context = "\(definition.questions.map(\.id)) \(f)…\(t) floods \(includeFloods)"
                    XCTAssertEqual(queried, plain, context)
                    XCTAssertEqual(ReportFormat.text.render(queried), ReportFormat.text.render(plain), context)
                }
            }
        }
    }

    /// The odd answers are really in the report: a check that the comparison above compares something.
    func testOddAnswersCountAsBefore() throws {
        let store = try SurveyStore(path: try oldSurveyFile().path)
        let r = try store.report(definition: Self.main, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        let topics = Dictionary(uniqueKeysWithValues: r.questions[1].buckets.map { ($0.key, $0.count) })
        XCTAssertGreaterThan(topics["caf\u{E9}"] ?? 0, 0, "an option stored in another Unicode form still counts")
        XCTAssertGreaterThan(r.questions[3].answered, 0, "a question with a Cyrillic id is counted")
        XCTAssertTrue(
            r.comments.contains { $0.text.hasPrefix("\"бавно\" \\ ") && $0.text.hasSuffix(" на гише 3") },
            "escapes read, tabs and line breaks as spaces, other control characters removed")
        XCTAssertFalse(r.comments.contains { $0.text.isEmpty }, "a blank comment is left out")
        XCTAssertTrue(
            r.comments.contains { $0.text == #"Чакахме на гише 3/4, "бавно" \ C:\x"# },
            "a comment as JSONEncoder wrote it (\\/ for /) reads as typed")
        XCTAssertTrue(r.comments.contains { $0.text == "и бележка" }, "the second comment question's comments")
        XCTAssertEqual(r.months.map(\.month), ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"])
        XCTAssertGreaterThan(r.floods, 0)
    }

    func testAShortPeriodOfALargeFileCountsItsCards() throws {
        let store = try SurveyStore(path: Fixtures.temporaryDirectory(self) + "/survey.db")
        // Ten cards a day for 400 days from 1 January 2026.
        var days = [Self.day("2026-01-01")]
        while days.count < 400 {
            let d = days.last!
            days.append(
                CalendarDate(year: d.year, month: d.month, day: d.day + 1)
                    ?? CalendarDate(year: d.year + d.month / 12, month: d.month % 12 + 1, day: 1)!)
        }
        try store.save(
            (0..<4000).map { i in
                SurveyCard(
                    day: days[i / 10], centre: "Ц",
                    answers: ["overall": .value(i % 4 + 1), "topic": .option("civil")])
            })
        let week = try store.report(definition: Self.main, from: Self.day("2026-03-01"), to: Self.day("2026-03-07"))
        XCTAssertEqual(week.cards, 70)
        // The week's cards are the 591st to the 660th: 3, 4, 1, 2, 3, …
        XCTAssertEqual(week.questions[0].buckets.map(\.count), [17, 17, 18, 18])
        XCTAssertEqual(week.groups.first?.cards, 70)
        XCTAssertEqual(week.groups.first?.satisfied ?? 0, 36.0 / 70.0, accuracy: 1e-9)
        XCTAssertEqual(week.months.map(\.cards), [70])
    }

    func testAReportLeavesTheSurveyFileAsItWas() throws {
        let store = try SurveyStore(path: try oldSurveyFile().path)
        let before = try Data(contentsOf: URL(fileURLWithPath: store.path))
        let modified = try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date
        _ = try store.report(definition: Self.main, from: Self.day("2026-01-01"), to: Self.day("2026-06-30"))
        _ = try SurveyStore(path: store.path).report(
            definition: Self.main, from: Self.day("2026-03-01"),
            to: Self.day("2026-03-07"))
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: store.path)), before)
        let after = try FileManager.default.attributesOfItem(atPath: store.path)[.modificationDate] as? Date
        XCTAssertEqual(after, modified)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path + "-journal"))
    }
}
