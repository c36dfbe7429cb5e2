import BoardCore
/// How a cell looks, packed in one byte. Meaning never rests on colour alone: focus is also
/// reverse video and a marker.
public struct CellStyle: Sendable, Hashable {
    /// The colour role; a monochrome theme ignores it. Raw values must fit in four bits.
    public enum Role: UInt8, Sendable, Hashable, CaseIterable {
        case normal, header, title, accent, focus, muted, urgent, button
    }

    /// The packed form: the role in the low four bits, then bold, reverse, underline and dim.
    /// Two styles are equal exactly when their bits are: comparing cells is integer work.
    public private(set) var bits: UInt8

    private static let roleMask: UInt8 = 0x0F
    private static let boldBit: UInt8 = 0x10
    private static let reverseBit: UInt8 = 0x20
    private static let underlineBit: UInt8 = 0x40
    private static let dimBit: UInt8 = 0x80

    public var role: Role {
        get { Role(rawValue: bits & Self.roleMask) ?? .normal }
        set { bits = (bits & ~Self.roleMask) | (newValue.rawValue & Self.roleMask) }
    }

    public var bold: Bool {
        get { bits & Self.boldBit != 0 }
        set { set(Self.boldBit, newValue) }
    }

    public var reverse: Bool {
        get { bits & Self.reverseBit != 0 }
        set { set(Self.reverseBit, newValue) }
    }

    public var underline: Bool {
        get { bits & Self.underlineBit != 0 }
        set { set(Self.underlineBit, newValue) }
    }

    public var dim: Bool {
        get { bits & Self.dimBit != 0 }
        set { set(Self.dimBit, newValue) }
    }

    private mutating func set(_ bit: UInt8, _ on: Bool) {
        bits = on ? bits | bit : bits & ~bit
    }

