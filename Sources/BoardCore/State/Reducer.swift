/// The board's state machine: every screen and transition, with no I/O.
public enum Board {
    /// Applies one event; returns the work to do outside. Every event is handled here, in one
    /// switch; the other files of the state machine hold what the branches call.
    public static func reduce(_ state: inout BoardState, _ event: Event) -> [Effect] {
        let before = state.screen
        defer { forgetDossier(&state, leaving: before) }
        switch event {
        case .key(let key):
            return keyPressed(&state, key)
        case .action(let action):
            // The staff prompt is typed; a tap beside it must not move the board underneath.
            if state.session.staffPrompt != nil { return [] }
            if noteInput(&state) || state.size.isTooSmall { return [] }
            return perform(&state, action)
        case .resize(let size):
            state.size = size
            return []
        case .laidOut(let viewport):
            state.viewport = viewport
            clamp(&state)
            return []
        case .tick(let now, let monotonic):
            return ticked(&state, now: now, monotonic: monotonic)
        case .catalogueLoaded(let catalogue):
            return catalogueLoaded(&state, catalogue)
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
            return []
        case .storeFailed(let error):
            return storeFailed(&state, error)
        case .dossierLookedUp(let outcome):
            return dossierLookedUp(&state, outcome)
        case .storeChecked(let check):
            return storeChecked(&state, check)
        case .staffPinChecked(let right):
            return staffPinChecked(&state, right)
        }
    }

    /// A key: the staff prompt and the staff sequence first, then lockdown, then the screen.
    package static func keyPressed(_ state: inout BoardState, _ key: Key) -> [Effect] {
        if state.session.staffPrompt != nil { return staffPromptKey(&state, key) }
        if staffSequenceCompleted(&state, key) { return [] }
        if state.settings.lockdown && isLockedKey(key) { return [] }
        if noteInput(&state) { return [] }
        switch key {
        case .control("l"): return [.redraw]
        case .control("c"): return state.settings.lockdown ? [] : [.quit]
        default: break
        }
        // While the screen is too small nothing the visitor cannot see may change.
        if state.size.isTooSmall || state.screen == .outOfOrder { return [] }
        switch state.screen {
        case .attract: return perform(&state, .wake)
        case .search: return reduceSearchKey(&state, key)
        case .survey, .surveyConfirm, .surveyThanks: return reduceSurveyKey(&state, key)
        case .dossierLookup: return reduceLookupKey(&state, key)
        default: break
        }
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
            let count = HomeItem.allCases.count
            let columns = state.viewport.choicesPerRow
            switch key {
            case .up: move(&state, by: -columns, count: count)
            case .down: move(&state, by: columns, count: count)
            case .left, .backTab: move(&state, by: -1, count: count)
            case .right, .tab: move(&state, by: 1, count: count)
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
            let count = state.listCount
            let page = state.viewport.itemsPerPage
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
                case .end: state.place.scroll = state.viewport.lastScroll
                case .left: return perform(&state, .back)
                default: break
                }
            }
        }
        return []
    }

    /// Carries out what a visitor meant, however they said it.
    package static func perform(_ state: inout BoardState, _ action: Action) -> [Effect] {
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
            return []
        case .touch:
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
            if state.screen == .search || state.screen.isList {
                move(&state, by: lines, count: state.listCount)
            } else if state.screen.isDocument {
                scroll(&state, by: lines)
            }
            return []
        case .page(let pages):
            if state.screen == .search || state.screen.isList {
                move(&state, by: pages * state.viewport.itemsPerPage, count: state.listCount)
            } else if state.screen.isDocument {
                scroll(&state, by: pages * max(1, state.viewport.linesPerPage - 1))
            }
            return []
        case .dossier(let action):
            return performDossier(&state, action)
        }
    }

    /// Opens a service's card and asks the store for it.
    package static func openService(_ state: inout BoardState, _ number: String) -> [Effect] {
        push(&state, .service(number: number))
        state.card = nil
        return [.loadService(number: number)]
    }

    package static func push(_ state: inout BoardState, _ screen: Screen) {
        state.history.append(state.place)
        state.place = Place(screen)
    }

    /// Back to the idle loop: everything the visitor did is forgotten.
    package static func goToAttract(_ state: inout BoardState) {
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
    package static func move(_ state: inout BoardState, by delta: Int, count: Int) {
        guard count > 0 else { return }
        state.place.selected = min(count - 1, max(0, state.place.selected + delta))
        clamp(&state)
    }

    package static func scroll(_ state: inout BoardState, by delta: Int) {
        let proposed = state.place.scroll + delta
        state.place.scroll = proposed < 0 ? 0 : proposed
        clamp(&state)
    }

    /// Keeps a list's focus on an item and that item among the `capacity` rows shown.
    package static func clampList(_ place: inout Place, count: Int, capacity: Int) {
        place.selected = min(max(0, count - 1), max(0, place.selected))
        if place.selected < place.scroll { place.scroll = place.selected }
        if place.selected >= place.scroll + capacity { place.scroll = place.selected - capacity + 1 }
        place.scroll = max(0, min(place.scroll, max(0, count - capacity)))
    }

    /// Keeps focus and scroll inside what the screen on show holds, as the view last laid it out.
    /// Called where the viewport is that of the screen on show: on `.laidOut` and on moves within
    /// a screen (a change of screen is laid out, and so clamped, before the next input).
    package static func clamp(_ state: inout BoardState) {
        if state.screen == .search || state.screen.isList {
            clampList(&state.place, count: state.listCount, capacity: state.viewport.itemsPerPage)
        } else if state.screen.isDocument {
            state.place.scroll = min(max(0, state.place.scroll), state.viewport.lastScroll)
        }
    }
}

extension BoardState {
    /// How many items the list on show holds: topics, a topic's services, or search results.
    public var listCount: Int {
        switch screen {
        case .categories: return catalogue?.categories.count ?? 0
        case .services(let id): return catalogue?.services(in: id).count ?? 0
        case .search: return search.results.count
        default: return 0
        }
    }
}
