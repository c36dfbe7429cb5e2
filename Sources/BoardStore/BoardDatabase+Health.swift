import BoardCore
import CSQLite

extension BoardDatabase {
    /// True while this connection holds a transaction (a kiosk must never, while it waits for
    /// input: an open read transaction pins an old snapshot and starves WAL checkpoints).
    public var holdsTransaction: Bool {
        sqlite3_txn_state(db.handle, nil) != SQLITE_TXN_NONE
    }
}

extension SQLiteError {
    /// The write failed because the disk is full or the file or its directory cannot be written.
    /// A kiosk's own writes (survey cards, lookup throttling) go in one transaction, so nothing is
    /// half-written; the visitor is told plainly (`UIText.notSaved`).
    public var isWriteFailure: Bool {
        let c = code & 0xFF
        return c == SQLITE_FULL || c == SQLITE_READONLY || c == SQLITE_IOERR || c == SQLITE_CANTOPEN || c == SQLITE_PERM
    }
}
