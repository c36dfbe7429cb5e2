import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// The built `kiosk` in a real terminal (tmux): keys, a mouse click, resizes, and a clean exit.
final class KioskInTmuxTests: XCTestCase {
    override func setUpWithError() throws {
        guard TmuxSession.executable != nil else {
            throw XCTSkip("tmux is not installed: the real-terminal tests need it (apt-get install tmux)")
        }
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
            "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    func database() throws -> String {
        let path = Fixtures.temporaryDirectory(self) + "/board.db"
        let result = try runKiosk(["import", "--database", path, Fixtures.demoContent])
        XCTAssertEqual(result.status, 0, result.output)
        return path
    }

    func testBrowseToACardByKeysClickHomeAndResize() throws {
        let db = try database()
        let tmux = try TmuxSession(command: "\(TmuxSession.kioskBinary) --database \(db)", columns: 80, rows: 24)
        tmux.waitFor("ОБЩИНА БЛАГОЕВГРАД")
        tmux.waitFor("Touch the screen or press any key")

        /// From the home menu to the first card of the first topic, by keys.
        @discardableResult func homeToFirstCard() -> String {
            tmux.waitFor("С какво можем да помогнем?")
            tmux.keys("1")
            tmux.waitFor("Услуги по теми")
            tmux.keys("Enter")
            tmux.waitFor("Услуги › Гражданска регистрация")
            tmux.keys("Enter")
            return tmux.waitFor("Необходими документи")
        }
        tmux.keys("Enter")
        var screen = homeToFirstCard()
        XCTAssertTrue(screen.contains("Услуга №"), screen)

        // Page down through the card and back: it scrolls and stays whole.
        tmux.keys("PageDown")
        tmux.waitUntil("the card to scroll down a page") { !$0.contains("Услуга №") && $0.contains("▲") }
        tmux.keys("PageUp")
        tmux.waitFor("Услуга №")

        // The Home key, as tmux sends it (ESC [ 1 ~), goes home; it is not read as Esc (Back).
        tmux.keys("Home")
        homeToFirstCard()

        // Resize while on the card: it relayouts to the new width and stays readable.
        tmux.resize(columns: 132, rows: 43)
        screen = tmux.waitUntil("a 43-row layout") {
            $0.split(separator: "\n", omittingEmptySubsequences: false).count >= 43 && $0.contains("Правно основание")
        }
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        // The header was laid out anew for 132 columns: its clock ends one column from the edge.
        XCTAssertEqual(DisplayWidth.of(String(lines[0])), 131, "header: \(lines[0])")
        XCTAssertTrue(screen.contains("Услуга №"), screen)
        XCTAssertTrue(lines[41].contains("◀ Назад"), "the footer moved to the new bottom: \(lines[41])")

        tmux.resize(columns: 50, rows: 12)
        tmux.waitFor("твърде малък")
        tmux.resize(columns: 100, rows: 30)
        tmux.waitFor("Услуга №")

        // A mouse click on the Home button, then on a home item.
        XCTAssertTrue(tmux.click(onText: "⌂ Начало"))
        tmux.waitFor("С какво можем да помогнем?")
        XCTAssertTrue(tmux.click(onText: "Контакти и работно време"))
        screen = tmux.waitFor("073 88 44 30")
        XCTAssertTrue(screen.contains("Работно време"), screen)

        // Language switch by key keeps the screen.
        tmux.keys("l")
        tmux.waitFor("Contacts and opening hours")

        // SIGTERM ends it cleanly and gives the terminal back (the alternate screen is left).
        let pid = try XCTUnwrap(tmux.programPID())
        kill(pid, SIGTERM)
        XCTAssertEqual(tmux.waitForExit(), "0")
        XCTAssertEqual(tmux.format("#{alternate_on}"), "0", "the terminal is back on the normal screen")
        XCTAssertFalse(tmux.screen().contains("Contacts and opening hours"))
    }

