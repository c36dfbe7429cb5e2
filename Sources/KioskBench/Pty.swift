import CBenchPty
import Glibc

/// A program running on a pseudo-terminal of its own: the bench writes keys to it and reads what
/// it draws, as a terminal emulator would.
final class PtyProcess {
    let pid: pid_t
    let fd: Int32
    /// Everything read so far.
    private(set) var output: [UInt8] = []
    /// When the last byte arrived (monotonic seconds).
    private(set) var lastByteAt: Double = 0
    /// When each read that brought bytes returned, while `recordsArrivals` is on.
    private(set) var arrivals: [Double] = []
    var recordsArrivals = false

    init(path: String, arguments: [String], environment: [String], columns: Int, rows: Int) {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var master: Int32 = -1
        let child = bench_spawn_pty(path, argv, envp, UInt16(columns), UInt16(rows), &master)
        guard child > 0 else { fail("cannot start \(path) on a pseudo-terminal") }
        pid = child
        fd = master
        RunCleanup.started(child)
    }

    /// Reads what is available within `timeoutMs`; returns the number of bytes read (0: nothing).
    @discardableResult
    func read(timeoutMs: Int32) -> Int {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, timeoutMs) > 0 else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = Glibc.read(fd, &buffer, buffer.count)
        guard n > 0 else { return 0 }
        lastByteAt = now()
        if recordsArrivals { arrivals.append(lastByteAt) }
        output += buffer[0..<n]
        return n
    }

    /// Reads until `done(output)` holds; false when `timeout` seconds pass first.
    func read(until done: ([UInt8]) -> Bool, timeout: Double) -> Bool {
        let deadline = now() + timeout
        while !done(output) {
            if now() > deadline { return false }
            read(timeoutMs: 20)
        }
        return true
    }

    /// Reads until nothing has arrived for `quietMs`; returns the bytes read meanwhile.
    @discardableResult
    func drain(quietMs: Int32 = 60, timeout: Double = 5) -> [UInt8] {
        let start = output.count
        let deadline = now() + timeout
        while now() < deadline {
            if read(timeoutMs: quietMs) == 0 { break }
        }
        return Array(output[start...])
    }

    func clearOutput() { output.removeAll(keepingCapacity: true) }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// VmHWM (peak resident set) and VmRSS in megabytes (MiB), from /proc.
    /// Megabytes from /proc: the peak resident set, the resident set now, and of it now the
    /// file-backed pages (the code of the program and its libraries) and the anonymous ones (heap).
    func memory() -> (peak: Double, resident: Double, file: Double, anonymous: Double) {
        guard let status = readText("/proc/\(pid)/status") else { return (.nan, .nan, .nan, .nan) }
        func field(_ name: String) -> Double {
            for line in status.split(separator: "\n") where line.hasPrefix(name + ":") {
                let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
                return kb / 1024
            }
            return .nan
        }
        return (field("VmHWM"), field("VmRSS"), field("RssFile"), field("RssAnon"))
    }

    /// Ends the program with SIGTERM (SIGKILL if it lingers) and waits for it.
    func terminate() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let deadline = now() + 3
        while waitpid(pid, &status, WNOHANG) == 0 {
            drain(quietMs: 10, timeout: 0.05)
            if now() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
        }
        RunCleanup.ended(pid)
        close(fd)
    }

    /// Whether the program still runs (it has not ended, or ended unseen).
    var isRunning: Bool { waitpid(pid, nil, WNOHANG) == 0 }
}

/// The text a terminal would show, in the order it was written: escape sequences and control
/// characters removed (good enough to see that given words have been drawn).
func visibleText(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        if b == 0x1B {
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case UInt8(ascii: "["):
                i += 1
                while i < bytes.count && !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                i += 1
            case UInt8(ascii: "]"):
                while i < bytes.count && bytes[i] != 0x07 && bytes[i] != 0x1B { i += 1 }
                i += bytes.count > i && bytes[i] == 0x1B ? 2 : 1
            case UInt8(ascii: "("), UInt8(ascii: ")"):
                i += 2
            default:
                i += 1
            }
            continue
        }
        if b < 0x20 || b == 0x7F { out.append(0x20); i += 1; continue }
        out.append(b)
        i += 1
    }
    return String(decoding: out, as: UTF8.self)
}

/// Whether `text` holds the words of `words` in this order.
func containsInOrder(_ text: String, _ words: [String]) -> Bool {
    var rest = text[...]
    for word in words {
        guard let r = rest.firstRange(of: word) else { return false }
        rest = rest[r.upperBound...]
    }
    return true
}

/// Runs a program to completion with output to `outPath`; returns its exit status and the time.
func runQuiet(
    path: String, arguments: [String], environment: [String], outPath: String = "/dev/null"
) -> (status: Int32, ms: Double) {
    let start = now()
    let program = QuietProcess(path: path, arguments: arguments, environment: environment, outPath: outPath)
    let status = program.wait()
    return (status, (now() - start) * 1000)
}

/// A program started with its output to a file, which the bench may wait for or look at.
struct QuietProcess {
    let pid: pid_t

    init(path: String, arguments: [String], environment: [String], outPath: String = "/dev/null") {
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let child = bench_spawn_quiet(path, argv, envp, outPath)
        guard child > 0 else { fail("cannot start \(path)") }
        pid = child
        RunCleanup.started(child)
    }

    /// Its exit status (128 + N for signal N) once it has ended; nil while it runs.
    func status() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        RunCleanup.ended(pid)
        return Self.decode(status)
    }

    /// Waits for its end; returns its exit status (128 + N for signal N).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        RunCleanup.ended(pid)
        return Self.decode(status)
    }

    private static func decode(_ status: Int32) -> Int32 {
        (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}

/// Keys as xterm sends them in keypad (application) mode.
enum Keys {
    static let down = "\u{1B}OB"
    static let up = "\u{1B}OA"
    static let enter = "\r"
    static let escape = "\u{1B}"
    static let home = "\u{1B}OH"
    static let pageDown = "\u{1B}[6~"
    static let ctrlL = "\u{0C}"
    static let ctrlU = "\u{15}"
    static let tab = "\t"
}
