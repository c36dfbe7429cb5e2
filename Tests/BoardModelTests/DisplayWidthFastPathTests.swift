@testable import BoardModel
import XCTest

/// The fast paths of DisplayWidth and SafeText skip the lookup of Unicode properties for common
/// blocks; these checks prove they give what the full lookup gives, scalar by scalar.
final class DisplayWidthFastPathTests: XCTestCase {
    func testFastNarrowRangesAgreeWithTheProperties() {
        var checked = 0
        for v in UInt32(0x300)...UInt32(0x2FFF) where DisplayWidth.isCommonNarrow(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let p = scalar.properties
            XCTAssertFalse([.nonspacingMark, .enclosingMark, .format, .unassigned].contains(p.generalCategory), "U+\(String(v, radix: 16))")
            XCTAssertFalse(p.isEmojiPresentation, "U+\(String(v, radix: 16))")
            XCTAssertFalse(v == 0x200B || (0xFE00...0xFE0F).contains(v))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 300)
        XCTAssertEqual(DisplayWidth.of("\u{0483}" as Unicode.Scalar), 0)
        XCTAssertEqual(DisplayWidth.of("\u{25FD}" as Unicode.Scalar), 2)
    }

    func testFastCleanRangesAreAssignedAndKept() {
        for v in UInt32(0x20)...UInt32(0x2FFF) where SafeText.isAssignedCommon(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            XCTAssertFalse([.unassigned, .privateUse, .surrogate, .control].contains(scalar.properties.generalCategory), "U+\(String(v, radix: 16))")
            XCTAssertFalse((0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029)
        }
        XCTAssertEqual(SafeText.clean("Услуги ─│▶ \u{202E}x\u{E000}"), "Услуги ─│▶ x\u{FFFD}")
    }
}
