import BoardCore
/// A scrolling list of choices: the categories, or one category's services.
package enum ListView {
    package struct Item {
        var title: String
        var detail: String
        var badge: String
    }

    /// One item of the list on show; only the visible ones are ever built.
    package static func item(_ state: BoardState, _ index: Int) -> Item? {
        guard let catalogue = state.catalogue else { return nil }
        let language = state.language
        switch state.screen {
        case .categories:
            guard catalogue.categories.indices.contains(index) else { return nil }
            let c = catalogue.categories[index]
            return Item(
                title: "\(index + 1). " + c.name.text(language), detail: c.description?.text(language) ?? "",
                badge: UIText.serviceCount(catalogue.services(in: c.id).count, language))
        case .services(let id):
            let services = catalogue.services(in: id)
            guard services.indices.contains(index) else { return nil }
            let s = services[index]
            return Item(title: s.name.text(language), detail: UIText.listSummary(s, language), badge: "№ \(s.number)")
        default:
            return nil
        }
    }

    package static func draw(_ state: BoardState, into frame: inout Frame) {
        let body = Layout.body(state.size)
        let total = state.listCount
        if total == 0 {
            frame.grid.write(
                UIText.noServices.text(state.language), x: body.x, y: body.y, style: .muted, maxWidth: body.width)
            return
        }
        let capacity = Layout.listCapacity(state.size)
        let first = min(state.place.scroll, max(0, total - 1))
        let textWidth = body.width - 2
        // Only the visible rows are laid out.
        for index in first..<min(total, first + capacity) {
            guard let item = item(state, index) else { continue }
            let y = body.y + (index - first) * Layout.listRowHeight
            let focused = index == state.place.selected
            let rect = Rect(x: body.x, y: y, width: textWidth, height: Layout.listRowHeight)
            FocusBar.draw(into: &frame, x: rect.x, y: y, height: Layout.listRowHeight, focused: focused)
            let badgeWidth = DisplayWidth.of(item.badge)
            frame.grid.write(
                TextLayout.truncate(item.title, width: textWidth - badgeWidth - 4), x: rect.x + 2, y: y, style: .title)
            frame.grid.write(item.badge, x: rect.maxX - badgeWidth - 1, y: y, style: .muted)
            frame.grid.write(
                TextLayout.truncate(item.detail, width: textWidth - 5), x: rect.x + 4, y: y + 1, style: .muted)
            frame.target(rect, .open(index: index))
        }
        ScrollBar.draw(
            into: &frame, x: body.maxX - 1, y: body.y, height: min(body.height, capacity * Layout.listRowHeight),
            first: first, visible: capacity, total: total)
    }
}

/// The mark of the focused item of a list: ▶ on a bar of reverse video, two columns wide,
/// down the item's rows, left of its text.
///
/// Only the bar marks focus, not the item's text: moving the focus then rewrites two narrow bars
/// instead of two whole items (in Cyrillic, two bytes a letter), about a tenth of the bytes to the
/// terminal per key. The mark stays plain to see, as shape (▶) and as reverse video, without
/// colour. Buttons and tiles, which are small, still turn reverse video whole.
package enum FocusBar {
    package static func draw(into frame: inout Frame, x: Int, y: Int, height: Int, focused: Bool) {
        guard focused else { return }
        frame.grid.fill(Rect(x: x, y: y, width: 2, height: height), style: .focus)
        frame.grid.write("▶", x: x, y: y, style: .focus)
    }
}

/// A scrolling text on screen.
package enum DocumentView {
    package static func draw(_ state: BoardState, lines: [DocumentLine], into frame: inout Frame) {
        let body = Layout.body(state.size)
        let first = min(state.place.scroll, max(0, lines.count - body.height))
        for (row, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            var x = body.x + line.indent
            for span in line.spans {
                x += frame.grid.write(span.text, x: x, y: body.y + row, style: span.style, maxWidth: body.maxX - 2 - x)
            }
        }
        ScrollBar.draw(
            into: &frame, x: body.maxX - 1, y: body.y, height: body.height,
            first: first, visible: body.height, total: lines.count)
    }
}

/// A thin scroll bar with arrows that also work as tap targets.
package enum ScrollBar {
    package static func draw(into frame: inout Frame, x: Int, y: Int, height: Int, first: Int, visible: Int, total: Int)
    {
        guard total > visible, height >= 3 else { return }
        let track = height - 2
        let thumb = max(1, track * visible / total)
        let maxFirst = total - visible
        let offset = maxFirst == 0 ? 0 : (track - thumb) * min(first, maxFirst) / maxFirst
        frame.grid.write(first > 0 ? "▲" : "△", x: x, y: y, style: .button)
        for i in 0..<track {
            frame.grid.write(i >= offset && i < offset + thumb ? "█" : "│", x: x, y: y + 1 + i, style: .muted)
        }
        frame.grid.write(first < maxFirst ? "▼" : "▽", x: x, y: y + height - 1, style: .button)
        frame.target(Rect(x: x - 1, y: y, width: 2, height: 1), .scroll(-1))
        frame.target(Rect(x: x - 1, y: y + height - 1, width: 2, height: 1), .scroll(1))
    }
}
