import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

extension StoreError {
    package static func from(_ error: SQLiteError, path: String) -> StoreError {
        if error.isBusy { return .busy(path: path) }
        if error.isCorrupt { return .corrupt(path: path, reason: error.message) }
        if error.isAccess { return .unreadable(path: path, reason: error.message) }
        return .failed(path: path, reason: error.description)
    }
}

/// The shared board database: content written by staff commands, read by every kiosk.
public final class BoardDatabase {
    /// The schema this build writes and reads.
    public static let schemaVersion = migrations.count

    /// Schema changes in order; entry N moves `user_version` from N to N+1. Never edit a shipped one.
    package static let migrations: [String] = [
        """
        CREATE TABLE municipality (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
        CREATE TABLE categories (
            id TEXT PRIMARY KEY, position INTEGER NOT NULL,
            name_bg TEXT NOT NULL, name_en TEXT, description_bg TEXT, description_en TEXT);
        CREATE TABLE services (
            number TEXT PRIMARY KEY, category TEXT NOT NULL REFERENCES categories(id),
            name_bg TEXT NOT NULL, name_en TEXT,
            cheapest_cents INTEGER NOT NULL, fastest_days INTEGER NOT NULL,
            card TEXT NOT NULL);
        CREATE INDEX services_by_category ON services (category, name_bg);
        CREATE TABLE pages (name TEXT NOT NULL, language TEXT NOT NULL, body TEXT NOT NULL,
            PRIMARY KEY (name, language));
        CREATE TABLE announcements (id INTEGER PRIMARY KEY, text_bg TEXT NOT NULL, text_en TEXT,
            valid_from TEXT, valid_until TEXT, urgent INTEGER NOT NULL);
        CREATE TABLE imports (id INTEGER PRIMARY KEY, at TEXT NOT NULL, source TEXT NOT NULL,
            checksum TEXT NOT NULL, services INTEGER NOT NULL, categories INTEGER NOT NULL,
            announcements INTEGER NOT NULL);
        """,
        // The satisfaction card from content, and the survey results staff publish.
        """
        CREATE TABLE survey (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
        CREATE TABLE published_results (id INTEGER PRIMARY KEY, published_at TEXT NOT NULL,
            period_from TEXT NOT NULL, period_to TEXT NOT NULL, json TEXT NOT NULL);
        """,
        BoardDatabase.dossierSchema,
        // The kiosk's catalogue query reads only this index, in its order, instead of each
        // service's row (a page or more apiece with the card), the larger part of a cold start at
        // thousands of services (kiosk-bench's first-frame figures).
        "CREATE INDEX IF NOT EXISTS services_list ON services (category, name_bg, number, name_en, cheapest_cents, "
            + "fastest_days);",
        // What search reads besides the names, written at import: building the index then reads
        // plain columns instead of taking every card's JSON apart on the board. Filled here once
        // from the cards already stored; every later import writes it.
        """
        CREATE TABLE search_texts (number TEXT PRIMARY KEY REFERENCES services(number) ON DELETE CASCADE,
            keywords_bg TEXT, keywords_en TEXT, description_bg TEXT, description_en TEXT) WITHOUT ROWID;
        INSERT INTO search_texts
            SELECT number,
                   (SELECT group_concat(value, ' | ') FROM json_each(card, '$.keywordsBG')),
                   (SELECT group_concat(value, ' | ') FROM json_each(card, '$.keywordsEN')),
                   json_extract(card, '$.description.bg'), json_extract(card, '$.description.en')
            FROM services;
        """,
    ]

    public let path: String
    package let db: SQLiteConnection
    public let readOnly: Bool

    /// Opens the board database. Read-only opens (kiosks) never write; read-write opens (staff
    /// commands) create the file when `create` is set and bring the schema up to date.
    public init(path: String, readOnly: Bool, create: Bool = false) throws(StoreError) {
        self.path = path
        self.readOnly = readOnly
        if !FileManager.default.fileExists(atPath: path) && !(create && !readOnly) {
            throw .missing(path: path)
        }
        do {
            db = try SQLiteConnection(
                path: path, readOnly: readOnly, create: create, busyTimeoutMs: readOnly ? 1500 : 10_000)
        } catch {
            throw .unreadable(path: path, reason: error.message)
        }
        let version: Int
        do {
            version = try db.scalarInt("PRAGMA user_version") ?? 0
        } catch {
            throw StoreError.from(error, path: path)
        }
        if version > BoardDatabase.schemaVersion {
            throw .newerSchema(path: path, found: version, supported: BoardDatabase.schemaVersion)
        }
        if readOnly {
            if version == 0 { throw .empty(path: path) }
            if version < BoardDatabase.schemaVersion {
                throw .failed(
                    path: path,
                    reason: "the board database has schema version \(version); run `kiosk import DIR` to upgrade it")
            }
        } else {
            do {
                try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON")
                try migrate(from: version)
            } catch {
                throw StoreError.from(error, path: path)
            }
        }
    }

    private func migrate(from version: Int) throws(SQLiteError) {
        guard version < BoardDatabase.schemaVersion else { return }
        try db.execute("BEGIN IMMEDIATE")
        do {
            // Read again inside the write lock: another staff command may have migrated meanwhile.
            let current = try db.scalarInt("PRAGMA user_version") ?? 0
            for index in current..<BoardDatabase.schemaVersion {
                try db.execute(BoardDatabase.migrations[index])
                try db.execute("PRAGMA user_version = \(index + 1)")
            }
            try db.execute("COMMIT")
        } catch {
            try? db.execute("ROLLBACK")
            throw error
        }
    }

    /// Keeps at most `kibibytes` of the file's pages in this connection's cache: for a connection
    /// that reads everything once (the search index build), where a cache only adds to the peak.
    public func limitPageCache(kibibytes: Int) throws(StoreError) {
        do { try db.execute("PRAGMA cache_size = -\(max(1, kibibytes))") } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// The schema version recorded in the file.
    public func schemaVersionInFile() throws(StoreError) -> Int {
        do { return try db.scalarInt("PRAGMA user_version") ?? 0 } catch { throw StoreError.from(error, path: path) }
    }

    /// A number that changes whenever another connection commits (cheap enough to poll).
    public func dataVersion() throws(StoreError) -> Int {
        do { return try db.scalarInt("PRAGMA data_version") ?? 0 } catch { throw StoreError.from(error, path: path) }
    }

    package func wrap<T>(_ body: () throws -> T) throws(StoreError) -> T {
        do {
            return try body()
        } catch let error as SQLiteError {
            throw StoreError.from(error, path: path)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .failed(path: path, reason: "\(error)")
        }
    }
}

/// An exclusive advisory lock so that only one staff command writes the board database at a
/// time (SQLite's WAL-reset bug needs two concurrent writers; see the project notes).
public final class WriterLock {
    private let fd: Int32

    public init(databasePath: String) throws(StoreError) {
        let lockPath = databasePath + ".lock"
        fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .unreadable(path: lockPath, reason: String(cString: strerror(errno)))
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR {
                close(fd)
                throw .failed(
                    path: lockPath, reason: "cannot take the writer lock: \(String(cString: strerror(errno)))")
            }
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
