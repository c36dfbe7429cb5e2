import BoardCore
import BoardTestSupport
import XCTest

/// Waits and windows are counted on the monotonic clock: when the wall clock goes back an hour
/// (the end of summer time) or forward one (its start), none of them stretches or vanishes.
final class ClockChangeTests: XCTestCase {
    /// 25 October 2026, the night summer time ends in Bulgaria: 04:00 EEST becomes 03:00 EET.
    static func autumnNight(_ hour: Int, _ minute: Int, _ second: Int) -> LocalTime {
        LocalTime(date: CalendarDate(year: 2026, month: 10, day: 25)!, hour: hour, minute: minute, second: second)
    }

    /// 29 March 2026, the night summer time starts: 03:00 EET becomes 04:00 EEST.
    static func springNight(_ hour: Int, _ minute: Int, _ second: Int) -> LocalTime {
        LocalTime(date: CalendarDate(year: 2026, month: 3, day: 29)!, hour: hour, minute: minute, second: second)
    }

    func lookupBoard(at wall: LocalTime, monotonic: Int) -> BoardState {
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: wall)
        Stage.reduce(&state, .catalogueLoaded(ReducerTests.catalogue))
        Stage.reduce(&state, .tick(wall, monotonic: monotonic))
        Stage.reduce(&state, .key(.enter))
        Stage.reduce(&state, .key(.character(Character(String(HomeItem.dossier.rawValue + 1)))))
        for c in "2026000101" { Stage.reduce(&state, .key(.character(c))) }
        Stage.reduce(&state, .key(.tab))
        for c in "K7AH2M9XE2" { Stage.reduce(&state, .key(.character(c))) }
        return state
    }

    func testALookupWaitEndsOnTimeWhenTheClocksGoBack() {
        var state = lookupBoard(at: Self.autumnNight(3, 59, 50), monotonic: 100)
        XCTAssertEqual(Stage.reduce(&state, .key(.enter)).count, 1, "the check is asked for")
        Stage.reduce(&state, .dossierLookedUp(.notFound(wait: 30)))
        XCTAssertEqual(state.lookupWait, 30)
        // 31 seconds later the wall clock reads 03:00:21 of the same night.
        Stage.reduce(&state, .tick(Self.autumnNight(3, 0, 21), monotonic: 131))
        XCTAssertEqual(state.lookupWait, 0, "the wait did not stretch by the hour the clock went back")
        for c in "K7AH2M9XE3" { Stage.reduce(&state, .key(.character(c))) }
        XCTAssertEqual(Stage.reduce(&state, .key(.enter)).count, 1, "the next check is taken")
    }

    func testALookupWaitDoesNotVanishWhenTheClocksGoForward() {
        var state = lookupBoard(at: Self.springNight(2, 59, 50), monotonic: 100)
        Stage.reduce(&state, .key(.enter))
        Stage.reduce(&state, .dossierLookedUp(.notFound(wait: 30)))
        // 15 seconds later the wall clock reads 04:00:05.
        Stage.reduce(&state, .tick(Self.springNight(4, 0, 5), monotonic: 115))
        XCTAssertEqual(state.lookupWait, 15, "the hour the clock skipped did not end the wait")
    }

    func surveyTerminal(at wall: LocalTime, monotonic: Int) -> BoardState {
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: wall)
        state.surveyMode = true
        var catalogue = ReducerTests.catalogue
        catalogue.survey = SurveyDefinition(
            title: LocalizedText(bg: "Анкета"),
            questions: [
                .init(id: "overall", kind: .faces, text: LocalizedText(bg: "Как Ви обслужихме?"))
            ])
        Stage.reduce(&state, .catalogueLoaded(catalogue))
        Stage.reduce(&state, .tick(wall, monotonic: monotonic))
        return state
    }

    /// Answers the one question and sends the card; returns whether it was marked a flood.
    func sendCard(_ state: inout BoardState) -> Bool? {
        Stage.reduce(&state, .key(.character("3")))
        guard case .saveCard(let card)? = Stage.reduce(&state, .key(.enter)).first else { return nil }
        Stage.reduce(&state, .cardSaved)
        Stage.reduce(&state, .key(.enter))
        return card.flood
    }

    func testTwoVisitorsHalfAMinuteApartAreNoFloodWhenTheClocksGoBack() {
        var state = surveyTerminal(at: Self.autumnNight(3, 59, 50), monotonic: 500)
        XCTAssertEqual(sendCard(&state), false)
        Stage.reduce(&state, .tick(Self.autumnNight(3, 0, 20), monotonic: 530))
        XCTAssertEqual(sendCard(&state), false, "30 s apart, though the wall clock reads an hour earlier")
    }

    func testTwoCardsSecondsApartAreAFloodWhenTheClocksGoForward() {
        var state = surveyTerminal(at: Self.springNight(2, 59, 58), monotonic: 500)
        XCTAssertEqual(sendCard(&state), false)
        Stage.reduce(&state, .tick(Self.springNight(4, 0, 3), monotonic: 505))
        XCTAssertEqual(sendCard(&state), true, "5 s apart, though the wall clock reads an hour later")
    }

    func testTheStaffPinWaitIsCountedOnTheMonotonicClock() {
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Self.autumnNight(3, 59, 50))
        state.settings.staffPinHash = Fixtures.staffPinHash
        Stage.reduce(&state, .catalogueLoaded(ReducerTests.catalogue))
        Stage.reduce(&state, .tick(Self.autumnNight(3, 59, 50), monotonic: 100))
        for key in state.settings.staffExit { Stage.reduce(&state, .key(key)) }
        for c in "1234" { Stage.reduce(&state, .key(.character(c))) }
        XCTAssertEqual(Stage.reduce(&state, .key(.enter)), [.verifyStaffPin("1234")])
        Stage.reduce(&state, .staffPinChecked(false))
        Stage.reduce(&state, .tick(Self.autumnNight(3, 0, 6), monotonic: 106))
        for c in "5678" { Stage.reduce(&state, .key(.character(c))) }
        XCTAssertEqual(
            Stage.reduce(&state, .key(.enter)), [.verifyStaffPin("5678")],
            "the 5 s wait is over 6 s later, whatever the wall clock says")
    }
}
