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
