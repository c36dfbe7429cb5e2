import BoardCore
import BoardView
import BoardStore
import Glibc

/// Sends keys to a kiosk on its pseudo-terminal at a steady pace, as a visitor tapping away would,
/// whatever the kiosk is busy with, and tells afterwards how long each key waited for its frame.
///
/// A key's frame is the first burst of output after the key was sent (reads less than `gap`
/// apart). A kiosk that stalls reads the keys sent meanwhile together and answers them with one
/// frame, so each of those keys counts from its own sending to that frame's last byte; the first
/// key of a stall waits longest, and that is the figure that matters. Every key sent changes the
/// screen (a focus move, a letter typed, the query cleared), so that every key has a frame.
final class KeyPacer {
    let kiosk: PtyProcess
    let period: Double
    private let opening: [String]
    private let cycle: [String]
    private var next: Double
    /// When each key was sent (monotonic seconds).
    private(set) var sent: [Double] = []

    /// Sends `opening` once, then `cycle` over and over, one key every `period` seconds.
    init(kiosk: PtyProcess, opening: [String], cycle: [String], period: Double) {
        self.kiosk = kiosk
        self.opening = opening
        self.cycle = cycle
        self.period = period
        kiosk.recordsArrivals = true
        next = now()
    }

    /// Sends keys on time and reads the output in between, until `done()` holds.
    func run(until done: () -> Bool) {
        while !done() {
            let t = now()
            if t >= next {
                let index = sent.count
                sent.append(t)
                kiosk.send(index < opening.count ? opening[index] : cycle[(index - opening.count) % cycle.count])
                next += period
                // Behind (the bench itself was held up): go on from now rather than send a burst.
                if next < t { next = t + period }
            } else {
                kiosk.read(timeoutMs: max(1, Int32(((next - t) * 1000).rounded(.up))))
            }
        }
    }

    /// Reads until the next key is due, without sending it: what starts now gets a key at once.
    func waitForNextKey() {
        run(until: { now() >= next })
    }

    /// Reads until the kiosk has been quiet for `quietMs` (the frames of the last keys).
    func finish(quietMs: Int32 = 300) {
        kiosk.drain(quietMs: quietMs, timeout: 5)
    }

    /// For each key sent, the milliseconds from its sending to the last byte of the first burst of
    /// output after it (nil: nothing came after it).
    func latencies(gap: Double = 0.005) -> [Double?] {
        let arrivals = kiosk.arrivals
        return sent.map { at in
            var low = 0, high = arrivals.count
            while low < high {
                let middle = (low + high) / 2
                if arrivals[middle] > at { high = middle } else { low = middle + 1 }
            }
            guard low < arrivals.count else { return nil }
            var last = low
            while last + 1 < arrivals.count && arrivals[last + 1] - arrivals[last] < gap { last += 1 }
            return (arrivals[last] - at) * 1000
        }
    }
}

/// The words of the attract screen's first and last lines at `size`, as this build renders them:
/// once they have been written, so has the whole first frame.
func attractWords(store: BoardDatabase, size: TerminalSize) -> [String] {
    let board = InProcessBoard(store: store, size: size)
    let grid = board.program.render().grid
    let rows = (0..<grid.height).map { grid.rowText($0) }.filter { $0.contains { $0 != " " } }
    let words = [rows.first!, rows.last!].flatMap { $0.split(separator: " ").map(String.init) }
    return words.filter { w in w.contains { $0.isLetter } && !w.contains { $0.isNumber } }
}
