/// The board's state machine: every screen and transition, with no I/O.
public enum Board {
    /// Applies one event; returns the work to do outside.
    public static func reduce(_ state: inout BoardState, _ event: Event) -> [Effect] {
        let before = state.screen
        defer { forgetDossier(&state, leaving: before) }
        if let effects = interceptSession(&state, event) { return effects }
        switch event {
        case .tick(let now, _):
            state.now = now
            return surveyTick(&state)
        case .resize(let size):
            state.size = size
            clamp(&state)
            return []
        case .catalogueLoaded(let catalogue):
            let previous = state.catalogue
            state.catalogue = catalogue
            state.fault = nil
            state.searchIndex = nil
            if state.screen == .outOfOrder { state.place = Place(.attract); state.history = [] }
            if state.surveyMode && state.screen == .attract && catalogue.survey != nil { beginCard(&state) }
            clamp(&state)
            var effects = followRefresh(&state, previous: previous)
            // New content: the search index is rebuilt (at once if the visitor is searching).
            if state.screen == .search { effects.append(.loadSearchIndex) }
            return effects
        case .cardSaved:
            cardSaved(&state)
            return []
        case .cardSaveFailed(let error):
            state.survey.saving = false
            state.survey.saveFailed = true
            state.fault = error
            return []
        case .searchIndexLoaded(let index):
            state.searchIndex = index
            runSearch(&state)
            return []
        case .serviceLoaded(let number, let service):
            guard state.screen == .service(number: number) else { return [] }
            state.card = service.map(CardLoad.loaded) ?? .missing(number: number)
            clamp(&state)
            return []
        case .storeFailed(let error):
            state.fault = error
            if state.catalogue == nil {
                state.place = Place(.outOfOrder)
                state.history = []
            } else if case .service(let number) = state.screen, state.card?.number != number {
                state.card = .failed(number: number)
            }
            return []
        case .key(let key):
            return reduceKey(&state, key)
        case .tap(let column, let row):
            if state.size.isTooSmall { return [] }
            let frame = BoardView.render(state)
            guard let action = frame.action(at: column, row: row) else { return [] }
            return perform(&state, action)
        case .wheel(let delta):
            if state.size.isTooSmall { return [] }
            return perform(&state, .scroll(delta))
        case .action(let action):
            return perform(&state, action)
        case .dossierLookedUp(let outcome):
            return dossierLookedUp(&state, outcome)
        case .storeChecked, .staffPinChecked:
            return [] // handled in interceptSession
        }
    }

    static func reduceKey(_ state: inout BoardState, _ key: Key) -> [Effect] {
        switch key {
        case .control("l"): return [.redraw]
        case .control("c"): return state.settings.lockdown ? [] : [.quit]
        default: break
        }
        // While the screen is too small nothing the visitor cannot see may change.
        if state.size.isTooSmall || state.screen == .outOfOrder { return [] }
        if state.screen == .attract { return perform(&state, .wake) }
        if state.screen == .search { return reduceSearchKey(&state, key) }
        switch state.screen {
        case .survey, .surveyConfirm, .surveyThanks: return reduceSurveyKey(&state, key)
        default: break
        }
        if state.screen == .dossierLookup { return reduceLookupKey(&state, key) }
        switch key {
        case .escape, .backspace: return perform(&state, .back)
        case .home: return perform(&state, .home)
        case .character("l"), .character("L"), .character("л"), .character("Л"), .function(2):
            return perform(&state, .toggleLanguage)
        case .character("h"), .character("H"):
            return perform(&state, .home)
        case .character("/"), .function(3):
            return perform(&state, .openSearch)
        default: break
        }
        switch state.screen {
        case .home:
            let columns = Layout.homeColumns(state.size)
            switch key {
            case .up: move(&state, by: -columns, count: HomeItem.allCases.count)
            case .down: move(&state, by: columns, count: HomeItem.allCases.count)
            case .left, .backTab: move(&state, by: -1, count: HomeItem.allCases.count)
            case .right, .tab: move(&state, by: 1, count: HomeItem.allCases.count)
            case .enter:
                if let item = HomeItem(rawValue: state.place.selected) { return perform(&state, .activate(item)) }
            case .character(let c):
                if let digit = c.wholeNumberValue, let item = HomeItem(rawValue: digit - 1) {
                    state.place.selected = item.rawValue
                    return perform(&state, .activate(item))
                }
            default: break
            }
        case .categories, .services:
            let count = ListView.count(state)
            let page = Layout.listCapacity(state.size)
            switch key {
            case .up, .backTab: move(&state, by: -1, count: count)
            case .down, .tab: move(&state, by: 1, count: count)
            case .pageUp: move(&state, by: -page, count: count)
            case .pageDown: move(&state, by: page, count: count)
            case .end: move(&state, by: count, count: count)
            case .enter, .right: return perform(&state, .open(index: state.place.selected))
            case .left: return perform(&state, .back)
            case .character(let c):
                if state.screen == .categories, let digit = c.wholeNumberValue, digit >= 1, digit <= count {
                    return perform(&state, .open(index: digit - 1))
                }
            default: break
            }
        default:
            if state.screen.isDocument {
                switch key {
                case .up: scroll(&state, by: -1)
                case .down, .enter: scroll(&state, by: 1)
                case .pageUp: return perform(&state, .page(-1))
                case .pageDown, .character(" "): return perform(&state, .page(1))
                case .end: scroll(&state, by: Int.max / 2)
                case .left: return perform(&state, .back)
                default: break
                }
            }
        }
        return []
    }

