/// Runs the state machine against a store: effects are carried out at once and their results fed
/// back as events. The terminal drives it with real input; tests drive it with scripted input.
public final class BoardProgram {
    public private(set) var state: BoardState
    var store: BoardStore?
    /// Where this terminal's survey cards go.
    let surveyStore: SurveyStore?
    /// Checks dossier lookups; nil when this kiosk cannot (the lookup then says so).
    public var dossierDesk: DossierDesk?
    /// Opens a desk on a board store, for a kiosk that started without its database.
    public var makeDossierDesk: ((BoardStore) -> DossierDesk?)?
    /// Live refresh and fault recovery (Runtime/StoreWatch.swift); nil: the store is never re-read.
    public var storeWatch: StoreWatch?
    /// Checks a staff PIN against the configured hash (KioskTUI supplies it; nil: always wrong).
    public var staffPinVerifier: ((String) -> Bool)?

    /// Effects only the terminal can carry out (redraw, quit), in order.
    public private(set) var pendingTerminalEffects: [Effect] = []

    public init(state: BoardState, store: BoardStore?, surveyStore: SurveyStore? = nil) {
        self.state = state
        self.store = store
        self.surveyStore = surveyStore
    }

    /// Loads the catalogue; call once at start.
    public func start() {
        run([.loadCatalogue])
    }

    /// Loads the catalogue without its service summaries, which no first screen shows (attract,
    /// or a survey terminal's first question): at 5,000 services they are two thirds of the work
    /// before the first frame. Call `completeCatalogue()` once that frame is drawn, before any input.
    public func startForFirstFrame() {
        guard let store else { return start() }
        do {
            run(Board.reduce(&state, .catalogueLoaded(try store.loadCatalogue(services: false))))
            incomplete = true
        } catch {
            run(Board.reduce(&state, .storeFailed(error)))
        }
    }

    /// Loads the whole catalogue after `startForFirstFrame()`.
    public func completeCatalogue() {
        guard incomplete else { return }
        incomplete = false
        run([.loadCatalogue])
    }

    /// The catalogue in the state lacks its service summaries (see `startForFirstFrame`).
    private var incomplete = false

    /// Builds the search index ahead of the first search while the board idles on its attract
    /// screen: at 5,000 services it takes about 0.3 s, which the first search would otherwise wait.
    /// New content drops the index (Reducer), and the next idle moment builds it again.
    public func prepareSearchIndex() {
        guard state.searchIndex == nil, state.catalogue != nil, state.screen == .attract else { return }
        run([.loadSearchIndex])
    }

    /// A reopened (or first opened) board database: lookups read it from now on, not the old
    /// file, which may have been deleted or replaced.
    func follow(_ store: BoardStore) {
        if let desk = dossierDesk {
            desk.follow(store)
        } else {
            dossierDesk = makeDossierDesk?(store)
        }
    }

    /// Feeds one event through the reducer and runs what it asks for.
    public func send(_ event: Event) {
        run(Board.reduce(&state, event))
    }

    /// Takes the effects the terminal must carry out.
    public func takeTerminalEffects() -> [Effect] {
        defer { pendingTerminalEffects = [] }
        return pendingTerminalEffects
    }

    public func render() -> Frame {
        BoardView.render(state)
    }

    private func run(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .loadCatalogue:
                guard let store else { queue += Board.reduce(&state, .storeFailed(.missing(path: "(none)"))); continue }
                do {
                    queue += Board.reduce(&state, .catalogueLoaded(try store.loadCatalogue()))
                } catch {
                    queue += Board.reduce(&state, .storeFailed(error))
                }
            case .loadService(let number):
                guard let store else { continue }
                do {
                    queue += Board.reduce(&state, .serviceLoaded(number: number, try store.loadService(number: number)))
                } catch {
                    queue += Board.reduce(&state, .storeFailed(error))
                }
            case .loadSearchIndex:
                guard let store else { continue }
                do {
                    queue += Board.reduce(&state, .searchIndexLoaded(try store.loadSearchIndex()))
                } catch {
                    queue += Board.reduce(&state, .storeFailed(error))
                }
            case .saveCard(let card):
                guard let surveyStore else {
                    queue += Board.reduce(&state, .cardSaveFailed(.missing(path: "(no survey store)")))
                    continue
                }
                do {
                    try surveyStore.save(card)
                    queue += Board.reduce(&state, .cardSaved)
                } catch {
                    queue += Board.reduce(&state, .cardSaveFailed(error))
                }
            case .lookUpDossier(let number, let code):
                queue += Board.reduce(&state, .dossierLookedUp(dossierDesk?.lookUp(number: number, code: code) ?? .unavailable))
            case .checkStore, .reopenStore:
                let before = store
                if let event = storeWatch?.check(&store, reopen: effect == .reopenStore) { queue += Board.reduce(&state, event) }
                if let store, store !== before { follow(store) }
            case .verifyStaffPin(let pin):
                queue += Board.reduce(&state, .staffPinChecked(staffPinVerifier?(pin) ?? false))
            case .redraw, .quit, .staffExit:
                pendingTerminalEffects.append(effect)
            }
        }
    }
}
