import BoardCore
import BoardStore

/// Checks a number and code against the board database (read-only) and the kiosk's own
/// throttle file. The slow hash runs here, outside the reducer.
public final class DossierDesk {
    /// The board database it reads; replaced when the kiosk reopens the file (see BoardProgram).
    package var board: BoardDatabase
    package let throttle: ThrottleStore
    public var policy: ThrottlePolicy
    /// Seconds since the Unix epoch: the throttle file outlasts restarts (see `SystemClock`).
    package let clock: () -> Int
    /// A hash of a code nobody has, with the method and cost of the newest stored dossier's
    /// hash (dossiers may be imported with hashes made elsewhere), checked when the number is
    /// unknown so that the answer takes the same time.
    public private(set) var dummyHash: String
    /// How many slow hashes ran (tests check that every path does exactly one).
    public private(set) var hashesComputed = 0
    /// A monotonic clock in milliseconds, and a pause of so many milliseconds (tests replace them).
    package let monotonicMs: () -> Double
    package let pause: (Double) -> Void
    /// The longest a checked lookup took here, before its pause.
    public private(set) var slowestCheckMs = 0.0

    public init(
        board: BoardDatabase, throttle: ThrottleStore, policy: ThrottlePolicy = ThrottlePolicy(),
        clock: @escaping () -> Int = SystemClock.epochSeconds,
        monotonicMs: @escaping () -> Double = SystemClock.monotonicMilliseconds,
        pause: @escaping (Double) -> Void = SystemClock.sleep(milliseconds:)
    ) throws {
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
    package static func dummy(like newest: String?) throws -> String {
        let nobodys = try AccessCode.generate()
        if let newest, let like = SlowHash.make(nobodys, like: newest) { return like }
        return try SlowHash.make(nobodys)
    }

    /// Reads `board` from now on (the kiosk reopened the file), with a dummy hash made anew when
    /// its newest dossier's hash is of another method or cost.
    public func follow(_ board: BoardDatabase) {
        self.board = board
        if let newest = try? board.newestCodeHash(), SlowHash.setting(of: newest) != SlowHash.setting(of: dummyHash),
            let fresh = try? DossierDesk.dummy(like: newest)
        {
            dummyHash = fresh
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
            let codeMatches = SlowHash.verify(canonical, against: dossier?.codeHash ?? dummyHash)
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
