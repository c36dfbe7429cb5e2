import BoardCore
import CSQLite

/// A failure reported by SQLite, with what we were doing when it happened.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    public var code: Int32
    public var message: String

    public var description: String { "\(message) (SQLite code \(code))" }

    /// True for the codes that mean "another process holds the lock".
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
    /// True for the codes that mean the file cannot be opened or read as asked.
    public var isAccess: Bool {
        let c = code & 0xFF
        return c == SQLITE_CANTOPEN || c == SQLITE_PERM || c == SQLITE_READONLY || c == SQLITE_AUTH || c == SQLITE_IOERR
    }
    /// True for the codes that mean the file is not a sound database.
    public var isCorrupt: Bool { code & 0xFF == SQLITE_CORRUPT || code & 0xFF == SQLITE_NOTADB }
}

/// One SQLite connection. Used from one thread at a time.
public final class SQLiteConnection {
    package let handle: OpaquePointer

    /// Opens `path`; read-only connections never write or checkpoint the file.
    public init(path: String, readOnly: Bool, create: Bool = false, busyTimeoutMs: Int32 = 2000) throws(SQLiteError) {
        var db: OpaquePointer?
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        flags |= SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close(db) }
            throw SQLiteError(code: rc, message: message)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMs)
        sqlite3_extended_result_codes(db, 1)
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    package var lastError: SQLiteError {
        SQLiteError(code: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)))
    }

    /// Runs one or more statements that return no rows.
    public func execute(_ sql: String) throws(SQLiteError) {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw lastError }
    }

    /// Statements kept prepared for queries that run often (see `cached`).
    private var statements: [String: SQLiteStatement] = [:]

    /// A prepared statement kept for reuse: preparing costs more than a small indexed query.
    /// The caller resets it when done (a statement left stepping would hold a read transaction).
    public func cached(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    public func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        var stmt: OpaquePointer?
        let rc = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw lastError }
        return SQLiteStatement(stmt, connection: self)
    }

    /// The first column of the first row of a query, as an integer.
    public func scalarInt(_ sql: String) throws(SQLiteError) -> Int? {
        let stmt = try prepare(sql)
        guard try stmt.step() else { return nil }
        return stmt.isNull(0) ? nil : stmt.int(0)
    }

    /// Runs `body` in an immediate transaction, rolling back on any error.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A prepared statement; binding is by 1-based index, reading by 0-based column.
public final class SQLiteStatement {
    package let stmt: OpaquePointer
    unowned let connection: SQLiteConnection

    package init(_ stmt: OpaquePointer, connection: SQLiteConnection) {
        self.stmt = stmt
        self.connection = connection
    }

    deinit { sqlite3_finalize(stmt) }

    @discardableResult
    public func bind(_ values: SQLiteValue?...) -> SQLiteStatement {
        bind(values)
    }

    /// Binds `values` in order, after a reset; nil binds NULL.
    @discardableResult
    public func bind(_ values: [SQLiteValue?]) -> SQLiteStatement {
        sqlite3_reset(stmt)
        sqlite3_clear_bindings(stmt)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case nil: sqlite3_bind_null(stmt, index)
            case .int(let n)?: sqlite3_bind_int64(stmt, index, Int64(n))
            case .text(let s)?: sqlite3_bind_text(stmt, index, s, -1, kiosk_sqlite_transient())
            }
        }
        return self
    }

    /// Advances to the next row; false when there are no more.
    public func step() throws(SQLiteError) -> Bool {
        let rc = sqlite3_step(stmt)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let error = connection.lastError
        sqlite3_reset(stmt)
        throw error
    }

    /// Runs a statement that returns no rows.
    public func run() throws(SQLiteError) {
        while try step() {}
        sqlite3_reset(stmt)
    }

    public func reset() { sqlite3_reset(stmt) }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(stmt, column)) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(stmt, column) == SQLITE_NULL }

    public func text(_ column: Int32) -> String? {
        guard let p = sqlite3_column_text(stmt, column) else { return nil }
        let count = Int(sqlite3_column_bytes(stmt, column))
        return String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
    }
}

/// A value to bind.
public enum SQLiteValue {
    case int(Int)
    case text(String)
}

extension SQLiteValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

public enum SQLiteLibrary {
    public static var version: String { String(cString: sqlite3_libversion()) }
}
