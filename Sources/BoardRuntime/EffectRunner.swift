import BoardCore
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Carries out jobs away from the reducer, and hands back what they came to as events.
///
/// `ThreadedRunner` runs each lane on a thread of its own, so that the UI loop never waits for a
/// slow hash, an index build or a reload; the test support's `EmbeddedRunner` runs them on the
/// test's thread at moments the test chooses (`advanceTime`).
public protocol EffectRunner: AnyObject {
    /// Starts `job`; what it came to comes back through `completed()`.
    func start(_ job: Job)
    /// Does `job` on the calling thread and waits for it: only before the loop reads its first
    /// input (the first frame), when nothing else runs.
    func runNow(_ job: Job) -> [Event]
    /// The jobs finished since the last call, in the order they finished.
    func completed() -> [Completion]
    /// A descriptor that becomes readable when a job finishes, for the loop to wait on beside its
    /// input; nil when the runner has none.
    var wakeDescriptor: Int32? { get }
}

/// Runs every lane on a serial dispatch queue of its own.
public final class ThreadedRunner: EffectRunner {
    /// The work, touched by one lane's queue at a time: each lane's part only by its own queue,
    /// and `runNow` only before any queue has work. That confinement is what makes it safe to
    /// hand the work to the queues.
    private final class Confined: @unchecked Sendable {
        let work: BoardWork
        init(_ work: BoardWork) { self.work = work }
    }

    private let work: Confined
    private let queues: [Lane: DispatchQueue]
    private let mailbox = Mailbox()

    public init(work: BoardWork) {
        self.work = Confined(work)
        var queues: [Lane: DispatchQueue] = [:]
        for lane in Lane.allCases where lane != .terminal {
            queues[lane] = DispatchQueue(label: "board.\(lane)", qos: lane == .index ? .utility : .userInitiated)
        }
        self.queues = queues
    }

    public func start(_ job: Job) {
        guard let queue = queues[job.lane] else { return }
        let work = self.work
        let mailbox = self.mailbox
        queue.async { mailbox.post(Completion(job: job, events: work.work.run(job))) }
    }

    public func runNow(_ job: Job) -> [Event] {
        guard let queue = queues[job.lane] else { return [] }
        let work = self.work
        return queue.sync { work.work.run(job) }
    }

    public func completed() -> [Completion] {
        mailbox.take()
    }

    public var wakeDescriptor: Int32? { mailbox.readDescriptor }
}

/// A job done, and the events it came to (none, for a look that found nothing new).
public struct Completion: Sendable {
    public var job: Job
    public var events: [Event]

    public init(job: Job, events: [Event]) {
        self.job = job
        self.events = events
    }
}

/// Where lanes leave what they did for the UI loop, with a pipe that wakes the loop's wait.
final class Mailbox: Sendable {
    private let done = Mutex<[Completion]>([])
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            fds = [-1, -1]
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        if readDescriptor >= 0 { close(readDescriptor) }
        if writeDescriptor >= 0 { close(writeDescriptor) }
    }

    func post(_ completion: Completion) {
        done.withLock { $0.append(completion) }
        var byte: UInt8 = 1
        // A full pipe already holds a wake-up; nothing more is needed.
        _ = write(writeDescriptor, &byte, 1)
    }

    func take() -> [Completion] {
        var sink = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &sink, sink.count) > 0 {}
        return done.withLock { taken in
            defer { taken = [] }
            return taken
        }
    }
}

/// Runs every job at once on the calling thread: what a job came to is there by the next
/// `completed()`. For measuring the work of a key in process (kiosk-bench), where a thread hop
/// would only add noise; the board itself uses `ThreadedRunner`.
public final class InlineRunner: EffectRunner {
    private let work: BoardWork
    private var done: [Completion] = []

    public init(work: BoardWork) {
        self.work = work
    }

    public func start(_ job: Job) {
        done.append(Completion(job: job, events: work.run(job)))
    }

    public func runNow(_ job: Job) -> [Event] {
        work.run(job)
    }

    public func completed() -> [Completion] {
        defer { done = [] }
        return done
    }

    public var wakeDescriptor: Int32? { nil }
}
