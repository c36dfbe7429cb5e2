import Glibc

/// What the board does with each signal that would otherwise end or stop it without giving the
/// terminal back.
///
/// - SIGTERM and SIGHUP (and SIGINT without lockdown) end the board cleanly: the loop sees the
///   request, ncurses gives the terminal back, the status is 0.
/// - Signals nobody should send a board, whose default is to end it (SIGUSR1, SIGUSR2, SIGALRM,
///   SIGVTALRM, SIGPROF, SIGIO, SIGPWR, SIGSTKFLT) and SIGXCPU (the CPU-time limit reached): the
///   same clean end, saying which signal it was. Their default action already ends the process,
///   so whoever sends one means "stop"; ending cleanly keeps that meaning and gives the terminal
///   back, and systemd starts a fresh board. Ignoring them would hide a mistake; for SIGXCPU the
///   kernel's SIGKILL at the hard limit would follow and leave the console raw. Each is taken
///   over only while it has its default action, so that a profiler or a launcher that set one
///   keeps it.
/// - SIGPIPE and SIGXFSZ are ignored. The kernel raises them as a side effect of a write (to a
///   pipe whose reader has gone, such as a speech player that died; past the file-size limit,
///   into the survey or throttle file), and that write then fails with EPIPE or EFBIG where the
///   code already handles a failed write: the board says the card could not be saved, or carries
///   on without the dead helper. Ending would turn one failed write into a board that restarts
///   each time a visitor sends a card.
/// - With lockdown, the signals a keyboard can raise (SIGINT, SIGQUIT, SIGTSTP) are ignored,
///   should the terminal ever send them.
/// - The faults and traps, and SIGQUIT without lockdown, go to `CrashGuard`.
extension Platform {
    /// The signal that asked for a clean end (0: none); the main loop ends when it sees one.
    nonisolated(unsafe) static var terminationRequested: sig_atomic_t = 0

    /// Signals whose default would end the board, which end it cleanly instead, with their names.
    static let strayEndingSignals: [(signal: Int32, name: String)] = [
        (SIGUSR1, "SIGUSR1"), (SIGUSR2, "SIGUSR2"), (SIGALRM, "SIGALRM"), (SIGVTALRM, "SIGVTALRM"),
        (SIGXCPU, "SIGXCPU"), (SIGPROF, "SIGPROF"), (SIGIO, "SIGIO"), (SIGPWR, "SIGPWR"),
        (SIGSTKFLT, "SIGSTKFLT"),
    ]

    /// Signals the board ignores: a write that raised one fails and says so instead.
    static let ignoredSignals: [Int32] = [SIGPIPE, SIGXFSZ]

    /// Sets up the signals of the board as the type's summary describes. Installed before ncurses
    /// starts, so ncurses keeps its hands off SIGTERM, SIGHUP and SIGINT.
    static func installTerminationHandlers(lockdown: Bool) {
        for sig in ignoredSignals { signal(sig, SIG_IGN) }
        if lockdown {
            for sig in [SIGINT, SIGQUIT, SIGTSTP] { signal(sig, SIG_IGN) }
        }
        let requests = lockdown ? [SIGTERM, SIGHUP] : [SIGTERM, SIGHUP, SIGINT]
        for sig in requests { requestEnd(on: sig) }
        for (sig, _) in strayEndingSignals {
            var current = sigaction()
            guard sigaction(sig, nil, &current) == 0, current.__sigaction_handler.sa_handler == nil else { continue }
            requestEnd(on: sig)
        }
    }

    /// The note for the log when a signal other than SIGTERM, SIGHUP or SIGINT ended the board.
    static func endingNote(_ sig: sig_atomic_t) -> String? {
        guard let stray = strayEndingSignals.first(where: { $0.signal == sig }) else { return nil }
        return "kiosk: ended by \(stray.name); the terminal was restored"
    }

    private static func requestEnd(on sig: Int32) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { sig in Platform.terminationRequested = sig }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: the blocking poll returns and the loop sees the flag
        sigaction(sig, &action, nil)
    }
}

/// Gives the terminal back if the process crashes, and keeps Swift's backtracer away.
///
/// A Swift trap (SIGILL/SIGTRAP), an abort or a fault bypasses ncurses, leaving raw mode, the
/// alternate screen, mouse reporting and the keypad's application mode on. The handler writes a
/// precomputed reset sequence with write(2), puts back the terminal modes saved before ncurses
/// started, then ends the process by the signal's default action (so the status still says
/// which signal it was). It runs on an alternate stack, so a stack overflow is caught too.
///
/// Swift's runtime installs its crash handler before `main` (for SIGQUIT, SIGABRT, SIGBUS,
/// SIGFPE, SIGILL, SIGSEGV and SIGTRAP, unless SWIFT_BACKTRACE says `enable=no`); on a terminal
/// it offers an interactive prompt and a debugger, which a lobby visitor must never get.
/// `install()` runs first thing in `main`, for every command, and takes those signals over, so
/// that handler never runs; `KIOSK_BACKTRACE=1` hands the signal on to it for developers.
enum CrashGuard {
    /// The signals that end the process with a core by default; SIGSYS comes from a seccomp
    /// filter (systemd's SystemCallFilter=), SIGQUIT from a developer (lockdown ignores it).
    static let signals: [(signal: Int32, name: String)] = [
        (SIGILL, "SIGILL"), (SIGTRAP, "SIGTRAP"), (SIGABRT, "SIGABRT"), (SIGSEGV, "SIGSEGV"),
        (SIGBUS, "SIGBUS"), (SIGFPE, "SIGFPE"), (SIGSYS, "SIGSYS"), (SIGQUIT, "SIGQUIT"),
    ]

