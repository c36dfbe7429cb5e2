import BoardCore
/// The satisfaction card: one question a screen, every answer a large target.
package enum SurveyView {
    /// Answers per row: faces 4, scale 5, choices up to 4.
    package static func columns(_ question: SurveyDefinition.Question) -> Int {
        switch question.kind {
        case .faces: return 4
        case .scale: return 5
        case .choice: return min(4, max(1, question.options.count))
        case .comment: return 1
        }
    }

    package static func draw(_ state: BoardState, into frame: inout Frame) {
        switch state.screen {
        case .survey: drawQuestion(state, into: &frame)
        case .surveyConfirm: drawConfirm(state, into: &frame)
        case .surveyThanks: drawThanks(state, into: &frame)
        default: break
        }
    }

    package static func drawQuestion(_ state: BoardState, into frame: inout Frame) {
        guard let (_, question) = Board.currentQuestion(state) else { return }
        let language = state.language
        let body = Layout.body(state.size)
        var y = body.y
        for line in TextLayout.wrap(question.text.text(language), width: body.width).prefix(2) {
            frame.grid.write(line, x: body.x, y: y, style: .title)
            y += 1
        }
        y += 1
        if question.kind == .comment {
            drawComment(state, in: Rect(x: body.x, y: y, width: body.width, height: body.maxY - y), into: &frame)
            return
        }
        let count = question.answerCount
        let columns = columns(question)
        let rows = (count + columns - 1) / columns
        let gap = 1
        let width = (body.width - gap * (columns - 1)) / columns
        let height = max(3, min(7, (body.maxY - y - (rows - 1)) / rows))
        let chosen = state.survey.answers[question.id]
        for index in 0..<count {
            let rect = Rect(
                x: body.x + (index % columns) * (width + gap), y: y + (index / columns) * (height + 1), width: width,
                height: height)
            let focused = index == state.place.selected
            let answer: SurveyAnswer =
                question.kind == .choice ? .option(question.options[index].id) : .value(index + 1)
            let picked = chosen == answer
            frame.grid.box(rect, style: focused ? .focus : .button)
            if focused {
                frame.grid.fill(
                    Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2), style: .focus)
            }
            let style: CellStyle = focused ? .focus : .button
            var lines: [String] = []
            switch question.kind {
            case .faces:
                lines =
                    [SurveyText.face(index + 1)]
                    + TextLayout.wrap(SurveyText.answerLabel(.faces, index + 1).text(language), width: rect.width - 4)
            case .scale:
                let label = SurveyText.answerLabel(.scale, index + 1).text(language)
                lines =
                    [String(index + 1)]
                    + TextLayout.wrap(String(label.drop { $0 != " " }.dropFirst(3)), width: rect.width - 4)
            case .choice:
                lines = TextLayout.wrap(question.options[index].text.text(language), width: rect.width - 4)
            case .comment:
                break
            }
            // The digit to press, and a mark on the answer already given (when coming back).
            let head = (picked ? "✔ " : "") + "\(index + 1)"
            frame.grid.write(head, x: rect.x + 2, y: rect.y + 1, style: focused ? .focus : .muted)
            let inner = rect.height - 2
            let top = rect.y + 1 + max(0, (inner - lines.count) / 2)
            for (i, line) in lines.prefix(inner).enumerated() {
                let text = TextLayout.truncate(line, width: rect.width - 4)
                frame.grid.write(text, x: rect.x + (rect.width - DisplayWidth.of(text)) / 2, y: top + i, style: style)
            }
            frame.target(rect, .answer(index))
        }
    }

    package static func drawComment(_ state: BoardState, in rect: Rect, into frame: inout Frame) {
        let language = state.language
        let doneLabel = LocalizedText(bg: "Готово ▶", en: "Done ▶").text(language)
        let doneWidth = DisplayWidth.of(doneLabel) + 4
        let field = Rect(x: rect.x, y: rect.y, width: rect.width - doneWidth - 1, height: 3)
        frame.grid.box(field, style: .focus)
        var shown = state.survey.comment
        let room = field.width - 5
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let typed = frame.grid.write(shown, x: field.x + 2, y: field.y + 1, style: .title)
        frame.grid.write("█", x: field.x + 2 + typed, y: field.y + 1, style: .title)
        if state.survey.comment.isEmpty {
            frame.grid.write(
                LocalizedText(bg: " (по желание)", en: " (optional)").text(language), x: field.x + 3, y: field.y + 1,
                style: .muted)
        }
        let done = Rect(x: field.maxX + 1, y: rect.y, width: doneWidth, height: 3)
        frame.grid.box(done, style: .button)
        frame.grid.write(doneLabel, x: done.x + 2, y: done.y + 1, style: .button)
        frame.target(done, .commentDone)
        guard state.survey.keyboardShown else { return }
        let rows = Keyboard.rows(state.survey.keyboard, language: language).count
        let available = rect.height - 4
        let keyHeight = available >= rows * 3 ? 3 : available >= rows * 2 ? 2 : 1
        let height = rows * keyHeight
        Keyboard.draw(
            state.survey.keyboard, language: language,
            in: Rect(x: rect.x, y: rect.maxY - height, width: rect.width, height: height), keyHeight: keyHeight,
            into: &frame)
    }

    package static func drawConfirm(_ state: BoardState, into frame: inout Frame) {
        guard let survey = state.catalogue?.survey else { return }
        let language = state.language
        let body = Layout.body(state.size)
        var y = body.y
        let buttonsHeight = 5
        for question in survey.questions {
            guard y < body.maxY - buttonsHeight - 1 else { break }
            let answer: String
            switch state.survey.answers[question.id] {
            case .value(let v)?:
                answer =
                    (question.kind == .faces ? SurveyText.face(v) + " " : "")
                    + SurveyText.answerLabel(question.kind, v).text(language)
            case .option(let id)?: answer = question.options.first { $0.id == id }?.text.text(language) ?? id
            case .text(let t)?: answer = "„" + t + "“"
            case nil: answer = LocalizedText(bg: "— пропуснат —", en: "— skipped —").text(language)
            }
            let used = frame.grid.write(
                "• " + TextLayout.truncate(question.text.text(language), width: body.width / 2 - 2), x: body.x, y: y,
                style: .muted)
            frame.grid.write(
                TextLayout.truncate(answer, width: body.width - used - 2), x: body.x + used + 2, y: y, style: .title)
            y += 1
        }
        y += 1
        if state.survey.saving {
            frame.grid.write(
                LocalizedText(bg: "Записване…", en: "Saving…").text(language), x: body.x, y: y, style: .muted)
        } else if state.survey.saveFailed {
            for line in TextLayout.wrap(UIText.cardNotSaved.text(language), width: body.width).prefix(2) {
                frame.grid.write(line, x: body.x, y: y, style: .urgent)
                y += 1
            }
        }
        let buttonY = body.maxY - buttonsHeight
        let half = (body.width - 2) / 2
        let send = Rect(x: body.x, y: buttonY, width: half, height: buttonsHeight)
        let change = Rect(x: body.x + half + 2, y: buttonY, width: half, height: buttonsHeight)
        let sendLabel =
            (state.survey.saveFailed
            ? LocalizedText(bg: "✔ Опитайте отново  (1)", en: "✔ Try again  (1)")
            : LocalizedText(bg: "✔ Изпрати  (1)", en: "✔ Send  (1)")).text(language)
        for (rect, label, action, focused) in [
            (send, sendLabel, Action.submitCard, true),
            (change, LocalizedText(bg: "✎ Промени  (2)", en: "✎ Change  (2)").text(language), Action.back, false),
        ] {
            frame.grid.box(rect, style: focused ? .focus : .button)
            if focused {
                frame.grid.fill(
                    Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2), style: .focus)
            }
            frame.grid.write(
                label, x: rect.x + (rect.width - DisplayWidth.of(label)) / 2, y: rect.y + rect.height / 2,
                style: focused ? .focus : .button)
            frame.target(rect, action)
        }
    }

    package static func drawThanks(_ state: BoardState, into frame: inout Frame) {
        let body = Layout.body(state.size)
        frame.target(body, .newCard)
        var lines: [(String, CellStyle)] = [
            ("Благодарим Ви!", .title), ("Thank you!", .title), ("", .normal),
            ("Отговорите Ви са записани. Анкетата е анонимна.", .normal),
            ("Your answers are saved. The survey is anonymous.", .normal),
        ]
        if let at = state.survey.thanksAt {
            let left = max(0, SurveyProgress.thanksSeconds - (state.clock - at))
            lines.append(("", .normal))
            lines.append(
                (
                    state.language == .bg
                        ? "Продължаване след \(left) с · докоснете, за да продължите"
                        : "Continuing in \(left) s · touch to continue", .muted
                ))
        }
        let top = body.y + max(0, (body.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = TextLayout.truncate(line.0, width: body.width)
            frame.grid.write(text, x: body.x + (body.width - DisplayWidth.of(text)) / 2, y: top + i, style: line.1)
        }
    }
}
