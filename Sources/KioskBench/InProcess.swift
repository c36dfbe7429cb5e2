import BoardModel
import Glibc

/// Turns a grid into terminal bytes the way the ncurses backend does: only the cells that differ
/// from the previous frame, a cursor move where a run of changed cells starts, an SGR where the
/// style changes, the text as UTF-8. (Terminal.swift compares cells the same way; ncurses then
/// emits about what this does.)
struct FrameEncoder {
    private var previous: Grid?
    private(set) var bytes: [UInt8] = []

    mutating func reset() { previous = nil }

    /// Encodes `grid` against the previous frame; returns the number of bytes.
    @discardableResult
    mutating func encode(_ grid: Grid) -> Int {
        bytes.removeAll(keepingCapacity: true)
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { bytes += Array("\u{1B}[H\u{1B}[2J".utf8) }
        var style: CellStyle? = nil
        for y in 0..<grid.height {
            var cursorX = -1
            for x in 0..<grid.width {
                let c = grid[x, y]
                if !full, let previous, previous[x, y] == c { continue }
                if c.isContinuation { continue }
                if cursorX != x {
                    bytes += Array("\u{1B}[\(y + 1);\(x + 1)H".utf8)
                }
                if style != c.style {
                    var sgr = "\u{1B}[0"
                    if c.style.bold { sgr += ";1" }
                    if c.style.dim { sgr += ";2" }
                    if c.style.underline { sgr += ";4" }
                    if c.style.reverse { sgr += ";7" }
                    sgr += ";38;5;\(c.style.role.rawValue)m"
                    bytes += Array(sgr.utf8)
                    style = c.style
                }
                bytes += Array(c.text.utf8)
                cursorX = x + max(1, DisplayWidth.of(c.text))
            }
        }
        previous = grid
        return bytes.count
    }
}

/// A board running in this process on the big database: a key goes through the reducer and its
/// effects (store reads included), then the view renders and the frame is encoded.
final class InProcessBoard {
    let program: BoardProgram
    var encoder = FrameEncoder()
    let size: TerminalSize

    init(store: BoardStore, size: TerminalSize, surveyStore: SurveyStore? = nil) {
        self.size = size
        let time = LocalTime(date: CalendarDate(year: 2026, month: 11, day: 21)!, hour: 10, minute: 30, second: 0)
        program = BoardProgram(state: BoardState(size: size, now: time), store: store, surveyStore: surveyStore)
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
