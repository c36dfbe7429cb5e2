import BoardModel
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

    /// Starts `command` in a detached session of the given size, with a UTF-8 locale.
    public init(command: String, columns: Int, rows: Int) throws {
        name = "kiosk-test-\(UUID().uuidString.prefix(8))"
        // The tmux server this may start inherits the output: no pipe, or reading it never ends.
        try TmuxSession.run(["new-session", "-d", "-s", name, "-x", "\(columns)", "-y", "\(rows)",
                             "env LANG=C.UTF-8 TERM=xterm-256color \(command)"], capture: false)
        // Keep the pane after the program ends so its exit status can be read.
        try TmuxSession.run(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit {
        _ = try? TmuxSession.run(["kill-session", "-t", name])
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
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return ""
        }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The visible screen as text.
    public func screen() -> String {
        (try? TmuxSession.run(["capture-pane", "-p", "-t", name])) ?? ""
    }

    /// Sends tmux key names (e.g. "Enter", "Down", "1").
    public func keys(_ keys: String...) {
        _ = try? TmuxSession.run(["send-keys", "-t", name] + keys)
    }

    /// Sends bytes as typed, without key-name lookup.
    public func literal(_ text: String) {
        _ = try? TmuxSession.run(["send-keys", "-t", name, "-l", text])
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
        _ = try? TmuxSession.run(["resize-window", "-t", name, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// A tmux format value of the pane, e.g. "#{pane_dead}".
    public func format(_ spec: String) -> String {
        ((try? TmuxSession.run(["display-message", "-p", "-t", name, spec])) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds (at most `timeout` seconds); returns the last screen.
    @discardableResult
    public func waitUntil(timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line,
                          _ what: String, _ condition: (String) -> Bool) -> String {
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
    public func waitFor(_ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) -> String {
        waitUntil(timeout: timeout, file: file, line: line, "\"\(text)\"") { $0.contains(text) }
    }
}

/// Runs the kiosk binary as a staff command and returns its exit status and output.
public func runKiosk(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TmuxSession.kioskBinary)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
