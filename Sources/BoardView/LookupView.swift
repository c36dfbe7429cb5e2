import BoardCore
/// "Check my dossier": two fields and an on-screen keypad that works by tapping alone. The
/// keypad shows what the active field can hold: digits for the number, the code alphabet for
/// the code. Keys are at least 3 rows by 7 columns wherever the screen has room (80×24 and up).
package enum LookupView {
    package struct Key {
        var label: String
        var action: Action
        var width: Int
        var emphasis = false
    }

    package static func draw(_ state: BoardState, into frame: inout Frame) {
        let body = Layout.body(state.size)
        let language = state.language
        let session = state.dossier
        var y = body.y
        frame.grid.write(DossierText.hint.text(language), x: body.x, y: y, style: .muted, maxWidth: body.width)
        y += 1

        // The two fields, side by side; the active one framed in focus style with a marker.
        let fieldWidth = (body.width - 2) / 2
        let fields: [(DossierField, LocalizedText, String)] = [
            (.number, DossierText.numberLabel, session.number),
            (.code, DossierText.codeLabel, codeShown(session.code)),
        ]
        for (i, (field, label, value)) in fields.enumerated() {
            let rect = Rect(x: body.x + i * (fieldWidth + 2), y: y, width: fieldWidth, height: 3)
            let active = session.field == field
            let style: CellStyle = active ? .focus : .button
            frame.grid.box(rect, style: style)
            frame.grid.write(
                " \(label.text(language)) ", x: rect.x + 2, y: rect.y, style: style, maxWidth: rect.width - 4)
            let cursor = active ? "▌" : ""
            frame.grid.write(
                (active ? "▶ " : "  ") + value + cursor, x: rect.x + 1, y: rect.y + 1,
                style: active ? .title : .normal, maxWidth: rect.width - 2)
            frame.target(rect, .dossier(.select(field)))
        }
        y += 3

        // One line for what went wrong or the countdown.
        let wait = state.lookupWait
        if session.checking {
            frame.grid.write(DossierText.checking.text(language), x: body.x, y: y, style: .muted, maxWidth: body.width)
        } else if wait > 0 {
            frame.grid.write(
                DossierText.notice(.throttled, wait: wait, language), x: body.x, y: y, style: .urgent,
                maxWidth: body.width)
        } else if let notice = session.notice, notice != .throttled {
            let lines = TextLayout.wrap(DossierText.notice(notice, wait: 0, language), width: body.width)
            for (i, line) in lines.prefix(2).enumerated() {
                frame.grid.write(line, x: body.x, y: y + i, style: .urgent, maxWidth: body.width)
            }
        }
        y += 2

        // The keypad.
        let symbols: [Character] = session.field == .number ? Array("1234567890") : AccessCode.alphabet
        let perRowMax = max(1, (body.width + 1) / 8)
        let symbolRows = (symbols.count + perRowMax - 1) / perRowMax
        let perRow = (symbols.count + symbolRows - 1) / symbolRows
        let keyWidth = min(11, (body.width + 1) / perRow - 1)
        let available = body.maxY - y
        let keyHeight = min(3, max(1, available / (symbolRows + 1)))
        var rows: [[Key]] = stride(from: 0, to: symbols.count, by: perRow).map { start in
            symbols[start..<min(symbols.count, start + perRow)].map {
                Key(label: String($0), action: .dossier(.type($0)), width: keyWidth)
            }
        }
        var actions: [Key] = [Key(label: DossierText.delete.text(language), action: .dossier(.delete), width: 0)]
        if session.field == .number {
            actions.append(Key(label: DossierText.toCode.text(language), action: .dossier(.select(.code)), width: 0))
        } else {
            actions.append(
                Key(label: DossierText.toNumber.text(language), action: .dossier(.select(.number)), width: 0))
        }
        let checkLabel = wait > 0 ? "⏳ " + DossierText.clock(wait) : DossierText.check.text(language)
        actions.append(Key(label: checkLabel, action: .dossier(.submit), width: 0, emphasis: true))
        let actionWidth = min(24, (body.width + 1) / actions.count - 1)
        rows.append(actions.map { Key(label: $0.label, action: $0.action, width: actionWidth, emphasis: $0.emphasis) })

        for row in rows {
            guard y + keyHeight <= body.maxY else { break }
            var x = body.x
            for key in row {
                let rect = Rect(x: x, y: y, width: key.width, height: keyHeight)
                let style: CellStyle = key.emphasis ? .title : .button
                if keyHeight >= 3 { frame.grid.box(rect, style: style) } else { frame.grid.fill(rect, style: .focus) }
                let label = TextLayout.truncate(key.label, width: max(1, key.width - 2))
                frame.grid.write(
                    label, x: rect.x + (key.width - DisplayWidth.of(label)) / 2, y: rect.y + (keyHeight - 1) / 2,
                    style: keyHeight >= 3 ? style : .focus)
                frame.target(rect, key.action)
                x += key.width + 1
            }
            y += keyHeight
        }
    }

    /// The code as typed so far, grouped, with dots for the characters still to come.
    package static func codeShown(_ code: String) -> String {
        let padded = code + String(repeating: "·", count: max(0, AccessCode.length - code.count))
        return AccessCode.grouped(padded)
    }
}
