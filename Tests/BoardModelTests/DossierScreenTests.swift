import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// The citizen's side through the embedded loop: fields typed by keyboard or keypad, the result,
/// and everything forgotten on leaving.
final class DossierScreenTests: XCTestCase {
    func lookup(_ program: BoardProgram) {
        if program.state.screen == .attract { program.press(.enter) }
        program.press(.character(Character(String(HomeItem.dossier.rawValue + 1))))  // the item's digit on home
        XCTAssertEqual(program.state.screen, .dossierLookup)
    }

    func testCheckMyDossierIsOnHomeAndTheResultShowsTheStatus() throws {
        let program = try Fixtures.dossierProgram(self)
        program.press(.enter)
        let rows = program.screenText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try XCTUnwrap(
            rows.firstIndex { $0.contains("\(HomeItem.dossier.rawValue + 1)  Проверка на преписка") })
        XCTAssertFalse(rows[row + 1].contains("подготвя се"), "no longer marked as coming:\n\(program.screenText)")
        lookup(program)
        program.type("2026-000101")
        program.press(.enter)
        XCTAssertEqual(program.state.dossier.field, .code)
        program.type("к7ан2 м9хе3")  // Cyrillic look-alikes, small letters, a space
        XCTAssertEqual(program.state.dossier.code, "K7AH2M9XE3")
        XCTAssertTrue(program.screenText.contains("K7AH2-M9XE3"), program.screenText)
        program.press(.enter)
        XCTAssertEqual(program.state.screen, .dossierResult)
        let text = program.screenText
        XCTAssertTrue(text.contains("В процес на работа"), text)
        XCTAssertTrue(text.contains("ИЗДАВАНЕ НА УДОСТОВЕРЕНИЕ ЗА НАСЛЕДНИЦИ"), text)
        XCTAssertFalse(text.contains("K7AH2"), "the code is not on the result")
    }

    func testTheKeypadWorksByTappingAloneWithLargeKeys() throws {
        let program = try Fixtures.dossierProgram(self)
        program.press(.enter)
        program.tap(onText: "Проверка на преписка")
        XCTAssertEqual(program.state.screen, .dossierLookup)
        let digitKeys = program.render().targets.filter {
            if case .dossier(.type) = $0.action { return true }; return false
        }
        XCTAssertEqual(
            Set(digitKeys.map(\.action)), Set("0123456789".map { Action.dossier(.type($0)) }),
            "the number keypad: digits")
        for c in "2026000103" { program.tapKey(c) }
        program.tapTarget(.dossier(.select(.code)))
        let codeKeys = program.render().targets.filter {
            if case .dossier(.type) = $0.action { return true }; return false
        }
        XCTAssertEqual(
            Set(codeKeys.map(\.action)), Set(AccessCode.alphabet.map { Action.dossier(.type($0)) }),
            "the code keypad: the alphabet only")
        for key in codeKeys
            + program.render().targets.filter({
                if case .dossier = $0.action { return true }; return false
            })
        {
            XCTAssertGreaterThanOrEqual(key.rect.height, 3, "\(key.action)")
            XCTAssertGreaterThanOrEqual(key.rect.width, 7, "\(key.action)")
        }
        for c in "HC4EK7TP9Y" { program.tapKey(c) }
        program.tapTarget(.dossier(.delete))
        program.tapKey("X")
        program.tap(onText: "✓ Провери")
        XCTAssertEqual(program.state.screen, .dossierResult)
        XCTAssertTrue(program.screenText.contains("Готова за получаване"), program.screenText)
    }

