import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Foundation
import XCTest

/// Drives a real program in a tmux pane: keys and mouse clicks in, screen text out.
public final class TmuxSession {
    public let name: String

    /// The path of tmux, or nil when it is not installed.
    public static let executable: String? = {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// The kiosk binary built by `swift build` / `swift test` (or KIOSK_BINARY).
    public static var kioskBinary: String {
        ProcessInfo.processInfo.environment["KIOSK_BINARY"] ?? Fixtures.packageRoot + "/.build/debug/kiosk"
    }

    /// A settings file read when the session's server starts, so its options hold before the
    /// program runs: the pane stays after the program ends, for its exit status to be read.
    static let configuration: String = {
        let path = NSTemporaryDirectory() + "kiosk-tests-tmux.conf"
        try? "set-option -g remain-on-exit on\nset-option -g status off\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        return path
    }()

    /// Starts `command` in a detached session of the given size, with a UTF-8 locale, on a tmux
    /// server of its own (so a developer's own tmux is never touched).
    public init(command: String, columns: Int, rows: Int) throws {
        name = "kiosk-test-\(UUID().uuidString.prefix(8))"
        statusFile = NSTemporaryDirectory() + name + ".status"
        // tmux 3.3 sometimes marks a pane dead without recording its exit status, so a shell
        // around the program writes the status to a file.
        let wrapped = "\(command); echo $? > \(statusFile)".replacingOccurrences(of: "'", with: "'\\''")
        try run(
            [
                "-f", TmuxSession.configuration, "new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
                "env -u NO_COLOR -u COLUMNS -u LINES LANG=C.UTF-8 TERM=xterm-256color sh -c '\(wrapped)'",
            ], capture: false)
    }

    let statusFile: String

    /// The process id of the program (the child of the wrapping shell).
    public func programPID() -> pid_t? {
        guard let shell = Int(format("#{pane_pid}")),
            let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8),
            let first = children.split(separator: " ").first
        else { return nil }
        return pid_t(first)
    }

    deinit {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(atPath: statusFile)
    }

    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        try TmuxSession.run(["-L", name] + arguments, capture: capture)
    }

    @discardableResult
    public static func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/tmux")
        // -u and a UTF-8 locale: without them (CI has no LANG) tmux shows Cyrillic as "_".
        process.arguments = ["-u"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        process.environment = environment
        guard capture else {
            return try spawnAndWait(
                ["env", "-u", "TMUX", "LANG=C.UTF-8", executable ?? "/usr/bin/tmux", "-u"] + arguments)
        }
        return try runCapturing(process).output
    }

    /// The visible screen as text.
    public func screen() -> String {
        (try? run(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// The visible screen with its attributes and colours as escape sequences (capture-pane -e).
    public func screenWithAttributes() -> String {
        (try? run(["capture-pane", "-e", "-p", "-t", name])) ?? ""
    }

    /// Sends tmux key names (e.g. "Enter", "Down", "1").
    public func keys(_ keys: String...) {
        _ = try? run(["send-keys", "-t", name] + keys)
    }

    /// Sends bytes as typed, without key-name lookup.
    public func literal(_ text: String) {
        _ = try? run(["send-keys", "-t", name, "-l", text])
    }

    /// Clicks the left button at a 0-based cell, as an xterm SGR mouse report.
    public func click(column: Int, row: Int) {
        literal("\u{1b}[<0;\(column + 1);\(row + 1)M")
        literal("\u{1b}[<0;\(column + 1);\(row + 1)m")
    }

    /// Clicks on the first place the screen shows `label`; false when it is not there.
    @discardableResult
    public func click(onText label: String) -> Bool {
        let lines = screen().split(separator: "\n", omittingEmptySubsequences: false)
        for (row, line) in lines.enumerated() {
            guard let range = line.range(of: label) else { continue }
            click(column: DisplayWidth.of(String(line[..<range.lowerBound])), row: row)
            return true
        }
        return false
    }

    public func resize(columns: Int, rows: Int) {
        _ = try? run(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// A tmux format value of the pane, e.g. "#{pane_dead}".
    public func format(_ spec: String) -> String {
        ((try? run(["display-message", "-p", "-t", name, spec])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Waits until the program in the pane has ended; returns its exit status ("0", "1" …) or,
    /// for a program ended by a signal, "signal N".
    @discardableResult
    public func waitForExit(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
                let status = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return status > 128 ? "signal \(status - 128)" : String(status)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("the program did not exit; the screen shows:\n\(screen())", file: file, line: line)
        return ""
    }

    /// Polls the screen until `condition` holds (at most `timeout` seconds); returns the last screen.
    @discardableResult
    public func waitUntil(
        timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
        _ what: String, _ condition: (String) -> Bool
    ) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = screen()
        while !condition(text) {
            if Date() > deadline {
                XCTFail("timed out waiting for \(what); the screen shows:\n\(text)", file: file, line: line)
                return text
            }
            Thread.sleep(forTimeInterval: 0.05)
            text = screen()
        }
        return text
    }

    @discardableResult
    public func waitFor(
        _ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line
    ) -> String {
        waitUntil(timeout: timeout, file: file, line: line, "\"\(text)\"") { $0.contains(text) }
    }
}

/// Starts a command that starts the tmux server, and waits for it alone.
///
/// Foundation's Process would hand the server what it uses to watch its child (so waiting can
/// hang), and system(3) would hand it a blocked SIGCHLD (so tmux never learns a pane's exit
/// status). posix_spawn with a clean signal mask and /dev/null for output avoids both.
func spawnAndWait(_ argv: [String]) throws -> String {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    let rc = posix_spawnp(&pid, argv[0], &actions, &attributes, &cArgs, environ)
    guard rc == 0 else { throw TmuxError(message: "cannot start \(argv[0]): error \(rc)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    guard status == 0 else { throw TmuxError(message: "\(argv.joined(separator: " ")) failed (\(status))") }
    return ""
}

struct TmuxError: Error {
    var message: String
}

/// Runs the kiosk binary as a staff command and returns its exit status and output.
public func runKiosk(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TmuxSession.kioskBinary)
    process.arguments = arguments
    return try runCapturing(process)
}

/// Runs the kiosk binary as a staff command, with its standard output and error kept apart as
/// the bytes written (files, not pipes, so a full stream can never stall the other).
public func runKioskApart(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: Data) {
    let base = NSTemporaryDirectory() + "kiosk-run-" + UUID().uuidString
    let outPath = base + ".out", errPath = base + ".err"
    defer {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
    for path in [outPath, errPath] { FileManager.default.createFile(atPath: path, contents: nil) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TmuxSession.kioskBinary)
    process.arguments = arguments
    process.standardInput = FileHandle.nullDevice
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: outPath))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
    process.standardOutput = out
    process.standardError = err
    try process.run()
    process.waitUntilExit()
    try out.close()
    try err.close()
    return (
        process.terminationStatus, try Data(contentsOf: URL(fileURLWithPath: outPath)),
        try Data(contentsOf: URL(fileURLWithPath: errPath))
    )
}

/// Runs a prepared process to its end, with standard output and error together.
func runCapturing(_ process: Process) throws -> (status: Int32, output: String) {
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
