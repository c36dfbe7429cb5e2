import Foundation
import XCTest

/// Golden screens: the rendered grid as plain text, kept next to the tests and reviewed by eye.
/// Run with `UPDATE_GOLDEN=1 swift test` to rewrite them on purpose.
public enum Golden {
    public static func assert(_ actual: String, named name: String, directory: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let path = directory + "/" + name + ".txt"
        let text = actual + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try! text.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            XCTFail("missing golden screen \(path); run UPDATE_GOLDEN=1 swift test and review it\n\(text)", file: file, line: line)
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
        XCTFail("screen differs from \(name).txt:\n" + diff.prefix(10).joined(separator: "\n") + "\n--- actual ---\n" + text,
                file: file, line: line)
    }
}
