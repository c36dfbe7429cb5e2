import BoardCore
import BoardView

/// The board's loop, without a terminal: feeds events through the reducer, hands the effects it
/// asks for to a runner (off the UI loop) and their results back in as events, keeps the
/// reducer's viewport in step with the view, and resolves taps against the frame last drawn.
/// The terminal drives it with real input and a `ThreadedRunner`; tests drive it with scripted
/// input and the test support's `EmbeddedRunner`.
public final class BoardProgram {
    public private(set) var state: BoardState
    public let runner: EffectRunner
    private let renderer = Renderer()
    /// The frame the visitor sees: taps are resolved against it.
    public private(set) var lastFrame: Frame?

    /// Effects only the terminal can carry out (redraw, quit, staff exit), in order.
    private var terminalEffects: [Effect] = []
    /// A look at the store is on its way: the next tick's look waits for it, so that a store
    /// locked for a while never piles up looks.
    private var storeLookPending = false
    /// Catalogues delivered so far, and the count when the index being built was asked for: an
    /// index built from older content than the catalogue on show is dropped, not shown.
    private var catalogues = 0
    private var indexBuilding: Int?
    private var indexAgain = false

    public init(state: BoardState, runner: EffectRunner) {
        self.state = state
        self.runner = runner
    }

    // MARK: - Starting

    /// Loads the catalogue without its service summaries, which no first screen shows (attract,
    /// or a survey terminal's first question): at 5,000 services they are two thirds of the work
    /// before the first frame. Call `completeCatalogue()` once that frame is drawn.
    public func startForFirstFrame() {
        receive(runner.runNow(.firstCatalogue))
    }

    /// Loads the whole catalogue, before the loop reads its first input.
    public func completeCatalogue() {
        receive(runner.runNow(.effect(.loadCatalogue)))
        runner.start(.deskFollows)
    }

    /// Loads the whole catalogue at once (tests and a board without a first frame to hurry).
    public func start() {
        receive(runner.runNow(.effect(.loadCatalogue)))
        runner.start(.deskFollows)
        deliverCompleted()
    }

    /// Builds the search index ahead of the first search while the board idles on its attract
    /// screen. New content drops the index (Reducer), and the next idle moment builds it again.
    public func prepareSearchIndex() {
        guard state.searchIndex == nil, state.catalogue != nil, state.screen == .attract else { return }
        perform([.loadSearchIndex])
    }

    // MARK: - Input and events

    /// A key, a tap, the wheel or a new size, as the terminal read it.
    public func input(_ input: Input) {
        switch input {
        case .key(let key): send(.key(key))
        case .tap(let column, let row): send(.action(lastFrame?.action(at: column, row: row) ?? .touch))
        case .wheel(let delta): send(.action(.scroll(delta)))
        case .resize(let size): send(.resize(size))
        }
    }

    /// Feeds one event through the reducer, starts what it asks for, and takes in whatever the
    /// runner has finished meanwhile.
    public func send(_ event: Event) {
        perform(Board.reduce(&state, event))
        deliverCompleted()
    }

    /// Takes in the jobs the runner finished; true when there were any.
    @discardableResult
    public func deliverCompleted() -> Bool {
        var any = false
        while true {
            let done = runner.completed()
            if done.isEmpty { break }
            any = true
            for completion in done { finished(completion) }
        }
        layOut()
        return any
    }

    /// Takes the effects the terminal must carry out.
    public func takeTerminalEffects() -> [Effect] {
        defer { terminalEffects = [] }
        return terminalEffects
    }

    /// The frame of the state now; taps are resolved against the last one rendered.
    public func render() -> Frame {
        let frame = renderer.render(state)
        lastFrame = frame
        return frame
    }

    // MARK: - Inside

    private func finished(_ completion: Completion) {
        switch completion.job {
        case .effect(.checkStore), .effect(.reopenStore):
            storeLookPending = false
        case .effect(.loadSearchIndex):
            let builtFor = indexBuilding
            indexBuilding = nil
            if builtFor != catalogues {
                // Built from content that has since been replaced.
                if indexAgain || state.screen == .search { perform([.loadSearchIndex]) }
                indexAgain = false
                return
            }
            indexAgain = false
        default:
            break
        }
        receive(completion.events)
    }

    /// Feeds events that came back from the runner.
    private func receive(_ events: [Event]) {
        for event in events {
            if case .catalogueLoaded = event { catalogues += 1 }
            if case .storeChecked(.changed) = event { runner.start(.deskFollows) }
            perform(Board.reduce(&state, event))
        }
    }

    private func perform(_ effects: [Effect]) {
        for effect in effects {
            switch effect {
            case .redraw, .quit, .staffExit:
                terminalEffects.append(effect)
            case .checkStore, .reopenStore:
                if storeLookPending { continue }
                storeLookPending = true
                runner.start(.effect(effect))
            case .loadSearchIndex:
                if indexBuilding == catalogues { continue }
                if indexBuilding != nil {
                    indexAgain = true
                    continue
                }
                indexBuilding = catalogues
                runner.start(.effect(effect))
            default:
                runner.start(.effect(effect))
            }
        }
    }

    /// Hands the reducer the view's measure of the screen on show after every change, so that
    /// focus and scroll fit what the visitor sees and the next key acts on it.
    private func layOut() {
        perform(Board.reduce(&state, .laidOut(renderer.viewport(of: state))))
        // Clamping moves nothing the layout depends on; should that ever change, measure again.
        let after = renderer.viewport(of: state)
        if after != state.viewport { perform(Board.reduce(&state, .laidOut(after))) }
    }
}
