import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Golden screens of "Check my dossier": the lookup with each keypad, and the result on time,
/// overdue, ready for collection and refused, in Bulgarian and English, as of Saturday 21.11.2026.
final class DossierGoldenTests: XCTestCase {
    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 132, rows: 43)]

    func each(_ name: String, _ steps: (BoardProgram) -> Void) throws {
        for size in Self.sizes {
            for language in Language.allCases {
                let program = try Fixtures.dossierProgram(self, size: size, language: language)
                program.press(.enter, .character(Character(String(HomeItem.dossier.rawValue + 1))))
                steps(program)
                Golden.assert(
                    program.screenText, named: "\(name)-\(language.rawValue)-\(size.columns)x\(size.rows)",
                    directory: GoldenScreenTests.directory)
            }
        }
    }

    func testLookupNumberKeypad() throws {
        try each("dossier-lookup") { $0.type("2026-0001") }
    }

    func testLookupCodeKeypadAfterAWrongCode() throws {
        try each("dossier-lookup-code") { program in
            program.type("2026-000101")
            program.press(.tab)
            program.type("K7AH2M9XE4")
            program.press(.enter)
        }
    }

    func result(_ name: String, number: String, code: String) throws {
        try each("dossier-\(name)") { program in
            program.type(number)
            program.press(.tab)
            program.type(code)
            program.press(.enter)
            XCTAssertEqual(program.state.screen, .dossierResult, program.screenText)
        }
    }

    func testResultOnTime() throws { try result("on-time", number: "2026-000101", code: "K7AH2M9XE3") }
    func testResultOverdue() throws { try result("overdue", number: "2026-000102", code: "PT3XC58AYM") }
    func testResultReadyForCollection() throws { try result("ready", number: "2026-000103", code: "HC4EK7TP9X") }
    func testResultRefused() throws { try result("refused", number: "2026-000104", code: "YX8MA6CE2H") }
}

extension DossierGoldenTests {
    /// At the smallest size the keys shrink to one-row bars but every symbol stays on screen.
    func testLookupAtTheMinimumSize() throws {
        let program = try Fixtures.dossierProgram(self, size: TerminalSize.minimum)
        program.press(.enter, .character(Character(String(HomeItem.dossier.rawValue + 1))))
        program.type("2026-000101")
        program.press(.tab)
        program.type("K7A")
        let targets = program.render().targets.compactMap { target -> Character? in
            if case .dossier(.type(let c)) = target.action { return c }
            return nil
        }
        XCTAssertEqual(Set(targets), Set(AccessCode.alphabet))
        XCTAssertTrue(program.render().targets.contains { $0.action == .dossier(.submit) }, program.screenText)
        Golden.assert(program.screenText, named: "dossier-lookup-code-bg-60x18", directory: GoldenScreenTests.directory)
    }
}
