/// Turns Bulgarian and Latin text into one comparable form, so that "скица", "SKITSA",
/// "skica" and "Скица" meet, and "grao" finds "ГРАО".
///
/// Cyrillic is transliterated letter by letter (the official Bulgarian system), then Cyrillic
/// and Latin alike have their digraphs and common phonetic spellings folded to single markers: "zh" → ж, "ts"/"c" → ц, "ch"/"4" → ч, "sh"/"6" → ш, "sht"/"w" → щ,
/// "yu"/"ju"/"iu" → ю, "ya"/"ia"/"q" → я, "x" → х. Case, ё/е and punctuation are ignored.
public enum SearchText {
    /// One canonical word, with the range of original characters it came from.
    public struct Word: Hashable, Sendable {
        public var text: String
        /// Offsets (in Characters) into the original string.
        public var start: Int
        public var end: Int
    }

    /// The official Bulgarian transliteration (2009), letter by letter.
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s",
        "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sht", "ъ": "a",
        "ь": "", "ю": "yu", "я": "ya", "ѝ": "i", "ё": "e", "э": "e", "ы": "i", "і": "i", "ї": "i", "є": "e",
    ]

    /// Spellings folded to one marker each, longest first. Applied after transliteration to
    /// Cyrillic and Latin alike, so "тс" and "ц" (both "ts") meet, as they do when typed.
    static let latin: [(String, String)] = [
        ("sht", "ŝ"), ("6t", "ŝ"), ("zh", "ʒ"), ("ts", "ç"), ("ch", "č"), ("sh", "š"), ("yu", "ü"), ("ju", "ü"), ("iu", "ü"),
        ("ya", "ä"), ("ia", "ä"), ("c", "ç"), ("4", "č"), ("6", "š"), ("w", "ŝ"), ("q", "ä"), ("x", "h"), ("y", "j"),
    ]

    /// Words (runs of letters and digits) of `text` in canonical form, with their positions.
    public static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = ""
        var start = 0
        var index = 0
        func flush() {
            if !current.isEmpty { result.append(Word(text: fold(current), start: start, end: index)) }
            current = ""
        }
        for character in text {
            let lower = Character(character.lowercased())
            if let mapped = cyrillic[lower] {
                if current.isEmpty { start = index }
                current += mapped
            } else if lower.isLetter || lower.isNumber {
                if current.isEmpty { start = index }
                current += String(lower).applyingLatinFold()
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return result
    }

    /// Folds the digraphs and phonetic spellings of one transliterated word.
    static func fold(_ word: String) -> String {
        var out = ""
        var scalars = Array(word.unicodeScalars)[...]
        outer: while let first = scalars.first {
            for (spelling, marker) in latin {
                let s = Array(spelling.unicodeScalars)
                if scalars.starts(with: s) {
                    out += marker
                    scalars = scalars.dropFirst(s.count)
                    continue outer
                }
            }
            out.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        return out
    }

    /// Little words that do not narrow a search: dropped from a query that has others.
    public static let stopWords: Set<String> = Set(["за", "на", "и", "от", "в", "във", "с", "със", "по", "до", "при", "към", "или",
                                                    "of", "for", "the", "a", "an", "and", "to", "in", "on", "or", "by"]
        .flatMap { words($0).map(\.text) })
}

extension String {
    /// Latin letters with diacritics lose them (é → e) so that typed Latin matches plain Latin.
    fileprivate func applyingLatinFold() -> String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value >= 0x300 && scalar.value < 0x370 { continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
