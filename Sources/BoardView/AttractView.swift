import BoardCore
/// The idle loop: who we are, the date and time, the announcements in turn, the hours, and an
/// invitation to touch, in both languages (no visitor has chosen one yet).
package enum AttractView {
    /// Seconds each announcement stays on screen.
    package static let announcementSeconds = 8

    package static func draw(_ state: BoardState, into frame: inout Frame) {
        let size = state.size
        let width = size.columns
        frame.target(Rect(x: 0, y: 0, width: size.columns, height: size.rows), .wake)
        var y = 1
        func center(_ text: String, _ style: CellStyle) {
            let cut = TextLayout.truncate(text, width: width - 4)
            frame.grid.write(cut, x: (width - DisplayWidth.of(cut)) / 2, y: y, style: style)
            y += 1
        }
        if let m = state.catalogue?.municipality {
            center(m.name.bg.uppercased(), .title)
            center(m.centre.bg, .normal)
            center("\(m.name.text(.en)) · \(m.centre.text(.en))", .muted)
        }
        y += 1

        let bigClock = size.rows >= 24
        if bigClock {
            let digits = BigDigits.render(UIText.clock(state.now))
            for row in digits { center(row, .title) }
        } else {
            center(UIText.clock(state.now), .title)
        }
        center(UIText.longDate(state.now.date, .bg) + " · " + UIText.longDate(state.now.date, .en), .normal)
        y += 1

        // The invitation and the hours sit at the bottom; announcements fill what is between.
        let bottomHeight = 3
        let boxBottom = size.rows - bottomHeight
        if let catalogue = state.catalogue {
            let notices = catalogue.announcements(on: state.now.date)
            let boxHeight = boxBottom - y
            if !notices.isEmpty && boxHeight >= 4 {
                let index = (state.now.secondOfDay / announcementSeconds) % notices.count
                let notice = notices[index]
                let rect = Rect(x: 2, y: y, width: width - 4, height: boxHeight)
                frame.grid.box(rect, style: notice.urgent ? .urgent : .rule)
                let label =
                    " \(UIText.announcements.bg) · \(UIText.announcements.text(.en)) \(index + 1)/\(notices.count) "
                frame.grid.write(label, x: rect.x + 2, y: rect.y, style: .muted)
                var lines: [(String, CellStyle)] = []
                let textWidth = rect.width - 4
                let mark = notice.urgent ? "‼ \(UIText.important.bg) / \(UIText.important.text(.en)): " : ""
                for line in TextLayout.wrap(mark + notice.text.bg, width: textWidth) {
                    lines.append((line, notice.urgent ? .urgent : .title))
                }
                if let en = notice.text.en, !en.isEmpty {
                    for line in TextLayout.wrap(en, width: textWidth) { lines.append((line, .normal)) }
                }
                for (i, line) in lines.prefix(rect.height - 2).enumerated() {
                    frame.grid.write(line.0, x: rect.x + 2, y: rect.y + 1 + i, style: line.1)
                }
            }
            y = boxBottom
            let hours = catalogue.municipality.hours.map { "\($0.days.bg) \($0.time)" }.joined(separator: " · ")
            center("\(UIText.openingHours.bg) / \(UIText.openingHours.text(.en)): \(hours)", .normal)
        } else {
            y = boxBottom + 1
        }

        // The invitation, in both languages, on a bar that spans the screen.
        let invitations = [UIText.touchToStartBG, UIText.touchToStartEN]
        for (i, text) in invitations.enumerated() {
            let row = size.rows - 2 + i
            frame.grid.fill(Rect(x: 0, y: row, width: width, height: 1), style: .focus)
            let line = TextLayout.truncate("▶ \(text) ◀", width: width)
            frame.grid.write(line, x: (width - DisplayWidth.of(line)) / 2, y: row, style: .focus)
        }
    }
}

/// Digits three rows high, drawn with half blocks, for a clock readable across a lobby.
package enum BigDigits {
    package static let glyphs: [Character: [String]] = [
        "0": ["█▀█", "█ █", "█▄█"], "1": ["▀█ ", " █ ", "▄█▄"], "2": ["▀▀█", "█▀▀", "█▄▄"],
        "3": ["▀▀█", " ▀█", "▄▄█"], "4": ["█ █", "▀▀█", "  █"], "5": ["█▀▀", "▀▀█", "▄▄█"],
        "6": ["█▀▀", "█▀█", "█▄█"], "7": ["▀▀█", "  █", "  █"], "8": ["█▀█", "█▀█", "█▄█"],
        "9": ["█▀█", "▀▀█", "▄▄█"], ":": [" ", "▪", "▪"],
    ]

    package static func render(_ text: String) -> [String] {
        (0..<3).map { row in
            text.map { glyphs[$0]?[row] ?? " " }.joined(separator: " ")
        }
    }
}
