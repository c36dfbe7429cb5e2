extension Board {
    /// Keys on the search screen: printable characters type, everything else navigates.
    package static func reduceSearchKey(_ state: inout BoardState, _ key: Key) -> [Effect] {
        switch key {
        case .escape: return perform(&state, .back)
        case .backspace:
            return state.search.query.isEmpty ? perform(&state, .back) : perform(&state, .deleteBackward)
        case .home: return perform(&state, .home)
        case .function(2): return perform(&state, .toggleLanguage)
        case .control("u"): return perform(&state, .clearQuery)
        case .tab: return perform(&state, .toggleKeyboard)
        case .up: move(&state, by: -1, count: state.search.results.count)
        case .down: move(&state, by: 1, count: state.search.results.count)
        case .pageUp: return perform(&state, .page(-1))
        case .pageDown: return perform(&state, .page(1))
        case .enter:
            if !state.search.results.isEmpty { return perform(&state, .open(index: state.place.selected)) }
        case .character(let c):
            return perform(&state, .type(String(c)))
        default: break
        }
        return []
    }

    package static func performSearch(_ state: inout BoardState, _ action: Action) -> [Effect] {
        switch action {
        case .openSearch:
            guard state.screen != .search else { return [] }
            state.search = SearchState()
            state.search.keyboard = state.language == .bg ? .bulgarian : .latin
            push(&state, .search)
            return state.searchIndex == nil ? [.loadSearchIndex] : []
        case .type(let text):
            guard state.screen == .search else { return [] }
            guard typed(text, into: &state.search.query, limit: SearchState.maximumLength) else { return [] }
            runSearch(&state)
        case .deleteBackward:
            guard state.screen == .search, !state.search.query.isEmpty else { return [] }
            state.search.query.removeLast()
            runSearch(&state)
        case .clearQuery:
            guard state.screen == .search else { return [] }
            state.search.query = ""
            runSearch(&state)
        case .switchKeyboard(let layout):
            state.search.keyboard = layout
        case .toggleKeyboard:
            state.search.keyboardShown.toggle()
        case .browseCategories:
            guard state.screen == .search else { return [] }
            push(&state, .categories)
        default: break
        }
        return []
    }

    /// Adds typed text to a field: cleaned of control characters, within `limit` characters, and
    /// with no leading or doubled spaces (they would only confuse the field). False when nothing
    /// was added.
    package static func typed(_ text: String, into field: inout String, limit: Int) -> Bool {
        let clean = SafeText.clean(text)
        guard !clean.isEmpty, field.count + clean.count <= limit else { return false }
        if clean == " " && (field.isEmpty || field.hasSuffix(" ")) { return false }
        field += clean
        return true
    }

    /// Runs the query against the index; focus goes back to the best result.
    package static func runSearch(_ state: inout BoardState) {
        let query = state.search.query
        if let index = state.searchIndex, !query.trimmingCharacters(in: .whitespaces).isEmpty {
            state.search.results = index.search(query).map(\.number)
        } else {
            state.search.results = []
        }
        state.place.selected = 0
        state.place.scroll = 0
    }
}
