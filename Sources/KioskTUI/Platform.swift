import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Glibc

/// Every call into the operating system the kiosk makes, in one place.
enum Platform {
    /// Makes the C library speak UTF-8 whatever LANG says: ncurses needs it for Cyrillic.
    static func setUTF8Locale() {
        if let current = setlocale(LC_ALL, ""), isUTF8(String(cString: current)) { return }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_ALL, candidate) != nil {
            return
        }
    }

    private static func isUTF8(_ locale: String) -> Bool {
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// Reads one line from standard input; on a terminal, with echo off and `prompt` first.
    static func readSecretLine(prompt: String?) -> String? {
        var saved = termios()
        let terminal = isatty(STDIN_FILENO) == 1 && tcgetattr(STDIN_FILENO, &saved) == 0
        if let prompt { _ = prompt.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) } }
        if terminal {
            var quiet = saved
            quiet.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet)
        }
        defer {
            if terminal {
                tcsetattr(STDIN_FILENO, TCSANOW, &saved)
                printError("")
            }
        }
        guard let line = readLine(strippingNewline: true) else { return nil }
        return String(line.filter { !$0.isWhitespace })
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    static func readFile(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { bytes += buffer[0..<n] }
            if n < buffer.count { break }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Writes a file whole or not at all: a temporary file, flushed, then renamed over.
    static func writeFileAtomically(_ path: String, _ text: String) -> Bool {
        let temporary = path + ".tmp-\(getpid())"
        guard let file = fopen(temporary, "wb") else { return false }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        let flushed = fflush(file) == 0 && fsync(fileno(file)) == 0
        fclose(file)
        guard written == bytes.count, flushed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Resolves `path` against `base` unless it is absolute.
    static func resolve(_ path: String, against base: String) -> String {
        path.hasPrefix("/") || base == "." ? path : base + "/" + path
    }

    /// Writes a staff command's text and a line break to standard output.
    static func printOutput(_ text: StaffText) {
        writeLine(text, to: STDOUT_FILENO)
    }

    /// Writes a staff command's message and a line break to standard error.
    static func printError(_ text: StaffText) {
        writeLine(text, to: STDERR_FILENO)
    }

    private static func writeLine(_ text: StaffText, to descriptor: Int32) {
        let message = text.description
        let bytes = Array((message.hasSuffix("\n") ? message : message + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }

    /// Set by SIGTERM, SIGHUP or SIGINT; the main loop ends cleanly when it sees it.
    nonisolated(unsafe) static var terminationRequested: sig_atomic_t = 0

    /// Asks for a clean end on SIGTERM, SIGHUP (and SIGINT without lockdown). Installed before
    /// ncurses starts, so ncurses keeps its hands off these signals. With lockdown, the signals a
    /// keyboard can raise (SIGINT, SIGQUIT, SIGTSTP) are ignored, should the terminal ever send them.
    static func installTerminationHandlers(lockdown: Bool = false) {
        if lockdown {
            for sig in [SIGINT, SIGQUIT, SIGTSTP] { signal(sig, SIG_IGN) }
        }
        for sig in lockdown ? [SIGTERM, SIGHUP] : [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { _ in Platform.terminationRequested = 1 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0 // no SA_RESTART: the blocking read returns and the loop sees the flag
            sigaction(sig, &action, nil)
        }
    }
}

/// Restores the terminal if the process crashes while ncurses owns it.
///
/// A Swift trap (SIGILL/SIGTRAP) or a fault bypasses ncurses, leaving raw mode and the alternate
/// screen. The handler writes a precomputed reset sequence with write(2), puts back the saved
/// terminal modes, then ends the process by the signal's default action. It does not hand the
/// signal to Swift's backtracer: on a terminal that one offers an interactive prompt (and a
/// debugger), which a lobby visitor must never get. `KIOSK_BACKTRACE=1` chains to it for
/// developers.
enum CrashGuard {
    static let signals: [Int32] = [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE]
    nonisolated(unsafe) static var reset: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var resetLength = 0
    nonisolated(unsafe) static var savedModes: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) static var previous: UnsafeMutablePointer<sigaction>?

    nonisolated(unsafe) static var chainToBacktracer = false
    nonisolated(unsafe) static var note: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var noteLength = 0

    static func install() {
        chainToBacktracer = Platform.environment("KIOSK_BACKTRACE") == "1"
        let message = Array("kiosk: crashed; the terminal was restored (set KIOSK_BACKTRACE=1 for a backtrace)\n".utf8)
        let noteBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: message.count)
        noteBuffer.initialize(from: message, count: message.count)
        note = noteBuffer
        noteLength = message.count
        let sequence = Array("\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1006l\u{1b}[0m\u{1b}[?25h\u{1b}[?1049l\r\n".utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: sequence.count)
        buffer.initialize(from: sequence, count: sequence.count)
        reset = buffer
        resetLength = sequence.count
        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: termios())
        if tcgetattr(STDIN_FILENO, modes) == 0 { savedModes = modes }
        let table = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)
        table.initialize(repeating: sigaction(), count: 65)
        previous = table
        for sig in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                if let reset = CrashGuard.reset { _ = write(STDOUT_FILENO, reset, CrashGuard.resetLength) }
                if let modes = CrashGuard.savedModes { tcsetattr(STDIN_FILENO, TCSANOW, modes) }
                if CrashGuard.chainToBacktracer, let previous = CrashGuard.previous {
                    sigaction(sig, previous + Int(sig), nil)
                } else {
                    signal(sig, SIG_DFL)
                }
                if let note = CrashGuard.note { _ = write(STDERR_FILENO, note, CrashGuard.noteLength) }
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
            sigaction(sig, &action, table + Int(sig))
        }
    }
}
