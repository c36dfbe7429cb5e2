import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Each store fault ends in the out-of-order screen (BG and EN, with the centre's phone), the
/// board retries by itself, and it recovers when the database is fixed.
final class StoreFaultTests: XCTestCase {
    func assertOutOfOrder(
        _ program: BoardProgram, phone: String? = "073 88 44 30",
        file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(program.state.screen, .outOfOrder, file: file, line: line)
        let text = program.screenText
        XCTAssertTrue(
            text.contains("Таблото временно не работи") && text.contains("temporarily out of order"), text, file: file,
            line: line)
        if let phone {
            XCTAssertTrue(
                text.contains("☎") && text.contains(phone), "the phone to call: \(phone)\n\(text)", file: file,
                line: line)
        } else {
            XCTAssertFalse(text.contains("☎"), "no phone was ever known:\n\(text)", file: file, line: line)
        }
        XCTAssertTrue(text.contains("опитва отново само"), text, file: file, line: line)
    }

    func removeDatabase(_ db: String) throws {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
    }

    func restore(_ db: String) throws {
        try ContentImport.run(directory: Fixtures.demoContent, databasePath: db, timestamp: "2026-11-21 12:00:00")
    }

    /// A visitor on a card in English: a fault must forget them, recovery starts afresh.
    func visitor(_ db: String) -> BoardProgram {
        let program = Fixtures.watchedProgram(databasePath: db)
        program.press(.enter, .character("l"), .character(Character(String(HomeItem.contacts.rawValue + 1))))
        XCTAssertEqual(program.state.screen, .contacts)
        return program
    }

    func testDeletedWhileRunningThenRestored() throws {
        let db = try Fixtures.database(self)
        let program = visitor(db)
        try removeDatabase(db)
        program.advance(seconds: 1)
        assertOutOfOrder(program)
        XCTAssertEqual(program.state.fault, .missing(path: db))
        XCTAssertEqual(program.state.language, .bg, "the visitor was forgotten")
        program.press(.enter, .character(Character(String(HomeItem.contacts.rawValue + 1))))
        XCTAssertEqual(program.state.screen, .outOfOrder, "keys do nothing while out of order")
        program.advance(seconds: 5)
        assertOutOfOrder(program)
        try restore(db)
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .attract, "recovered by itself")
        XCTAssertNil(program.state.fault)
        program.press(.enter, .character(Character(String(HomeItem.contacts.rawValue + 1))))
        XCTAssertTrue(program.screenText.contains("073 88 44 30"))
    }

    func testReplacedByAnotherFileWhileRunning() throws {
        let db = try Fixtures.database(self)
        let other = try Fixtures.database(self, content: Fixtures.madanContent)
        let program = visitor(db)
        XCTAssertTrue(program.screenText.contains("Blagoevgrad"))
        // A new file under the old name (rename over it): the old handle would read the old file for ever.
        try removeDatabase(db)
        try FileManager.default.copyItem(atPath: other, toPath: db)
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .contacts, "a sound replacement is a refresh: the visitor stays")
        XCTAssertEqual(program.state.catalogue?.municipality.name.bg, "Община Мадан", "the new file's content shows")
        XCTAssertTrue(program.screenText.contains("Madan"), program.screenText)
    }

    func testCorruptedInPlaceThenRestored() throws {
        let db = try Fixtures.database(self)
        let good = try Data(contentsOf: URL(fileURLWithPath: db))
        let program = visitor(db)
        try removeDatabase(db + "-wal")
        try Data(repeating: 0x5A, count: 8192).write(to: URL(fileURLWithPath: db))
        program.advance(seconds: 1)
        assertOutOfOrder(program)
        guard case .corrupt? = program.state.fault else {
            return XCTFail("expected corrupt, got \(String(describing: program.state.fault))")
        }
        try good.write(to: URL(fileURLWithPath: db))
        program.advance(seconds: 2)
        XCTAssertEqual(program.state.screen, .attract)
    }

    func testANewerSchemaThanThisBuild() throws {
        let db = try Fixtures.database(self)
        let program = visitor(db)
        let writer = try SQLiteConnection(path: db, readOnly: false)
        try writer.execute("PRAGMA user_version = \(BoardDatabase.schemaVersion + 1)")
        program.advance(seconds: 1)
        assertOutOfOrder(program)
        XCTAssertEqual(
            program.state.fault,
            .newerSchema(path: db, found: BoardDatabase.schemaVersion + 1, supported: BoardDatabase.schemaVersion))
        try writer.execute("PRAGMA user_version = \(BoardDatabase.schemaVersion)")
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .attract)
    }

    func testUnreadableAtStartShowsThePhoneFromTheSettings() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let db = dir + "/board.db"
        try FileManager.default.createDirectory(atPath: db, withIntermediateDirectories: false)  // not a file
        var settings = Settings()
        settings.phone = "0800 11 22"
        let program = Fixtures.watchedProgram(databasePath: db, settings: settings)
        assertOutOfOrder(program, phone: "0800 11 22")
        guard case .unreadable? = program.state.fault else {
            return XCTFail("\(String(describing: program.state.fault))")
        }
        try FileManager.default.removeItem(atPath: db)
        try restore(db)
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .attract)
    }

    func testLockedLongerThanTheBusyTimeoutThenReleased() throws {
        let db = try Fixtures.database(self)
        // Another program holds an exclusive lock (rollback-journal style) for longer than the
        // kiosk's busy timeout (1.5 s).
        let holder = try SQLiteConnection(path: db, readOnly: false)
        try holder.execute(
            "PRAGMA journal_mode = DELETE; PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; DELETE FROM imports "
                + "WHERE id < 0"
        )
        let started = Date()
        let program = Fixtures.watchedProgram(databasePath: db)
        XCTAssertGreaterThan(Date().timeIntervalSince(started), 1.0, "it waited for the busy timeout first")
        assertOutOfOrder(program, phone: nil)
        XCTAssertEqual(program.state.fault, .busy(path: db))
        try holder.execute("COMMIT; PRAGMA locking_mode = NORMAL; PRAGMA journal_mode = WAL")
        _ = try holder.scalarInt("SELECT count(*) FROM imports")  // drops the exclusive lock
        program.advance(seconds: 1)
        XCTAssertEqual(program.state.screen, .attract)
    }

    func testAFullDiskFailsAKioskWriteWholeAndSaysSo() throws {
        // The mechanism for the kiosk's own writes (survey cards, throttling: other issues):
        // one transaction, a write failure recognised, nothing half-written.
        let path = Fixtures.temporaryDirectory(self) + "/kiosk-local.db"
        let db = try SQLiteConnection(path: path, readOnly: false, create: true)
        try db.execute("CREATE TABLE answers (id INTEGER PRIMARY KEY, body TEXT)")
        let pages = try XCTUnwrap(try db.scalarInt("PRAGMA page_count"))
        try db.execute("PRAGMA max_page_count = \(pages + 2)")  // the disk is all but full
        var failure: SQLiteError?
        do {
            try db.transaction {
                let insert = try db.prepare("INSERT INTO answers (body) VALUES (?)")
                for _ in 0..<100 { try insert.bind(.text(String(repeating: "x", count: 2000))).run() }
            }
        } catch let error as SQLiteError {
            failure = error
        }
        let error = try XCTUnwrap(failure)
        XCTAssertTrue(error.isWriteFailure, "\(error)")
        XCTAssertEqual(try db.scalarInt("SELECT count(*) FROM answers"), 0, "nothing half-written")
        XCTAssertTrue(VisitorMessages.notSaved.bg.contains("Не успяхме да запишем"))

        let readOnly = try SQLiteConnection(path: path, readOnly: true)
        do {
            try readOnly.execute("INSERT INTO answers (body) VALUES ('y')")
            XCTFail("a read-only file took a write")
        } catch {
            XCTAssertTrue(error.isWriteFailure, "\(error)")
        }
    }

    func testAReloadThatFailsGoesOutOfOrderAndRetriesEverySecond() throws {
        var state = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        _ = Stage.reduce(&state, .catalogueLoaded(ReducerTests.catalogue))
        _ = Stage.reduce(&state, .tick(Fixtures.now, monotonic: 1))
        _ = Stage.reduce(&state, .key(.enter))
        XCTAssertEqual(
            Stage.reduce(&state, .tick(Fixtures.now, monotonic: 2)), [.checkStore], "a cheap look while all is well")
        XCTAssertEqual(Stage.reduce(&state, .storeChecked(.changed)), [.loadCatalogue])
        // The reload finds the database locked beyond the busy timeout.
        _ = Stage.reduce(&state, .storeFailed(.busy(path: "board.db")))
        XCTAssertEqual(state.screen, .outOfOrder)
        XCTAssertTrue(Renderer.render(state).grid.text.contains("073 000 000"), "the phone of the last good read")
        XCTAssertEqual(
            Stage.reduce(&state, .tick(Fixtures.now, monotonic: 3)), [.reopenStore],
            "out of order: open afresh every second")
        // A card that fails to load on its own is not a reason to close the board.
        var other = BoardState(size: TerminalSize(columns: 80, rows: 24), now: Fixtures.now)
        _ = Stage.reduce(&other, .catalogueLoaded(ReducerTests.catalogue))
        _ = Stage.reduce(&other, .storeFailed(.busy(path: "board.db")))
        XCTAssertEqual(other.screen, .attract)
    }
}

