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
        if let prompt {
            _ = prompt.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
        }
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
}
