import BoardCore
/// The on-screen keyboard: large keys a visitor can use by tapping alone.
package enum Keyboard {
    /// One key: what it shows and what tapping it does; `units` is its width in key widths.
    package struct Key {
        var label: String
        var action: Action
        var units: Int = 1
    }

    package static let unitsPerRow = 11

    /// The letter rows of a layout (Bulgarian phonetic, Latin, digits) and the control row.
    package static func rows(_ layout: KeyboardLayout, language: Language) -> [[Key]] {
        func letters(_ text: String) -> [Key] { text.map { Key(label: String($0), action: .type(String($0))) } }
        let backspace = Key(label: "⌫", action: .deleteBackward, units: 2)
        var rows: [[Key]]
        switch layout {
        case .bulgarian:
            rows = [letters("явертъуиопш"), letters("асдфгхйклщч"), letters("зьцжбнмю") + [backspace]]
        case .latin:
            rows = [letters("qwertyuiop"), letters("asdfghjkl"), letters("zxcvbnm") + [backspace]]
        case .digits:
            rows = [letters("1234567890"), letters("-/.") + [backspace]]
        }
        let others = KeyboardLayout.allCases.filter { $0 != layout }.map {
            Key(label: name(of: $0), action: .switchKeyboard($0), units: 2)
        }
        let space = LocalizedText(bg: "интервал", en: "space").text(language)
        let clear = LocalizedText(bg: "✕ изчисти", en: "✕ clear").text(language)
        rows.append(
            others + [
                Key(label: space, action: .type(" "), units: 4), Key(label: clear, action: .clearQuery, units: 3),
            ])
        return rows
    }

    package static func name(of layout: KeyboardLayout) -> String {
        switch layout {
        case .bulgarian: return "АБВ"
        case .latin: return "ABC"
        case .digits: return "123"
        }
    }

    /// Rows each key takes: 3 (a framed key) where there is room, else 2, else 1, always
    /// leaving room above the keyboard for at least two results.
    package static func keyHeight(rows: Int, available: Int) -> Int {
        for h in [3, 2] where rows * h <= available - 5 { return h }
        return 1
    }

    /// Draws the keyboard in `rect` (its bottom rows) and registers a target per key.
    package static func draw(
        _ layout: KeyboardLayout, language: Language, in rect: Rect, keyHeight: Int, into frame: inout Frame
    ) {
        let rows = rows(layout, language: language)
        let unit = rect.width / unitsPerRow
        for (r, row) in rows.enumerated() {
            var x = rect.x
            let y = rect.y + r * keyHeight
            for key in row {
                let width = unit * key.units
                let keyRect = Rect(x: x, y: y, width: width - 1, height: keyHeight)
                if keyHeight >= 3 {
                    frame.grid.box(keyRect, style: .button)
                    let label = TextLayout.truncate(key.label, width: keyRect.width - 2)
                    frame.grid.write(
                        label, x: keyRect.x + (keyRect.width - DisplayWidth.of(label)) / 2, y: y + 1, style: .button)
                } else {
                    // Too short for a frame: a solid tile (reverse video) with the label on top.
                    frame.grid.fill(keyRect, style: .key)
                    let label = TextLayout.truncate(key.label, width: keyRect.width - 2)
                    let inner = keyRect.width - 2
                    let padded = String(repeating: " ", count: max(0, (inner - DisplayWidth.of(label)) / 2)) + label
                    frame.grid.write("[" + TextLayout.fit(padded, width: inner) + "]", x: keyRect.x, y: y, style: .key)
                }
                frame.target(keyRect, key.action)
                x += width
            }
        }
    }

    /// Total rows the keyboard takes.
    package static func height(_ layout: KeyboardLayout, keyHeight: Int) -> Int {
        rows(layout, language: .bg).count * keyHeight
    }
}
