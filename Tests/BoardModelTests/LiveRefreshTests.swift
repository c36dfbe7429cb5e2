import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Live refresh in process: a staff import changes the database under a running board (the
/// embedded loop with its store watch); the next tick shows the change, keeping the visitor's place.
final class LiveRefreshTests: XCTestCase {
    func importContent(_ directory: String, into db: String) throws {
        try ContentImport.run(directory: directory, databasePath: db, timestamp: "2026-11-21 11:00:00")
    }

    func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try change(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Opens the card of `number` in the civil registration topic.
    func openCard(_ program: BoardProgram, _ number: String) throws {
        program.press(.enter, .character("1"), .character("1"))
        let index = try XCTUnwrap(program.state.catalogue?.services(in: "civil").firstIndex { $0.number == number })
        program.send(.action(.open(index: index)))
        XCTAssertEqual(program.state.screen, .service(number: number))
    }

    func testAnImportShowsOnTheOpenCardAtTheNextTickKeepingTheScroll() throws {
        let content = Fixtures.copyOfContent(self)
        let db = try Fixtures.database(self, content: content)
        let program = Fixtures.watchedProgram(databasePath: db)
        try openCard(program, "2079")
        program.press(.down, .down, .down)
        XCTAssertEqual(program.state.place.scroll, 3)
        program.advance(seconds: 3)
        XCTAssertFalse(program.screenText.contains("ПРОМЕНЕНО"))

        try edit(content + "/services/2079.json") { $0.replacingOccurrences(of: "\"fee\": 2.5", with: "\"fee\": 4.5") }
        try edit(content + "/services/2079.json") {
            $0.replacingOccurrences(
                of: "\"bg\": \"Удостоверението посочва", with: "\"bg\": \"ПРОМЕНЕНО: Удостоверението посочва")
        }
        try importContent(content, into: db)
        // The kiosk looks once a second; the change shows on the first look, with no frame in between.
        let started = Date()
        program.advance(seconds: 1)
        let elapsed = Date().timeIntervalSince(started)
        let screen = program.screenText
        XCTAssertTrue(screen.contains("ПРОМЕНЕНО"), screen)
        XCTAssertEqual(program.state.card?.service?.tiers.first?.feeCents, 450, "the new fee is on the card")
        XCTAssertEqual(program.state.screen, .service(number: "2079"))
        XCTAssertEqual(program.state.place.scroll, 3, "the visitor stays at the same line")
        XCTAssertTrue(program.screenText.contains("ПРОМЕНЕНО"))
        XCTAssertNil(program.state.session.notice)
        print("refresh in process: \(Int(elapsed * 1000)) ms from the look to the new frame")
        program.send(.resize(TerminalSize(columns: 132, rows: 43)))
        program.press(.pageDown)
        XCTAssertTrue(program.screenText.contains("4,50 €"), program.screenText)
    }

    func testAWithdrawnServiceLeavesForItsTopicWithANotice() throws {
        let content = Fixtures.copyOfContent(self)
        let db = try Fixtures.database(self, content: content)
        let program = Fixtures.watchedProgram(databasePath: db)
        try openCard(program, "2079")
        try FileManager.default.removeItem(atPath: content + "/services/2079.json")
        try importContent(content, into: db)
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .services(category: "civil"))
        let screen = program.screenText
        XCTAssertTrue(screen.contains("вече не се предлага"), screen)
        XCTAssertTrue(screen.contains("no longer offered"), screen)
        XCTAssertFalse(screen.contains("№ 2079"), "the withdrawn service is not listed")
        // The notice goes by itself; Back still leads to the topics.
        program.advance(seconds: 8)
        XCTAssertFalse(program.screenText.contains("вече не се предлага"))
        program.press(.escape)
        XCTAssertEqual(program.state.screen, .categories)
    }

    func testTheFocusedServiceStaysFocusedWhenTheListChangesAroundIt() throws {
        let content = Fixtures.copyOfContent(self)
        let db = try Fixtures.database(self, content: content)
        let program = Fixtures.watchedProgram(databasePath: db)
        program.press(.enter, .character("1"), .character("1"), .down, .down, .down)
        let civil = try XCTUnwrap(program.state.catalogue?.services(in: "civil"))
        let focused = civil[3].number
        // A new service whose name sorts first in the topic.
        let newPath = content + "/services/2999.json"
        try FileManager.default.copyItem(atPath: content + "/services/2079.json", toPath: newPath)
        try edit(newPath) {
            $0.replacingOccurrences(of: "\"number\": \"2079\"", with: "\"number\": \"2999\"")
                .replacingOccurrences(
                    of: "\"bg\": \"Издаване на удостоверение за наследници\"", with: "\"bg\": \"Аааа нова услуга\"")
        }
        try importContent(content, into: db)
        program.advance(seconds: 1)
        let now = try XCTUnwrap(program.state.catalogue?.services(in: "civil"))
        XCTAssertEqual(now.count, civil.count + 1, "the new service arrived")
        XCTAssertEqual(now[program.state.place.selected].number, focused, "the same service keeps the focus")
        XCTAssertTrue(
            program.screenText.contains("▶ " + now[program.state.place.selected].name.bg.prefix(20)), program.screenText
        )
    }

    func testAnnouncementsAppearAndExpireOnTheirDates() {
        var catalogue = ReducerTests.catalogue
        catalogue.announcements = [
            Announcement(
                text: LocalizedText(bg: "Утре започва", en: "Starts tomorrow"),
                from: CalendarDate(year: 2026, month: 11, day: 22)),
            Announcement(
                text: LocalizedText(bg: "Днес е последният ден", en: "Last day today"),
                until: CalendarDate(year: 2026, month: 11, day: 21)),
        ]
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        _ = Stage.reduce(&state, .catalogueLoaded(catalogue))
        var text = Renderer.render(state).grid.text
        XCTAssertTrue(text.contains("Днес е последният ден"), text)
        XCTAssertFalse(text.contains("Утре започва"))
        var tomorrow = Fixtures.now
        tomorrow.date = CalendarDate(year: 2026, month: 11, day: 22)!
        tomorrow.hour = 8
        _ = Stage.reduce(&state, .tick(tomorrow, monotonic: 1))
        text = Renderer.render(state).grid.text
        XCTAssertTrue(text.contains("Утре започва"), text)
        XCTAssertFalse(text.contains("Днес е последният ден"), "expired overnight, no restart")
    }

    func testTheKioskHoldsNoTransactionWhileWaiting() throws {
        let db = try Fixtures.database(self)
        let store = try BoardDatabase(path: db, readOnly: true)
        XCTAssertFalse(store.holdsTransaction)
        _ = try store.loadCatalogue()
        XCTAssertFalse(store.holdsTransaction, "the catalogue's read transaction ended")
        _ = try store.loadService(number: "2079")
        XCTAssertFalse(store.holdsTransaction)
        _ = try store.dataVersion()
        XCTAssertFalse(store.holdsTransaction)
        // And so a writer's checkpoint can complete while the kiosk is open.
        let writer = try SQLiteConnection(path: db, readOnly: false)
        try writer.execute(
            "BEGIN IMMEDIATE; INSERT INTO imports (at, source, checksum, services, categories, announcements) VALUES "
                + "('x', 'x', 'x', 0, 0, 0); COMMIT"
        )
        let stmt = try writer.prepare("PRAGMA wal_checkpoint(TRUNCATE)")
        XCTAssertTrue(try stmt.step())
        XCTAssertEqual(stmt.int(0), 0, "the checkpoint was not blocked by a reader")
    }

    func testAWithdrawnTopicLeavesForTheListOfTopicsWithANotice() throws {
        let content = Fixtures.copyOfContent(self)
        let db = try Fixtures.database(self, content: content)
        let program = Fixtures.watchedProgram(databasePath: db)
        program.press(.enter, .character("1"), .character("1"), .down)
        XCTAssertEqual(program.state.screen, .services(category: "civil"))
        // Staff withdraw the whole civil registration topic and its services.
        let categories = content + "/categories.json"
        var list = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: categories))) as? [[String: Any]])
        list.removeAll { $0["id"] as? String == "civil" }
        try JSONSerialization.data(withJSONObject: list).write(to: URL(fileURLWithPath: categories))
        for file in try FileManager.default.contentsOfDirectory(atPath: content + "/services") {
            let path = content + "/services/" + file
            if try String(contentsOfFile: path, encoding: .utf8).contains("\"category\": \"civil\"") {
                try FileManager.default.removeItem(atPath: path)
            }
        }
        try importContent(content, into: db)
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .categories)
        let screen = program.screenText
        XCTAssertTrue(screen.contains("Тази тема вече я няма"), screen)
        XCTAssertFalse(screen.contains("Гражданска регистрация"), screen)
        program.press(.escape)
        XCTAssertEqual(program.state.screen, .home)
    }
}
