import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import XCTest

/// Every transition of the state machine, on a small hand-made catalogue (no store, no terminal).
final class ReducerTests: XCTestCase {
    static let catalogue: Catalogue = {
        let m = Municipality(
            name: LocalizedText(bg: "Община Тест", en: "Test Municipality"),
            centre: LocalizedText(bg: "Център", en: "Centre"),
            address: LocalizedText(bg: "ул. Първа 1"),
            phones: [.init(label: LocalizedText(bg: "Деловодство", en: "Registry"), number: "073 000 000")],
            hours: [.init(days: LocalizedText(bg: "пон–пет", en: "Mon–Fri"), time: "08:00–17:00")])
        let many = (1...30).map {
            ServiceSummary(
                number: String(1000 + $0), category: "a", name: LocalizedText(bg: "Услуга \($0)", en: "Service \($0)"),
                cheapest: 250, fastestDays: 3)
        }
        let one = [
            ServiceSummary(
                number: "2000", category: "b", name: LocalizedText(bg: "Само една"), cheapest: 0, fastestDays: 0)
        ]
        let longPage = Page(parsing: (1...80).map { "- точка \($0)" }.joined(separator: "\n"))
        return Catalogue(
            municipality: m,
            categories: [
                Category(id: "a", name: LocalizedText(bg: "Първа", en: "First")),
                Category(id: "b", name: LocalizedText(bg: "Втора", en: "Second")),
            ],
            services: ["a": many, "b": one],
            pages: [
                .charter: [.bg: longPage],
                .complaints: [
                    .bg: Page(parsing: "# Жалби\nПишете ни."), .en: Page(parsing: "# Complaints\nWrite to us."),
                ],
            ],
            announcements: [])
    }()

    static func card(_ number: String, stages: Int = 40) -> Service {
        Service(
            number: number, category: "a", name: LocalizedText(bg: "Услуга", en: "Service"),
            description: LocalizedText(bg: "Описание"),
            legalBasis: LocalizedText(bg: "Закон"), documents: [],
            tiers: [TierOffer(tier: .ordinary, feeCents: 500, days: 7)],
            unit: LocalizedText(bg: "Гише 1"), channels: [.init(kind: .counter)],
            stages: (1...stages).map { LocalizedText(bg: "Стъпка \($0)") }, result: LocalizedText(bg: "Удостоверение"))
    }

    func board(size: TerminalSize = TerminalSize(columns: 80, rows: 24)) -> BoardState {
        var state = BoardState(size: size, now: Fixtures.now)
        _ = Stage.reduce(&state, .catalogueLoaded(Self.catalogue))
        return state
    }

    @discardableResult
    func send(_ state: inout BoardState, _ events: Event...) -> [Effect] {
        events.flatMap { Stage.reduce(&state, $0) }
    }

    func testAnyKeyOrTapLeavesTheAttractScreenForHome() {
        var state = board()
        XCTAssertEqual(state.screen, .attract)
        send(&state, .key(.character("x")))
        XCTAssertEqual(state.screen, .home)

        var tapped = board()
        Stage.tap(&tapped, column: 40, row: 12)
        XCTAssertEqual(tapped.screen, .home)
    }

