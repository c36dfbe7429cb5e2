#if canImport(Glibc)
import Glibc
#endif

/// What a dossier lookup came to. A wrong number, a wrong code and a locked dossier all give
/// `.notFound`, after the same work (one slow hash), so none can be told from another.
public enum DossierLookupOutcome: Sendable, Hashable {
    case found(DossierReport)
    /// `wait`: seconds before this kiosk takes the next attempt (0: at once).
    case notFound(wait: Int)
    /// Too many failures in a row on this kiosk: nothing was checked.
    case throttled(wait: Int)
    /// The kiosk cannot check dossiers (no throttle file, store unreadable).
    case unavailable
}

/// How failed lookups slow down: free attempts, then growing waits; and a per-dossier limit.
public struct ThrottlePolicy: Sendable, Hashable {
    /// Failures in a row before the first wait.
    public var freeFailures = 5
    /// The first wait, doubled after each further failure, up to `longestWait`.
    public var firstWait = 30
    public var longestWait = 300
    /// Failures on one dossier after which kiosks no longer show it (until staff unlock it).
    public var dossierLimit = 100
    /// A row of failures ends after this long without one. A success ends it only before the
    /// waits begin: otherwise a visitor could reset the waits with a dossier of their own.
    public var quietPeriod = 3600

    public init() {}

    /// Seconds to wait after `failures` failures in a row.
    public func wait(afterFailures failures: Int) -> Int {
        guard failures >= freeFailures else { return 0 }
        let doublings = min(failures - freeFailures, 20)
        return min(longestWait, firstWait << doublings)
    }
}

/// Checks a number and code against the board database (read-only) and the kiosk's own
/// throttle file. The slow hash runs here, outside the reducer.
public final class DossierDesk {
    /// The board database it reads; replaced when the kiosk reopens the file (see BoardProgram).
    var board: BoardStore
    let throttle: ThrottleStore
    public var policy: ThrottlePolicy
    /// Seconds since the epoch.
    let clock: () -> Int
    /// A hash of a code nobody has, with the method and cost of the newest stored dossier's
    /// hash (dossiers may be imported with hashes made elsewhere), checked when the number is
    /// unknown so that the answer takes the same time.
    public let dummyHash: String
    /// How many slow hashes ran (tests check that every path does exactly one).
    public private(set) var hashesComputed = 0

    public init(board: BoardStore, throttle: ThrottleStore, policy: ThrottlePolicy = ThrottlePolicy(),
                clock: @escaping () -> Int = { Int(time(nil)) }) throws(RandomSourceError) {
        self.board = board
        self.throttle = throttle
        self.policy = policy
        self.clock = clock
        let nobodys = try AccessCode.generate()
        let newest = try? board.newestCodeHash()
        if let newest, let like = CodeHash.make(nobodys, like: newest) {
            self.dummyHash = like
        } else {
            self.dummyHash = try CodeHash.make(nobodys)
        }
    }

    public func lookUp(number: String, code: String) -> DossierLookupOutcome {
        do {
            let now = clock()
            var streak = try throttle.streak()
            if streak.failures > 0 && now - streak.lastFailure >= policy.quietPeriod {
                try throttle.recordSuccess()
                streak.failures = 0
            }
            let wait = policy.wait(afterFailures: streak.failures)
            if wait > 0 && now < streak.lastFailure + wait {
                return .throttled(wait: streak.lastFailure + wait - now)
            }
            let key = DossierNumberPattern.key(number)
            let dossier = try key.flatMap { k throws(StoreError) in try board.dossierForLookup(key: k) }
            let canonical = AccessCode.normalize(code) ?? ""
            // Always exactly one slow hash: against the dossier's, or the dummy when unknown.
            hashesComputed += 1
            let codeMatches = CodeHash.verify(canonical, against: dossier?.codeHash ?? dummyHash)
            let unlocks = dossier?.unlocks ?? -1
            let earlier = try throttle.failures(key: key ?? "", unlocks: unlocks)
            if let dossier, codeMatches, earlier < policy.dossierLimit {
                if streak.failures < policy.freeFailures { try throttle.recordSuccess() }
                return .found(dossier.report)
            }
            let failures = try throttle.recordFailure(key: key ?? "", unlocks: unlocks, at: now)
            return .notFound(wait: policy.wait(afterFailures: failures))
        } catch {
            return .unavailable
        }
    }
}
