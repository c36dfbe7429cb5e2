import BoardCore
import BoardRuntime
import BoardStore
import BoardView

/// Runs the board's jobs on the test's thread, on a virtual clock the test moves: the board's
/// runtime with time as a test input, in the manner of swift-nio's `EmbeddedEventLoop`.
///
/// A job does its work when it starts (against the real store), but what it came to is handed
/// back only once its lane's `duration` has passed on the virtual clock. With no duration (the
/// default) a job is back by the next `completed()`, as if it had been instant.
public final class EmbeddedRunner: EffectRunner {
    public let work: BoardWork
    /// Milliseconds a job of each lane takes on the virtual clock.
    public var duration: [Lane: Int] = [:]
    /// Milliseconds on the virtual clock since the runner was made.
    public private(set) var now = 0
    /// Jobs started, by the moment they are done, in the order started.
    private var running: [(due: Int, completion: Completion)] = []
    /// Every job started, in order (tests look at what the board asked for).
    public private(set) var started: [Job] = []

    public init(work: BoardWork) {
        self.work = work
    }

    public func start(_ job: Job) {
        started.append(job)
        let events = work.run(job)
        let lane = job.lane
        // A lane does one job at a time: this one is done its duration after the lane is free.
        let free = running.filter { $0.completion.job.lane == lane }.map(\.due).max() ?? now
        running.append((max(free, now) + (duration[lane] ?? 0), Completion(job: job, events: events)))
    }

    public func runNow(_ job: Job) -> [Event] {
        work.run(job)
    }

    public func completed() -> [Completion] {
        let due = running.enumerated().filter { $0.element.due <= now }.sorted {
            ($0.element.due, $0.offset) < ($1.element.due, $1.offset)
        }
        let indices = Set(due.map(\.offset))
        running = running.enumerated().filter { !indices.contains($0.offset) }.map(\.element)
        return due.map(\.element.completion)
    }

    public var wakeDescriptor: Int32? { nil }

    /// Whether a job of `lane` is still running on the virtual clock.
    public func isBusy(_ lane: Lane) -> Bool {
        running.contains { $0.completion.job.lane == lane }
    }

    /// Moves the virtual clock forward.
    public func advance(milliseconds: Int) {
        now += milliseconds
    }
}

extension BoardProgram {
    /// A board on the embedded runtime, on `work` (a test's store and desks).
    public static func embedded(_ state: BoardState, work: BoardWork) -> BoardProgram {
        BoardProgram(state: state, runner: EmbeddedRunner(work: work))
    }

    /// The embedded runner this board runs on.
    public var embedded: EmbeddedRunner {
        guard let runner = runner as? EmbeddedRunner else { preconditionFailure("not an embedded board") }
        return runner
    }

    /// The dossier desk of the board's work, once open.
    public var dossierDesk: DossierDesk? { embedded.work.dossierDesk }

    /// Moves the board's time forward by `seconds`: jobs due by then come back, in order, and
    /// the clock ticks once a second as the kiosk's loop ticks it (monotonic seconds counted on
    /// from the last tick, the wall clock left where it is).
    public func advanceTime(by seconds: Double) {
        var left = Int((seconds * 1000).rounded())
        while left > 0 {
            // Up to the next whole second of the virtual clock, where the loop ticks.
            let step = min(left, 1000 - embedded.now % 1000)
            embedded.advance(milliseconds: step)
            left -= step
            deliverCompleted()
            if embedded.now % 1000 == 0 {
                send(.tick(state.now, monotonic: state.clock + 1))
            }
        }
        deliverCompleted()
    }
}
