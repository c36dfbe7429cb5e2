import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import XCTest

/// Idle reset: a warning with a visible countdown, any key or tap continues, otherwise the board
/// forgets the visitor. Time comes only from ticks (monotonic seconds), so the reducer stays pure.
final class IdleResetTests: XCTestCase {
    func board(idle: Int = 60, dossier: Int = 30) -> BoardState {
        var state = BoardState(
            size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now, settings: Fixtures.settings(.bg))
        state.settings.idleTimeout = idle
        state.settings.dossierIdleTimeout = dossier
        _ = Stage.reduce(&state, .catalogueLoaded(ReducerTests.catalogue))
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 0))
        return state
    }

    func tick(_ state: inout BoardState, to second: Int) {
        let from = state.session.clock ?? 0
        for s in (from + 1)...max(from + 1, second) { _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: s)) }
    }

    func text(_ state: BoardState) -> String { Renderer.render(state).grid.text }

    /// A visitor deep in a list, in English, scrolled: what the warning must keep or forget.
    func visitorInAList() -> BoardState {
        var state = board()
        for key: Key in [.enter, .character("1"), .enter, .down, .down, .down, .character("l")] {
            _ = Stage.reduce(&state, .key(key))
        }
        XCTAssertEqual(state.screen, .services(category: "a"))
        XCTAssertEqual(state.language, .en)
        return state
    }

    func testWarningAppearsAfterTheIdleTimeWithACountdownOfTwentySeconds() {
        var state = visitorInAList()
        tick(&state, to: 59)
        XCTAssertNil(state.session.warningRemaining, "no warning before 60 s")
        XCTAssertFalse(text(state).contains("still there"))
        tick(&state, to: 60)
        var screen = text(state)
        XCTAssertTrue(screen.contains("Are you still there?") && screen.contains("Още ли сте тук?"), screen)
        XCTAssertTrue(screen.contains("Returning to the start screen in 20 s"), screen)
        XCTAssertTrue(screen.contains("след 20 с"), screen)
        tick(&state, to: 65)
        screen = text(state)
        XCTAssertTrue(screen.contains("in 15 s"), "the countdown moves:\n\(screen)")
    }

    func testAnyKeyDuringTheWarningContinuesWhereTheVisitorWas() {
        var state = visitorInAList()
        let before = state.place
        tick(&state, to: 70)
        XCTAssertNotNil(state.session.warningRemaining)
        let effects = Stage.reduce(&state, .key(.escape))
        XCTAssertEqual(effects, [])
        XCTAssertNil(state.session.warningRemaining)
        XCTAssertEqual(state.place, before, "the key only dismissed the warning; Esc did not go back")
        XCTAssertEqual(state.language, .en)
        XCTAssertFalse(text(state).contains("still there"))
        // The idle time starts again from the key.
        tick(&state, to: 129)
        XCTAssertNil(state.session.warningRemaining)
        tick(&state, to: 130)
        XCTAssertNotNil(state.session.warningRemaining)
    }

    func testATapDuringTheWarningContinuesToo() {
        var state = visitorInAList()
        let before = state.place
        tick(&state, to: 61)
        // A tap on a list row would open it; during the warning it only continues.
        Stage.tap(&state, column: 10, row: 5)
        XCTAssertNil(state.session.warningRemaining)
        XCTAssertEqual(state.place, before)
    }

    func testWithoutInputTheBoardForgetsTheVisitor() {
        var state = visitorInAList()
        tick(&state, to: 79)
        XCTAssertEqual(state.screen, .services(category: "a"), "still counting down at 19 s")
        tick(&state, to: 80)
        XCTAssertEqual(state.screen, .attract)
        XCTAssertEqual(state.history, [])
        XCTAssertEqual(state.language, .bg, "the language goes back to the greeting language")
        XCTAssertNil(state.session.warningRemaining)
        let screen = text(state)
        XCTAssertTrue(screen.contains("Докоснете екрана"), screen)
        // The next visitor starts afresh at the top of home.
        _ = Stage.reduce(&state, .key(.enter))
        XCTAssertEqual(state.place, Place(.home))
    }

    func testInputBeforeTheTimeoutKeepsTheBoardQuiet() {
        var state = visitorInAList()
        for second in stride(from: 50, through: 500, by: 50) {
            tick(&state, to: second)
            _ = Stage.reduce(&state, .key(.down))
        }
        XCTAssertNil(state.session.warningRemaining)
        XCTAssertEqual(state.screen, .services(category: "a"))
    }

    func testDossierScreensUseTheShorterTimeout() {
        var state = board(idle: 60, dossier: 30)
        _ = Stage.reduce(&state, .key(.enter))
        _ = Stage.reduce(&state, .key(.character(Character(String(HomeItem.dossier.rawValue + 1)))))
        XCTAssertTrue(state.screen.holdsPersonalData)
        tick(&state, to: 29)
        XCTAssertNil(state.session.warningRemaining)
        tick(&state, to: 30)
        XCTAssertEqual(state.session.warningRemaining, 20)
        tick(&state, to: 50)
        XCTAssertEqual(state.screen, .attract)
    }

    func testTheAttractAndOutOfOrderScreensNeverWarn() {
        var state = board()
        tick(&state, to: 500)
        XCTAssertNil(state.session.warningRemaining)
        _ = Stage.reduce(&state, .storeChecked(.failed(.missing(path: "board.db"))))
        tick(&state, to: 1000)
        XCTAssertEqual(state.screen, .outOfOrder)
        XCTAssertNil(state.session.warningRemaining)
    }

    func testAClockJumpGivesTheFullCountdownNotAnInstantReset() {
        // A tick hours after the last (the machine slept, the loop stalled) shows the warning
        // first; it does not reset the visitor at once.
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        _ = Stage.reduce(&state, .catalogueLoaded(ReducerTests.catalogue))
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 0))
        _ = Stage.reduce(&state, .key(.enter))
        var later = Fixtures.now
        later.hour += 3
        _ = Stage.reduce(&state, .tick(later, monotonic: 3 * 3600))
        XCTAssertEqual(state.screen, .home)
        XCTAssertEqual(state.session.warningRemaining, 20)
    }
}
