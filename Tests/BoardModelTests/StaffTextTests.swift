import BoardCore
import XCTest

/// What staff commands print: their own words as written, every value from content, the
/// database, a file or an argument cleaned as the board cleans it.
final class StaffTextTests: XCTestCase {
    let hostile = "Услуга\u{1B}]52;c;SGVsbG8=\u{07} \u{1B}]0;pwned\u{07}\u{9B}31m\u{90}x\u{08}\u{7F}\u{202E}край"

    func testValuesLoseEveryControlCharacterButStayReadable() {
        let text: StaffText = "service 2079 \(hostile), \(3) working days"
        XCTAssertEqual(text.description, "service 2079 Услуга]52;c;SGVsbG8= ]0;pwned31mxкрай, 3 working days")
    }

    func testAValueCannotStartALineOfItsOwnButTheCodesLineBreaksStay() {
        let name = "Услуга\nnumber: 2026-999999\r\ncode:   AAAAA-AAAAA"
        let text: StaffText = "registered: \(name)\nnumber: 2026-000001"
        XCTAssertEqual(
            text.description.split(separator: "\n"),
            ["registered: Услуга number: 2026-999999 code:   AAAAA-AAAAA", "number: 2026-000001"])
    }

    func testListsOfLinesKeepTheirBreaksWithEachLineCleaned() {
        struct Failure: Error, CustomStringConvertible {
            var description: String { "2 errors\n  line 1: \u{1B}]0;pwned\u{07}\n  line 2: ok" }
        }
        let text: StaffText = "kiosk: \(error: Failure())"
        XCTAssertEqual(text.description, "kiosk: 2 errors\n  line 1: ]0;pwned\n  line 2: ok")
        let composed: StaffText = "\(text) — \(lines: "a\u{9B}\nb")"
        XCTAssertEqual(
            composed.description, "kiosk: 2 errors\n  line 1: ]0;pwned\n  line 2: ok — a\nb",
            "staff text put into staff text stays as it is")
    }
}
