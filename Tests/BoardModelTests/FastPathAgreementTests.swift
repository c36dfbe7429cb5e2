import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import XCTest

/// The fast paths for simple text and the cache of the laid-out card must give exactly what the
/// careful paths give: they may only change the time a key takes.
final class FastPathAgreementTests: XCTestCase {
    func testSimpleTextWrapsCutsMeasuresAndWritesAsTheCharacterPathsDo() {
        var random = SplitMix(seed: 7)
        let alphabet = [
            "a", "Z", "1", " ", " ", " ", "я", "Щ", "ѝ", "—", "…", "№", "›", "─", "▶", "€", "⌨", "©", "·", "-",
        ]
        for _ in 0..<3000 {
            let length = Int.random(in: 0...60, using: &random)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &random)! }.joined()
            XCTAssertTrue(DisplayWidth.isSimple(text))
            let width = Int.random(in: 1...25, using: &random)
            XCTAssertEqual(
                TextLayout.wrapSimple(text, width: width), TextLayout.wrapCharacters(text, width: width),
                "\"\(text)\" at \(width)")
            let cut = Int.random(in: -1...(length + 1), using: &random)
            XCTAssertTrue(
                TextLayout.split(text, at: cut) == TextLayout.splitCharacters(text, at: cut),
                "\"\(text)\" cut at \(cut)")
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) })

            // Written from a column (maybe left of the grid), cut at a width: one cell a character.
            var grid = Grid(width: 30, height: 1)
            let x = Int.random(in: -3...5, using: &random)
            let limit = min(30, x + width)
            XCTAssertEqual(grid.write(text, x: x, y: 0, maxWidth: width), min(text.count, limit - x))
            for (i, character) in text.enumerated() where x + i >= 0 && x + i < limit {
                XCTAssertEqual(grid[x + i, 0].text, String(character))
            }
        }
    }

    func testTheLaidOutCardFollowsTheCardTheWidthAndTheLanguage() throws {
        let program = try Fixtures.program(self)
        program.press(.enter, .character("1"), .character("1"))
        let index = program.state.catalogue!.services(in: "civil").firstIndex { $0.number == "2079" }!
        program.send(.action(.open(index: index)))
        var state = program.state
        guard let card = state.card?.service else { return XCTFail("no card on screen") }
        let cards = CardLayouts()
        /// The lines laid out from scratch, without the cache.
        func fresh(_ s: BoardState) -> [DocumentLine] {
            Documents.serviceCard(
                s.card!.service!, category: s.catalogue?.category(card.category), language: s.language,
                width: Layout.documentWidth(s.size))
        }
        func text(_ lines: [DocumentLine]?) -> String {
            (lines ?? []).map { $0.spans.map(\.text).joined() }.joined(separator: "\n")
        }
        XCTAssertEqual(Documents.lines(for: state, cards: cards), fresh(state))
        XCTAssertEqual(Documents.lines(for: state, cards: cards), fresh(state), "asked again: the same lines")

        // The same number with other content (staff imported a new text): laid out anew.
        var changed = card
        changed.description = LocalizedText(bg: "Съвсем ново описание на услугата", en: "A wholly new description")
        state.card = .loaded(changed)
        XCTAssertEqual(Documents.lines(for: state, cards: cards), fresh(state))
        XCTAssertTrue(text(Documents.lines(for: state, cards: cards)).contains("Съвсем ново описание"))

        state.size = TerminalSize(columns: 120, rows: 40)
        XCTAssertEqual(Documents.lines(for: state, cards: cards), fresh(state))
        state.language = .en
        XCTAssertEqual(Documents.lines(for: state, cards: cards), fresh(state))
        XCTAssertTrue(text(Documents.lines(for: state, cards: cards)).contains("A wholly new description"))

        state.card = .loaded(card)
        state.size = TerminalSize(columns: 80, rows: 24)
        state.language = .bg
        XCTAssertEqual(Documents.lines(for: state, cards: cards), fresh(state))
        XCTAssertFalse(text(Documents.lines(for: state, cards: cards)).contains("Съвсем ново описание"))
    }
}
