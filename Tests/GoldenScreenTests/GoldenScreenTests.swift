import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Golden screens of the demo content, driven by keys through the embedded loop exactly as a
/// visitor would. The files in Golden/ are reviewed by eye; `UPDATE_GOLDEN=1 swift test` rewrites them.
final class GoldenScreenTests: XCTestCase {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Golden"
    }()

    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 132, rows: 43)]

    func check(_ program: BoardProgram, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let size = program.state.size
        Golden.assert(
            program.screenText, named: "\(name)-\(size.columns)x\(size.rows)", directory: Self.directory, file: file,
            line: line)
    }

    /// Runs `steps` for each size and language, checking the screen named `name`.
    func eachSizeAndLanguage(
        _ name: String, languages: [Language] = [.bg, .en], _ steps: (BoardProgram) -> Void
    ) throws {
        for size in Self.sizes {
            for language in languages {
                let program = try Fixtures.program(self, size: size, language: language)
                steps(program)
                check(program, languages.count > 1 ? "\(name)-\(language.rawValue)" : name)
            }
        }
    }

    func testAttract() throws {
        try eachSizeAndLanguage("attract", languages: [.bg]) { _ in }
    }

    func testHome() throws {
        try eachSizeAndLanguage("home") { $0.press(.enter) }
    }

    func testCategories() throws {
        try eachSizeAndLanguage("categories") { $0.press(.enter, .character("1"), .down) }
    }

    func testCategoryServices() throws {
        try eachSizeAndLanguage("services-construction") { $0.press(.enter, .character("1"), .character("3")) }
    }

    /// How the focused item of a list is marked (▶ on a reverse-video bar), with its style map,
    /// after two steps down.
    func testListFocusMark() throws {
        let program = try Fixtures.program(self, size: TerminalSize(columns: 80, rows: 24), language: .bg)
        program.press(.enter, .character("1"), .character("3"), .down, .down)
        Golden.assert(
            Golden.styled(program.render().grid), named: "services-focus-styled-bg-80x24", directory: Self.directory)
    }

    /// The longest card (building permit), scrolled down one page.
    func testLongServiceCardScrolled() throws {
        try eachSizeAndLanguage("card-2025-scrolled") { program in
            program.press(.enter, .character("1"), .character("3"))
            let index = program.state.catalogue!.services(in: "construction").firstIndex { $0.number == "2025" }!
            program.send(.action(.open(index: index)))
            program.press(.pageDown)
        }
    }

    func testServiceCardTop() throws {
        try eachSizeAndLanguage("card-2079") { program in
            program.press(.enter, .character("1"), .character("1"))
            let index = program.state.catalogue!.services(in: "civil").firstIndex { $0.number == "2079" }!
            program.send(.action(.open(index: index)))
        }
    }

    func testContacts() throws {
        try eachSizeAndLanguage("contacts") { $0.press(.enter, .character("6")) }
    }

    func testCharter() throws {
        try eachSizeAndLanguage("charter") { $0.press(.enter, .character("7")) }
    }

    /// The smallest size the board works at: buttons shrink to bars, focus stays on its item.
    func testHomeAtTheMinimumSize() throws {
        let program = try Fixtures.program(self, size: TerminalSize.minimum)
        program.press(.enter, .down)
        Golden.assert(program.screenText, named: "home-bg-60x18", directory: Self.directory)
    }

    func testTooSmall() throws {
        let program = try Fixtures.program(self, size: TerminalSize(columns: 50, rows: 12))
        Golden.assert(program.screenText, named: "too-small-50x12", directory: Self.directory)
    }

    /// Search as typed, with the matched parts underlined (see the style map under the text).
    func testSearchResultsWithHighlights() throws {
        for size in Self.sizes {
            for (language, query) in [(Language.bg, "скица"), (.en, "naslednitsi")] {
                let program = try Fixtures.program(self, size: size, language: language)
                program.press(.enter, .character("2"))
                for character in query { program.press(.character(character)) }
                Golden.assert(
                    Golden.styled(program.render().grid),
                    named: "search-\(language.rawValue)-\(size.columns)x\(size.rows)", directory: Self.directory)
            }
        }
    }

    func testSearchWithNoResultOffersTopicsAndPhone() throws {
        let program = try Fixtures.program(self)
        program.press(.enter, .character("2"))
        for character in "жираф" { program.press(.character(character)) }
        check(program, "search-nothing")
    }

    func testSearchOnItsLatinKeyboardWithoutAQuery() throws {
        let program = try Fixtures.program(self, size: TerminalSize(columns: 132, rows: 43), language: .en)
        program.press(.enter, .character("2"))
        check(program, "search-empty-en")
    }

    /// Each kind of survey question, the confirmation and the thanks (80×24, the smallest
    /// size where every answer must be at least 5 rows × 12 columns).
    func testSurveyQuestionKinds() throws {
        let program = try Fixtures.program(self)
        program.press(.enter, .character("4"))
        check(program, "survey-faces")
        program.press(.character("3"))
        check(program, "survey-choice")
        program.press(.character("2"))
        check(program, "survey-scale")
        program.press(.pageDown)
        program.press(.pageDown)
        for c in "Благодаря" { program.press(.character(c)) }
        check(program, "survey-comment")
        program.press(.enter)
        check(program, "survey-confirm")
    }

    func testSurveyInEnglishAtTheLargerSize() throws {
        let program = try Fixtures.program(self, size: TerminalSize(columns: 132, rows: 43), language: .en)
        program.press(.enter, .character("4"))
        program.press(.right)
        check(program, "survey-faces-en")
    }

    func testPublishedSurveyResults() throws {
        let path = try Fixtures.database(self)
        let definition = try BoardDatabase(path: path, readOnly: true).surveyDefinition()!
        var cards: [SurveyCard] = []
        let answers: [(Int, String, Int)] = [
            (4, "civil", 5), (3, "taxes", 4), (4, "civil", 3), (1, "construction", 1), (2, "taxes", 2),
            (3, "civil", 4), (4, "other", 5), (3, "property", 4),
        ]
        for (i, a) in answers.enumerated() {
            cards.append(
                SurveyCard(
                    day: CalendarDate(year: 2026, month: 1 + i % 6, day: 10)!, centre: "Ц",
                    answers: ["overall": .value(a.0), "topic": .option(a.1), "waiting": .value(a.2)]))
        }
        let report = SurveyReport(
            definition: definition, cards: cards, from: CalendarDate(iso: "2026-01-01")!,
            to: CalendarDate(iso: "2026-06-30")!)
        try BoardDatabase(path: path, readOnly: false).publish(report, at: "2026-07-01 09:00:00")
        for size in Self.sizes {
            let program = BoardProgram.embedded(
                BoardState(size: size, now: Fixtures.now),
                work: BoardWork(store: try BoardDatabase(path: path, readOnly: true)))
            program.start()
            program.press(.enter, .character("5"))
            check(program, "survey-results")
        }
    }

    /// Content from a hostile source: escape sequences and control characters are shown as text.
    func testHostileContentNeverReachesTheTerminalAsControls() throws {
        let content = Fixtures.copyOfContent(self)
        let path = content + "/categories.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"bg\": \"Гражданска", with: "\"bg\": \"\\u001b[2J\\u001b]0;x\\u0007\\u009b1mГражданска")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let program = try Fixtures.program(self, content: content)
        program.press(.enter, .character("1"))
        let grid = program.render().grid
        for y in 0..<grid.height {
            for x in 0..<grid.width {
                for scalar in grid[x, y].text.unicodeScalars {
                    XCTAssertFalse(
                        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value),
                        "control U+\(String(scalar.value, radix: 16)) in a cell")
                }
            }
        }
        XCTAssertTrue(grid.text.contains("[2J]0;x1mГражданска"), grid.text)
    }
}
