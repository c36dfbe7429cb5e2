import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import XCTest

/// The kiosk draws its first frame from the catalogue without its service summaries, then loads
/// them before it reads a key: the visitor must see no difference from a whole load.
final class FirstFrameTests: XCTestCase {
    func program(_ store: BoardDatabase, surveyMode: Bool = false) -> BoardProgram {
        var state = BoardState(
            size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now, settings: Fixtures.settings(.bg))
        state.surveyMode = surveyMode
        return BoardProgram.embedded(state, work: BoardWork(store: store))
    }

    func testTheFirstFrameIsTheAttractScreenAndTheCatalogueIsWholeBeforeAnyKey() throws {
        let store = try BoardDatabase(path: try Fixtures.database(self), readOnly: true)
        let whole = program(store)
        whole.start()
        let quick = program(store)
        quick.startForFirstFrame()
        XCTAssertEqual(quick.state.screen, .attract)
        XCTAssertEqual(quick.render().grid.text, whole.render().grid.text, "the same first frame")
        XCTAssertEqual(quick.state.catalogue?.summaries.count, 0, "drawn without the service summaries")
        quick.completeCatalogue()
        XCTAssertEqual(quick.state.catalogue, whole.state.catalogue)
        XCTAssertEqual(quick.state.catalogue?.summaries.count, whole.state.catalogue?.summaries.count)
        XCTAssertGreaterThan(quick.state.catalogue?.summaries.count ?? 0, 40)
        // And then it behaves as a board started whole: to a category's services.
        for p in [quick, whole] { p.press(.enter, .character("1"), .enter) }
        XCTAssertEqual(quick.render().grid.text, whole.render().grid.text)
    }

    func testASurveyTerminalStartsOnItsFirstQuestionEitherWay() throws {
        let store = try BoardDatabase(path: try Fixtures.database(self), readOnly: true)
        let whole = program(store, surveyMode: true)
        whole.start()
        let quick = program(store, surveyMode: true)
        quick.startForFirstFrame()
        XCTAssertEqual(quick.render().grid.text, whole.render().grid.text)
        quick.completeCatalogue()
        XCTAssertEqual(quick.state.screen, whole.state.screen)
        XCTAssertEqual(quick.render().grid.text, whole.render().grid.text)
    }
}
