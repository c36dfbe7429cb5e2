import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Foundation
import XCTest

/// The content parser: exact values, and errors that say where.
final class JSONParserTests: XCTestCase {
    func parse(_ text: String) throws -> JSONValue {
        try JSONValue.parse(Data(text.utf8))
    }

    func message(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "parsed"
        } catch {
            return (error as! JSONSyntaxError).message
        }
    }

    func testValues() throws {
        XCTAssertEqual(
            try parse(#"{"a": [1, 2.5, -0.25e1, true, false, null], "b": "Мадан \u0418 \ud83d\ude00 \"q\" \\ \/ \n"}"#),
            .object([
                "a": .array([.number(1), .number(2.5), .number(-2.5), .bool(true), .bool(false), .null]),
                "b": .string("Мадан И 😀 \"q\" \\ / \n"),
            ]))
        XCTAssertEqual(try parse("\u{FEFF}[]"), .array([]), "a byte-order mark is tolerated")
    }

    func testErrorsNameLineAndColumn() {
        XCTAssertEqual(
            message("{\n  \"a\": 1,\n  \"b\" 2\n}"),
            "not valid JSON: expected ':' after a field name at line 3, column 7")
        XCTAssertEqual(
            message("{\"a\": 1, \"a\": 2}"), "not valid JSON: field \"a\" appears twice at line 1, column 10")
        XCTAssertEqual(message("[1, 2,]"), "not valid JSON: unexpected character ']' at line 1, column 7")
        XCTAssertEqual(
            message("{\"a\": \"тест"), "not valid JSON: unexpected end of file inside a string at line 1, column 12")
        XCTAssertEqual(message("[01]"), "not valid JSON: a number with a leading zero at line 1, column 2")
        XCTAssertEqual(
            message("{} x"), "not valid JSON: unexpected text after the end of the document at line 1, column 4")
        XCTAssertEqual(
            message("[\"a\u{1}\"]"),
            "not valid JSON: a raw control character inside a string (write it as an escape) at line 1, column 4")
        XCTAssertTrue(message(String(repeating: "[", count: 100)).contains("nesting"))
    }
}
