/// Turns Bulgarian and Latin text into one comparable form, so that "скица", "SKITSA",
/// "skica" and "Скица" meet, and "grao" finds "ГРАО".
///
/// Cyrillic is transliterated letter by letter (the official Bulgarian system, 2009), then
/// Cyrillic and Latin alike have their digraphs and common phonetic spellings folded to single
/// markers: "sht"/"6t"/"w" → щ, "zh" → ж, "ts"/"c" → ц, "ch"/"4" → ч, "sh"/"6" → ш,
/// "yu"/"ju"/"iu" → ю, "ya"/"ia"/"q" → я, "x" → х, "y" → й. So "тс" and "ц" (both "ts") meet, as
/// they do when typed. Case, ё/е, accents on Latin letters and punctuation are ignored.
///
/// Works on bytes: it runs over every service's texts when the index is built.
public enum SearchText {
    /// One canonical word, with the range of original Unicode scalars it came from.
    public struct Word: Hashable, Sendable {
        /// ASCII letters and digits, markers (bytes 1…7) for the folded sounds, and the UTF-8
        /// bytes of letters of other scripts.
        public var bytes: [UInt8]
        /// Offsets, in Unicode scalars, into the original string.
        public var start: Int
        public var end: Int

        /// The canonical form as text (for tests and debugging).
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// The official transliteration of а…я (U+0430…U+044F).
    package static let cyrillic: [[UInt8]] = [
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
        "r", "s", "t", "u", "f", "h", "ts", "ch", "sh", "sht", "a", "i", "", "e", "yu", "ya",
    ].map { Array($0.utf8) }

    /// Spellings folded to one marker byte each, longest first.
    package static let folds: [([UInt8], UInt8)] = [
        ("sht", 1), ("6t", 1), ("zh", 2), ("ts", 3), ("ch", 4), ("sh", 5), ("yu", 6), ("ju", 6), ("iu", 6),
        ("ya", 7), ("ia", 7), ("c", 3), ("4", 4), ("6", 5), ("w", 1), ("q", 7), ("x", UInt8(ascii: "h")),
        ("y", UInt8(ascii: "j")),
    ].map { (Array($0.0.utf8), $0.1) }

    /// Words (runs of letters and digits) of `text` in canonical form, with their positions.
    public static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current: [UInt8] = []
        var start = 0
        var index = 0
        func flush() {
            if !current.isEmpty { result.append(Word(bytes: fold(current), start: start, end: index)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                var b = UInt8(v)
                if b >= 65 && b <= 90 { b += 32 }
                if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) {
                    if current.isEmpty { start = index }
                    current.append(b)
                } else {
                    flush()
                }
            } else if let lower = cyrillicLower(v) {
                if current.isEmpty { start = index }
                current += cyrillic[Int(lower - 0x430)]
            } else if v >= 0x300 && v < 0x370 {
                // A combining accent (ѝ, é): part of the letter before it.
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if current.isEmpty { start = index }
                let lower = scalar.properties.lowercaseMapping
                current += latinBase(lower).utf8
            } else {
                flush()
            }
            index += 1
        }
        flush()
        return result
    }

    /// The lower-case а…я code point of a Cyrillic letter, folding ѐ ё ѝ and the like.
    @inline(__always)
    package static func cyrillicLower(_ v: UInt32) -> UInt32? {
        switch v {
        case 0x430...0x44F: return v
        case 0x410...0x42F: return v + 0x20
        case 0x400, 0x401, 0x450, 0x451, 0x404, 0x454: return 0x435  // ѐ ё є → е
        case 0x40D, 0x45D, 0x406, 0x456, 0x407, 0x457: return 0x438  // ѝ і ї → и
        default: return nil
        }
    }

    /// A few common accented Latin letters without their accents.
    package static func latinBase(_ s: String) -> String {
        switch s {
        case "à", "á", "â", "ä", "ã", "å": return "a"
        case "è", "é", "ê", "ë": return "e"
        case "ì", "í", "î", "ï": return "i"
        case "ò", "ó", "ô", "ö", "õ": return "o"
        case "ù", "ú", "û", "ü": return "u"
        case "ç": return "c"
        case "ñ": return "n"
        default: return s
        }
    }

    /// Folds the digraphs and phonetic spellings of one transliterated word.
    package static func fold(_ word: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(word.count)
        var i = 0
        outer: while i < word.count {
            for (spelling, marker) in folds where spelling[0] == word[i] {
                if i + spelling.count <= word.count, word[i..<i + spelling.count].elementsEqual(spelling) {
                    out.append(marker)
                    i += spelling.count
                    continue outer
                }
            }
            out.append(word[i])
            i += 1
        }
        return out
    }

    /// Little words that do not narrow a search: dropped from a query that has others.
    public static let stopWords: Set<[UInt8]> = Set(
        [
            "за", "на", "и", "от", "в", "във", "с", "със", "по", "до", "при", "към", "или",
            "of", "for", "the", "a", "an", "and", "to", "in", "on", "or", "by",
        ]
        .flatMap { words($0).map(\.bytes) })
}
