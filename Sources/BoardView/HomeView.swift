import BoardCore
/// The home menu: large buttons, two columns where there is room.
package enum HomeView {
    package static func draw(_ state: BoardState, into frame: inout Frame) {
        let body = Layout.body(state.size)
        let language = state.language
        frame.grid.write(UIText.homeHint.text(language), x: body.x, y: body.y, style: .muted, maxWidth: body.width)
        for (index, item) in HomeItem.allCases.enumerated() {
            let rect = buttonRect(index, size: state.size)
            let focused = state.place.selected == index
            let available = item.isAvailable(in: state.catalogue)
            let number = "\(index + 1)"
            let name = UIText.item(item, language: language)
            let detail =
                available ? UIText.itemDetail(item, language: language) : "(\(UIText.comingSoon.text(language)))"
            // A frame only where there are rows for it; a short button is a single bar.
            let framed = rect.height >= 3
            if available && framed {
                frame.grid.box(rect, style: focused ? .focus : .button)
            }
            if focused {
                frame.grid.fill(
                    framed ? Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - 2, height: rect.height - 2) : rect,
                    style: .focus)
            }
            let textStyle: CellStyle = focused ? .focus : (available ? .button : .muted)
            let detailStyle: CellStyle = focused ? .focus : .muted
            let marker = focused ? "▶" : " "
            let inner = rect.width - 4
            let textY = rect.y + (rect.height - 1) / 2
            let head = "\(marker) \(number)  \(name)"
            let used = frame.grid.write(head, x: rect.x + 2, y: textY, style: textStyle, maxWidth: inner)
            if !available {
                // Always say why the item looks different; below the name where there is room.
                if rect.height >= 3 {
                    frame.grid.write(detail, x: rect.x + 7, y: textY + 1, style: detailStyle, maxWidth: inner - 5)
                } else {
                    frame.grid.write(
                        " " + detail, x: rect.x + 2 + used, y: textY, style: detailStyle, maxWidth: inner - used)
                }
            } else if rect.height >= 5 {
                frame.grid.write(detail, x: rect.x + 7, y: textY + 1, style: detailStyle, maxWidth: inner - 5)
            } else if used + 3 + DisplayWidth.of(detail) <= inner {
                // The detail only when it fits whole: a cut-off hint reads worse than none.
                frame.grid.write(" · " + detail, x: rect.x + 2 + used, y: textY, style: detailStyle)
            }
            frame.target(rect, .activate(item))
        }
    }

    /// Where the button of the item at `index` is.
    package static func buttonRect(_ index: Int, size: TerminalSize) -> Rect {
        let body = Layout.body(size)
        let columns = Layout.homeColumns(size)
        let count = HomeItem.allCases.count
        let rows = (count + columns - 1) / columns
        let available = body.height - 2
        let height = max(1, min(5, available / rows))
        let gap = 2
        let width = (body.width - gap * (columns - 1)) / columns
        let row = index / columns, column = index % columns
        return Rect(x: body.x + column * (width + gap), y: body.y + 2 + row * height, width: width, height: height)
    }
}