    func testWrongNumberAndWrongCodeShowTheSameMessage() throws {
        let program = try Fixtures.dossierProgram(self)
        lookup(program)
        program.type("2026-000101")
        program.press(.tab)
        program.type("K7AH2M9XE4")
        program.press(.enter)
        let wrongCode = program.screenText.split(separator: "\n").dropFirst(3).prefix(6).joined(separator: "\n")
        XCTAssertTrue(wrongCode.contains("Не намерихме преписка с този номер и код"), wrongCode)

        for _ in 0..<11 { program.send(.action(.dossier(.delete))) }  // clears the code, then
        program.press(.backTab)
        for _ in 0..<11 { program.press(.backspace) }
        program.type("2026-009999")
        program.press(.tab)
        program.type("K7AH2M9XE4")
        program.press(.enter)
        let unknownNumber = program.screenText.split(separator: "\n").dropFirst(3).prefix(6).joined(separator: "\n")
        // The screens differ only in the typed number.
        XCTAssertEqual(unknownNumber.replacingOccurrences(of: "2026-009999", with: "2026-000101"), wrongCode)
    }

    func testCharactersNoCodeHasAreRefusedWithAHint() throws {
        let program = try Fixtures.dossierProgram(self)
        lookup(program)
        program.type("2026-000101")
        program.press(.tab)
        program.type("Q0")
        XCTAssertEqual(program.state.dossier.code, "")
        XCTAssertTrue(program.screenText.contains("В кода има само цифрите 2–9"), program.screenText)
        program.type("K7")
        program.press(.enter)
        XCTAssertTrue(program.screenText.contains("Кодът има 10 знака; въведени са 2."), program.screenText)
    }

    func testLeavingTheResultGoingHomeOrIdlingForgetsEverything() throws {
        let program = try Fixtures.dossierProgram(self)
        func find() {
            lookup(program)
            program.type("2026-000101")
            program.press(.tab)
            program.type("K7AH2M9XE3")
            program.press(.enter)
            XCTAssertEqual(program.state.screen, .dossierResult)
        }
        func assertForgotten(_ how: String) {
            XCTAssertNil(program.state.dossier.report, how)
            XCTAssertEqual(program.state.dossier.number, "", how)
            XCTAssertEqual(program.state.dossier.code, "", how)
            XCTAssertFalse(program.screenText.contains("2026-000101"), "\(how):\n\(program.screenText)")
        }
        program.press(.enter)
        find()
        program.press(.escape)
        XCTAssertEqual(program.state.screen, .dossierLookup)
        assertForgotten("back from the result")

        program.press(.escape)
        find()
        program.press(.home)
        XCTAssertEqual(program.state.screen, .home)
        assertForgotten("home")

        // Half-typed fields are forgotten too when the board returns to its idle loop.
        lookup(program)
        program.type("2026-000101")
        program.press(.escape, .escape)
        XCTAssertEqual(program.state.screen, .attract)
        assertForgotten("idle loop")
    }

    func testACountdownAfterFiveFailuresInARow() throws {
        let program = try Fixtures.dossierProgram(self, clock: { 1_800_000_000 })
        lookup(program)
        program.type("2026-000101")
        program.press(.tab)
        for _ in 0..<5 {
            program.type("K7AH2M9XE4")
            program.press(.enter)
            for _ in 0..<10 { program.press(.backspace) }
        }
        XCTAssertTrue(program.screenText.contains("Нов опит след 0:30"), program.screenText)
        XCTAssertTrue(program.screenText.contains("⏳ 0:30"), program.screenText)
        program.advanceTime(by: 12)
        XCTAssertTrue(program.screenText.contains("Нов опит след 0:18"), program.screenText)
        program.type("K7AH2M9XE3")
        program.press(.enter)
        XCTAssertEqual(program.state.screen, .dossierLookup, "nothing is checked during the countdown")
    }

    /// A kiosk without its throttle file (e.g. another kiosk holds it) says checks do not work here.
    func testAKioskThatCannotCheckSaysSoAndWhereToAsk() throws {
        let program = try Fixtures.dossierProgram(self, withDesk: false)
        lookup(program)
        program.type("2026-000101")
        program.press(.tab)
        program.type("K7AH2M9XE3")
        program.press(.enter)
        XCTAssertEqual(program.state.screen, .dossierLookup)
        XCTAssertTrue(program.screenText.contains("Проверката на преписки не работи на това табло"), program.screenText)
    }
}
