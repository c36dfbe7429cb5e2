/// How a cell looks. Meaning never rests on colour alone: focus is also reverse video and a marker.
public struct CellStyle: Sendable, Hashable {
    /// The colour role; a monochrome theme ignores it.
    public enum Role: UInt8, Sendable, Hashable, CaseIterable {
        case normal, header, title, accent, focus, muted, urgent, button
    }

    public var role: Role
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(_ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false) {
        self.role = role
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    public static let normal = CellStyle()
    public static let header = CellStyle(.header, bold: true, reverse: true)
    public static let title = CellStyle(.title, bold: true)
    public static let heading = CellStyle(.accent, bold: true, underline: true)
    public static let focus = CellStyle(.focus, bold: true, reverse: true)
    public static let muted = CellStyle(.muted, dim: true)
    public static let urgent = CellStyle(.urgent, bold: true)
    public static let button = CellStyle(.button, bold: true)
    public static let rule = CellStyle(.muted)
    public static let key = CellStyle(.button, bold: true, reverse: true)
}

/// One terminal cell: a grapheme cluster of width 1 or 2, or the right half of a wide one.
public struct Cell: Sendable, Hashable {
    /// The cluster drawn here; empty for the second cell of a wide character.
    public var text: String
    public var style: CellStyle

    public init(_ text: String = " ", style: CellStyle = .normal) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell()
    public var isContinuation: Bool { text.isEmpty }
}

/// A rectangle of cells.
public struct Rect: Sendable, Hashable {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public func contains(column: Int, row: Int) -> Bool {
        column >= x && column < x + width && row >= y && row < y + height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
}

/// The whole screen as cells: the renderer writes it, tests read it, the backend draws what changed.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text at (x, y), cleaned of control characters, cut at `maxWidth` columns and at the
    /// grid's edge. A wide character that would not fit whole is not written. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for character in SafeText.clean(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                clearWide(at: col, y: y)
                cells[y * width + col] = Cell(String(character), style: style)
                if w == 2 {
                    clearWide(at: col + 1, y: y)
                    cells[y * width + col + 1] = Cell("", style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// Sets the style of a run of cells without changing their text.
    public mutating func paint(_ rect: Rect, style: CellStyle) {
        guard let (xs, ys) = clipped(rect) else { return }
        for y in ys {
            for x in xs {
                cells[y * width + x].style = style
            }
        }
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: CellStyle = .normal) {
        guard let (xs, ys) = clipped(rect) else { return }
        for y in ys {
            for x in xs {
                cells[y * width + x] = Cell(" ", style: style)
            }
        }
    }

    /// The columns and rows of `rect` inside the grid, or nil when none are.
    private func clipped(_ rect: Rect) -> (Range<Int>, Range<Int>)? {
        let x0 = max(0, rect.x), x1 = min(width, rect.maxX)
        let y0 = max(0, rect.y), y1 = min(height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return nil }
        return (x0..<x1, y0..<y1)
    }

    /// Draws a box outline with light lines.
    public mutating func box(_ rect: Rect, style: CellStyle = .normal) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let inner = String(repeating: "─", count: rect.width - 2)
        write("┌" + inner + "┐", x: rect.x, y: rect.y, style: style)
        write("└" + inner + "┘", x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            write("│", x: rect.x, y: y, style: style)
            write("│", x: rect.maxX - 1, y: y, style: style)
        }
    }

    /// Overwriting half of a wide character leaves the other half as a blank.
    private mutating func clearWide(at x: Int, y: Int) {
        guard x >= 0, x < width else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", style: cells[index - 1].style)
        } else if DisplayWidth.of(cells[index].text) == 2, x + 1 < width {
            cells[index + 1] = Cell(" ", style: cells[index + 1].style)
        }
    }

    /// One row as plain text, trailing spaces removed.
    public func rowText(_ y: Int) -> String {
        var line = ""
        for x in 0..<width where !self[x, y].isContinuation {
            line += self[x, y].text
        }
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }

    /// The whole grid as plain text, one line per row: what golden files hold.
    public var text: String {
        (0..<height).map(rowText).joined(separator: "\n")
    }
}
