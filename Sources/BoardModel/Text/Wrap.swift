/// Word wrapping and truncation by display width.
public enum TextLayout {
    /// Breaks `text` into lines of at most `width` columns, at spaces where possible.
    /// A word longer than a line is broken inside the word.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        let clean = SafeText.clean(text)
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in clean.split(separator: " ", omittingEmptySubsequences: true) {
            var word = String(word)
            var wordWidth = DisplayWidth.of(word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " " + word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            while wordWidth > width {
                let (head, rest) = split(word, at: width)
                lines.append(head)
                word = rest
                wordWidth = DisplayWidth.of(word)
            }
            line = word
            lineWidth = wordWidth
        }
        if lineWidth > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Cuts `text` to `width` columns, ending in "…" when anything was cut.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let clean = SafeText.clean(text)
        if DisplayWidth.of(clean) <= width { return clean }
        return split(clean, at: width - 1).0 + "…"
    }

    /// Pads or cuts `text` to exactly `width` columns.
    public static func fit(_ text: String, width: Int) -> String {
        let cut = truncate(text, width: width)
        let w = DisplayWidth.of(cut)
        return w < width ? cut + String(repeating: " ", count: width - w) : cut
    }

    /// Splits text so the head takes at most `width` columns (never splitting a character).
    static func split(_ text: String, at width: Int) -> (String, String) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
        }
        if index == text.startIndex && index < text.endIndex {
            // A single character wider than the width: take it anyway to make progress.
            index = text.index(after: index)
        }
        return (String(text[..<index]), String(text[index...]))
    }
}
