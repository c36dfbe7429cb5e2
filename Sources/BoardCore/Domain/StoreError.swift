/// Why the board database could not be used, in words for staff and the out-of-order screen.
public enum StoreError: Error, Sendable, CustomStringConvertible, Equatable {
    case missing(path: String)
    case unreadable(path: String, reason: String)
    case corrupt(path: String, reason: String)
    case busy(path: String)
    case empty(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case failed(path: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let p): return "\(p): the board database does not exist"
        case .unreadable(let p, let r): return "\(p): the board database cannot be opened: \(r)"
        case .corrupt(let p, let r): return "\(p): the board database is damaged: \(r)"
        case .busy(let p): return "\(p): the board database is locked by another program for too long"
        case .empty(let p): return "\(p): the board database holds no content yet (run: kiosk import DIR)"
        case .newerSchema(let p, let found, let supported):
            return
                "\(p): the board database has schema version \(found), newer than this build's \(supported); update "
                + "the kiosk"
        case .failed(let p, let r): return "\(p): \(r)"
        }
    }
}
