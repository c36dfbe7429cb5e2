import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Glibc

/// Turns a grid into terminal bytes the way the ncurses backend does: only the cells that differ
/// from the previous frame, a cursor move where a run of changed cells starts, an SGR where the
/// style changes, the text as UTF-8. (Terminal.swift compares cells the same way; ncurses then
/// emits about what this does.)
struct FrameEncoder {
    private var previous: Grid?
    private(set) var bytes: [UInt8] = []
    /// The SGR sequence of each packed style, built once.
    private var sgr: [[UInt8]?] = Array(repeating: nil, count: 256)

    mutating func reset() { previous = nil }

    /// Encodes `grid` against the previous frame; returns the number of bytes.
    @discardableResult
    mutating func encode(_ grid: Grid) -> Int {
        bytes.removeAll(keepingCapacity: true)
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { bytes += Array("\u{1B}[H\u{1B}[2J".utf8) }
        var style: CellStyle? = nil
        var row = -1
        var cursorX = -1
        var out = bytes
        bytes = []
        grid.forEachChange(since: full ? nil : previous) { x, y, c in
            if y != row {
                row = y
                cursorX = -1
            }
            if cursorX != x {
                out.append(0x1B)
                out.append(UInt8(ascii: "["))
                Self.appendDecimal(y + 1, to: &out)
                out.append(UInt8(ascii: ";"))
                Self.appendDecimal(x + 1, to: &out)
                out.append(UInt8(ascii: "H"))
            }
            if style != c.style {
                out += sequence(for: c.style)
                style = c.style
            }
            if let scalar = c.scalar {
                Self.appendUTF8(scalar, to: &out)
            } else {
                out += grid.cluster(of: c).utf8
            }
            cursorX = x + max(1, c.width)
        }
        bytes = out
        previous = grid
        return bytes.count
    }

    /// The SGR that sets `style`: reset, the attributes, the role as a colour.
    private mutating func sequence(for style: CellStyle) -> [UInt8] {
        if let known = sgr[Int(style.bits)] { return known }
        var text = "\u{1B}[0"
        if style.bold { text += ";1" }
        if style.dim { text += ";2" }
        if style.underline { text += ";4" }
        if style.reverse { text += ";7" }
        text += ";38;5;\(style.role.rawValue)m"
        let bytes = Array(text.utf8)
        sgr[Int(style.bits)] = bytes
        return bytes
    }

    private static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(n % 10))
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(0xC0 | UInt8(v >> 6))
            out.append(0x80 | UInt8(v & 0x3F))
        case 0x800..<0x10000:
            out.append(0xE0 | UInt8(v >> 12))
            out.append(0x80 | UInt8((v >> 6) & 0x3F))
            out.append(0x80 | UInt8(v & 0x3F))
        default:
            out.append(0xF0 | UInt8(v >> 18))
            out.append(0x80 | UInt8((v >> 12) & 0x3F))
            out.append(0x80 | UInt8((v >> 6) & 0x3F))
            out.append(0x80 | UInt8(v & 0x3F))
        }
    }
}

/// A board running in this process on the big database: a key goes through the reducer and its
/// effects (store reads included), then the view renders and the frame is encoded.
final class InProcessBoard {
    let program: BoardProgram
    var encoder = FrameEncoder()
    let size: TerminalSize

    init(store: BoardDatabase, size: TerminalSize, surveyStore: SurveyStore? = nil, watch: StoreWatch? = nil) {
        self.size = size
        let time = LocalTime(date: CalendarDate(year: 2026, month: 11, day: 21)!, hour: 10, minute: 30, second: 0)
        let work = BoardWork(store: store, watch: watch, surveyStore: surveyStore)
        program = BoardProgram(state: BoardState(size: size, now: time), runner: InlineRunner(work: work))
        program.start()
        frame()
    }

    /// Renders and encodes the current state; returns the bytes.
    @discardableResult
    func frame() -> Int {
        encoder.encode(program.render().grid)
    }

    /// The parts of the last timed key: reduce with effects, render, diff/encode (milliseconds).
    private(set) var parts: (reduce: Double, render: Double, encode: Double) = (0, 0, 0)

    /// Sends `event` and finishes the frame; returns the milliseconds it took.
    func time(_ event: Event) -> Double {
        let t0 = now()
        program.send(event)
        let t1 = now()
        let grid = program.render().grid
        let t2 = now()
        encoder.encode(grid)
        let t3 = now()
        parts = ((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000)
        return (t3 - t0) * 1000
    }

    func key(_ k: Key) { program.send(.key(k)); frame() }
    var screen: Screen { program.state.place.screen }
}