/// The dossier desk follows the board database when the kiosk reopens it.
final class DossierDeskFollowsTheStoreTests: XCTestCase {
    func testALookupAfterTheFileWasReplacedReadsTheNewFile() throws {
        let db = try Fixtures.database(self)
        let throttle = Fixtures.temporaryDirectory(self) + "/throttle.db"
        let desk = try DossierDesk(
            board: try BoardDatabase(path: db, readOnly: true), throttle: try ThrottleStore(path: throttle))
        let program = Fixtures.watchedProgram(databasePath: db, desk: desk)
        XCTAssertEqual(
            program.dossierDesk?.lookUp(number: "2026-000101", code: "K7AH2M9XE3").isFound, false,
            "not in the first file")

        // Staff replace the file with one that holds the dossier (rename over it).
        let replacement = try Fixtures.database(self)
        try Fixtures.addDossiers([Fixtures.sampleDossiers[0]], to: replacement)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.removeItem(atPath: db + suffix)
        }
        try FileManager.default.copyItem(atPath: replacement, toPath: db)
        program.advance(seconds: 1)
        XCTAssertEqual(
            program.dossierDesk?.lookUp(number: "2026-000101", code: "K7AH2M9XE3").isFound, true,
            "the desk reads the file the kiosk reopened, not the deleted one")
    }

    func testAKioskStartedWithoutItsDatabaseGetsADeskWhenTheFileAppears() throws {
        let db = Fixtures.temporaryDirectory(self) + "/board.db"
        let throttle = Fixtures.temporaryDirectory(self) + "/throttle.db"
        let program = Fixtures.watchedProgram(
            databasePath: db, makeDesk: { try? DossierDesk(board: $0, throttle: try ThrottleStore(path: throttle)) })
        XCTAssertNil(program.dossierDesk)
        try ContentImport.run(directory: Fixtures.demoContent, databasePath: db, timestamp: "t")
        program.advance(seconds: 2)
        XCTAssertNotNil(program.dossierDesk)
    }
}

extension DossierLookupOutcome {
    var isFound: Bool {
        if case .found = self { return true }
        return false
    }
}
