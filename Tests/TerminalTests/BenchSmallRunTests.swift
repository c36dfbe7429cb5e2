import BoardTestSupport
import Foundation
import XCTest

/// `kiosk-bench --small` runs every measurement on a small database and writes every figure.
/// No speed is asserted here: the debug build is slow, and the figures belong to the README's full run.
final class BenchSmallRunTests: XCTestCase {
    func benchBinary() throws -> String {
        let bench =
            ProcessInfo.processInfo.environment["KIOSK_BENCH_BINARY"]
            ?? Fixtures.packageRoot + "/.build/debug/kiosk-bench"
        guard FileManager.default.isExecutableFile(atPath: bench) else {
            throw XCTSkip("no kiosk-bench at \(bench) (build it with `swift build`)")
        }
        return bench
    }

    func testSmallRunProducesEveryFigure() throws {
        let bench = try benchBinary()
        let json = Fixtures.temporaryDirectory(self) + "/bench.json"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bench)
        process.arguments = ["--small", "--json", json]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)

        let data = try Data(contentsOf: URL(fileURLWithPath: json))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let figures = try XCTUnwrap(root["figures"] as? [String: [String: Any]])
        let expected = [
            "cold_start_80x24_ms", "cold_start_200x60_ms",
            "key_list_down_80x24_ms", "key_open_card_80x24_ms", "key_scroll_card_80x24_ms",
            "key_search_typing_80x24_ms",
            "key_list_down_200x60_ms", "key_open_card_200x60_ms", "key_scroll_card_200x60_ms",
            "key_search_typing_200x60_ms",
            "bytes_list_down_80x24", "bytes_full_repaint_list_down_80x24", "bytes_list_down_share_80x24_pct",
            "bytes_list_down_200x60", "bytes_full_repaint_list_down_200x60", "bytes_list_down_share_200x60_pct",
            "lookup_store_us", "lookup_c_api_us", "lookup_ratio", "lookup_hash_ms",
            "import_new_db_ms", "import_live_db_ms", "rerender_after_import_ms",
            "report_ms", "memory_peak_mb",
            "pty_paced_keys_after_start_ms", "pty_slowest_key_after_start_ms",
            "pty_paced_keys_during_import_ms", "pty_slowest_key_during_import_ms",
            "pty_paced_keys_after_import_ms", "pty_slowest_key_after_import_ms",
            "pty_import_while_running_ms", "memory_peak_paced_mb",
        ]
        for key in expected {
            let figure = try XCTUnwrap(figures[key], "missing figure \(key)\n\(text)")
            let median = try XCTUnwrap(figure["median"] as? Double, "\(key) has no number")
            XCTAssertGreaterThan(median, 0, key)
        }
        XCTAssertTrue(text.contains("| figure | median |"), "no table printed:\n\(text)")

        // Which kiosk was measured: the debug build next to the bench here, said so plainly.
        let kiosk = try XCTUnwrap(root["kiosk"] as? [String: Any], "no record of the kiosk measured")
        let besideBench = URL(fileURLWithPath: bench).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("kiosk").path
        XCTAssertEqual(kiosk["path"] as? String, besideBench)
        XCTAssertEqual(kiosk["configuration"] as? String, "debug")
        XCTAssertEqual(kiosk["swift_runtime"] as? String, "dynamic", "a debug build links the Swift runtime")
        XCTAssertEqual(kiosk["board_build"] as? Bool, false)
        XCTAssertGreaterThan(kiosk["bytes"] as? Int ?? 0, 0)
    }

    /// `--help` says how to run it and runs nothing.
    func testHelpRunsNothing() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try benchBinary())
        process.arguments = ["--help"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.hasPrefix("usage: kiosk-bench"), text)
        XCTAssertTrue(text.contains("--static-swift-stdlib"), "it says how to build what boards run:\n\(text)")
        XCTAssertFalse(text.contains("temporary directory: ") || text.contains("Building the data"), text)
    }

    /// A run cut short by Ctrl-C ends the kiosk it started and removes its temporary directory.
    func testARunCutShortLeavesNothingBehind() throws {
        let log = Fixtures.temporaryDirectory(self) + "/bench.log"
        FileManager.default.createFile(atPath: log, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try benchBinary())
        process.arguments = ["--small", "--only", "8"]
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        process.standardError = process.standardOutput
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Wait for the kiosk it starts on a pseudo-terminal.
        let started = try NSRegularExpression(pattern: "kiosk started on the pty \\(pid ([0-9]+)\\)")
        var kiosk: pid_t?
        var text = ""
        let deadline = Date().addingTimeInterval(120)
        while kiosk == nil && process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if let match = started.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                let range = Range(match.range(at: 1), in: text)
            {
                kiosk = pid_t(text[range])
            }
        }
        let pid = try XCTUnwrap(kiosk, "the bench never started its kiosk:\n\(text)")
        let directory = try XCTUnwrap(
            text.split(separator: "\n").first { $0.contains("temporary directory: ") }?
                .components(separatedBy: "temporary directory: ").last)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory), "the run's directory exists while it runs")

        process.interrupt()
        process.waitUntilExit()
        text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "it ends by the signal:\n\(text)")
        XCTAssertEqual(process.terminationStatus, SIGINT)
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory), "the temporary directory is gone:\n\(text)")
        // Ended and reaped: no such process (not even a zombie).
        XCTAssertEqual(kill(pid, 0), -1, "the kiosk (pid \(pid)) still exists")
        XCTAssertEqual(errno, ESRCH)
        XCTAssertTrue(text.contains("cut short by signal \(SIGINT): ended 1 program(s)"), text)
    }
}
