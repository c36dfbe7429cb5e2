import BoardTestSupport
import Foundation
import XCTest

/// `kiosk-bench --small` runs every measurement on a small database and writes every figure.
/// No speed is asserted here: the debug build is slow, and the figures belong to the README's full run.
final class BenchSmallRunTests: XCTestCase {
    func testSmallRunProducesEveryFigure() throws {
        let bench = ProcessInfo.processInfo.environment["KIOSK_BENCH_BINARY"] ?? Fixtures.packageRoot + "/.build/debug/kiosk-bench"
        guard FileManager.default.isExecutableFile(atPath: bench) else {
            throw XCTSkip("no kiosk-bench at \(bench) (build it with `swift build`)")
        }
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
            "key_list_down_80x24_ms", "key_open_card_80x24_ms", "key_scroll_card_80x24_ms", "key_search_typing_80x24_ms",
            "key_list_down_200x60_ms", "key_open_card_200x60_ms", "key_scroll_card_200x60_ms", "key_search_typing_200x60_ms",
            "bytes_list_down_80x24", "bytes_full_repaint_list_down_80x24", "bytes_list_down_share_80x24_pct",
            "bytes_list_down_200x60", "bytes_full_repaint_list_down_200x60", "bytes_list_down_share_200x60_pct",
            "lookup_store_us", "lookup_c_api_us", "lookup_ratio", "lookup_hash_ms",
            "import_new_db_ms", "import_live_db_ms", "rerender_after_import_ms",
            "report_ms", "memory_peak_mb",
        ]
        for key in expected {
            let figure = try XCTUnwrap(figures[key], "missing figure \(key)\n\(text)")
            let median = try XCTUnwrap(figure["median"] as? Double, "\(key) has no number")
            XCTAssertGreaterThan(median, 0, key)
        }
        XCTAssertTrue(text.contains("| figure | median |"), "no table printed:\n\(text)")
    }
}
