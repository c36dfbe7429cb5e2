/// "Check my dossier": the lookup screen's keys and taps, and the result.
extension Board {
    package static func openLookup(_ state: inout BoardState) {
        state.dossier.clear()
        push(&state, .dossierLookup)
    }

    /// Forgets the visitor's fields and result whenever they leave the lookup and its result:
    /// back from the result, home, or the idle loop. A screen pushed on top of them (one that
    /// Back returns from) keeps them.
    package static func forgetDossier(_ state: inout BoardState, leaving before: Screen) {
        switch state.screen {
        case .dossierResult:
            break
        case .dossierLookup:
            if before == .dossierResult { state.dossier.clear() }
        default:
            let underneath = state.history.contains { $0.screen == .dossierLookup || $0.screen == .dossierResult }
            if !underneath && !state.dossier.isEmpty { state.dossier.clear() }
        }
    }

    /// On the lookup every printable key types; navigation uses keys that never type.
    package static func reduceLookupKey(_ state: inout BoardState, _ key: Key) -> [Effect] {
        switch key {
        case .escape: return perform(&state, .back)
        case .home: return perform(&state, .home)
        case .function(2): return perform(&state, .toggleLanguage)
        case .backspace: return performDossier(&state, .delete)
        case .tab, .down: return performDossier(&state, .select(.code))
        case .backTab, .up: return performDossier(&state, .select(.number))
        case .enter:
            if state.dossier.field == .number { return performDossier(&state, .select(.code)) }
            return performDossier(&state, .submit)
        case .character(let c): return performDossier(&state, .type(c))
        default: return []
        }
    }

    package static func performDossier(_ state: inout BoardState, _ action: DossierAction) -> [Effect] {
        guard state.screen == .dossierLookup, !state.dossier.checking else { return [] }
        switch action {
        case .select(let field):
            state.dossier.field = field
            if state.dossier.notice != .throttled { state.dossier.notice = nil }
        case .delete:
            if state.dossier.field == .number {
                if !state.dossier.number.isEmpty { state.dossier.number.removeLast() }
            } else if !state.dossier.code.isEmpty {
                state.dossier.code.removeLast()
            }
            if state.dossier.notice != .throttled { state.dossier.notice = nil }
        case .type(let c):
            type(&state, c)
        case .submit:
            return submit(&state)
        }
        return []
    }

    private static func type(_ state: inout BoardState, _ c: Character) {
        if state.dossier.notice != .throttled { state.dossier.notice = nil }
        switch state.dossier.field {
        case .number:
            // Look-alike letters (O, I, L, З) become the digits they stand for, so the field
            // shows what counts; separators are kept as typed, except at the start.
            let digit = DossierNumberPattern.key(String(c))
            guard digit != nil || "-/. ".contains(c) else {
                state.dossier.notice = .numberDigitsOnly
                return
            }
            if digit == nil && state.dossier.number.isEmpty { return }
            guard state.dossier.number.count < DossierSession.maxNumberLength else { return }
            state.dossier.number += digit ?? String(c)
        case .code:
            if AccessCode.isSeparator(c) { return }
            guard let symbol = AccessCode.symbol(for: c) else {
                state.dossier.notice = .notInCode
                return
            }
            guard state.dossier.code.count < AccessCode.length else { return }
            state.dossier.code.append(symbol)
        }
    }

    private static func submit(_ state: inout BoardState) -> [Effect] {
        if state.lookupWait > 0 {
            state.dossier.notice = .throttled
            return []
        }
        guard DossierNumberPattern.key(state.dossier.number) != nil else {
            state.dossier.notice = .numberMissing
            state.dossier.field = .number
            return []
        }
        guard state.dossier.code.count == AccessCode.length else {
            state.dossier.notice = .codeLength(state.dossier.code.count)
            state.dossier.field = .code
            return []
        }
        state.dossier.checking = true
        state.dossier.notice = nil
        return [.lookUpDossier(number: state.dossier.number, code: state.dossier.code)]
    }

    package static func dossierLookedUp(_ state: inout BoardState, _ outcome: DossierLookupOutcome) -> [Effect] {
        guard state.screen == .dossierLookup, state.dossier.checking else { return [] }
        state.dossier.checking = false
        switch outcome {
        case .found(let report):
            state.dossier.waitUntil = nil
            // The fields are no longer needed: only the result stays, until the visitor leaves it.
            state.dossier.number = ""
            state.dossier.code = ""
            state.dossier.field = .number
            state.dossier.notice = nil
            state.dossier.report = report
            push(&state, .dossierResult)
        case .notFound(let wait):
            state.dossier.notice = .notFound
            state.dossier.waitUntil = wait > 0 ? state.clock + wait : nil
        case .throttled(let wait):
            state.dossier.notice = .throttled
            state.dossier.waitUntil = state.clock + wait
        case .unavailable:
            state.dossier.notice = .unavailable
        }
        return []
    }
}
