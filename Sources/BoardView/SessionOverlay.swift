import BoardCore
/// What lies over any screen: a short notice, the idle warning with its countdown, the staff
/// PIN prompt. Drawn last, so it is on top; while the warning or the prompt shows, the reducer
/// takes every key and tap for it.
package enum SessionOverlay {
    package static func draw(_ state: BoardState, into frame: inout Frame) {
        if let notice = state.session.notice, !state.size.isTooSmall, state.screen != .attract,
            state.screen != .outOfOrder
        {
            drawNotice(notice, state, into: &frame)
        }
        if let prompt = state.session.staffPrompt {
            drawStaffPrompt(prompt, state, into: &frame)
        } else if let remaining = state.session.warningRemaining {
            drawIdleWarning(remaining, state, into: &frame)
        }
    }

    /// The visitor's language first, then the other; every line wrapped, none cut.
    package static func both(_ text: LocalizedText, _ language: Language) -> [String] {
        let first = text.text(language), second = text.text(language.other)
        return first == second ? [first] : [first, second]
    }

    package static func drawNotice(_ notice: Notice, _ state: BoardState, into frame: inout Frame) {
        let footer = Layout.footer(state.size)
        let width = state.size.columns - 4
        let lines = both(notice.text, state.language).flatMap { TextLayout.wrap("ℹ " + $0, width: width - 4) }
        let rect = Rect(x: 2, y: max(3, footer.y - lines.count - 2), width: width, height: lines.count + 2)
        frame.grid.fill(rect, style: .focus)
        frame.grid.box(rect, style: .focus)
        for (i, line) in lines.enumerated() where rect.y + 1 + i < footer.y {
            frame.grid.write(line, x: rect.x + 2, y: rect.y + 1 + i, style: .focus)
        }
    }

    /// A centred box; returns nothing, draws lines with their styles.
    package static func box(
        _ lines: [(String, CellStyle)], style: CellStyle, state: BoardState, into frame: inout Frame
    ) {
        let size = state.size
        let width = min(size.columns, 72)
        let inner = max(1, width - 4)
        let wrapped = lines.flatMap { line in
            line.0.isEmpty ? [("", line.1)] : TextLayout.wrap(line.0, width: inner).map { ($0, line.1) }
        }
        let height = min(size.rows, wrapped.count + 2)
        let rect = Rect(
            x: (size.columns - width) / 2, y: max(0, (size.rows - height) / 2), width: width, height: height)
        // A clear cell around the box, so the screen underneath does not run into its frame.
        frame.grid.fill(
            Rect(
                x: max(0, rect.x - 1), y: max(0, rect.y - 1), width: min(size.columns, rect.width + 2),
                height: min(size.rows, rect.height + 2)), style: .normal)
        frame.grid.box(rect, style: style)
        for (i, line) in wrapped.prefix(max(0, height - 2)).enumerated() {
            let x = rect.x + max(1, (width - DisplayWidth.of(line.0)) / 2)
            frame.grid.write(line.0, x: x, y: rect.y + 1 + i, style: line.1, maxWidth: width - 2)
        }
        // The whole screen answers a tap (the reducer takes it before any target underneath).
        frame.target(Rect(x: 0, y: 0, width: size.columns, height: size.rows), .wake)
    }

    package static func drawIdleWarning(_ remaining: Int, _ state: BoardState, into frame: inout Frame) {
        let language = state.language, other = state.language.other
        let lines: [(String, CellStyle)] = [
            ("", .normal),
            (UIText.stillThere.text(language), .title), (UIText.stillThere.text(other), .normal),
            ("", .normal),
            (UIText.returningIn(remaining, language), .urgent), (UIText.returningIn(remaining, other), .urgent),
            ("", .normal),
            (UIText.touchToContinue.text(language), .title), (UIText.touchToContinue.text(other), .normal),
            ("", .normal),
        ]
        box(lines, style: .urgent, state: state, into: &frame)
    }

    package static func drawStaffPrompt(_ prompt: StaffPrompt, _ state: BoardState, into frame: inout Frame) {
        let clock = state.clock
        var lines: [(String, CellStyle)] = [
            ("", .normal),
            ("\(UIText.staffExit.bg) · \(UIText.staffExit.text(.en))", .title),
            (UIText.staffPinHint.bg, .normal), (UIText.staffPinHint.text(.en), .normal),
            ("", .normal),
            ("ПИН / PIN: " + String(repeating: "•", count: prompt.digits.count) + "_", .title),
            ("", .normal),
        ]
        if prompt.checking {
            lines.append(("\(UIText.staffPinChecking.bg) / \(UIText.staffPinChecking.text(.en))", .muted))
        } else if prompt.wrong {
            lines.append(("\(UIText.staffPinWrong.bg) / \(UIText.staffPinWrong.text(.en))", .urgent))
        }
        if let until = state.session.pinLockedUntil, until > clock {
            lines.append((UIText.staffWait(until - clock, .bg) + " / " + UIText.staffWait(until - clock, .en), .urgent))
        }
        lines.append(("", .normal))
        box(lines, style: .focus, state: state, into: &frame)
    }
}
