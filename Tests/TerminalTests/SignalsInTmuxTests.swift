import BoardTestSupport
import Foundation
import XCTest

/// Every signal that could end the board, sent to the built kiosk in tmux. Afterwards the pane
/// is the shell's again: its own screen back (the alternate screen left), the cursor shown, mouse
/// reporting off, cursor keys and keypad out of application mode, and the terminal modes (`stty
/// -a`) those it had before the board started; or the board ignored the signal and still answers.
/// Swift's interactive backtracer never shows, with lockdown on or off.
final class SignalsInTmuxTests: XCTestCase {
    override func setUpWithError() throws {
        guard TmuxSession.executable != nil else {
            throw XCTSkip("tmux is not installed: the real-terminal tests need it (apt-get install tmux)")
        }
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
            "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    static let fatal: [(Int32, String)] = [
        (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"), (SIGABRT, "SIGABRT"), (SIGSEGV, "SIGSEGV"),
        (SIGBUS, "SIGBUS"), (SIGFPE, "SIGFPE"), (SIGSYS, "SIGSYS"),
    ]
    static let stray: [(Int32, String)] = [
        (SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGVTALRM, "SIGVTALRM"),
        (SIGXCPU, "SIGXCPU"), (SIGPROF, "SIGPROF"), (SIGIO, "SIGIO"), (SIGPWR, "SIGPWR"), (SIGSTKFLT, "SIGSTKFLT"),
    ]
    static let marker = "the shell's own screen, before the board"

    /// One board in a pane of its own, started by a shell that records the terminal's modes before
    /// and after it.
    final class Board {
        let tmux: TmuxSession
        let label: String
        let directory: String

        init(_ label: String, directory: String, lockdown: Bool, environment: String = "") throws {
            self.label = label
            self.directory = directory + "/" + label
            try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
            let conf = self.directory + "/kiosk.conf"
            try "database = ../board.db\nlockdown = \(lockdown ? "on" : "off")\n"
                .write(toFile: conf, atomically: true, encoding: .utf8)
            // No core files: the fatal signals' default action would write one per run. The shell
            // stays after the board, for the pane to be read as a live terminal (tmux resets a
            // dead pane's modes).
            tmux = try TmuxSession(
                command: "ulimit -c 0; cd \(self.directory) && stty -a > stty-before"
                    + " && echo \"\(SignalsInTmuxTests.marker)\""
                    + " && env \(environment) \(TmuxSession.kioskBinary) --config \(conf);"
                    + " s=$?; stty -a > stty-after; echo $s > ended; exec sleep 600",
                columns: 80, rows: 24)
        }

        /// Waits for the attract screen and checks the board holds the terminal as the board does
        /// (so that the checks after the signal can tell a restored terminal from one never taken).
        func waitUntilRunning(file: StaticString = #filePath, line: UInt = #line) {
            tmux.waitFor("Touch the screen or press any key", file: file, line: line)
            XCTAssertEqual(
                modes(), "alternate 1 cursor 0 keypad 1 cursor-keys 1 mouse 1", "\(label): while it runs",
                file: file, line: line)
        }

        func send(_ signal: Int32, file: StaticString = #filePath, line: UInt = #line) {
            guard let pid = tmux.programPID() else {
                return XCTFail("\(label): no kiosk running", file: file, line: line)
            }
            kill(pid, signal)
        }

        func modes() -> String {
            let mouse = tmux.format("#{mouse_standard_flag}#{mouse_button_flag}#{mouse_any_flag}#{mouse_sgr_flag}")
            let anyMouse = mouse.contains("1") ? "1" : mouse.isEmpty ? "?" : "0"
            let flags = tmux.format("#{alternate_on} #{cursor_flag} #{keypad_flag} #{keypad_cursor_flag}")
                .split(separator: " ").map(String.init)
            guard flags.count == 4 else { return "unreadable: \(flags)" }
            return "alternate \(flags[0]) cursor \(flags[1]) keypad \(flags[2]) cursor-keys \(flags[3])"
                + " mouse \(anyMouse)"
        }

        /// The board's exit status as the shell saw it ("0", "signal 11"), once it has ended.
        func waitForEnd(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: directory + "/ended", encoding: .utf8),
                    let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
                {
                    return status > 128 ? "signal \(status - 128)" : String(status)
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            XCTFail("\(label): the board did not end; the screen shows:\n\(tmux.screen())", file: file, line: line)
            return ""
        }

        /// Checks that the board ended with `status` and gave the terminal back whole.
        func assertEndedGivingTheTerminalBack(_ status: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertEqual(waitForEnd(file: file, line: line), status, "\(label): exit status", file: file, line: line)
            XCTAssertEqual(
                modes(), "alternate 0 cursor 1 keypad 0 cursor-keys 0 mouse 0", "\(label): after",
                file: file, line: line)
            let screen = tmux.screen()
            XCTAssertTrue(
                screen.contains(SignalsInTmuxTests.marker),
                "\(label): the shell's screen is back:\n\(screen)", file: file, line: line)
            XCTAssertFalse(
                screen.contains("ОБЩИНА"), "\(label): the board's screen is gone:\n\(screen)",
                file: file, line: line)
            XCTAssertFalse(
                screen.contains("Press space to interact") || screen.contains("Program crashed"),
                "\(label): no interactive backtracer on a kiosk:\n\(screen)", file: file, line: line)
            let before = (try? String(contentsOfFile: directory + "/stty-before", encoding: .utf8)) ?? ""
            let after = (try? String(contentsOfFile: directory + "/stty-after", encoding: .utf8)) ?? "(none)"
            XCTAssertTrue(
                before.contains(" icanon ") && before.contains(" echo "),
                "\(label): a sane terminal to start with:\n\(before)", file: file, line: line)
            XCTAssertEqual(after, before, "\(label): the terminal's modes as before the board", file: file, line: line)
        }
    }

    func database() throws -> String {
        let directory = Fixtures.temporaryDirectory(self)
        let result = try runKiosk(["import", "--database", directory + "/board.db", Fixtures.demoContent])
        XCTAssertEqual(result.status, 0, result.output)
        return directory
    }

    /// A fault, a trap or an abort (as `kill` sends it) ends the board by that signal, having
    /// given the terminal back, and says so; with lockdown on and off.
    func testEachFatalSignalGivesTheTerminalBack() throws {
        let directory = try database()
        var boards: [(Board, Int32, String)] = []
        for lockdown in [true, false] {
            for (signal, name) in Self.fatal {
                let label = "\(name)-lockdown-\(lockdown ? "on" : "off")"
                boards.append((try Board(label, directory: directory, lockdown: lockdown), signal, name))
            }
        }
        // Without lockdown, SIGQUIT too is a crash (with lockdown it is ignored; see below).
        boards.append((try Board("SIGQUIT-lockdown-off", directory: directory, lockdown: false), SIGQUIT, "SIGQUIT"))
        for (board, _, _) in boards { board.waitUntilRunning() }
        for (board, signal, _) in boards { board.send(signal) }
        for (board, signal, name) in boards {
            board.assertEndedGivingTheTerminalBack("signal \(signal)")
            let screen = board.tmux.screen().replacingOccurrences(of: "\n", with: "")
            XCTAssertTrue(
                screen.contains("kiosk: crashed (\(name)); the terminal was restored"),
                "\(board.label):\n\(screen)")
        }
    }

    /// A stack overflow's SIGSEGV finds no stack to run on unless the crash guard made one.
    func testAStackOverflowGivesTheTerminalBack() throws {
        let directory = try database()
        let board = try Board(
            "stack-overflow", directory: directory, lockdown: false,
            environment: "KIOSK_TEST_CRASH=stack-overflow")
        board.assertEndedGivingTheTerminalBack("signal \(SIGSEGV)")
        XCTAssertTrue(board.tmux.screen().replacingOccurrences(of: "\n", with: "").contains("kiosk: crashed (SIGSEGV)"))
    }

    /// Signals that ask the board to stop, and those nobody should send it, end it cleanly
    /// (status 0), the unusual ones with a note naming them.
    func testSignalsThatEndTheBoardCleanly() throws {
        let directory = try database()
        var boards: [(Board, Int32, String?)] = []
        for (signal, name) in Self.stray {
            boards.append((try Board(name, directory: directory, lockdown: true), signal, name))
        }
        boards.append((try Board("SIGTERM", directory: directory, lockdown: true), SIGTERM, nil))
        boards.append((try Board("SIGHUP", directory: directory, lockdown: true), SIGHUP, nil))
        boards.append((try Board("SIGINT-lockdown-off", directory: directory, lockdown: false), SIGINT, nil))
        for (board, _, _) in boards { board.waitUntilRunning() }
        for (board, signal, _) in boards { board.send(signal) }
        for (board, _, name) in boards {
            board.assertEndedGivingTheTerminalBack("0")
            let screen = board.tmux.screen()
            if let name {
                XCTAssertTrue(
                    screen.contains("kiosk: ended by \(name); the terminal was restored"),
                    "\(board.label):\n\(screen)")
            } else {
                XCTAssertFalse(screen.contains("kiosk:"), "\(board.label): a requested end says nothing:\n\(screen)")
            }
        }
    }

    /// SIGPIPE and SIGXFSZ (a write to a dead reader, past the file-size limit) never end the
    /// board; with lockdown, neither do the signals a keyboard can raise.
    func testSignalsTheBoardIgnores() throws {
        let directory = try database()
        var boards: [(Board, Int32)] = []
        for lockdown in [true, false] {
            for (signal, name) in [(SIGPIPE, "SIGPIPE"), (SIGXFSZ, "SIGXFSZ")] {
                let label = "\(name)-lockdown-\(lockdown ? "on" : "off")"
                boards.append((try Board(label, directory: directory, lockdown: lockdown), signal))
            }
        }
        for (signal, name) in [(SIGINT, "SIGINT"), (SIGQUIT, "SIGQUIT"), (SIGTSTP, "SIGTSTP")] {
            boards.append((try Board("\(name)-lockdown-on", directory: directory, lockdown: true), signal))
        }
        for (board, _) in boards { board.waitUntilRunning() }
        for (board, signal) in boards { board.send(signal) }
        for (board, _) in boards {
            // Still there, and still answering: a key wakes it to the home screen.
            board.tmux.keys("Enter")
            board.tmux.waitFor("С какво можем да помогнем?")
            XCTAssertEqual(board.tmux.format("#{pane_dead}"), "0", "\(board.label): the board still runs")
            board.send(SIGTERM)
            board.assertEndedGivingTheTerminalBack("0")
        }
    }
}
