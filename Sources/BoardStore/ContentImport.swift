import BoardCore
/// `kiosk import`: validate a whole content directory, then replace the board's content in one
/// transaction. A directory with any error never touches the database.
public enum ContentImport {
    public enum Failure: Error, CustomStringConvertible {
        case invalid(ContentValidationError)
        case store(StoreError)

        public var description: String {
            switch self {
            case .invalid(let e): return e.description
            case .store(let e): return "import failed, the board's content is unchanged: \(e.description)"
            }
        }
    }

    /// Validates `directory` and, unless `checkOnly`, writes it into the database at `databasePath`
    /// (created when missing). Returns what was read.
    @discardableResult
    public static func run(
        directory: String, databasePath: String, checkOnly: Bool = false,
        timestamp: String, midway: (() -> Void)? = nil
    ) throws(Failure) -> ContentSet {
        let content: ContentSet
        do {
            content = try ContentReader.read(directory: directory)
        } catch {
            throw .invalid(error)
        }
        if checkOnly { return content }
        do {
            let lock = try WriterLock(databasePath: databasePath)
            defer { withExtendedLifetime(lock) {} }
            let store = try BoardDatabase(path: databasePath, readOnly: false, create: true)
            try store.replaceContent(with: content, source: directory, at: timestamp, midway: midway)
        } catch {
            throw .store(error)
        }
        return content
    }
}
