extension Board {
    /// The card's question on screen, if a question is on screen.
    package static func currentQuestion(_ state: BoardState) -> (Int, SurveyDefinition.Question)? {
        guard case .survey(let step) = state.screen, let questions = state.catalogue?.survey?.questions,
            questions.indices.contains(step)
        else { return nil }
        return (step, questions[step])
    }

    package static func isCommentScreen(_ state: BoardState) -> Bool {
        currentQuestion(state)?.1.kind == .comment
    }

    /// Starts a fresh card; what the last visitor answered is forgotten.
    package static func beginCard(_ state: inout BoardState) {
        let lastCardAt = state.survey.lastCardAt
        state.survey = SurveyProgress()
        state.survey.lastCardAt = lastCardAt
        state.survey.keyboard = state.language == .bg ? .bulgarian : .latin
        if state.surveyMode {
            state.history = []
            state.place = Place(.survey(step: 0))
        } else {
            push(&state, .survey(step: 0))
        }
    }

    package static func reduceSurveyKey(_ state: inout BoardState, _ key: Key) -> [Effect] {
        if key == .home { return perform(&state, .home) }
        switch state.screen {
        case .survey:
            guard let (_, question) = currentQuestion(state) else { return [] }
            if question.kind == .comment {
                switch key {
                case .escape: return perform(&state, .back)
                case .backspace:
                    return state.survey.comment.isEmpty ? perform(&state, .back) : perform(&state, .deleteBackward)
                case .enter: return perform(&state, .commentDone)
                case .pageDown: return perform(&state, .skipQuestion)
                case .tab: return perform(&state, .toggleKeyboard)
                case .function(2): return perform(&state, .toggleLanguage)
                case .character(let c): return perform(&state, .type(String(c)))
                default: return []
                }
            }
            let count = question.answerCount
            let columns = state.viewport.choicesPerRow
            switch key {
            case .escape, .backspace: return perform(&state, .back)
            case .left: move(&state, by: -1, count: count)
            case .right, .tab: move(&state, by: 1, count: count)
            case .up: move(&state, by: -columns, count: count)
            case .down: move(&state, by: columns, count: count)
            case .enter: return perform(&state, .answer(state.place.selected))
            case .pageDown: return perform(&state, .skipQuestion)
            case .character(let c):
                if let digit = c.wholeNumberValue, digit >= 1, digit <= count {
                    return perform(&state, .answer(digit - 1))
                }
                if c == "l" || c == "L" || c == "л" || c == "Л" { return perform(&state, .toggleLanguage) }
            case .function(2): return perform(&state, .toggleLanguage)
            default: break
            }
        case .surveyConfirm:
            switch key {
            case .enter, .character("1"): return perform(&state, .submitCard)
            case .escape, .backspace, .character("2"): return perform(&state, .back)
            case .character("l"), .character("L"), .function(2): return perform(&state, .toggleLanguage)
            default: break
            }
        case .surveyThanks:
            return perform(&state, .newCard)
        default: break
        }
        return []
    }

    package static func performSurvey(_ state: inout BoardState, _ action: Action) -> [Effect] {
        switch action {
        case .answer(let index):
            guard let (step, question) = currentQuestion(state), index >= 0, index < question.answerCount else {
                return []
            }
            state.place.selected = index
            state.survey.answers[question.id] =
                question.kind == .choice ? .option(question.options[index].id) : .value(index + 1)
            nextQuestion(&state, after: step)
        case .skipQuestion:
            guard let (step, question) = currentQuestion(state) else { return [] }
            state.survey.answers[question.id] = nil
            if question.kind == .comment { state.survey.comment = "" }
            nextQuestion(&state, after: step)
        case .commentDone:
            guard let (step, question) = currentQuestion(state), question.kind == .comment else { return [] }
            let text = state.survey.comment.trimmingCharacters(in: .whitespaces)
            state.survey.answers[question.id] = text.isEmpty ? nil : .text(text)
            nextQuestion(&state, after: step)
        case .submitCard:
            guard state.screen == .surveyConfirm, !state.survey.saving, let catalogue = state.catalogue else {
                return []
            }
            state.survey.saving = true
            state.survey.saveFailed = false
            let now = state.clock
            let flood = state.survey.lastCardAt.map { now - $0 < SurveyProgress.floodInterval } ?? false
            let card = SurveyCard(
                day: state.now.date, centre: catalogue.municipality.centre.bg + ", " + catalogue.municipality.name.bg,
                answers: state.survey.answers, flood: flood)
            return [.saveCard(card)]
        case .newCard:
            guard state.screen == .surveyThanks else { return [] }
            if state.surveyMode {
                beginCard(&state)
            } else {
                state.survey = SurveyProgress(lastCardAt: state.survey.lastCardAt)
                state.history = [Place(.attract)]
                state.place = Place(.home)
            }
        default: break
        }
        return []
    }

    package static func nextQuestion(_ state: inout BoardState, after step: Int) {
        let count = state.catalogue?.survey?.questions.count ?? 0
        push(&state, step + 1 < count ? .survey(step: step + 1) : .surveyConfirm)
    }

    /// The comment field takes the on-screen keyboard's and the physical keyboard's typing.
    package static func performComment(_ state: inout BoardState, _ action: Action) -> [Effect] {
        switch action {
        case .type(let text):
            _ = typed(text, into: &state.survey.comment, limit: SurveyDefinition.commentLimit)
        case .deleteBackward:
            if !state.survey.comment.isEmpty { state.survey.comment.removeLast() }
        case .clearQuery:
            state.survey.comment = ""
        case .switchKeyboard(let layout):
            state.survey.keyboard = layout
        case .toggleKeyboard:
            state.survey.keyboardShown.toggle()
        default: break
        }
        return []
    }

    /// The store has the card: only now does the visitor see "thank you".
    package static func cardSaved(_ state: inout BoardState) {
        guard state.survey.saving else { return }
        state.survey.saving = false
        state.survey.lastCardAt = state.clock
        state.survey.answers = [:]
        state.survey.comment = ""
        state.survey.thanksAt = state.clock
        state.history = []
        state.place = Place(.surveyThanks)
    }

    package static func surveyTick(_ state: inout BoardState) -> [Effect] {
        if state.screen == .surveyThanks, let at = state.survey.thanksAt,
            state.clock - at >= SurveyProgress.thanksSeconds
        {
            return perform(&state, .newCard)
        }
        return []
    }
}

extension SurveyProgress {
    package init(lastCardAt: Int?) {
        self.init()
        self.lastCardAt = lastCardAt
    }
}
