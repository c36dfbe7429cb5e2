import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import XCTest

/// Display width, cleaning and wrapping: what reaches the terminal, and how wide it is.
final class TextTests: XCTestCase {
    func testWidthsOfCyrillicWideAndCombiningText() {
        XCTAssertEqual(DisplayWidth.of("A" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("я" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("中" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("e\u{301}" as Character), 1)
        XCTAssertEqual(DisplayWidth.of("😀" as Character), 2)
        XCTAssertEqual(DisplayWidth.of("Благоевград"), 11)
        XCTAssertEqual(DisplayWidth.of("日本語"), 6)
    }

    func testControlCharactersAndEscapeSequencesNeverSurvive() {
        let hostile = "Услуга\u{1b}[2J\u{1b}]0;pwned\u{07}\u{9b}31m\u{202e}край\r\nнов ред\tтаб\u{7f}"
        let clean = SafeText.clean(hostile)
        for scalar in clean.unicodeScalars {
            XCTAssertFalse(
                scalar.value < 0x20 || (0x7f..<0xa0).contains(scalar.value) || scalar.value == 0x202e,
                "U+\(String(scalar.value, radix: 16)) survived")
        }
        XCTAssertEqual(clean, "Услуга[2J]0;pwned31mкрай нов ред таб")
    }

    func testGridNeverHoldsAControlCharacter() {
        var grid = Grid(width: 40, height: 2)
        grid.write("a\u{1b}[31mb\u{0}c", x: 0, y: 0)
        XCTAssertEqual(grid.rowText(0), "a[31mbc")
    }

    func testWideCharactersTakeTwoCellsAndAreNotSplitAtTheEdge() {
        var grid = Grid(width: 5, height: 1)
        let used = grid.write("ab中文", x: 0, y: 0)
        XCTAssertEqual(used, 4, "the second wide character does not fit in the last column")
        XCTAssertEqual(grid.rowText(0), "ab中")
        XCTAssertTrue(grid[3, 0].isContinuation)
        grid.write("x", x: 3, y: 0)
        XCTAssertEqual(grid.rowText(0), "ab x", "overwriting half of a wide character blanks the other half")
    }

    func testCombiningMarksShareTheirCell() {
        var grid = Grid(width: 4, height: 1)
        grid.write("e\u{301}x", x: 0, y: 0)
        XCTAssertEqual(grid[0, 0].text, "e\u{301}")
        XCTAssertEqual(grid[1, 0].text, "x")
    }

    func testWrapBreaksAtSpacesAndInsideOverlongWords() {
        XCTAssertEqual(TextLayout.wrap("Удостоверение за наследници", width: 14), ["Удостоверение", "за наследници"])
        XCTAssertEqual(TextLayout.wrap("ааааааааааа", width: 4), ["аааа", "аааа", "ааа"])
        XCTAssertEqual(TextLayout.wrap("中文中文", width: 3), ["中", "文", "中", "文"])
        for line in TextLayout.wrap(String(repeating: "дума ", count: 50), width: 17) {
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 17)
        }
    }

    func testTruncateMarksTheCut() {
        XCTAssertEqual(TextLayout.truncate("Благоевград", width: 6), "Благо…")
        XCTAssertEqual(TextLayout.truncate("Мадан", width: 6), "Мадан")
    }

    func testCalendarDates() {
        XCTAssertNil(CalendarDate(iso: "2026-02-29"))
        XCTAssertNotNil(CalendarDate(iso: "2028-02-29"))
        XCTAssertNil(CalendarDate(iso: "2026-1-05"))
        XCTAssertNil(CalendarDate(iso: "２０２６-01-05"))
        XCTAssertEqual(CalendarDate(iso: "2026-11-21")?.weekday, 6, "21 November 2026 is a Saturday")
        XCTAssertEqual(CalendarDate(iso: "1970-01-01")?.dayNumber, 0)
    }

    func testPagesParseHeadingsBulletsAndParagraphs() {
        let page = Page(parsing: "# Стандарти\nПърви ред\nпродължава.\n\n- точка едно\n- точка две\n")
        XCTAssertEqual(
            page.blocks,
            [.heading("Стандарти"), .paragraph("Първи ред продължава."), .bullet("точка едно"), .bullet("точка две")])
    }
}
