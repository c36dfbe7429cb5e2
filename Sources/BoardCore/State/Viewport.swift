/// The sizes of the screen on show as the view laid it out: what keys that move the focus or
/// scroll need to know. The reducer reads this, never the view; the runtime hands a new one in
/// (`Event.laidOut`) after every change of the state, before the next input, so that a key always
/// acts on the screen the visitor sees.
public struct Viewport: Sendable, Hashable {
    /// Items of the list on show that fit at once (topics, services, search results).
    public var itemsPerPage: Int
    /// Choices in a row of the grid on show (home tiles, survey answers): ↑ and ↓ move by a row.
    public var choicesPerRow: Int
    /// Lines of the scrolling text on show.
    public var documentLines: Int
    /// Lines of it that fit at once.
    public var linesPerPage: Int

    public init(itemsPerPage: Int = 1, choicesPerRow: Int = 1, documentLines: Int = 0, linesPerPage: Int = 1) {
        self.itemsPerPage = itemsPerPage
        self.choicesPerRow = choicesPerRow
        self.documentLines = documentLines
        self.linesPerPage = linesPerPage
    }

    /// The first line a scrolling text may start at and still fill the screen.
    public var lastScroll: Int { max(0, documentLines - linesPerPage) }
}
