import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import XCTest

/// Lockdown: the keys that end or suspend a terminal program do nothing; only the staff key
/// sequence and the right PIN leave, and wrong PINs are throttled.
final class LockdownTests: XCTestCase {
    func board(lockdown: Bool = true, staffExit: Bool = true) -> BoardState {
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        state.settings.lockdown = lockdown
        state.settings.staffPinHash = staffExit ? Fixtures.staffPinHash : nil
        state.settings.staffExit = [.function(12), .function(12), .function(12)]
        _ = Stage.reduce(&state, .catalogueLoaded(ReducerTests.catalogue))
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 0))
        return state
    }

    @discardableResult
    func keys(_ state: inout BoardState, _ keys: Key...) -> [Effect] {
        keys.flatMap { Stage.reduce(&state, .key($0)) }
    }

    func text(_ state: BoardState) -> String { Renderer.render(state).grid.text }

    func testLockdownIsTheDefault() {
        XCTAssertTrue(Settings().lockdown)
    }

    func testInterruptSuspendQuitAndFunctionKeysDoNothing() {
        for start in [false, true] {
            var state = board()
            if start { keys(&state, .enter) }  // on home as well as on the attract screen
            let before = state
            for key: Key in [.control("c"), .control("z"), .control("\\"), .control("q")]
                + (1...24).map({ Key.function($0) })
            {
                XCTAssertEqual(Stage.reduce(&state, .key(key)), [], "\(key) asks for nothing")
            }
            XCTAssertEqual(state.place, before.place)
            XCTAssertEqual(state.language, before.language, "F2 no longer switches the language")
        }
    }

    func testWithoutLockdownCtrlCStillQuitsForDevelopers() {
        var state = board(lockdown: false)
        XCTAssertEqual(keys(&state, .control("c")), [.quit])
    }

    func testTheStaffSequenceThenTheRightPinExits() {
        var state = board()
        keys(&state, .function(12), .function(12))
        XCTAssertNil(state.session.staffPrompt)
        keys(&state, .function(12))
        XCTAssertNotNil(state.session.staffPrompt)
        XCTAssertEqual(state.screen, .attract, "the sequence did not wake the board underneath")
        var screen = text(state)
        XCTAssertTrue(screen.contains("Служебен изход") && screen.contains("Staff exit"), screen)
        keys(&state, .character("1"), .character("2"), .character("3"), .character("4"))
        screen = text(state)
        XCTAssertTrue(screen.contains("PIN: ••••_"), "digits show as dots only:\n\(screen)")
        XCTAssertFalse(screen.contains("1234"))
        XCTAssertEqual(keys(&state, .enter), [.verifyStaffPin("1234")])
        XCTAssertEqual(Stage.reduce(&state, .staffPinChecked(true)), [.staffExit])
    }

    func testWrongPinsAreThrottled() {
        var state = board()
        keys(&state, .function(12), .function(12), .function(12))
        keys(&state, .character("0"), .character("0"), .character("0"), .character("0"))
        XCTAssertEqual(keys(&state, .enter), [.verifyStaffPin("0000")])
        _ = Stage.reduce(&state, .staffPinChecked(false))
        let screen = text(state)
        XCTAssertTrue(screen.contains("Грешен ПИН") && screen.contains("Wrong PIN"), screen)
        XCTAssertTrue(screen.contains("Next try in 5 s"), screen)
        // Typed during the wait: ignored.
        keys(&state, .character("1"), .character("2"), .character("3"), .character("4"))
        XCTAssertEqual(keys(&state, .enter), [], "no check while throttled")
        XCTAssertEqual(state.session.staffPrompt?.digits, "")
        // After 5 s a second try; after the third wrong one the wait grows to 30 s.
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 5))
        keys(&state, .character("1"), .character("1"), .character("1"), .character("1"), .enter)
        _ = Stage.reduce(&state, .staffPinChecked(false))
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 10))
        keys(&state, .character("2"), .character("2"), .character("2"), .character("2"), .enter)
        _ = Stage.reduce(&state, .staffPinChecked(false))
        XCTAssertEqual(state.session.pinLockedUntil, 40)
        XCTAssertTrue(text(state).contains("Next try in 30 s"))
        // Closing and reopening the prompt does not reset the count.
        keys(&state, .escape, .function(12), .function(12), .function(12))
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 39))
        keys(&state, .character("3"), .character("3"), .character("3"), .character("3"))
        XCTAssertEqual(keys(&state, .enter), [])
        XCTAssertEqual(Board.pinDelay(afterWrong: 4), 60)
        XCTAssertEqual(Board.pinDelay(afterWrong: 50), 300)
    }

    func testTheSequenceDoesNothingWithoutAConfiguredPin() {
        var state = board(staffExit: false)
        keys(&state, .function(12), .function(12), .function(12))
        XCTAssertNil(state.session.staffPrompt)
    }

    func testEscClosesThePromptAndAnIdlePromptClosesByItself() {
        var state = board()
        keys(&state, .function(12), .function(12), .function(12), .character("1"))
        keys(&state, .escape)
        XCTAssertNil(state.session.staffPrompt)
        XCTAssertEqual(state.screen, .attract, "Esc closed the prompt and did nothing else")
        keys(&state, .function(12), .function(12), .function(12))
        for s in 1...30 { _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: s)) }
        XCTAssertNil(state.session.staffPrompt)
    }

    func testTheRuntimeChecksThePinWithTheVerifierItIsGiven() throws {
        let program = try Fixtures.program(self)
        var state = program.state
        state.settings.staffPinHash = Fixtures.staffPinHash
        var seen: [String] = []
        let checked = BoardProgram.embedded(
            state,
            work: BoardWork(
                store: nil,
                verifyStaffPin: { pin in
                    seen.append(pin); return pin == "2468"
                }))
        checked.send(.tick(Fixtures.now, monotonic: 0))
        checked.press(
            .function(12), .function(12), .function(12), .character("1"), .character("3"), .character("5"),
            .character("7"), .enter)
        XCTAssertEqual(checked.takeTerminalEffects(), [])
        checked.send(.tick(Fixtures.now, monotonic: 5))
        checked.press(.character("2"), .character("4"), .character("6"), .character("8"), .enter)
        XCTAssertEqual(seen, ["1357", "2468"])
        XCTAssertEqual(checked.takeTerminalEffects(), [.staffExit])
    }
}
