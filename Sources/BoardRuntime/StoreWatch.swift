import BoardCore
import BoardStore
#if canImport(Glibc)
import Glibc
#endif

/// Notices, cheaply and without holding a transaction, that the board database changed under a
/// running kiosk, went away, was replaced, or came back. Asked once a second (effect
/// `.checkStore`); answers with an event only when something happened.
///
/// - same file, `PRAGMA data_version` unchanged: nothing (a cheap look, fit for once a second);
/// - same file, data_version changed (a staff import committed): `.changed`, after checking that
///   the schema is not newer than this build;
/// - the file is gone, or another file now has its name: the old connection is dropped (it would
///   go on reading the deleted file for ever) and the path is opened anew;
/// - no usable store: it tries to open the path again, every time it is asked.
public final class StoreWatch {
    public let path: String
    /// Opens the board database (read-only for a kiosk).
    let open: () throws(StoreError) -> BoardDatabase
    private var identity: FileIdentity?
    private var dataVersion: Int?
    /// The last failure reported, so a lasting fault is reported once, not every second.
    private var reported: StoreError?

    public init(path: String, open: @escaping () throws(StoreError) -> BoardDatabase) {
        self.path = path
        self.open = open
    }

    /// Remembers which file `store` has open and its data version (call right after opening).
    public func attach(_ store: BoardDatabase) {
        identity = FileIdentity(path: path)
        dataVersion = try? store.dataVersion()
        reported = nil
    }

    /// Looks at the store; may replace it (reopen) or drop it (fault). With `reopen` the path is
    /// opened afresh whatever it finds (the retry while out of order: a lock that was released
    /// or a reload that failed leave no trace a cheap look could see).
    public func check(_ store: inout BoardDatabase?, reopen again: Bool = false) -> Event? {
        if again {
            store = nil
            return reopen(&store)
        }
        if let current = store {
            let now = FileIdentity(path: path)
            if now == nil || now?.file != identity?.file || now?.stamp != identity?.stamp {
                // Deleted or replaced: the open handle would go on reading a file nobody sees
                // any more. Written outside SQLite (size or time changed, data_version not):
                // a fresh connection re-reads the header and tells a damaged file at once.
                store = nil
                if now == nil { return fail(.missing(path: path)) }
                return reopen(&store)
            }
            do {
                let version = try current.dataVersion()
                guard version != dataVersion else { return nil }
                dataVersion = version
                let schema = try current.schemaVersionInFile()
                if schema > BoardDatabase.schemaVersion {
                    store = nil
                    return fail(.newerSchema(path: path, found: schema, supported: BoardDatabase.schemaVersion))
                }
                reported = nil
                return .storeChecked(.changed)
            } catch {
                store = nil
                return fail(error)
            }
        }
        return reopen(&store)
    }

    private func reopen(_ store: inout BoardDatabase?) -> Event? {
        do {
            let opened = try open()
            store = opened
            attach(opened)
            return .storeChecked(.changed)
        } catch {
            return fail(error)
        }
    }

    private func fail(_ error: StoreError) -> Event? {
        if error == reported { return nil }
        reported = error
        return .storeChecked(.failed(error))
    }
}

/// Which file a path names (device and inode), to tell a replaced database from the same one,
/// and its size and modification time, to notice writes that bypassed SQLite.
package struct FileIdentity: Equatable {
    package var file: [UInt64]
    package var stamp: [Int]

    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        file = [UInt64(info.st_dev), UInt64(info.st_ino)]
        stamp = [Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec)]
    }
}
