import BoardCore
/// Search: the field, the results as they are found, and the on-screen keyboard.
package enum SearchView {
    package static let fieldHeight = 3
    package static let resultHeight = 2

    /// Where the field, the results and the keyboard go.
    package struct Areas {
        var field: Rect
        var results: Rect
        var keyboard: Rect?
        var keyHeight: Int
    }

    package static func areas(_ state: BoardState) -> Areas {
        let body = Layout.body(state.size)
        let field = Rect(x: body.x, y: body.y, width: body.width, height: fieldHeight)
        var keyboard: Rect?
        var keyHeight = 1
        var resultsBottom = body.maxY
        if state.search.keyboardShown {
            let rows = Keyboard.rows(state.search.keyboard, language: state.language).count
            keyHeight = Keyboard.keyHeight(rows: rows, available: body.height - fieldHeight)
            let height = rows * keyHeight
            keyboard = Rect(x: body.x, y: body.maxY - height, width: body.width, height: height)
            resultsBottom = body.maxY - height - 1
        }
        let results = Rect(x: body.x, y: field.maxY, width: body.width, height: max(0, resultsBottom - field.maxY))
        return Areas(field: field, results: results, keyboard: keyboard, keyHeight: keyHeight)
    }

    /// How many results fit on screen at once.
    package static func resultCapacity(_ state: BoardState) -> Int {
        max(1, areas(state).results.height / resultHeight)
    }

    package static func draw(_ state: BoardState, into frame: inout Frame) {
        let language = state.language
        let areas = areas(state)
        let search = state.search

        // The field, with a block cursor, and the keyboard toggle at its right.
        let toggleLabel =
            (search.keyboardShown
            ? LocalizedText(bg: "скрий ⌨", en: "hide ⌨") : LocalizedText(bg: "⌨ клавиатура", en: "⌨ keyboard")).text(
                language)
        let toggleWidth = DisplayWidth.of(toggleLabel) + 4
        let fieldBox = Rect(
            x: areas.field.x, y: areas.field.y, width: areas.field.width - toggleWidth - 1, height: fieldHeight)
        frame.grid.box(fieldBox, style: .focus)
        let label = LocalizedText(bg: "Търся: ", en: "Find: ").text(language)
        let used = frame.grid.write(label, x: fieldBox.x + 2, y: fieldBox.y + 1, style: .muted)
        let room = fieldBox.width - 4 - used - 1
        var shown = search.query
        while DisplayWidth.of(shown) > room, !shown.isEmpty { shown.removeFirst() }
        let typed = frame.grid.write(shown, x: fieldBox.x + 2 + used, y: fieldBox.y + 1, style: .title)
        frame.grid.write("█", x: fieldBox.x + 2 + used + typed, y: fieldBox.y + 1, style: .title)
        let toggle = Rect(x: fieldBox.maxX + 1, y: areas.field.y, width: toggleWidth, height: fieldHeight)
        frame.grid.box(toggle, style: .button)
        frame.grid.write(toggleLabel, x: toggle.x + 2, y: toggle.y + 1, style: .button)
        frame.target(toggle, .toggleKeyboard)

        drawResults(state, in: areas.results, into: &frame)
        if let keyboard = areas.keyboard {
            Keyboard.draw(search.keyboard, language: language, in: keyboard, keyHeight: areas.keyHeight, into: &frame)
        }
    }

    package static func drawResults(_ state: BoardState, in rect: Rect, into frame: inout Frame) {
        let language = state.language
        let search = state.search
        guard rect.height > 0, let catalogue = state.catalogue else { return }
        var y = rect.y
        func line(_ text: String, _ style: CellStyle = .normal) {
            for part in TextLayout.wrap(text, width: rect.width) where y < rect.maxY {
                frame.grid.write(part, x: rect.x, y: y, style: style)
                y += 1
            }
        }
        if search.query.trimmingCharacters(in: .whitespaces).isEmpty {
            line(UIText.searchHint.text(language), .muted)
            return
        }
        if state.searchIndex == nil {
            line(UIText.loading.text(language), .muted)
            return
        }
        if search.results.isEmpty {
            line(UIText.noResults(search.query, language), .title)
            line(UIText.noResultsHelp(phone: catalogue.municipality.helpdeskPhone, language))
            if y + 1 <= rect.maxY {
                let label = "▶ " + UIText.browseTopics.text(language)
                let width = min(rect.width, DisplayWidth.of(label) + 4)
                let button = Rect(x: rect.x, y: y, width: width, height: min(3, rect.maxY - y))
                if button.height >= 3 {
                    frame.grid.box(button, style: .button)
                    frame.grid.write(label, x: button.x + 2, y: y + 1, style: .button)
                } else {
                    frame.grid.write("[" + label + "]", x: button.x, y: y, style: .button)
                }
                frame.target(button, .browseCategories)
            }
            return
        }
        let capacity = max(1, rect.height / resultHeight)
        let count = search.results.count
        let countText = UIText.resultCount(count, language)
        let first = min(state.place.scroll, max(0, count - 1))
        let textWidth = rect.width - 2
        for index in first..<min(count, first + capacity) {
            guard let summary = catalogue.summaries[search.results[index]] else { continue }
            let rowY = rect.y + (index - first) * resultHeight
            let focused = index == state.place.selected
            let row = Rect(x: rect.x, y: rowY, width: textWidth, height: resultHeight)
            FocusBar.draw(into: &frame, x: row.x, y: rowY, height: resultHeight, focused: focused)
            let base: CellStyle = .title
            let badge = "№ \(summary.number)"
            let nameWidth = textWidth - DisplayWidth.of(badge) - 4
            let name = TextLayout.truncate(summary.name.text(language), width: nameWidth)
            drawHighlighted(name, query: search.query, x: row.x + 2, y: rowY, base: base, into: &frame)
            frame.grid.write(badge, x: row.maxX - DisplayWidth.of(badge) - 1, y: rowY, style: .muted)
            let category = catalogue.category(summary.category)?.name.text(language) ?? ""
            let detail = TextLayout.truncate(
                category + " · " + UIText.listSummary(summary, language), width: textWidth - 5)
            frame.grid.write(detail, x: row.x + 4, y: rowY + 1, style: .muted)
            frame.target(row, .open(index: index))
        }
        // How many were found, on the results' last row when they do not all fit.
        if count > capacity {
            frame.grid.write(
                countText, x: rect.x + 4,
                y: rect.y + capacity * resultHeight - 1 + (rect.height % resultHeight > 0 ? 1 : 0), style: .muted)
        }
        ScrollBar.draw(
            into: &frame, x: rect.maxX - 1, y: rect.y, height: capacity * resultHeight,
            first: first, visible: capacity, total: count)
    }

    /// Writes text with the parts matching the query underlined and bold (not colour alone).
    package static func drawHighlighted(
        _ text: String, query: String, x: Int, y: Int, base: CellStyle, into frame: inout Frame
    ) {
        let ranges = SearchIndex.highlights(of: query, in: text)
        var highlight = base
        highlight.underline = true
        highlight.bold = true
        if !base.reverse { highlight.role = .accent }
        var column = x
        if DisplayWidth.isSimple(text) {
            // Scalar offsets are character offsets here: write each run of lit or unlit text at once.
            let scalars = text.unicodeScalars
            var runStart = scalars.startIndex
            var runLit = false
            var offset = 0
            var index = scalars.startIndex
            while index < scalars.endIndex {
                let lit = ranges.contains { $0.contains(offset) }
                if lit != runLit && index > runStart {
                    column += frame.grid.write(
                        String(text[runStart..<index]), x: column, y: y, style: runLit ? highlight : base)
                    runStart = index
                }
                runLit = lit
                offset += 1
                index = scalars.index(after: index)
            }
            if runStart < scalars.endIndex {
                frame.grid.write(String(text[runStart...]), x: column, y: y, style: runLit ? highlight : base)
            }
            return
        }
        var scalarOffset = 0
        for character in text {
            let lit = ranges.contains { $0.contains(scalarOffset) }
            column += frame.grid.write(String(character), x: column, y: y, style: lit ? highlight : base)
            scalarOffset += character.unicodeScalars.count
        }
    }
}
