/// Time, idle reset, live refresh and store faults: the part of the state machine that guards a
/// board left alone in a lobby. `Board.reduce` asks `interceptSession` first; nil means "not
/// handled here, go on as usual".
extension Board {
    static func interceptSession(_ state: inout BoardState, _ event: Event) -> [Effect]? {
        switch event {
        case .tick(let now, let monotonic):
            state.now = now
            let clock = monotonic ?? now.wallSeconds
            if let previous = state.session.clock, clock < previous { rebase(&state, by: clock - previous) }
            state.session.clock = clock
            return tickSession(&state) + surveyTick(&state)
        case .key(let key):
            return interceptKey(&state, key)
        case .tap, .wheel, .action:
            // The staff prompt is typed; a tap beside it must not move the board underneath.
            if state.session.staffPrompt != nil { return [] }
            return noteInput(&state) ? [] : nil
        case .storeChecked(let check):
            return storeChecked(&state, check)
        case .staffPinChecked(let right):
            return staffPinChecked(&state, right)
        case .storeFailed(let error):
            // A reload asked for by a refresh failed: the content can no longer be trusted.
            guard state.session.reloading else { return nil }
            state.session.reloading = false
            goOutOfOrder(&state, error)
            return []
        case .catalogueLoaded(let catalogue):
            state.session.reloading = false
            let phone = catalogue.municipality.helpdeskPhone
            if !phone.isEmpty { state.session.lastKnownPhone = phone }
            return nil
        default:
            return nil
        }
    }

    /// A clock that went backwards (another clock source): deadlines keep their distance.
    static func rebase(_ state: inout BoardState, by delta: Int) {
        state.session.lastInput = state.session.lastInput.map { $0 + delta }
        state.session.resetAt = state.session.resetAt.map { $0 + delta }
        state.session.pinLockedUntil = state.session.pinLockedUntil.map { $0 + delta }
        state.session.notice?.until += delta
    }

    /// Records a visitor's key or tap. True when it only dismissed the idle warning (and must do
    /// nothing else: the visitor continues where they were).
    static func noteInput(_ state: inout BoardState) -> Bool {
        // Before the first tick there is no clock yet; counting starts at the next tick.
        state.session.lastInput = state.session.clock
        if state.session.resetAt != nil {
            state.session.resetAt = nil
            return true
        }
        return false
    }

    /// Once a second: the store is looked at, notices expire, the idle warning counts down.
    static func tickSession(_ state: inout BoardState) -> [Effect] {
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
    static let staffPromptSeconds = 30

    /// The idle time of the screen on show: shorter where a visitor's own data is.
    static func idleTimeout(_ state: BoardState) -> Int {
        state.screen.holdsPersonalData ? state.settings.dossierIdleTimeout : state.settings.idleTimeout
    }

    /// Back to the attract screen, forgetting everything the visitor did or typed.
    static func resetVisitor(_ state: inout BoardState) {
        goToAttract(&state)
        state.session.resetAt = nil
        state.session.lastInput = nil
        state.session.notice = nil
        state.session.staffPrompt = nil
        state.session.recentKeys = []
    }

    static func goOutOfOrder(_ state: inout BoardState, _ error: StoreError) {
        state.fault = error
        guard state.screen != .outOfOrder else { return }
        resetVisitor(&state)
        state.place = Place(.outOfOrder)
        state.history = []
    }

    static func storeChecked(_ state: inout BoardState, _ check: StoreCheck) -> [Effect] {
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
    static func followRefresh(_ state: inout BoardState, previous: Catalogue?) -> [Effect] {
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
                let category = state.card?.service?.category
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
        clamp(&state)
        return effects
    }

    /// Leaves a withdrawn card or topic for its topic's list (or the list of topics).
    static func leaveForCategory(_ state: inout BoardState, _ category: String?, catalogue: Catalogue) {
        // Back through the history to the list the visitor came from, if it still exists.
        while let previous = state.history.popLast() {
            if case .services(let id) = previous.screen, catalogue.category(id) != nil, category == nil || category == id {
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
            state.history.append(Place(.categories, selected: catalogue.categories.firstIndex { $0.id == category } ?? 0))
            state.place = Place(.services(category: category))
        } else {
            state.place = Place(.categories)
        }
        state.card = nil
    }

    /// The same item stays focused in a list whose items moved.
    static func remap(_ place: Place, from old: Catalogue, to new: Catalogue) -> Place {
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
    static func notify(_ state: inout BoardState, _ text: LocalizedText) {
        let clock = state.session.clock ?? state.now.wallSeconds
        state.session.notice = Notice(text: text, until: clock + noticeSeconds)
    }

    static let noticeSeconds = 8
}

extension Screen {
    /// Screens that show or take a visitor's own data get the shorter idle timeout
    /// (`idle_timeout_dossier`). The dossier screens of issue 3 belong here when they land.
    public var holdsPersonalData: Bool {
        switch self {
        case .unavailable(.dossier), .dossierLookup, .dossierResult: return true
        default: return false
        }
    }
}

extension Catalogue {
    /// Every service summary, in no particular order.
    var allServices: [ServiceSummary] { services.values.flatMap { $0 } }

    func containsService(_ number: String) -> Bool {
        services.values.contains { $0.contains { $0.number == number } }
    }
}
