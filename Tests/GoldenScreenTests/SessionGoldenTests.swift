import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Golden screens of a board left alone in a lobby: the idle warning, the out-of-order screen, the
/// staff prompt and the notice after a withdrawn service, reviewed by eye like the others.
final class SessionGoldenTests: XCTestCase {
    func check(_ program: BoardProgram, _ name: String, file: StaticString = #filePath, line: UInt = #line) {
        let size = program.state.size
        Golden.assert(
            program.screenText, named: "\(name)-\(size.columns)x\(size.rows)", directory: GoldenScreenTests.directory,
            file: file, line: line)
    }

    func testIdleWarningOverACard() throws {
        for size in GoldenScreenTests.sizes {
            let db = try Fixtures.database(self)
            let program = Fixtures.watchedProgram(databasePath: db, size: size)
            program.press(.enter, .character(Character(String(HomeItem.contacts.rawValue + 1))))
            program.advance(seconds: 63)
            check(program, "idle-warning-bg")
        }
    }

    func testOutOfOrderWithThePhoneOfTheLastGoodRead() throws {
        let db = try Fixtures.database(self)
        let program = Fixtures.watchedProgram(databasePath: db)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        program.advance(seconds: 1)
        check(program, "out-of-order")
    }

    func testStaffPromptAfterAWrongPin() throws {
        let db = try Fixtures.database(self)
        var settings = Settings()
        settings.staffPinHash = Fixtures.staffPinHash
        let program = Fixtures.watchedProgram(databasePath: db, settings: settings, verifyStaffPin: { _ in false })
        program.press(
            .function(12), .function(12), .function(12), .character("1"), .character("2"), .character("3"),
            .character("4"), .enter)
        program.press(.character("5"), .character("6"))
        check(program, "staff-prompt")
    }

    func testNoticeAfterTheOpenServiceWasWithdrawn() throws {
        let content = Fixtures.copyOfContent(self)
        let db = try Fixtures.database(self, content: content)
        let program = Fixtures.watchedProgram(databasePath: db)
        program.press(.enter, .character("1"), .character("1"))
        let index = program.state.catalogue!.services(in: "civil").firstIndex { $0.number == "2079" }!
        program.send(.action(.open(index: index)))
        try FileManager.default.removeItem(atPath: content + "/services/2079.json")
        try ContentImport.run(directory: content, databasePath: db, timestamp: "2026-11-21 11:00:00")
        program.advance(seconds: 1)
        check(program, "notice-service-withdrawn")
    }
}
