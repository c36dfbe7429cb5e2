import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import XCTest

/// The packed cell store: what a reader gets back from a cell is exactly what was written, wide
/// characters keep their two halves consistent, and equal grids are grids that look the same.
final class GridTests: XCTestCase {
    /// The scalars of a string, to compare exactly (String's `==` accepts canonical equivalents).
    private func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }

    func testMultiScalarClustersComeBackExactly() {
        let clusters = ["e\u{301}", "🇧🇬", "👩\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "и\u{300}", "a\u{323}\u{301}"]
        var grid = Grid(width: 20, height: 1)
        let used = grid.write(clusters.joined(), x: 0, y: 0)
        var x = 0
        for cluster in clusters {
            XCTAssertEqual(scalars(grid[x, 0].text), scalars(cluster), "cell \(x)")
            let width = DisplayWidth.of(Character(cluster))
            if width == 2 { XCTAssertTrue(grid[x + 1, 0].isContinuation, "right half of \(cluster)") }
            x += width
        }
        XCTAssertEqual(used, x)
        XCTAssertEqual(scalars(grid.rowText(0)), scalars(clusters.joined()))
    }

    func testADecomposedLetterIsNotSwappedForItsPrecomposedForm() {
        var grid = Grid(width: 4, height: 1)
        grid.write("e\u{301}é", x: 0, y: 0)
        XCTAssertEqual(scalars(grid[0, 0].text), [0x65, 0x301])
        XCTAssertEqual(scalars(grid[1, 0].text), [0xE9])
    }

    func testAWideCharacterFillsTwoCellsInOneStyle() {
        var grid = Grid(width: 6, height: 1)
        XCTAssertEqual(grid.write("a中b", x: 0, y: 0, style: .title), 4)
        XCTAssertEqual(grid[1, 0].text, "中")
        XCTAssertFalse(grid[1, 0].isContinuation)
        XCTAssertTrue(grid[2, 0].isContinuation)
        XCTAssertEqual(grid[2, 0].text, "")
        XCTAssertEqual(grid[2, 0].style, .title)
        XCTAssertEqual(grid.packed(x: 1, y: 0).width, 2)
        XCTAssertEqual(grid[3, 0].text, "b")
        XCTAssertEqual(grid.rowText(0), "a中b")
    }

    func testOverwritingEitherHalfOfAWideCharacterBlanksTheOtherHalf() {
        var grid = Grid(width: 6, height: 1)
        grid.write("中文", x: 0, y: 0, style: .title)
        grid.write("x", x: 1, y: 0)
        XCTAssertEqual(grid.rowText(0), " x文")
        XCTAssertEqual(grid[0, 0].style, .title, "the blanked half keeps its style")
        grid.write("y", x: 2, y: 0)
        XCTAssertEqual(grid.rowText(0), " xy")
        XCTAssertFalse(grid[3, 0].isContinuation)

        // A wide character written one cell to the right of another over two of them.
        var shifted = Grid(width: 6, height: 1)
        shifted.write("中文", x: 0, y: 0)
        shifted.write("字", x: 1, y: 0)
        XCTAssertEqual(shifted.rowText(0), " 字")
        XCTAssertEqual(shifted[0, 0].text, " ")
        XCTAssertTrue(shifted[2, 0].isContinuation)
        XCTAssertEqual(shifted[3, 0].text, " ")
    }

    func testAWideCharacterThatDoesNotFitIsLeftOutAndTextIsCut() {
        var grid = Grid(width: 5, height: 1)
        XCTAssertEqual(grid.write("Благоевград", x: 1, y: 0, maxWidth: 3), 3)
        XCTAssertEqual(grid.rowText(0), " Бла")
        XCTAssertEqual(grid.write("ab🇧🇬", x: 2, y: 0), 2)
        XCTAssertEqual(grid.rowText(0), " Бab")
    }

    func testGridsAreEqualWhenTheyLookTheSame() {
        // The same screen, with its clusters written in another order (so at other places in the
        // cluster tables) and with a cluster overwritten on the way.
        var a = Grid(width: 10, height: 2)
        a.write("🇧🇬 e\u{301}", x: 0, y: 0)
        a.write("Доc", x: 0, y: 1, style: .focus)
        var b = Grid(width: 10, height: 2)
        b.write("👩\u{200D}👧", x: 0, y: 1)
        b.write("Доc", x: 0, y: 1, style: .focus)
        b.write("e\u{301}", x: 3, y: 0)
        b.write("🇧🇬 ", x: 0, y: 0)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.hashValue, b.hashValue)

        var restyled = b
        restyled.paint(Rect(x: 0, y: 1, width: 1, height: 1), style: .normal)
        XCTAssertNotEqual(a, restyled, "the same letter in another style looks different")
        var otherMark = b
        otherMark.write("e\u{300}", x: 3, y: 0)
        XCTAssertNotEqual(a, otherMark, "another accent looks different")
        var otherFlag = b
        otherFlag.write("🇫🇷", x: 0, y: 0)
        XCTAssertNotEqual(a, otherFlag)
    }

    func testChangesAreTheCellsThatLookDifferent() {
        var before = Grid(width: 8, height: 2)
        before.write("🇧🇬 абв", x: 0, y: 0)
        var after = Grid(width: 8, height: 2)
        after.write("🇫🇷 абг", x: 0, y: 0)  // its flag sits where the other grid's flag sits in the table
        after.write("中", x: 2, y: 1)
        var changed: [String] = []
        after.forEachChange(since: before) { x, y, cell in changed.append("\(x),\(y) \(after.text(of: cell))") }
        XCTAssertEqual(changed, ["0,0 🇫🇷", "5,0 г", "2,1 中"], "the right halves are covered by their left ones")

        var none = 0
        after.forEachChange(since: after) { _, _, _ in none += 1 }
        XCTAssertEqual(none, 0)
        var all = 0
        after.forEachChange(since: nil) { _, _, _ in all += 1 }
        XCTAssertEqual(all, 16 - 2, "every cell but the two right halves")
        var resized = 0
        after.forEachChange(since: Grid(width: 9, height: 2)) { _, _, _ in resized += 1 }
        XCTAssertEqual(resized, 14, "another size redraws everything")
    }

    func testSimpleTextFillsOneCellPerCharacter() {
        let text = "№ 12 › Услуги — ▶ █ ‼ → ©½"
        XCTAssertTrue(DisplayWidth.isSimple(text))
        var grid = Grid(width: 40, height: 1)
        XCTAssertEqual(grid.write(text, x: 0, y: 0), text.count)
        for (x, character) in text.enumerated() {
            XCTAssertEqual(grid[x, 0].text, String(character))
        }
        XCTAssertEqual(DisplayWidth.of(text), text.count)
    }

    func testControlsAreStrippedOnTheCarefulPathToo() {
        var grid = Grid(width: 20, height: 1)
        grid.write("я\u{1b}[2J中\u{7}e\u{301}\u{9b}", x: 0, y: 0)
        XCTAssertEqual(grid.rowText(0), "я[2J中e\u{301}")
    }

    func testStylesKeepEveryRoleAndAttribute() {
        for role in CellStyle.Role.allCases {
            XCTAssertLessThan(role.rawValue, 16, "a role must fit in the style's four bits")
            for flags in 0..<16 {
                var style = CellStyle(
                    role, bold: flags & 1 != 0, reverse: flags & 2 != 0, underline: flags & 4 != 0, dim: flags & 8 != 0)
                XCTAssertEqual(style.role, role)
                XCTAssertEqual(
                    [style.bold, style.reverse, style.underline, style.dim],
                    [flags & 1 != 0, flags & 2 != 0, flags & 4 != 0, flags & 8 != 0])
                style.underline.toggle()
                XCTAssertEqual(style.underline, flags & 4 == 0)
                XCTAssertEqual(style.role, role)
                style.role = .accent
                XCTAssertEqual(style.bold, flags & 1 != 0)
            }
        }
        XCTAssertNotEqual(CellStyle.title, CellStyle.button)
        XCTAssertNotEqual(CellStyle.muted, CellStyle.rule)
    }
}
