/// Time, idle reset, live refresh and store faults: the part of the state machine that guards a
/// board left alone in a lobby.
extension Board {
    /// The clock ticked (once a second): wall time for the screen, monotonic time for the waits.
    package static func ticked(_ state: inout BoardState, now: LocalTime, monotonic clock: Int) -> [Effect] {
        state.now = now
        if let previous = state.session.clock, clock < previous { rebase(&state, by: clock - previous) }
        state.session.clock = clock
        return tickSession(&state) + surveyTick(&state)
    }

    /// New content: shown at once, the visitor kept where they were.
    package static func catalogueLoaded(_ state: inout BoardState, _ catalogue: Catalogue) -> [Effect] {
        state.session.reloading = false
        let phone = catalogue.municipality.helpdeskPhone
        if !phone.isEmpty { state.session.lastKnownPhone = phone }
        let previous = state.catalogue
        state.catalogue = catalogue
        state.fault = nil
        state.searchIndex = nil
        if state.screen == .outOfOrder { state.place = Place(.attract); state.history = [] }
        if state.surveyMode && state.screen == .attract && catalogue.survey != nil { beginCard(&state) }
        var effects = followRefresh(&state, previous: previous)
        // New content: the search index is rebuilt (at once if the visitor is searching).
        if state.screen == .search { effects.append(.loadSearchIndex) }
        return effects
    }

    /// The store could not give what was asked.
    package static func storeFailed(_ state: inout BoardState, _ error: StoreError) -> [Effect] {
        if state.session.reloading {
            // A reload asked for by a refresh failed: the content can no longer be trusted.
            state.session.reloading = false
            goOutOfOrder(&state, error)
            return []
        }
        state.fault = error
        if state.catalogue == nil {
            state.place = Place(.outOfOrder)
            state.history = []
        } else if case .service(let number) = state.screen, state.card?.number != number {
            state.card = .failed(number: number)
        }
        return []
    }

    /// A clock that went backwards (another clock source): deadlines keep their distance.
    package static func rebase(_ state: inout BoardState, by delta: Int) {
        state.session.lastInput = state.session.lastInput.map { $0 + delta }
        state.session.resetAt = state.session.resetAt.map { $0 + delta }
        state.session.pinLockedUntil = state.session.pinLockedUntil.map { $0 + delta }
        state.session.notice?.until += delta
    }

    /// Records a visitor's key or tap. True when it only dismissed the idle warning (and must do
    /// nothing else: the visitor continues where they were).
    package static func noteInput(_ state: inout BoardState) -> Bool {
        // Before the first tick there is no clock yet; counting starts at the next tick.
        state.session.lastInput = state.session.clock
        if state.session.resetAt != nil {
            state.session.resetAt = nil
            return true
        }
        return false
    }

    /// Once a second: the store is looked at, notices expire, the idle warning counts down.
    package static func tickSession(_ state: inout BoardState) -> [Effect] {
        guard let clock = state.session.clock else { return [.checkStore] }
        if let notice = state.session.notice, clock >= notice.until { state.session.notice = nil }
        let last = state.session.lastInput ?? clock
        state.session.lastInput = last
        if state.session.staffPrompt != nil {
            // A staff prompt left alone closes by itself; it never shows the idle warning.
            if clock - last >= staffPromptSeconds { state.session.staffPrompt = nil }
            return [.checkStore]
        }
        if state.screen == .outOfOrder {
            state.session.resetAt = nil
            return [.reopenStore]
        }
        if state.screen == .attract {
            state.session.resetAt = nil
            return [.checkStore]
        }
        if let resetAt = state.session.resetAt {
            if clock >= resetAt { resetVisitor(&state) }
        } else if clock - last >= idleTimeout(state) {
            state.session.resetAt = clock + max(20, state.settings.warningSeconds)
        }
        return [.checkStore]
    }

    /// Seconds a staff prompt stays open without a key.
    package static let staffPromptSeconds = 30

    /// The idle time of the screen on show: shorter where a visitor's own data is.
    package static func idleTimeout(_ state: BoardState) -> Int {
        state.screen.holdsPersonalData ? state.settings.dossierIdleTimeout : state.settings.idleTimeout
    }

    /// Back to the attract screen, forgetting everything the visitor did or typed.
    package static func resetVisitor(_ state: inout BoardState) {
        goToAttract(&state)
        state.session.resetAt = nil
        state.session.lastInput = nil
        state.session.notice = nil
        state.session.staffPrompt = nil
        state.session.recentKeys = []
    }