    func testDigitsAndEnterOpenHomeItems() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")))
        XCTAssertEqual(state.screen, .categories)
        send(&state, .key(.escape))
        XCTAssertEqual(state.screen, .home)
        send(&state, .key(.character("6")))
        XCTAssertEqual(state.screen, .contacts)
        send(&state, .key(.backspace), .key(.character("7")))
        XCTAssertEqual(state.screen, .page(.charter))
        send(&state, .key(.escape), .key(.character("8")))
        XCTAssertEqual(state.screen, .page(.complaints))
    }

    func testArrowsMoveThroughTheTwoColumnHomeMenu() {
        var state = board()
        send(&state, .key(.enter))
        send(&state, .key(.down))
        XCTAssertEqual(state.place.selected, 2, "down moves one row of two columns")
        send(&state, .key(.right))
        XCTAssertEqual(state.place.selected, 3)
        send(&state, .key(.up), .key(.up), .key(.up))
        XCTAssertEqual(state.place.selected, 0, "focus stops at the first item")
        send(&state, .key(.enter))
        XCTAssertEqual(state.screen, .categories)
    }

    func testOneColumnHomeMenuOnANarrowScreen() {
        var state = board(size: TerminalSize(columns: 64, rows: 24))
        send(&state, .key(.enter), .key(.down))
        XCTAssertEqual(state.place.selected, 1)
    }

    /// Content without a survey.json: the survey item says so honestly and where to ask instead.
    func testItemsNotBuiltYetOpenAnHonestNotice() {
        var state = board()
        send(&state, .key(.enter), .key(.character(Character(String(HomeItem.survey.rawValue + 1)))))
        XCTAssertEqual(state.screen, .unavailable(.survey))
        XCTAssertTrue(Renderer.render(state).grid.text.contains("073 000 000"), "the notice says where to ask instead")
        _ = Stage.reduce(&state, .key(.escape))
        let home = Renderer.render(state).grid.text
        XCTAssertTrue(
            home.contains("Анкета") && home.contains("(подготвя се)"),
            "the item looks different before it is chosen:\n\(home)")
    }

    func testBrowsingToAServiceAsksForItsCardAndShowsIt() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter))
        XCTAssertEqual(state.screen, .services(category: "a"))
        send(&state, .key(.down), .key(.down))
        let effects = send(&state, .key(.enter))
        XCTAssertEqual(state.screen, .service(number: "1003"))
        XCTAssertEqual(effects, [.loadService(number: "1003")])
        XCTAssertTrue(Renderer.render(state).grid.text.contains("Зареждане"))
        send(&state, .serviceLoaded(number: "1003", Self.card("1003")))
        XCTAssertEqual(state.card?.number, "1003")
        XCTAssertTrue(Renderer.render(state).grid.text.contains("УСЛУГА"))
    }

    func testALateCardForAnotherServiceIsIgnored() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter), .key(.enter))
        send(&state, .serviceLoaded(number: "9999", Self.card("9999")))
        XCTAssertNil(state.card)
    }

    func testBackReturnsToTheSameSpotInTheList() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter))
        for _ in 0..<20 { send(&state, .key(.down)) }
        let before = state.place
        XCTAssertEqual(before.selected, 20)
        XCTAssertGreaterThan(before.scroll, 0, "the list scrolled to keep the focus visible")
        send(&state, .key(.enter), .key(.escape))
        XCTAssertEqual(state.place, before)
        send(&state, .key(.escape))
        XCTAssertEqual(state.screen, .categories)
        send(&state, .key(.escape))
        XCTAssertEqual(state.screen, .home)
        send(&state, .key(.escape))
        XCTAssertEqual(state.screen, .attract)
    }

    func testListFocusStaysInsideTheList() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter))
        send(&state, .key(.up))
        XCTAssertEqual(state.place.selected, 0)
        send(&state, .key(.pageDown))
        XCTAssertEqual(state.place.selected, Layout.listCapacity(state.size))
        send(&state, .key(.end))
        XCTAssertEqual(state.place.selected, 29)
        send(&state, .key(.down))
        XCTAssertEqual(state.place.selected, 29)
        XCTAssertEqual(state.place.scroll, 30 - Layout.listCapacity(state.size))
    }

    func testHomeFromAnywhere() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter), .key(.enter))
        send(&state, .key(.home))
        XCTAssertEqual(state.screen, .home)
        send(&state, .key(.character("1")), .key(.character("h")))
        XCTAssertEqual(state.screen, .home)
    }

    func testLongCardsScrollAndStopAtTheEnd() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter), .key(.enter))
        send(&state, .serviceLoaded(number: "1001", Self.card("1001")))
        send(&state, .key(.down), .key(.down))
        XCTAssertEqual(state.place.scroll, 2)
        send(&state, .key(.pageDown))
        XCTAssertEqual(state.place.scroll, 2 + Layout.body(state.size).height - 1)
        send(&state, .key(.end))
        let end = state.place.scroll
        send(&state, .key(.down))
        Stage.wheel(&state, 3)
        XCTAssertEqual(state.place.scroll, end, "no scrolling past the end")
        XCTAssertTrue(Renderer.render(state).grid.text.contains("Стъпка 40"))
        send(&state, .key(.pageUp))
        Stage.wheel(&state, -500)
        XCTAssertEqual(state.place.scroll, 0)
    }

    func testLanguageSwitchKeepsTheScreenAndFallsBackToBulgarian() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter), .key(.enter))
        send(&state, .serviceLoaded(number: "1001", Self.card("1001")))
        send(&state, .key(.pageDown))
        send(&state, .key(.character("l")))
        XCTAssertEqual(state.language, .en)
        XCTAssertEqual(state.screen, .service(number: "1001"))
        let text = Renderer.render(state).grid.text
        XCTAssertTrue(text.contains("Back"))
        XCTAssertTrue(text.contains("Стъпка"), "stages without English are shown in Bulgarian")
        send(&state, .key(.character("Л")))
        XCTAssertEqual(state.language, .bg)
    }

    func testLanguageItemOnHomeSwitchesAndStays() {
        var state = board()
        send(&state, .key(.enter), .key(.character("9")))
        XCTAssertEqual(state.language, .en)
        XCTAssertEqual(state.screen, .home)
        XCTAssertTrue(Renderer.render(state).grid.text.contains("How can we help you?"))
    }

    func testReturningToAttractForgetsTheVisitor() {
        var state = board()
        send(&state, .key(.enter), .key(.character("l")), .key(.character("1")))
        send(&state, .key(.escape), .key(.escape))
        XCTAssertEqual(state.screen, .attract)
        XCTAssertEqual(state.language, .bg, "the next visitor starts in the default language")
        XCTAssertTrue(state.history.isEmpty)
    }

    /// Taps where the screen shows `label`, as a visitor's finger would.
    func tap(_ state: inout BoardState, onText label: String, line: UInt = #line) {
        let grid = Renderer.render(state).grid
        for y in 0..<grid.height {
            let row = grid.rowText(y)
            if let range = row.range(of: label) {
                Stage.tap(&state, column: DisplayWidth.of(String(row[..<range.lowerBound])), row: y)
                return
            }
        }
        XCTFail("no \"\(label)\" on screen:\n\(grid.text)", line: line)
    }

    func testFooterButtonsWorkByTap() {
        var state = board()
        send(&state, .key(.enter), .key(.character("6")))
        tap(&state, onText: "◀ Назад")
        XCTAssertEqual(state.screen, .home)
        tap(&state, onText: "Контакти и работно време")
        XCTAssertEqual(state.screen, .contacts)
        tap(&state, onText: "English")
        XCTAssertEqual(state.language, .en)
        XCTAssertEqual(state.screen, .contacts)
        tap(&state, onText: "⌂ Home")
        XCTAssertEqual(state.screen, .home)
    }

    func testTheScrollButtonsAppearOnlyWhenThereIsMore() {
        var state = board()
        send(&state, .key(.enter), .key(.character("8")))
        XCTAssertFalse(Renderer.render(state).grid.text.contains("▼ Надолу"), "a short page has no scroll buttons")
        send(&state, .key(.escape), .key(.character("7")))
        tap(&state, onText: "▼ Надолу")
        XCTAssertEqual(state.place.scroll, Layout.body(state.size).height - 1)
        tap(&state, onText: "▲ Нагоре")
        XCTAssertEqual(state.place.scroll, 0)
    }

    func testShiftTabMovesBack() {
        var state = board()
        send(&state, .key(.enter), .key(.tab), .key(.tab), .key(.backTab))
        XCTAssertEqual(state.place.selected, 1)
    }

    func testARemovedServiceSaysSoInsteadOfLoadingForever() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter), .key(.enter))
        send(&state, .serviceLoaded(number: "1001", nil))
        XCTAssertTrue(Renderer.render(state).grid.text.contains("вече не е в каталога"))
    }

    func testAStoreFailureWhileOpeningACardSaysWhereToAsk() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")), .key(.enter), .key(.enter))
        send(&state, .storeFailed(.busy(path: "/x")))
        let text = Renderer.render(state).grid.text
        XCTAssertTrue(text.contains("не може да бъде показано") && text.contains("073 000 000"), text)
        XCTAssertFalse(text.contains("Зареждане"))
    }

    func testTappingAListRowOpensIt() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")))
        let second = Renderer.render(state).targets.first { $0.action == .open(index: 1) }!
        Stage.tap(&state, column: second.rect.x + 3, row: second.rect.y + 1)
        XCTAssertEqual(state.screen, .services(category: "b"))
    }

    func testTapOnNothingDoesNothing() {
        var state = board()
        send(&state, .key(.enter), .key(.character("6")))
        let before = state.place
        Stage.tap(&state, column: 0, row: 1)
        Stage.tap(&state, column: -5, row: 900)
        XCTAssertEqual(state.place, before)
    }

    func testResizeKeepsFocusVisibleAndTooSmallIsSafe() {
        var state = board(size: TerminalSize(columns: 132, rows: 43))
        send(&state, .key(.enter), .key(.character("1")), .key(.enter))
        for _ in 0..<15 { send(&state, .key(.down)) }
        XCTAssertEqual(state.place.scroll, 0)
        send(&state, .resize(TerminalSize(columns: 80, rows: 24)))
        let capacity = Layout.listCapacity(state.size)
        XCTAssertTrue((state.place.scroll..<state.place.scroll + capacity).contains(15))
        send(&state, .resize(TerminalSize(columns: 30, rows: 8)))
        let text = Renderer.render(state).grid.text
        XCTAssertTrue(text.contains("малък"), text)
        let hidden = state.place
        send(&state, .key(.down), .key(.escape), .key(.character("1")))
        Stage.tap(&state, column: 3, row: 3)
        Stage.wheel(&state, 3)
        XCTAssertEqual(state.place, hidden, "nothing changes while the visitor cannot see it")
        send(&state, .resize(TerminalSize(columns: 80, rows: 24)))
        XCTAssertEqual(state.screen, .services(category: "a"))
    }

    func testRedrawAndQuitAreAskedOfTheTerminal() {
        var state = board()
        XCTAssertEqual(send(&state, .key(.control("l"))), [.redraw])
        XCTAssertEqual(send(&state, .key(.control("c"))), [], "lockdown (the default): Ctrl-C does nothing")
        state.settings.lockdown = false
        XCTAssertEqual(send(&state, .key(.control("c"))), [.quit])
    }

    func testAStoreFailureBeforeAnyContentShowsOutOfOrderUntilContentArrives() {
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        send(&state, .storeFailed(.missing(path: "/x/board.db")))
        XCTAssertEqual(state.screen, .outOfOrder)
        let text = Renderer.render(state).grid.text
        XCTAssertTrue(text.contains("временно не работи") && text.contains("out of order"), text)
        send(&state, .key(.enter))
        XCTAssertEqual(state.screen, .outOfOrder)
        send(&state, .catalogueLoaded(Self.catalogue))
        XCTAssertEqual(state.screen, .attract)
    }

    func testSearchTypingDeletingAndOpeningAResult() {
        var state = board()
        send(&state, .key(.enter), .key(.character("2")))
        XCTAssertEqual(state.screen, .search)
        let index = SearchIndex(
            documents: (1...30).map {
                SearchDocument(number: String(1000 + $0), names: ["Услуга \($0)"], keywords: [], descriptions: [])
            })
        send(&state, .searchIndexLoaded(index))
        for c in "услуга 12" { send(&state, .key(.character(c))) }
        XCTAssertEqual(state.search.query, "услуга 12")
        XCTAssertEqual(state.search.results, ["1012"])
        send(&state, .key(.backspace))
        XCTAssertEqual(state.search.query, "услуга 1")
        XCTAssertEqual(state.search.results.first, "1001")
        send(&state, .key(.character("l")), .key(.character("h")))
        XCTAssertEqual(state.screen, .search, "letters type on the search screen, they are not shortcuts")
        XCTAssertEqual(state.search.query, "услуга 1lh")
        for _ in 0..<3 { send(&state, .key(.backspace)) }
        XCTAssertEqual(state.search.query, "услуга ")
        XCTAssertEqual(state.search.results.count, 30)
        send(&state, .key(.down))
        let effects = send(&state, .key(.enter))
        XCTAssertEqual(state.screen, .service(number: "1002"))
        XCTAssertEqual(effects, [.loadService(number: "1002")])
        send(&state, .key(.escape))
        XCTAssertEqual(state.screen, .search)
        XCTAssertEqual(state.search.query, "услуга ", "back from a result keeps the search")
        XCTAssertEqual(state.place.selected, 1, "and the result it came from")
        for _ in 0..<7 { send(&state, .key(.backspace)) }
        XCTAssertEqual(state.search.query, "")
        send(&state, .key(.backspace))
        XCTAssertEqual(state.screen, .home, "backspace on an empty field goes back")
    }

    func testSearchOpensFromCatalogueScreensAndAskForTheIndexOnce() {
        var state = board()
        send(&state, .key(.enter), .key(.character("1")))
        tap(&state, onText: "⌕ Търсене")
        XCTAssertEqual(state.screen, .search)
        XCTAssertTrue(Renderer.render(state).grid.text.contains("Зареждане") == false)
        send(&state, .key(.escape), .key(.enter))
        XCTAssertEqual(send(&state, .key(.character("/"))), [.loadSearchIndex])
        send(&state, .searchIndexLoaded(SearchIndex(documents: [])))
        send(&state, .key(.escape))
        XCTAssertEqual(send(&state, .key(.character("/"))), [], "the index is kept until the content changes")
    }

    func testOnScreenKeyboardByTapAlone() {
        var state = board()
        send(&state, .key(.enter), .key(.character("2")))
        send(
            &state,
            .searchIndexLoaded(
                SearchIndex(documents: [SearchDocument(number: "7", names: ["Скица"], keywords: [], descriptions: [])]))
        )
        for letter in ["с", "к", "и"] { tap(&state, onText: "[ \(letter) ]") }
        XCTAssertEqual(state.search.query, "ски")
        tap(&state, onText: "⌫")
        XCTAssertEqual(state.search.query, "ск")
        tap(&state, onText: "ABC")
        XCTAssertEqual(state.search.keyboard, .latin)
        tap(&state, onText: "[ i ]")
        XCTAssertEqual(state.search.query, "скi")
        tap(&state, onText: "123")
        tap(&state, onText: "│ 7 │")  // three rows of digits leave room for framed keys
        XCTAssertEqual(state.search.query, "скi7")
        tap(&state, onText: "✕ изчисти")
        XCTAssertEqual(state.search.query, "")
        tap(&state, onText: "скрий ⌨")
        XCTAssertFalse(state.search.keyboardShown)
        XCTAssertFalse(Renderer.render(state).grid.text.contains("[ 1 ]"))
    }

    func testLeavingForTheAttractScreenForgetsTheSearch() {
        var state = board()
        send(&state, .key(.enter), .key(.character("2")), .key(.character("x")))
        send(&state, .key(.escape), .key(.escape))
        XCTAssertEqual(state.screen, .attract)
        XCTAssertEqual(state.search.query, "")
    }

    func testTheClockFollowsTicks() {
        var state = board()
        send(&state, .key(.enter))
        var later = Fixtures.now
        later.hour = 16
        later.minute = 5
        send(&state, .tick(later, monotonic: 1))
        XCTAssertTrue(Renderer.render(state).grid.rowText(0).hasSuffix("21.11.2026  16:05"))
    }
}
