/// The texts of one service that search looks at.
public struct SearchDocument: Sendable, Hashable {
    public var number: String
    /// Names in every language.
    public var names: [String]
    /// Words staff added for the service (synonyms, colloquial names).
    public var keywords: [String]
    public var descriptions: [String]

    public init(number: String, names: [String], keywords: [String], descriptions: [String]) {
        self.number = number
        self.names = names
        self.keywords = keywords
        self.descriptions = descriptions
    }
}

/// One service found, best first.
public struct SearchHit: Sendable, Hashable {
    public var number: String
    public var score: Int
}

/// An inverted index over the catalogue's services: built once per content version, then every
/// keystroke's query walks only the vocabulary and the postings of the words it matches.
public final class SearchIndex: Sendable {
    enum Field: Int, CaseIterable {
        case name, keyword, description

        /// Name matches rank above keyword matches, which rank above description matches.
        var weight: Int {
            switch self {
            case .name: return 100
            case .keyword: return 70
            case .description: return 20
            }
        }
    }

    struct Posting: Sendable {
        var document: Int32
        var field: UInt8
    }

    /// How well a query word meets an indexed word.
    enum Match: Int, Comparable {
        case none = 0
        /// Inside a compound word ("данъ" in "автоданък").
        case inside = 2
        /// Same stem: a shared beginning with a different ending ("наследство" / "наследници").
        case stem = 3
        /// The beginning of the word ("удост" → "удостоверение").
        case prefix = 4
        case whole = 6

        static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    let numbers: [String]
    let vocabulary: [[UInt8]]
    let postings: [[Posting]]

    public var count: Int { numbers.count }

    /// Builds the index; documents keep their order, which breaks ties between equal scores.
    public init(documents: [SearchDocument]) {
        var wordIDs: [[UInt8]: Int] = [:]
        var vocabulary: [[UInt8]] = []
        var postings: [[Posting]] = []
        for (d, document) in documents.enumerated() {
            let fields: [(Field, [String])] = [(.name, document.names), (.keyword, document.keywords), (.description, document.descriptions)]
            for (field, texts) in fields {
                var seen = Set<Int>()
                for text in texts {
                    for word in SearchText.words(text) {
                        let id: Int
                        if let existing = wordIDs[word.bytes] {
                            id = existing
                        } else {
                            id = vocabulary.count
                            wordIDs[word.bytes] = id
                            vocabulary.append(word.bytes)
                            postings.append([])
                        }
                        if seen.insert(id).inserted {
                            postings[id].append(Posting(document: Int32(d), field: UInt8(field.rawValue)))
                        }
                    }
                }
            }
        }
        self.numbers = documents.map(\.number)
        self.vocabulary = vocabulary
        self.postings = postings
    }

    /// The query's words that narrow the search (little words dropped unless alone).
    static func queryWords(_ query: String) -> [[UInt8]] {
        let words = SearchText.words(query).map(\.bytes)
        let meaningful = words.filter { !SearchText.stopWords.contains($0) }
        return meaningful.isEmpty ? words : meaningful
    }

    /// Services matching every word of `query`, best first; ties keep catalogue order.
    public func search(_ query: String, limit: Int = 200) -> [SearchHit] {
        let words = SearchIndex.queryWords(query)
        guard !words.isEmpty else { return [] }
        var total = [Int](repeating: 0, count: numbers.count)
        var matchedAll = [Bool](repeating: true, count: numbers.count)
        var best = [Int](repeating: 0, count: numbers.count)
        for w in words {
            for i in best.indices { best[i] = 0 }
            if w.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                let digits = String(decoding: w, as: UTF8.self)
                for (d, number) in numbers.enumerated() {
                    if number == digits { best[d] = 1000 } else if number.hasPrefix(digits) { best[d] = 400 }
                }
            }
            for (id, candidate) in vocabulary.enumerated() {
                let match = SearchIndex.match(w, candidate)
                guard match != .none else { continue }
                for posting in postings[id] {
                    let d = Int(posting.document)
                    let score = match.rawValue * Field(rawValue: Int(posting.field))!.weight
                    if score > best[d] { best[d] = score }
                }
            }
            for d in best.indices {
                if best[d] == 0 { matchedAll[d] = false } else { total[d] += best[d] }
            }
        }
        var hits: [(Int, Int)] = []
        for d in numbers.indices where matchedAll[d] { hits.append((d, total[d])) }
        hits.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        return hits.prefix(limit).map { SearchHit(number: numbers[$0.0], score: $0.1) }
    }

    static func match(_ query: [UInt8], _ word: [UInt8]) -> Match {
        if query.count > word.count {
            return stem(query, word) ? .stem : .none
        }
        if word.starts(with: query) { return query.count == word.count ? .whole : .prefix }
        if stem(query, word) { return .stem }
        if query.count >= 3 && contains(word, query) { return .inside }
        return .none
    }

    /// Bulgarian changes word endings a lot: a long shared beginning counts as the same stem.
    static func stem(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let shorter = min(a.count, b.count)
        guard shorter >= 5 else { return false }
        var common = 0
        while common < shorter && a[common] == b[common] { common += 1 }
        return common >= max(5, max(a.count, b.count) - 4)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<start + needle.count].elementsEqual(needle) { return true }
        }
        return false
    }

    /// Where the words of `query` appear in `text`, as Unicode-scalar offset ranges, for highlighting.
    public static func highlights(of query: String, in text: String) -> [Range<Int>] {
        let queryWords = queryWords(query)
        guard !queryWords.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        for word in SearchText.words(text) {
            let w = word.bytes
            for q in queryWords {
                switch match(q, w) {
                case .whole, .stem:
                    ranges.append(word.start..<word.end)
                case .prefix:
                    ranges.append(word.start..<min(word.end, word.start + originalLength(of: q, in: text, from: word.start, wordEnd: word.end)))
                case .inside, .none:
                    continue
                }
                break
            }
        }
        return ranges
    }

    /// How many original scalars of a word spell the first `query.count` canonical letters.
    private static func originalLength(of query: [UInt8], in text: String, from start: Int, wordEnd: Int) -> Int {
        let scalars = Array(text.unicodeScalars)
        for length in 1...(wordEnd - start) {
            var part = String.UnicodeScalarView()
            part.append(contentsOf: scalars[start..<start + length])
            if let canonical = SearchText.words(String(part)).first, canonical.bytes.count >= query.count {
                return length
            }
        }
        return wordEnd - start
    }
}
