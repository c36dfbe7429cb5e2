/// Word wrapping and truncation by display width.
public enum TextLayout {
    /// Breaks `text` into lines of at most `width` columns, at spaces where possible.
    /// A word longer than a line is broken inside the word.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        return DisplayWidth.isSimple(text) ? wrapSimple(text, width: width) : wrapCharacters(text, width: width)
    }

    /// `wrap` for any text, walking grapheme clusters.
    package static func wrapCharacters(_ text: String, width: Int) -> [String] {
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

    /// `wrap` for simple text (`DisplayWidth.isSimple`): the same lines, found on the UTF-8 bytes.
    /// Every scalar is a one-column cluster there, so a word's width is its count of scalars and
    /// the spaces between words are single bytes; no grapheme breaking, no String per word.
    package static func wrapSimple(_ text: String, width: Int) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var line: [UInt8] = []
            var lineWidth = 0
            let n = bytes.count
            var i = 0
            while i < n {
                if bytes[i] == 0x20 {
                    i += 1
                    continue
                }
                // The word: bytes start..<end, `wordWidth` scalars.
                var start = i
                var end = i
                var wordWidth = 0
                while end < n && bytes[end] != 0x20 {
                    if bytes[end] & 0xC0 != 0x80 { wordWidth += 1 }
                    end += 1
                }
                i = end
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line.append(0x20)
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(String(decoding: line, as: UTF8.self))
                    lineWidth = 0
                }
                // A word longer than a line is broken after `width` scalars, as often as needed.
                while wordWidth > width {
                    var cut = start
                    for _ in 0..<width {
                        cut += 1
                        while cut < end && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
                    }
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<cut]), as: UTF8.self))
                    start = cut
                    wordWidth -= width
                }
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                lineWidth = wordWidth
            }
            if lineWidth > 0 || lines.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
            return lines
        }
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
    package static func split(_ text: String, at width: Int) -> (String, String) {
        if DisplayWidth.isSimple(text) {
            // One column a scalar; at least one is taken, as below, to make progress.
            let scalars = text.unicodeScalars
            let index =
                scalars.index(scalars.startIndex, offsetBy: max(1, width), limitedBy: scalars.endIndex)
                ?? scalars.endIndex
            return (String(text[..<index]), String(text[index...]))
        }
        return splitCharacters(text, at: width)
    }

    /// `split` for any text, walking grapheme clusters.
    package static func splitCharacters(_ text: String, at width: Int) -> (String, String) {
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