    func testFirstRunCreatesTheDatabaseFromTheConfiguredContent() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let conf = dir + "/kiosk.conf"
        try "database = board.db\ncontent = \(Fixtures.madanContent)\nlanguage = en\n".write(
            toFile: conf, atomically: true, encoding: .utf8)
        // No LANG at all, as on CI: the kiosk must still find a UTF-8 locale for Cyrillic.
        let tmux = try TmuxSession(
            command: "env -u LANG -u LC_ALL \(TmuxSession.kioskBinary) --config \(conf)", columns: 80, rows: 24)
        tmux.waitFor("ОБЩИНА МАДАН")
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/board.db"))
        tmux.keys("Enter")
        tmux.waitFor("How can we help you?")
        // Lockdown is the default: Ctrl-C does nothing; SIGHUP ends the board cleanly.
        tmux.keys("C-c")
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertEqual(tmux.format("#{pane_dead}"), "0", "Ctrl-C does not end a locked-down board")
        XCTAssertTrue(tmux.screen().contains("How can we help you?"))
        kill(try XCTUnwrap(tmux.programPID()), SIGHUP)
        XCTAssertEqual(tmux.waitForExit(), "0")
        XCTAssertEqual(tmux.format("#{alternate_on}"), "0", "the terminal is back on the normal screen")
    }

    func testACrashGivesTheTerminalBack() throws {
        let db = try database()
        let tmux = try TmuxSession(
            command: "env KIOSK_TEST_CRASH=after-first-frame \(TmuxSession.kioskBinary) --database \(db)", columns: 80,
            rows: 24)
        let status = tmux.waitForExit()
        XCTAssertTrue(status.hasPrefix("signal"), "ended by its crash signal, not an exit: \(status)")
        XCTAssertEqual(tmux.format("#{alternate_on}"), "0", "the alternate screen was left")
        XCTAssertEqual(
            tmux.format("#{mouse_any_flag}#{mouse_standard_flag}#{mouse_button_flag}"), "000", "mouse reporting is off")
        let screen = tmux.screen()
        XCTAssertTrue(screen.contains("the terminal was restored"), screen)
        XCTAssertFalse(screen.contains("Press space to interact"), "no interactive backtracer on a kiosk")
    }

    /// Search by tapping the on-screen keyboard alone, then tapping the result.
    func testSearchByTappingTheOnScreenKeyboard() throws {
        let db = try database()
        let tmux = try TmuxSession(command: "\(TmuxSession.kioskBinary) --database \(db)", columns: 80, rows: 24)
        tmux.waitFor("ОБЩИНА БЛАГОЕВГРАД")
        tmux.click(column: 40, row: 12)
        tmux.waitFor("С какво можем да помогнем?")
        XCTAssertTrue(tmux.click(onText: "Търсене · по дума"))
        tmux.waitFor("Търся:")
        for letter in ["с", "к", "и", "ц", "а"] {
            XCTAssertTrue(tmux.click(onText: "[ \(letter) ]"), "no key \(letter) on screen")
        }
        tmux.waitFor("Търся: скица")
        tmux.waitFor("Издаване на скица на поземлен имот")
        XCTAssertTrue(tmux.click(onText: "Издаване на скица на поземлен имот"))
        let card = tmux.waitFor("Услуга № 2015")
        XCTAssertTrue(card.contains("Необходими документи"), card)
    }

    /// With NO_COLOR the board uses no colour at all, and focus still shows (reverse video and ▶).
    func testNoColourStillShowsFocus() throws {
        let db = try database()
        let colourCode = try NSRegularExpression(pattern: "\u{1b}\\[[0-9;]*(3[0-7]|4[0-7]|38;|48;)")
        let coloured = try TmuxSession(command: "\(TmuxSession.kioskBinary) --database \(db)", columns: 80, rows: 24)
        coloured.waitFor("ОБЩИНА")
        coloured.keys("Enter")
        coloured.waitFor("С какво можем да помогнем?")
        let withColour = coloured.screenWithAttributes()
        XCTAssertNotNil(
            colourCode.firstMatch(in: withColour, range: NSRange(withColour.startIndex..., in: withColour)),
            "the standard theme uses colour:\n\(withColour.debugDescription.prefix(600))")

        let mono = try TmuxSession(
            command: "env NO_COLOR=1 \(TmuxSession.kioskBinary) --database \(db)", columns: 80, rows: 24)
        mono.waitFor("ОБЩИНА")
        mono.keys("Enter")
        mono.waitFor("С какво можем да помогнем?")
        let plain = mono.screenWithAttributes()
        XCTAssertNil(
            colourCode.firstMatch(in: plain, range: NSRange(plain.startIndex..., in: plain)),
            "no colour codes with NO_COLOR:\n\(plain)")
        XCTAssertTrue(plain.contains("\u{1b}[1;7m"), "focus is bold reverse video")
        XCTAssertTrue(mono.screen().contains("▶ 1  Услуги"))
    }

    func testABadSettingsFileStopsWithTheLineAndKey() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let conf = dir + "/kiosk.conf"
        try "database = board.db\nidle_timout = 30\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let result = try runKiosk(["--config", conf])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.output.contains("kiosk.conf:2: idle_timout: unknown key"), result.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/board.db"), "nothing started")
    }

    func testImportOfBrokenContentExitsNonZeroAndNamesTheField() throws {
        let db = try database()
        let broken = Fixtures.copyOfContent(self)
        let path = broken + "/services/2079.json"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(
            of: "\"ordinary\"", with: "\"urgent\"")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try runKiosk(["import", "--database", db, broken])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(
            result.output.contains("services/2079.json: tiers[0].tier: unknown tier \"urgent\""), result.output)
        let status = try runKiosk(["status", "--database", db])
        XCTAssertTrue(
            status.output.contains("from \(Fixtures.demoContent)"),
            "the last import is still the good one:\n\(status.output)")
    }

    func testHelpAndVersion() throws {
        let help = try runKiosk(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("kiosk import [--check]"))
        let version = try runKiosk(["--version"])
        XCTAssertTrue(version.output.hasPrefix("kiosk "), version.output)
    }
}