    package static func goOutOfOrder(_ state: inout BoardState, _ error: StoreError) {
        state.fault = error
        guard state.screen != .outOfOrder else { return }
        resetVisitor(&state)
        state.place = Place(.outOfOrder)
        state.history = []
    }

    package static func storeChecked(_ state: inout BoardState, _ check: StoreCheck) -> [Effect] {
        switch check {
        case .changed:
            state.session.reloading = true
            return [.loadCatalogue]
        case .failed(let error):
            goOutOfOrder(&state, error)
            return []
        }
    }

    /// After a new catalogue replaced an old one: keep the visitor where they were. The same
    /// list item stays focused; an open card is reloaded in place (no blank frame in between);
    /// a card or topic that is gone sends the visitor to the nearest thing that still exists,
    /// with a short notice.
    package static func followRefresh(_ state: inout BoardState, previous: Catalogue?) -> [Effect] {
        guard let previous, let catalogue = state.catalogue else { return [] }
        state.place = remap(state.place, from: previous, to: catalogue)
        state.history = state.history.map { remap($0, from: previous, to: catalogue) }.filter { place in
            // Back never leads into a topic that was withdrawn.
            if case .services(let id) = place.screen { return catalogue.category(id) != nil }
            return true
        }
        var effects: [Effect] = []
        switch state.screen {
        case .service(let number):
            if catalogue.containsService(number) {
                effects.append(.loadService(number: number))
            } else {
                let category =
                    state.card?.service?.category
                    ?? previous.allServices.first { $0.number == number }?.category
                leaveForCategory(&state, category, catalogue: catalogue)
                notify(&state, UIText.serviceWithdrawn)
            }
        case .services(let id) where catalogue.category(id) == nil:
            leaveForCategory(&state, nil, catalogue: catalogue)
            notify(&state, UIText.topicWithdrawn)
        default:
            break
        }
        return effects
    }

    /// Leaves a withdrawn card or topic for its topic's list (or the list of topics).
    package static func leaveForCategory(_ state: inout BoardState, _ category: String?, catalogue: Catalogue) {
        // Back through the history to the list the visitor came from, if it still exists.
        while let previous = state.history.popLast() {
            if case .services(let id) = previous.screen, catalogue.category(id) != nil,
                category == nil || category == id
            {
                state.place = previous
                state.card = nil
                return
            }
            if previous.screen == .categories {
                if let category, catalogue.category(category) != nil {
                    state.history.append(previous)
                    state.place = Place(.services(category: category))
                } else {
                    state.place = previous
                }
                state.card = nil
                return
            }
        }
        state.history = [Place(.attract), Place(.home, selected: HomeItem.services.rawValue)]
        if let category, catalogue.category(category) != nil {
            state.history.append(
                Place(.categories, selected: catalogue.categories.firstIndex { $0.id == category } ?? 0))
            state.place = Place(.services(category: category))
        } else {
            state.place = Place(.categories)
        }
        state.card = nil
    }

    /// The same item stays focused in a list whose items moved.
    package static func remap(_ place: Place, from old: Catalogue, to new: Catalogue) -> Place {
        var place = place
        switch place.screen {
        case .categories:
            guard old.categories.indices.contains(place.selected) else { return place }
            let id = old.categories[place.selected].id
            if let index = new.categories.firstIndex(where: { $0.id == id }) {
                place.scroll += index - place.selected
                place.selected = index
            }
        case .services(let category):
            let before = old.services(in: category)
            guard before.indices.contains(place.selected) else { return place }
            let number = before[place.selected].number
            if let index = new.services(in: category).firstIndex(where: { $0.number == number }) {
                place.scroll += index - place.selected
                place.selected = index
            }
        default:
            break
        }
        place.scroll = max(0, place.scroll)
        return place
    }

    /// Shows a short notice over the screen for a few seconds.
    package static func notify(_ state: inout BoardState, _ text: LocalizedText) {
        state.session.notice = Notice(text: text, until: state.clock + noticeSeconds)
    }

    package static let noticeSeconds = 8
}

extension Screen {
    /// Screens that show or take a visitor's own data get the shorter idle timeout
    /// (`idle_timeout_dossier`).
    public var holdsPersonalData: Bool {
        switch self {
        case .unavailable(.dossier), .dossierLookup, .dossierResult: return true
        default: return false
        }
    }
}

extension Catalogue {
    /// Every service summary, in no particular order.
    package var allServices: [ServiceSummary] { services.values.flatMap { $0 } }

    package func containsService(_ number: String) -> Bool {
        services.values.contains { $0.contains { $0.number == number } }
    }
}
