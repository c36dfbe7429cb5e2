import BoardCore
#if canImport(Glibc)
import Glibc
#endif

/// A kiosk's own record of failed dossier lookups, in a database file only that kiosk writes
/// (the board database stays read-only on kiosks; see the WAL-reset note). It survives restarts.
public final class ThrottleStore {
    public let path: String
    package let db: SQLiteConnection
    private let lockFD: Int32

    package static let migrations = [
        """
        CREATE TABLE streak (id INTEGER PRIMARY KEY CHECK (id = 1), failures INTEGER NOT NULL,
            last_failure INTEGER NOT NULL);
        INSERT INTO streak VALUES (1, 0, 0);
        CREATE TABLE dossier_failures (number_key TEXT NOT NULL, unlocks INTEGER NOT NULL, failures INTEGER NOT NULL,
            PRIMARY KEY (number_key, unlocks));
        """
    ]

    /// Opens (creating when missing) the kiosk's throttle file and takes its lock, so that a
    /// second kiosk configured with the same file is refused instead of becoming a second writer.
    public init(path: String) throws(StoreError) {
        self.path = path
        let lockPath = path + ".lock"
        lockFD = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw .unreadable(path: lockPath, reason: String(cString: strerror(errno))) }
        guard flock(lockFD, LOCK_EX | LOCK_NB) == 0 else {
            close(lockFD)
            throw .failed(
                path: path,
                reason: "another kiosk is using this throttle file; give each kiosk its own (setting `throttle`)")
        }
        do {
            db = try SQLiteConnection(path: path, readOnly: false, create: true, busyTimeoutMs: 2000)
            try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL")
            let version = try db.scalarInt("PRAGMA user_version") ?? 0
            if version < ThrottleStore.migrations.count {
                try db.transaction {
                    for index in version..<ThrottleStore.migrations.count {
                        try db.execute(ThrottleStore.migrations[index])
                        try db.execute("PRAGMA user_version = \(index + 1)")
                    }
                }
            }
        } catch let error as SQLiteError {
            flock(lockFD, LOCK_UN)
            close(lockFD)
            throw StoreError.from(error, path: path)
        } catch {
            flock(lockFD, LOCK_UN)
            close(lockFD)
            throw .failed(path: path, reason: "\(error)")
        }
    }

    deinit {
        flock(lockFD, LOCK_UN)
        close(lockFD)
    }

    /// Failed lookups in a row on this kiosk, and when the last one was (seconds since the epoch).
    public func streak() throws(StoreError) -> (failures: Int, lastFailure: Int) {
        do {
            let s = try db.prepare("SELECT failures, last_failure FROM streak WHERE id = 1")
            guard try s.step() else { return (0, 0) }
            return (s.int(0), s.int(1))
        } catch { throw StoreError.from(error, path: path) }
    }

    /// Failures on a dossier's number since its `unlocks`-th unlock.
    public func failures(key: String, unlocks: Int) throws(StoreError) -> Int {
        do {
            let s = try db.prepare("SELECT failures FROM dossier_failures WHERE number_key = ? AND unlocks = ?")
            s.bind(.text(key), .int(unlocks))
            return try s.step() ? s.int(0) : 0
        } catch { throw StoreError.from(error, path: path) }
    }

    /// Records a failed lookup; returns the failures in a row on this kiosk.
    @discardableResult
    public func recordFailure(key: String, unlocks: Int, at time: Int) throws(StoreError) -> Int {
        do {
            return try db.transaction {
                try db.prepare(
                    """
                    INSERT INTO dossier_failures VALUES (?, ?, 1)
                    ON CONFLICT (number_key, unlocks) DO UPDATE SET failures = failures + 1
                    """
                ).bind(.text(key), .int(unlocks)).run()
                try db.prepare("UPDATE streak SET failures = failures + 1, last_failure = ? WHERE id = 1").bind(
                    .int(time)
                ).run()
                return try db.scalarInt("SELECT failures FROM streak WHERE id = 1") ?? 0
            }
        } catch let error as SQLiteError {
            throw StoreError.from(error, path: path)
        } catch { throw .failed(path: path, reason: "\(error)") }
    }

    /// Ends the streak of failures (a success before the waits began, or a quiet hour).
    public func recordSuccess() throws(StoreError) {
        do {
            try db.execute("UPDATE streak SET failures = 0 WHERE id = 1")
        } catch { throw StoreError.from(error, path: path) }
    }
}
