import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Foundation
import XCTest

/// Golden screens: the rendered grid as plain text, kept next to the tests and reviewed by eye.
/// Run with `UPDATE_GOLDEN=1 swift test` to rewrite them on purpose.
public enum Golden {
    /// The grid's text followed by a map of its styles, one letter per cell: u underline (search
    /// highlight), r reverse video (focus, bars), b bold, d dim, . plain. For screens where what
    /// is marked matters as much as what is written.
    public static func styled(_ grid: Grid) -> String {
        var mask: [String] = []
        for y in 0..<grid.height {
            var line = ""
            for x in 0..<grid.width where !grid[x, y].isContinuation {
                let s = grid[x, y].style
                line += s.underline ? "u" : s.reverse ? "r" : s.bold ? "b" : s.dim ? "d" : "."
            }
            while line.hasSuffix(".") { line.removeLast() }
            mask.append(line)
        }
        return grid.text + "\n--- styles: u underline, r reverse, b bold, d dim, . plain ---\n"
            + mask.joined(separator: "\n")
    }

    public static func assert(
        _ actual: String, named name: String, directory: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let path = directory + "/" + name + ".txt"
        let text = actual + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try! text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            XCTFail(
                "missing golden screen \(path); run UPDATE_GOLDEN=1 swift test and review it\n\(text)", file: file,
                line: line)
            return
        }
        guard expected != text else { return }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = text.split(separator: "\n", omittingEmptySubsequences: false)
        var diff: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<none>"
            let al = i < a.count ? String(a[i]) : "<none>"
            if el != al { diff.append("line \(i + 1):\n  expected: \(el)\n  actual:   \(al)") }
        }
        XCTFail(
            "screen differs from \(name).txt:\n" + diff.prefix(10).joined(separator: "\n") + "\n--- actual ---\n"
                + text,
            file: file, line: line)
    }
}
