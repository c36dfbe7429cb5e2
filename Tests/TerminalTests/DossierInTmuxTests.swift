import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// The registry side with the real `kiosk` binary, and a citizen checking the dossier in a real
/// terminal: the number typed on the keyboard, the code tapped on the on-screen keypad.
final class DossierInTmuxTests: XCTestCase {
    override func setUpWithError() throws {
        guard TmuxSession.executable != nil else {
            throw XCTSkip("tmux is not installed: the real-terminal tests need it (apt-get install tmux)")
        }
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
            "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    var holidays: String { Fixtures.packageRoot + "/content/holidays-bg.json" }

    func database() throws -> String {
        let path = Fixtures.temporaryDirectory(self) + "/board.db"
        let result = try runKiosk(["import", "--database", path, Fixtures.demoContent])
        XCTAssertEqual(result.status, 0, result.output)
        return path
    }

    func testRegisterWithTheCLIThenCheckByKeyboardAndKeypad() throws {
        let db = try database()
        let registered = try runKiosk([
            "dossier", "register", "--database", db, "--holidays", holidays,
            "--service", "2079", "--filed", "2026-11-20", "--json",
        ])
        XCTAssertEqual(registered.status, 0, registered.output)
        let json = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(registered.output.utf8)) as? [String: String])
        let number = try XCTUnwrap(json["number"])
        let code = try XCTUnwrap(json["code"])
        XCTAssertTrue(number.hasPrefix("2026-"), number)
        XCTAssertEqual(json["deadline"], "2026-11-25", "3 working days after a Friday")
        XCTAssertEqual(code.count, 11)

        let advanced = try runKiosk([
            "dossier", "advance", number, "--database", db, "--status", "ready_for_collection",
            "--unit", "гише 2", "--at", "2026-11-21",
        ])
        XCTAssertEqual(advanced.status, 0, advanced.output)

        // The code is nowhere in the database files, in any form.
        for file in [db, db + "-wal"] {
            guard let bytes = FileManager.default.contents(atPath: file) else { continue }
            for form in [code, code.replacingOccurrences(of: "-", with: "")] {
                XCTAssertNil(bytes.range(of: Data(form.utf8)), "\(form) found in \(file)")
            }
        }

        let tmux = try TmuxSession(command: "\(TmuxSession.kioskBinary) --database \(db)", columns: 80, rows: 24)
        tmux.waitFor("Touch the screen or press any key")
        tmux.keys("Enter")
        tmux.waitFor("С какво можем да помогнем?")
        tmux.keys(String(HomeItem.dossier.rawValue + 1))
        tmux.waitFor("Номер на преписка")
        tmux.literal(number)
        tmux.waitFor("▶ \(number)")
        XCTAssertTrue(tmux.click(onText: "Към кода ▶"))
        tmux.waitFor("│  A  │")
        for c in code where c != "-" {
            XCTAssertTrue(tmux.click(onText: "│  \(c)  │"), "key \(c) on the keypad")
        }
        tmux.waitFor(code)
        XCTAssertTrue(tmux.click(onText: "✓ Провери"))
        var screen = tmux.waitFor("Готова за получаване")
        XCTAssertTrue(screen.contains("ИЗДАВАНЕ НА УДОСТОВЕРЕНИЕ ЗА НАСЛЕДНИЦИ"), screen)
        XCTAssertTrue(screen.contains("гише 2"), screen)

        // Back from the result: both fields are empty again.
        tmux.keys("Escape")
        screen = tmux.waitFor("Номер на преписка")
        XCTAssertFalse(screen.contains(number), screen)
        XCTAssertFalse(screen.contains(code), screen)

        // A wrong code, typed in Cyrillic on the keyboard, gets the one message for every failure.
        tmux.literal(number)
        tmux.keys("Tab")
        tmux.literal("ААААА-ААААА")
        tmux.keys("Enter")
        tmux.waitFor("Не намерихме преписка с този номер и код")

        let pid = try XCTUnwrap(tmux.programPID())
        kill(pid, SIGTERM)
        XCTAssertEqual(tmux.waitForExit(), "0")
    }

    func testStaffCommandsRefuseInvalidMovesAndUnknownServicesClearly() throws {
        let db = try database()
        let unknown = try runKiosk([
            "dossier", "register", "--database", db, "--holidays", holidays, "--service", "9999",
        ])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.output.contains("no service has the number 9999"), unknown.output)
        let tier = try runKiosk([
            "dossier", "register", "--database", db, "--holidays", holidays, "--service", "2025", "--tier", "express",
        ])
        XCTAssertTrue(tier.output.contains("service 2025 has no express tier (it has: ordinary, fast)"), tier.output)

        let registered = try runKiosk([
            "dossier", "register", "--database", db, "--holidays", holidays, "--service", "2079", "--filed",
            "2026-11-02",
        ])
        XCTAssertEqual(registered.status, 0, registered.output)
        XCTAssertTrue(registered.output.contains("number: 2026-000001"), registered.output)
        _ = try runKiosk([
            "dossier", "advance", "2026-000001", "--database", db, "--status", "refused", "--at", "2026-11-03",
        ])
        let after = try runKiosk(["dossier", "advance", "2026-000001", "--database", db, "--status", "in_progress"])
        XCTAssertEqual(after.status, 1)
        XCTAssertTrue(after.output.contains("cannot move from refused to in_progress"), after.output)
        let badStatus = try runKiosk(["dossier", "advance", "2026-000001", "--database", db, "--status", "lost"])
        XCTAssertEqual(badStatus.status, 2)
        XCTAssertTrue(badStatus.output.contains("unknown status lost"), badStatus.output)
        let unlock = try runKiosk(["dossier", "unlock", "2026-000001", "--database", db])
        XCTAssertEqual(unlock.status, 0, unlock.output)

        let batch = Fixtures.temporaryDirectory(self) + "/batch.jsonl"
        try """
        {"number": "2026-100001", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02"}
        {"number": "2026-100002", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02", "name": "Мария"}
        """.write(toFile: batch, atomically: true, encoding: .utf8)
        let imported = try runKiosk(["dossier", "import", batch, "--database", db, "--holidays", holidays])
        XCTAssertEqual(imported.status, 1)
        XCTAssertTrue(imported.output.contains("line 2: name: unknown field"), imported.output)
        let status = try BoardDatabase(path: db, readOnly: true)
        XCTAssertNil(try status.dossierReport(number: "2026-100001"), "all or nothing: line 1 was not imported either")
    }
}
