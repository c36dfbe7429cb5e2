import BoardTestSupport
import Foundation
import XCTest

/// The arrows between the targets. The compiler already refuses what a target does not depend on
/// (the core cannot import the view or a C module, since it depends on neither); SwiftPM hands a
/// system library's module map to every target above it, though, so the shell could still import
/// SQLite through the store, and any target can import Glibc. These checks close that gap.
final class ArchitectureTests: XCTestCase {
    /// The modules each target may import, beside the Swift standard library.
    static let allowed: [String: Set<String>] = [
        "BoardCore": ["FoundationEssentials", "Foundation"],
        "BoardView": ["BoardCore"],
        "BoardStore": ["BoardCore", "CSQLite", "CCrypt", "FoundationEssentials", "Foundation", "Glibc"],
        "BoardRuntime": ["BoardCore", "BoardView", "BoardStore", "Dispatch", "Synchronization", "Glibc"],
        "KioskTUI": [
            "BoardCore", "BoardView", "BoardStore", "BoardRuntime", "CNcursesw", "FoundationEssentials",
            "Foundation", "Glibc",
        ],
    ]

    func sources(of target: String) throws -> [(name: String, text: String)] {
        let directory = Fixtures.packageRoot + "/Sources/" + target
        let files = try XCTUnwrap(FileManager.default.enumerator(atPath: directory)).compactMap { $0 as? String }
        return try files.filter { $0.hasSuffix(".swift") }.sorted().map {
            ($0, try String(contentsOfFile: directory + "/" + $0, encoding: .utf8))
        }
    }

    static func imports(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ").map(String.init)
            guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
                words[..<at].allSatisfy({
                    $0.hasPrefix("@") || ["public", "package", "internal", "private"].contains($0)
                })
            else { return nil }
            return words[at + 1].split(separator: ".").first.map(String.init)
        }
    }

    func testEveryTargetImportsOnlyWhatItsArrowsAllow() throws {
        for (target, allowed) in Self.allowed {
            for file in try sources(of: target) {
                for module in Self.imports(in: file.text) where !allowed.contains(module) {
                    XCTFail("\(target)/\(file.name) imports \(module); \(target) may import \(allowed.sorted())")
                }
            }
        }
    }

    /// The core decides; it reads no files, no clock, no environment and no randomness of its own.
    func testTheCoreDoesNoInputOrOutput() throws {
        let forbidden = [
            "FileManager", "fopen(", "ProcessInfo", "getenv(", "Date()", "time(nil)", "clock_gettime",
            "SystemRandomNumberGenerator", "print(", "readLine(", "DispatchQueue", "Thread.",
        ]
        for file in try sources(of: "BoardCore") {
            for word in forbidden where file.text.contains(word) {
                XCTFail(
                    "BoardCore/\(file.name) uses \(word): input, output, clocks and randomness belong to the runtime")
            }
        }
    }

    static func firstSQL(in text: String) -> Substring? {
        let statements = try! NSRegularExpression(
            pattern: #"\b(SELECT .* FROM|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE (TABLE|INDEX)|PRAGMA \w+)\b"#)
        guard let match = statements.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let found = Range(match.range, in: text)
        else { return nil }
        return text[found]
    }

    /// The shell parses, asks the store and prints; it writes no SQL of its own.
    func testTheShellHoldsNoSQL() throws {
        for target in ["KioskTUI", "BoardRuntime", "BoardView", "BoardCore"] {
            for file in try sources(of: target) {
                let code = file.text.split(separator: "\n").filter {
                    !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//")
                }
                if let sql = Self.firstSQL(in: code.joined(separator: "\n")) {
                    XCTFail("\(target)/\(file.name) holds SQL (\(sql)): SQL belongs to BoardStore")
                }
            }
        }
    }

    /// House style: lines of 120 columns at most (`.swift-format` formats to the same width).
    func testNoLineIsLongerThan120Columns() throws {
        let root = Fixtures.packageRoot
        var files = ["Package.swift"]
        for folder in ["Sources", "Tests"] {
            let walk = try XCTUnwrap(FileManager.default.enumerator(atPath: root + "/" + folder))
            let all = walk.compactMap { $0 as? String }
            files += all.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }
        }
        XCTAssertGreaterThan(files.count, 100)
        for file in files {
            let text = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where line.count > 120 {
                XCTFail("\(file):\(number + 1) is \(line.count) columns long")
            }
        }
    }

    /// The checks above would pass on an empty tree: make sure they read the real one.
    func testTheChecksSeeTheSources() throws {
        let core = try sources(of: "BoardCore")
        XCTAssertTrue(core.contains { $0.name.hasSuffix("Reducer.swift") })
        let store = try sources(of: "BoardStore").map(\.text).joined()
        XCTAssertTrue(Self.imports(in: store).contains("CSQLite"))
        XCTAssertNotNil(Self.firstSQL(in: store), "the store's SQL is seen")
        XCTAssertEqual(
            Self.imports(in: "import Glibc\n@testable import BoardCore\ninternal import CSQLite.X\n// import Nope"),
            ["Glibc", "BoardCore", "CSQLite"])
    }
}