    public init(
        _ role: Role = .normal, bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        bits = role.rawValue & Self.roleMask
        if bold { bits |= Self.boldBit }
        if reverse { bits |= Self.reverseBit }
        if underline { bits |= Self.underlineBit }
        if dim { bits |= Self.dimBit }
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

/// One terminal cell as a reader sees it: a grapheme cluster of width 1 or 2, or the right half
/// of a wide one. Built on demand from the grid's packed store (`Grid.subscript`).
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

/// One cell as the grid stores it: a scalar (or the index of a longer cluster in the grid's
/// cluster table), its width and its style in eight bytes, so that writing, comparing and
/// copying cells is integer work with no reference counting.
///
/// Not `Equatable` on purpose: a cluster's index means something only inside its own grid.
/// Compare cells through `Grid` (`==`, `forEachChange`), which resolves clusters.
public struct PackedCell: Sendable {
    /// Bits 0–28: the scalar value, or for a cluster its index in the grid's table.
    /// Bit 29: the right half of a wide character. Bit 30: two columns wide. Bit 31: a cluster.
    public let code: UInt32
    public var style: CellStyle

    package static let continuationBit: UInt32 = 1 << 29
    package static let wideBit: UInt32 = 1 << 30
    package static let clusterBit: UInt32 = 1 << 31
    package static let valueMask: UInt32 = continuationBit - 1
    package static let space: UInt32 = 0x20

    package init(code: UInt32, style: CellStyle) {
        self.code = code
        self.style = style
    }

    package static let blank = PackedCell(code: space, style: .normal)

    /// The right half of a wide character: nothing of its own is drawn there.
    public var isContinuation: Bool { code & Self.continuationBit != 0 }
    /// A character two columns wide (this is its left half).
    public var isWide: Bool { code & Self.wideBit != 0 }
    /// A cluster of several scalars, kept in the grid's table (`Grid.cluster(of:)`).
    public var isCluster: Bool { code & Self.clusterBit != 0 }
    /// The columns drawn from this cell: 2 for a wide character, 0 for its right half, else 1.
    public var width: Int { isContinuation ? 0 : isWide ? 2 : 1 }

    /// The scalar drawn here when the cell holds exactly one; nil for a cluster or a right half.
    public var scalar: Unicode.Scalar? {
        code & (Self.clusterBit | Self.continuationBit) == 0 ? Unicode.Scalar(code & Self.valueMask) : nil
    }

    /// Same code and style: equal looks for cells of one grid, unless both are clusters.
    @inline(__always)
    package func bitwiseEqual(_ other: PackedCell) -> Bool {
        code == other.code && style == other.style
    }
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
///
/// Cells are packed (`PackedCell`): a single scalar lives in the cell itself; a cluster of several
/// scalars (a combining mark, a flag, a ZWJ emoji) is appended to `clusters` and the cell holds its
/// index, so `grid[x, y].text` still gives back the exact cluster. Two grids are equal when every
/// cell shows the same scalars in the same style, wherever their clusters sit in the tables.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    /// The cells row by row (`y * width + x`).
    public private(set) var packedCells: [PackedCell]
    /// The clusters of more than one scalar that cells refer to. Overwritten ones stay until the
    /// grid is dropped (a grid lives for one frame), so indices never move.
    private var clusters: [String] = []

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        packedCells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at (x, y) with its text resolved.
    public subscript(x: Int, y: Int) -> Cell {
        let cell = packedCells[y * width + x]
        return Cell(text(of: cell), style: cell.style)
    }

    /// The packed cell at (x, y).
    public func packed(x: Int, y: Int) -> PackedCell {
        packedCells[y * width + x]
    }

    /// The text a packed cell of this grid shows: its cluster, or "" for the right half of a wide character.
    public func text(of cell: PackedCell) -> String {
        if cell.isContinuation { return "" }
        if cell.isCluster { return cluster(of: cell) }
        return String(Character(Unicode.Scalar(cell.code & PackedCell.valueMask) ?? "\u{FFFD}"))
    }

    /// The cluster a cluster cell of this grid refers to.
    public func cluster(of cell: PackedCell) -> String {
        clusters[Int(cell.code & PackedCell.valueMask)]
    }

    /// Whether cell `a` of this grid and cell `b` of `other` show the same scalars, width and style.
    @inline(__always)
    private func sameLook(_ a: PackedCell, _ b: PackedCell, other: Grid) -> Bool {
        if a.bitwiseEqual(b) {
            return !a.isCluster || sameCluster(a, b, other: other)
        }
        // Both clusters, at different places in their tables.
        guard a.isCluster, b.isCluster, a.style == b.style,
            a.code & ~PackedCell.valueMask == b.code & ~PackedCell.valueMask
        else { return false }
        return sameCluster(a, b, other: other)
    }

    private func sameCluster(_ a: PackedCell, _ b: PackedCell, other: Grid) -> Bool {
        cluster(of: a).utf8.elementsEqual(other.cluster(of: b).utf8)
    }

    public static func == (lhs: Grid, rhs: Grid) -> Bool {
        guard lhs.width == rhs.width, lhs.height == rhs.height else { return false }
        for i in lhs.packedCells.indices where !lhs.sameLook(lhs.packedCells[i], rhs.packedCells[i], other: rhs) {
            return false
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(width)
        hasher.combine(height)
        for cell in packedCells {
            hasher.combine(cell.style.bits)
            if cell.isCluster {
                hasher.combine(cell.code & ~PackedCell.valueMask)
                hasher.combine(cluster(of: cell))
            } else {
                hasher.combine(cell.code)
            }
        }
    }

    /// Calls `body` with every cell to draw since `previous`, row by row: the cells that do not look
    /// the same as there, or all of them when there is no previous grid of this size. Right halves
    /// of wide characters are left out (drawing the left half covers them).
    public func forEachChange(since previous: Grid?, _ body: (_ x: Int, _ y: Int, _ cell: PackedCell) -> Void) {
        let cells = packedCells
        if let previous, previous.width == width, previous.height == height {
            let old = previous.packedCells
            var i = 0
            for y in 0..<height {
                for x in 0..<width {
                    let c = cells[i]
                    if !c.isContinuation && !sameLook(c, old[i], other: previous) { body(x, y, c) }
                    i += 1
                }
            }
        } else {
            var i = 0
            for y in 0..<height {
                for x in 0..<width {
                    let c = cells[i]
                    if !c.isContinuation { body(x, y, c) }
                    i += 1
                }
            }
        }
    }

    /// Writes text at (x, y), cleaned of control characters, cut at `maxWidth` columns and at the
    /// grid's edge. A wide character that would not fit whole is not written. Returns the columns used.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: CellStyle = .normal, maxWidth: Int? = nil) -> Int
    {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        let row = y * width
        // The common case (ASCII, Latin, Cyrillic, punctuation, box drawing): every scalar is a
        // cluster of its own, one column wide, and cleaning keeps it; no grapheme breaking needed.
        if DisplayWidth.isSimple(text) {
            var col = x
            for scalar in text.unicodeScalars {
                if col >= limit { break }
                if col >= 0 {
                    clearWide(at: col, row: row)
                    packedCells[row + col] = PackedCell(code: scalar.value, style: style)
                }
                col += 1
            }
            return col - x
        }
        var col = x
        for character in SafeText.clean(text) {
            let w = DisplayWidth.of(character)
            if w == 0 { continue }
            if col + w > limit { break }
            if col >= 0 {
                var code = store(character)
                if w == 2 { code |= PackedCell.wideBit }
                clearWide(at: col, row: row)
                packedCells[row + col] = PackedCell(code: code, style: style)
                if w == 2 {
                    clearWide(at: col + 1, row: row)
                    packedCells[row + col + 1] = PackedCell(code: PackedCell.continuationBit, style: style)
                }
            }
            col += w
        }
        return col - x
    }

    /// The code of a character: its scalar, or the index of a new entry in the cluster table.
    private mutating func store(_ character: Character) -> UInt32 {
        let scalars = character.unicodeScalars
        if let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex {
            return first.value
        }
        // The index must fit in the cell's bits; a frame never gets near, but never corrupt a cell.
        guard UInt32(clusters.count) < PackedCell.valueMask else { return 0xFFFD }
        clusters.append(String(character))
        return PackedCell.clusterBit | UInt32(clusters.count - 1)
    }

    /// Sets the style of a run of cells without changing their text.
    public mutating func paint(_ rect: Rect, style: CellStyle) {
        guard let (xs, ys) = clipped(rect) else { return }
        for y in ys {
            for x in xs {
                packedCells[y * width + x].style = style
            }
        }
    }

    /// Fills a rectangle with blanks of a style.
    public mutating func fill(_ rect: Rect, style: CellStyle = .normal) {
        guard let (xs, ys) = clipped(rect) else { return }
        let blank = PackedCell(code: PackedCell.space, style: style)
        for y in ys {
            for x in xs {
                packedCells[y * width + x] = blank
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
    @inline(__always)
    private mutating func clearWide(at x: Int, row: Int) {
        guard x >= 0, x < width else { return }
        let index = row + x
        let code = packedCells[index].code
        if code & (PackedCell.continuationBit | PackedCell.wideBit) == 0 { return }
        if code & PackedCell.continuationBit != 0, x > 0 {
            packedCells[index - 1] = PackedCell(code: PackedCell.space, style: packedCells[index - 1].style)
        } else if code & PackedCell.wideBit != 0, x + 1 < width {
            packedCells[index + 1] = PackedCell(code: PackedCell.space, style: packedCells[index + 1].style)
        }
    }

    /// One row as plain text, trailing spaces removed.
    public func rowText(_ y: Int) -> String {
        var line = String.UnicodeScalarView()
        for cell in packedCells[(y * width)..<(y * width + width)] where !cell.isContinuation {
            if cell.isCluster {
                line.append(contentsOf: cluster(of: cell).unicodeScalars)
            } else {
                line.append(Unicode.Scalar(cell.code & PackedCell.valueMask) ?? "\u{FFFD}")
            }
        }
        var text = String(line)
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

    /// The whole grid as plain text, one line per row: what golden files hold.
    public var text: String {
        (0..<height).map(rowText).joined(separator: "\n")
    }
}
