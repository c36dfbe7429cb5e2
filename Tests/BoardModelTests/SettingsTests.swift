import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

final class SettingsTests: XCTestCase {
    func testTheShippedFileParsesToItsDocumentedValues() throws {
        let text = try String(contentsOfFile: Fixtures.packageRoot + "/kiosk.conf", encoding: .utf8)
        let config = try Settings(parsing: text, source: "kiosk.conf")
        XCTAssertEqual(config.database, "board.db")
        XCTAssertEqual(config.content, "content/blagoevgrad")
        XCTAssertEqual(config.language, .bg)
        XCTAssertEqual(config.idleTimeout, 60)
        XCTAssertEqual(config.mode, .board)
        XCTAssertEqual(config.theme, .standard)
        XCTAssertEqual(config.dossierIdleTimeout, 30)
        XCTAssertTrue(config.lockdown, "the shipped board is locked down")
        XCTAssertEqual(config.staffExit, [.function(12), .function(12), .function(12)])
        XCTAssertNil(config.staffPinHash, "no PIN ships: each board gets its own")
        XCTAssertEqual(config.dossierNumber, .standard)
        XCTAssertEqual(config.holidays, "content/holidays-bg.json")
        XCTAssertNil(config.throttle)
    }

    func testKioskKeysAreRead() throws {
        let text =
            "idle_timeout = 90\nidle_timeout_dossier = 20\nlockdown = off\nstaff_exit = ctrl-K Esc x F9\nstaff_pin = "
            + "$y$j9T$abc$def\nphone = 0800 1 2 3\n"
        let config = try Settings(parsing: text, source: "k.conf")
        XCTAssertEqual(config.dossierIdleTimeout, 20)
        XCTAssertFalse(config.lockdown)
        XCTAssertEqual(config.staffExit, [.control("k"), .escape, .character("x"), .function(9)])
        XCTAssertEqual(config.staffPinHash, "$y$j9T$abc$def")
        XCTAssertEqual(config.phone, "0800 1 2 3")
        let settings = config  // one settings type, from the file to the reducer
        XCTAssertEqual(settings.idleTimeout, 90)
        XCTAssertEqual(settings.dossierIdleTimeout, 20)
        XCTAssertTrue(settings.staffExitEnabled)
        XCTAssertFalse(settings.lockdown)
    }

    func testBadKioskKeysAreNamed() {
        assertError("idle_timeout_dossier = 3\n", line: 1, key: "idle_timeout_dossier", saying: "15 to 3600")
        assertError("lockdown = yes\n", line: 1, key: "lockdown", saying: "on or off")
        assertError("staff_exit = F99 F1\n", line: 1, key: "staff_exit", saying: "key names")
        assertError("staff_exit = F12\n", line: 1, key: "staff_exit", saying: "two or more")
        assertError("staff_pin = 1234\n", line: 1, key: "staff_pin", saying: "not the PIN itself")
    }

    func testDossierSettings() throws {
        let config = try Settings(
            parsing: "dossier_number = 94-00-{seq}/{dd}.{mm}.{yyyy}\nthrottle = /var/lib/kiosk/t.db\n", source: "k.conf"
        )
        XCTAssertEqual(
            config.dossierNumber.format(sequence: 7, filed: CalendarDate(year: 2026, month: 11, day: 21)!),
            "94-00-7/21.11.2026")
        XCTAssertEqual(config.throttle, "/var/lib/kiosk/t.db")
        assertError("dossier_number = {yyyy}\n", line: 1, key: "dossier_number", saying: "exactly one {seq}")
        assertError("\ndossier_number = № {seq}\n", line: 2, key: "dossier_number", saying: "not allowed")
    }

    func testValuesAreRead() throws {
        let config = try Settings(
            parsing:
                "# comment\n\n database = /var/lib/kiosk/b.db \nlanguage=en\nidle_timeout = 90\ntheme = mono\nmode = "
                + "survey\n",
            source: "k.conf")
        XCTAssertEqual(config.database, "/var/lib/kiosk/b.db")
        XCTAssertEqual(config.language, .en)
        XCTAssertEqual(config.idleTimeout, 90)
        XCTAssertEqual(config.theme, .mono)
        XCTAssertEqual(config.mode, .survey)
    }

    func assertError(
        _ text: String, line: Int, key: String?, saying words: String, file: StaticString = #filePath, at: UInt = #line
    ) {
        XCTAssertThrowsError(try Settings(parsing: text, source: "k.conf"), file: file, line: at) { error in
            let e = error as! SettingsError
            XCTAssertEqual(e.line, line, file: file, line: at)
            XCTAssertEqual(e.key, key, file: file, line: at)
            XCTAssertTrue(e.description.contains(words), e.description, file: file, line: at)
            XCTAssertTrue(e.description.hasPrefix("k.conf:\(line):"), e.description, file: file, line: at)
        }
    }

    func testBadLinesAreNamedByLineAndKey() {
        assertError("database = a.db\nidel_timeout = 30\n", line: 2, key: "idel_timeout", saying: "unknown key")
        assertError("language = de\n", line: 1, key: "language", saying: "bg or en")
        assertError("idle_timeout = soon\n", line: 1, key: "idle_timeout", saying: "whole number")
        assertError("idle_timeout = 5\n", line: 1, key: "idle_timeout", saying: "15 to 3600")
        assertError("theme = pink\n", line: 1, key: "theme", saying: "standard, contrast, mono")
        assertError("mode = party\n", line: 1, key: "mode", saying: "board or survey")
        assertError("\n\njust words\n", line: 3, key: nil, saying: "key = value")
        assertError(
            "database = a.db\ndatabase = b.db\n", line: 2, key: "database", saying: "set twice (first on line 1)")
        assertError("content =\n", line: 1, key: "content", saying: "no value")
        assertError("content = a\u{1b}[2Jb\n", line: 1, key: "content", saying: "control characters")
    }
}
