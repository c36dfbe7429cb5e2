import BoardCore
import BoardStore

/// A piece of work for a lane: an effect the reducer asked for, or one the runtime needs itself.
public enum Job: Sendable, Hashable {
    case effect(Effect)
    /// The catalogue without its service summaries, which no first screen shows (see
    /// `BoardProgram.startForFirstFrame`).
    case firstCatalogue
    /// The board database changed or was opened anew: the dossier desk reads it afresh.
    case deskFollows

    /// The lane that does it: work that shares a resource shares a lane, and nothing slow shares
    /// a lane with a card or a reload.
    public var lane: Lane {
        switch self {
        case .firstCatalogue: return .content
        case .deskFollows: return .desk
        case .effect(let effect):
            switch effect {
            case .loadCatalogue, .loadService, .checkStore, .reopenStore: return .content
            case .loadSearchIndex: return .index
            case .lookUpDossier, .verifyStaffPin: return .desk
            case .saveCard: return .survey
            case .redraw, .quit, .staffExit: return .terminal
            }
        }
    }
}

/// Where jobs run, each lane one job at a time in the order given.
public enum Lane: Sendable, Hashable, CaseIterable {
    /// The board database as the screens read it: catalogue, cards, the watch for changes.
    case content
    /// The search index, built on a connection of its own.
    case index
    /// Dossier lookups and the staff PIN: slow hashes on purpose.
    case desk
    /// This terminal's survey file.
    case survey
    /// What only the terminal can do (repaint, end); never given to a runner.
    case terminal
}

/// What the lanes work with, and the work itself. Each lane's part is touched only by the job
/// running on that lane; a runner decides where and when that happens.
public final class BoardWork {
    /// The content lane's connection and the watch that replaces it when the file changes.
    private var store: BoardDatabase?
    private let watch: StoreWatch?
    /// Opens a connection of its own for the index lane (each build) and for the desk (whenever
    /// the database changed). Nil: they share the content lane's, which only a runner that runs
    /// every lane on one thread may do.
    private let openBoard: (() throws(StoreError) -> BoardDatabase)?
    private let surveyStore: SurveyStore?
    private var desk: DossierDesk?
    /// Opens a desk on a board connection (it keeps its throttle file; a later connection is
    /// handed to it with `follow`).
    private let makeDesk: ((BoardDatabase) -> DossierDesk?)?
    private let verifyStaffPin: ((String) -> Bool)?

    public init(
        store: BoardDatabase?, watch: StoreWatch? = nil,
        openBoard: (() throws(StoreError) -> BoardDatabase)? = nil,
        surveyStore: SurveyStore? = nil,
        desk: DossierDesk? = nil, makeDesk: ((BoardDatabase) -> DossierDesk?)? = nil,
        verifyStaffPin: ((String) -> Bool)? = nil
    ) {
        self.store = store
        self.watch = watch
        self.openBoard = openBoard
        self.surveyStore = surveyStore
        self.desk = desk
        self.makeDesk = makeDesk
        self.verifyStaffPin = verifyStaffPin
    }

    /// A connection of the calling lane's own, or the content lane's (see `openBoard`). A lane
    /// that reads a little (the desk) or everything once (the index) keeps few pages cached: the
    /// content lane's connection already holds the catalogue's.
    private func ownBoard() throws(StoreError) -> BoardDatabase? {
        guard let openBoard else { return store }
        let board = try openBoard()
        try board.limitPageCache(kibibytes: 256)
        return board
    }

    /// The dossier desk, once one is open (tests look at its counters).
    public var dossierDesk: DossierDesk? { desk }

    /// Does `job` on the calling thread and returns what it came to.
    public func run(_ job: Job) -> [Event] {
        switch job {
        case .firstCatalogue:
            return loadCatalogue(services: false)
        case .deskFollows:
            guard let board = try? ownBoard() else { return [] }
            if let desk { desk.follow(board) } else { desk = makeDesk?(board) }
            return []
        case .effect(let effect):
            return run(effect)
        }
    }

    private func run(_ effect: Effect) -> [Event] {
        switch effect {
        case .loadCatalogue:
            return loadCatalogue(services: true)
        case .loadService(let number):
            guard let store else { return [] }
            do {
                return [.serviceLoaded(number: number, try store.loadService(number: number))]
            } catch {
                return [.storeFailed(error)]
            }
        case .checkStore, .reopenStore:
            guard let watch else { return [] }
            return watch.check(&store, reopen: effect == .reopenStore).map { [$0] } ?? []
        case .loadSearchIndex:
            do {
                guard let source = try ownBoard() else { return [] }
                return [.searchIndexLoaded(try source.loadSearchIndex())]
            } catch {
                return [.storeFailed(error)]
            }
        case .saveCard(let card):
            guard let surveyStore else { return [.cardSaveFailed(.missing(path: "(no survey store)"))] }
            do {
                try surveyStore.save(card)
                return [.cardSaved]
            } catch {
                return [.cardSaveFailed(error)]
            }
        case .lookUpDossier(let number, let code):
            return [.dossierLookedUp(desk?.lookUp(number: number, code: code) ?? .unavailable)]
        case .verifyStaffPin(let pin):
            return [.staffPinChecked(verifyStaffPin?(pin) ?? false)]
        case .redraw, .quit, .staffExit:
            return []
        }
    }

    private func loadCatalogue(services: Bool) -> [Event] {
        guard let store else { return [.storeFailed(.missing(path: watch?.path ?? "(none)"))] }
        do {
            return [.catalogueLoaded(try store.loadCatalogue(services: services))]
        } catch {
            return [.storeFailed(error)]
        }
    }
}
