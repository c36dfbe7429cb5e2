import Glibc
import Synchronization

/// What a run leaves behind until it ends: the programs it started and its temporary directory.
///
/// A run cut short, by a failure or by SIGINT, SIGTERM or SIGHUP, ends those programs (SIGTERM,
/// then SIGKILL) and removes the directory (unless --keep). The three signals are blocked in
/// every thread and waited for on a thread of their own, because the main thread may be deep in
/// SQLite for seconds and a signal handler may not remove files.
enum RunCleanup {
    private struct Left: Sendable {
        var programs: Set<pid_t> = []
        var directory: String?
        var closing = false
    }

    private static let left = Mutex(Left())
    static let interruptions = [SIGINT, SIGTERM, SIGHUP]

    /// Notes a program the run started; one started while the run is being cut short is ended.
    static func started(_ pid: pid_t) {
        let late = left.withLock { left in
            left.programs.insert(pid)
            return left.closing
        }
        if late { kill(pid, SIGKILL) }
    }

    /// Notes that the run waited for a program's end.
    static func ended(_ pid: pid_t) {
        _ = left.withLock { $0.programs.remove(pid) }
    }

    /// The directory to remove if the run is cut short.
    static func removeIfCutShort(_ directory: String) {
        left.withLock { $0.directory = directory }
    }

    /// Ends every program still running and removes the directory; returns how many programs
    /// were ended and the directory removed, if any.
    @discardableResult
    static func cutShort() -> (ended: Int, removed: String?) {
        let (programs, directory) = left.withLock { left in
            left.closing = true
            return (left.programs, left.directory)
        }
        for pid in programs { kill(pid, SIGTERM) }
        var running = programs
        let deadline = now() + 2
        while !running.isEmpty && now() < deadline {
            for pid in running where waitpid(pid, nil, WNOHANG) != 0 { running.remove(pid) }
            if !running.isEmpty { usleep(10_000) }
        }
        for pid in running {
            kill(pid, SIGKILL)
            waitpid(pid, nil, 0)
        }
        if let directory { _ = system("rm -rf '\(directory)'") }
        return (programs.count, directory)
    }

    /// Blocks SIGINT, SIGTERM and SIGHUP (in this thread and every thread started after it) and
    /// starts the thread that waits for them. Call first in `main`.
    static func handleInterruptions() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in interruptions { sigaddset(&set, sig) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        var thread = pthread_t()
        pthread_create(
            &thread, nil,
            { _ in
                var set = sigset_t()
                sigemptyset(&set)
                for sig in RunCleanup.interruptions { sigaddset(&set, sig) }
                var sig: Int32 = 0
                guard sigwait(&set, &sig) == 0 else { return nil }
                let (ended, removed) = RunCleanup.cutShort()
                let text = Array(
                    ("\nkiosk-bench: cut short by signal \(sig): ended \(ended) program(s)"
                        + (removed.map { ", removed \($0)" } ?? "") + "\n").utf8)
                _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
                // End by the signal itself, so that the shell sees how the run ended.
                signal(sig, SIG_DFL)
                var one = sigset_t()
                sigemptyset(&one)
                sigaddset(&one, sig)
                pthread_sigmask(SIG_UNBLOCK, &one, nil)
                raise(sig)
                _exit(128 + sig)
            }, nil)
    }
}