    /// Everything the handler touches, made before any signal can come: a handler may only call
    /// what is safe in a signal handler (write, tcsetattr, sigaction, raise).
    private struct Prepared {
        var reset: UnsafeMutableBufferPointer<UInt8>
        var savedModes: UnsafeMutablePointer<termios>?
        var previous: UnsafeMutablePointer<sigaction>
        /// Per signal number: "kiosk: crashed (SIGSEGV)".
        var notes: UnsafeMutablePointer<UnsafeMutableBufferPointer<UInt8>>
        var restored: UnsafeMutableBufferPointer<UInt8>
        var hint: UnsafeMutableBufferPointer<UInt8>
        var chainToBacktracer: Bool
    }

    nonisolated(unsafe) private static var prepared: Prepared?

    /// Whether ncurses owns the terminal now (set by `Terminal`): only then is there a screen to
    /// give back. A staff command's crash must not write escape sequences into its output.
    nonisolated(unsafe) static var terminalTaken = false

    /// Mouse reporting off (every mode ncurses may have set), the scroll region whole, the
    /// character set and attributes reset, cursor keys and keypad out of application mode
    /// (rmkx), the cursor shown, the alternate screen left.
    static let resetSequence =
        "\u{1b}[?1000l\u{1b}[?1002l\u{1b}[?1003l\u{1b}[?1005l\u{1b}[?1006l\u{1b}[?1015l"
        + "\u{1b}[r\u{1b}(B\u{1b}[0m\u{1b}[?1l\u{1b}>\u{1b}[?25h\u{1b}[?1049l\r\n"

    private static func buffer(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
        _ = buffer.initialize(from: bytes)
        return buffer
    }

    /// Takes over the crash signals. Call first thing in `main`, before ncurses changes the
    /// terminal's modes: the modes in force now are the ones a crash puts back.
    static func install() {
        let slots = 65
        var ready = Prepared(
            reset: buffer(resetSequence),
            savedModes: nil,
            previous: .allocate(capacity: slots),
            notes: .allocate(capacity: slots),
            restored: buffer("; the terminal was restored"),
            hint: buffer(" (set KIOSK_BACKTRACE=1 for a backtrace)\n"),
            chainToBacktracer: Platform.environment("KIOSK_BACKTRACE") == "1")
        ready.previous.initialize(repeating: sigaction(), count: slots)
        ready.notes.initialize(repeating: buffer("kiosk: crashed"), count: slots)
        for (sig, name) in signals { ready.notes[Int(sig)] = buffer("kiosk: crashed (\(name))") }
        let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        modes.initialize(to: termios())
        if tcgetattr(STDIN_FILENO, modes) == 0 { ready.savedModes = modes }
        prepared = ready
        ensureAlternateStack()
        for (sig, _) in signals {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in CrashGuard.handle(sig) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND) | UInt32(SA_ONSTACK))
            sigaction(sig, &action, ready.previous + Int(sig))
        }
    }

    private static func handle(_ sig: Int32) {
        guard let ready = CrashGuard.prepared else { return }
        let taken = CrashGuard.terminalTaken
        if taken {
            _ = write(STDOUT_FILENO, ready.reset.baseAddress, ready.reset.count)
            if let modes = ready.savedModes {
                // Keys typed into the dying board must not reach the shell or getty after it.
                tcflush(STDIN_FILENO, TCIFLUSH)
                tcsetattr(STDIN_FILENO, TCSANOW, modes)
            }
        }
        if ready.chainToBacktracer {
            sigaction(sig, ready.previous + Int(sig), nil)
        } else {
            signal(sig, SIG_DFL)
        }
        let note = ready.notes[Int(sig)]
        _ = write(STDERR_FILENO, note.baseAddress, note.count)
        if taken { _ = write(STDERR_FILENO, ready.restored.baseAddress, ready.restored.count) }
        _ = write(STDERR_FILENO, ready.hint.baseAddress, ready.hint.count)
        // Blocked while this handler runs: it is delivered, by the action just set, on return.
        raise(sig)
    }

    /// Gives this (the main) thread a stack for signal handlers, unless it has one (Swift's
    /// runtime makes one when its backtracer is on): without it, a stack overflow's SIGSEGV
    /// finds no stack to run the handler and the process dies with the terminal raw.
    private static func ensureAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var stack = stack_t(ss_sp: memory, ss_flags: 0, ss_size: size)
        if sigaltstack(&stack, nil) != 0 { free(memory) }
    }
}
