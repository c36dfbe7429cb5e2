import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import XCTest

/// The fast paths of DisplayWidth and SafeText skip the lookup of Unicode properties for common
/// blocks; these checks prove they give what the full lookup gives, scalar by scalar.
final class DisplayWidthFastPathTests: XCTestCase {
    func testFastNarrowRangesAgreeWithTheProperties() {
        var checked = 0
        for v in UInt32(0x300)...UInt32(0x2FFF) where DisplayWidth.isCommonNarrow(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let p = scalar.properties
            XCTAssertFalse(
                [.nonspacingMark, .enclosingMark, .format, .unassigned].contains(p.generalCategory),
                "U+\(String(v, radix: 16))")
            XCTAssertFalse(p.isEmojiPresentation, "U+\(String(v, radix: 16))")
            XCTAssertFalse(v == 0x200B || (0xFE00...0xFE0F).contains(v))
            checked += 1
        }
        XCTAssertGreaterThan(checked, 300)
        XCTAssertEqual(DisplayWidth.of("\u{0483}" as Unicode.Scalar), 0)
        XCTAssertEqual(DisplayWidth.of("\u{25FD}" as Unicode.Scalar), 2)
    }

    /// Text of simple scalars skips cleaning, grapheme breaking and the width lookup entirely.
    func testSimpleScalarsAreCleanNarrowClustersOfTheirOwn() {
        var checked = 0
        for v in UInt32(0)...UInt32(0x2FFF) where DisplayWidth.isSimple(v) {
            guard let scalar = Unicode.Scalar(v) else { XCTFail("U+\(String(v, radix: 16)) is no scalar"); continue }
            let s = String(scalar)
            let hex = "U+\(String(v, radix: 16))"
            let category = scalar.properties.generalCategory
            XCTAssertFalse(
                [
                    .unassigned, .privateUse, .surrogate, .control, .nonspacingMark, .spacingMark, .enclosingMark,
                    .lineSeparator, .paragraphSeparator,
                ].contains(category), hex)
            XCTAssertEqual(SafeText.clean(s), s, hex)
            XCTAssertEqual(DisplayWidth.of(Character(scalar)), 1, hex)
            XCTAssertFalse(scalar.properties.isEmojiPresentation, hex)
            // A cluster of its own before and after another simple scalar, and next to itself.
            XCTAssertEqual(("a" + s + "я" + s + s).count, 5, hex)
            checked += 1
        }
        XCTAssertGreaterThan(checked, 1000)
        for v: UInt32 in [
            0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x9B, 0x300, 0x483, 0x200D, 0x202E, 0x2028, 0x231A, 0x2329, 0x23E9, 0x23F3,
            0x25FD, 0x2713, 0xFE0F, 0x1F1E7,
        ] {
            XCTAssertFalse(DisplayWidth.isSimple(v), "U+\(String(v, radix: 16))")
        }
    }

    func testFastCleanRangesAreAssignedAndKept() {
        for v in UInt32(0x20)...UInt32(0x2FFF) where SafeText.isAssignedCommon(v) {
            guard let scalar = Unicode.Scalar(v) else { continue }
            XCTAssertFalse(
                [.unassigned, .privateUse, .surrogate, .control].contains(scalar.properties.generalCategory),
                "U+\(String(v, radix: 16))")
            XCTAssertFalse((0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029)
        }
        XCTAssertEqual(SafeText.clean("Услуги ─│▶ \u{202E}x\u{E000}"), "Услуги ─│▶ x\u{FFFD}")
    }
}
