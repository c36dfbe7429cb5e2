import BoardCore
import BoardRuntime
import BoardStore
import BoardTestSupport
import BoardView
import XCTest

/// The runtime with time as a test input: slow work runs on its lane while the board goes on
/// answering keys, and what it came to arrives when its time is up.
final class RuntimeTests: XCTestCase {
    func testALookupShowsItsCheckingFrameUntilTheDeskAnswers() throws {
        let program = try Fixtures.dossierProgram(self)
        program.embedded.duration[.desk] = 200
        program.press(.enter, .character(Character(String(HomeItem.dossier.rawValue + 1))))
        program.type("2026-000101")
        program.press(.tab)
        program.type("K7AH2M9XE3")
        program.press(.enter)
        XCTAssertTrue(program.state.dossier.checking)
        XCTAssertTrue(program.screenText.contains("Проверява се…"), program.screenText)

        // The visitor may still switch the language while the desk works; the check goes on.
        program.tapTarget(.toggleLanguage)
        XCTAssertEqual(program.state.language, .en)
        XCTAssertTrue(program.screenText.contains("Checking…"), program.screenText)

        program.advanceTime(by: 0.1)
        XCTAssertEqual(program.state.screen, .dossierLookup, "not back yet: the check takes 200 ms")
        program.advanceTime(by: 0.1)
        XCTAssertEqual(program.state.screen, .dossierResult)
        XCTAssertTrue(program.screenText.contains("Being worked on"), program.screenText)
    }

    func testARepeatedEnterWhileTheCheckRunsAsksOnce() throws {
        let program = try Fixtures.dossierProgram(self)
        program.embedded.duration[.desk] = 200
        program.press(.enter, .character(Character(String(HomeItem.dossier.rawValue + 1))))
        program.type("2026-000101")
        program.press(.tab)
        program.type("K7AH2M9XE2")
        program.press(.enter, .enter, .enter)
        let lookups = program.embedded.started.filter {
            if case .effect(.lookUpDossier) = $0 { return true }; return false
        }
        XCTAssertEqual(lookups.count, 1)
    }

    func testKeysAreAnsweredAtOnceWhileTheSearchIndexIsBuilt() throws {
        let program = try Fixtures.program(self)
        program.embedded.duration[.index] = 500
        program.prepareSearchIndex()
        XCTAssertTrue(program.embedded.isBusy(.index))
        program.press(.enter)
        XCTAssertEqual(program.state.screen, .home, "the key did not wait for the index")
        program.press(.character("/"))
        XCTAssertEqual(program.state.screen, .search)
        program.type("скица")
        XCTAssertEqual(program.state.search.query, "скица")
        XCTAssertTrue(program.screenText.contains("скица"), program.screenText)
        XCTAssertTrue(program.state.search.results.isEmpty, "no index yet")
        XCTAssertEqual(
            program.embedded.started.filter { $0 == .effect(.loadSearchIndex) }.count, 1,
            "opening search while the index is being built asks for no second build")

        program.advanceTime(by: 0.5)
        XCTAssertNotNil(program.state.searchIndex)
        XCTAssertFalse(program.state.search.results.isEmpty, "the typed query is answered once the index is there")
    }

    func testAnIndexBuiltFromContentThatWasReplacedMeanwhileIsNotShown() throws {
        let content = Fixtures.copyOfContent(self)
        let db = try Fixtures.database(self, content: content)
        let program = Fixtures.watchedProgram(databasePath: db)
        program.embedded.duration[.index] = 3000
        program.press(.enter, .character("/"))
        XCTAssertTrue(program.embedded.isBusy(.index))
        try FileManager.default.removeItem(atPath: content + "/services/2015.json")
        try ContentImport.run(directory: content, databasePath: db, timestamp: "2026-11-21 11:00:00")
        program.advanceTime(by: 1)
        XCTAssertFalse(program.state.catalogue!.containsService("2015"), "the new content is on show")
        program.advanceTime(by: 2)
        XCTAssertNil(program.state.searchIndex, "the index of the old content was dropped")
        program.advanceTime(by: 3)
        program.type("скица")
        XCTAssertNotNil(program.state.searchIndex)
        XCTAssertFalse(program.state.search.results.contains("2015"), "the withdrawn service is not found")
    }
}
