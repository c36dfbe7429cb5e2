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
    /// Every checked lookup takes at least this long (milliseconds), and at least a quarter more
    /// than the slowest this kiosk has seen (up to a second), whatever its answer: stored hashes may be of
    /// different methods and costs (a registry imports its own), and a wrong number must not
    /// answer sooner or later than a wrong code.
    public var checkFloorMs = 100.0

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
    public private(set) var dummyHash: String
    /// How many slow hashes ran (tests check that every path does exactly one).
    public private(set) var hashesComputed = 0
    /// A monotonic clock in milliseconds, and a pause of so many milliseconds (tests replace them).
    let monotonicMs: () -> Double
    let pause: (Double) -> Void
    /// The longest a checked lookup took here, before its pause.
    public private(set) var slowestCheckMs = 0.0

    public init(board: BoardStore, throttle: ThrottleStore, policy: ThrottlePolicy = ThrottlePolicy(),
                clock: @escaping () -> Int = { Int(time(nil)) },
                monotonicMs: @escaping () -> Double = DossierDesk.monotonicMilliseconds,
                pause: @escaping (Double) -> Void = DossierDesk.sleep(milliseconds:)) throws(RandomSourceError) {
        self.board = board
        self.throttle = throttle
        self.policy = policy
        self.clock = clock
        self.monotonicMs = monotonicMs
        self.pause = pause
        self.dummyHash = try DossierDesk.dummy(like: try? board.newestCodeHash())
    }

    /// A hash of a code nobody has, with the method and cost of `newest` (the newest dossier's
    /// hash), or a new code's method when there is none.
    static func dummy(like newest: String?) throws(RandomSourceError) -> String {
        let nobodys = try AccessCode.generate()
        if let newest, let like = CodeHash.make(nobodys, like: newest) { return like }
        return try CodeHash.make(nobodys)
    }

    /// Reads `board` from now on (the kiosk reopened the file), with a dummy hash made anew when
    /// its newest dossier's hash is of another method or cost.
    public func follow(_ board: BoardStore) {
        self.board = board
        if let newest = try? board.newestCodeHash(), CodeHash.setting(of: newest) != CodeHash.setting(of: dummyHash),
           let fresh = try? DossierDesk.dummy(like: newest) {
            dummyHash = fresh
        }
    }

    public static func monotonicMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
    }

    public static func sleep(milliseconds: Double) {
        guard milliseconds > 0 else { return }
        var left = timespec(tv_sec: Int(milliseconds / 1000), tv_nsec: Int(milliseconds.truncatingRemainder(dividingBy: 1000) * 1_000_000))
        var rest = timespec()
        while nanosleep(&left, &rest) != 0 && errno == EINTR { left = rest }
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
            let started = monotonicMs()
            defer {
                // Pad every checked lookup to the same length (see `ThrottlePolicy.checkFloorMs`).
                let took = monotonicMs() - started
                slowestCheckMs = max(slowestCheckMs, took)
                // A lookup slowed once by a busy machine must not slow every later one for good.
                pause(max(policy.checkFloorMs, min(slowestCheckMs * 1.25, 1000)) - took)
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