    /// Carries out what a visitor meant, however they said it.
    static func perform(_ state: inout BoardState, _ action: Action) -> [Effect] {
        switch action {
        case .wake:
            if state.screen == .attract {
                state.history = [Place(.attract)]
                state.place = Place(.home)
            }
            return []
        case .back:
            if let previous = state.history.popLast(), previous.screen != .attract {
                state.place = previous
            } else {
                goToAttract(&state)
            }
            clamp(&state)
            return []
        case .home:
            if state.surveyMode {
                beginCard(&state)
                return []
            }
            state.history = [Place(.attract)]
            state.place = Place(.home)
            return []
        case .toggleLanguage:
            state.language = state.language.other
            clamp(&state)
            return []
        case .activate(let item):
            guard state.screen == .home else { return [] }
            state.place.selected = item.rawValue
            switch item {
            case .services: push(&state, .categories)
            case .search: return perform(&state, .openSearch)
            case .survey:
                if item.isAvailable(in: state.catalogue) { beginCard(&state) } else { push(&state, .unavailable(item)) }
            case .results: push(&state, .surveyResults)
            case .contacts: push(&state, .contacts)
            case .charter: push(&state, .page(.charter))
            case .complaints: push(&state, .page(.complaints))
            case .language: state.language = state.language.other
            case .dossier: openLookup(&state)
            }
            return []
        case .open(let index):
            guard let catalogue = state.catalogue else { return [] }
            switch state.screen {
            case .categories:
                guard catalogue.categories.indices.contains(index) else { return [] }
                state.place.selected = index
                push(&state, .services(category: catalogue.categories[index].id))
            case .services(let id):
                let services = catalogue.services(in: id)
                guard services.indices.contains(index) else { return [] }
                state.place.selected = index
                return openService(&state, services[index].number)
            case .search:
                guard state.search.results.indices.contains(index) else { return [] }
                state.place.selected = index
                return openService(&state, state.search.results[index])
            default: break
            }
            return []
        case .type, .deleteBackward, .clearQuery, .switchKeyboard, .toggleKeyboard:
            return isCommentScreen(state) ? performComment(&state, action) : performSearch(&state, action)
        case .openSearch, .browseCategories:
            return performSearch(&state, action)
        case .answer, .skipQuestion, .commentDone, .submitCard, .newCard:
            return performSurvey(&state, action)
        case .scroll(let lines):
            if state.screen == .search {
                move(&state, by: lines, count: state.search.results.count)
            } else if state.screen.isList {
                move(&state, by: lines, count: ListView.count(state))
            } else if state.screen.isDocument {
                scroll(&state, by: lines)
            }
            return []
        case .page(let pages):
            if state.screen == .search {
                move(&state, by: pages * SearchView.resultCapacity(state), count: state.search.results.count)
            } else if state.screen.isList {
                move(&state, by: pages * Layout.listCapacity(state.size), count: ListView.count(state))
            } else if state.screen.isDocument {
                scroll(&state, by: pages * max(1, Layout.body(state.size).height - 1))
            }
            return []
        case .dossier(let action):
            return performDossier(&state, action)
        }
    }

    /// Opens a service's card and asks the store for it.
    static func openService(_ state: inout BoardState, _ number: String) -> [Effect] {
        push(&state, .service(number: number))
        state.card = nil
        return [.loadService(number: number)]
    }

    static func push(_ state: inout BoardState, _ screen: Screen) {
        state.history.append(state.place)
        state.place = Place(screen)
    }

    /// Back to the idle loop: everything the visitor did is forgotten.
    static func goToAttract(_ state: inout BoardState) {
        if state.surveyMode && state.catalogue?.survey != nil {
            state.language = state.defaultLanguage
            state.card = nil
            state.search = SearchState()
            beginCard(&state)
            return
        }
        state.place = Place(.attract)
        state.history = []
        state.card = nil
        state.search = SearchState()
        state.survey = SurveyProgress(lastCardAt: state.survey.lastCardAt)
        state.language = state.defaultLanguage
    }

    /// Moves the focus in a list or menu, keeping it on screen.
    static func move(_ state: inout BoardState, by delta: Int, count: Int) {
        guard count > 0 else { return }
        state.place.selected = min(count - 1, max(0, state.place.selected + delta))
        clamp(&state)
    }

    static func scroll(_ state: inout BoardState, by delta: Int) {
        let proposed = state.place.scroll + delta
        state.place.scroll = proposed < 0 ? 0 : proposed
        clamp(&state)
    }

    /// Keeps focus and scroll inside what the current screen holds at the current size.
    /// Keeps a list's focus on an item and that item among the `capacity` rows shown.
    static func clampList(_ place: inout Place, count: Int, capacity: Int) {
        place.selected = min(max(0, count - 1), max(0, place.selected))
        if place.selected < place.scroll { place.scroll = place.selected }
        if place.selected >= place.scroll + capacity { place.scroll = place.selected - capacity + 1 }
        place.scroll = max(0, min(place.scroll, max(0, count - capacity)))
    }

    static func clamp(_ state: inout BoardState) {
        if state.screen == .search {
            clampList(&state.place, count: state.search.results.count, capacity: SearchView.resultCapacity(state))
        } else if state.screen.isList {
            clampList(&state.place, count: ListView.count(state), capacity: Layout.listCapacity(state.size))
        } else if let lines = Documents.lines(for: state) {
            let maxScroll = max(0, lines.count - Layout.body(state.size).height)
            state.place.scroll = min(max(0, state.place.scroll), maxScroll)
        }
    }
}
