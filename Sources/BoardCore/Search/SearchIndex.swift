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
    package enum Field: Int, CaseIterable {
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

    /// How well a query word meets an indexed word.
    package enum Match: Int, Comparable {
        case none = 0
        /// Inside a compound word ("данъ" in "автоданък").
        case inside = 2
        /// Same stem: a shared beginning with a different ending ("наследство" / "наследници").
        case stem = 3
        /// The beginning of the word ("удост" → "удостоверение").
        case prefix = 4
        case whole = 6

        package static func < (a: Match, b: Match) -> Bool { a.rawValue < b.rawValue }
    }

    /// Collects documents one at a time, so that a store can stream them in without holding every
    /// service's texts at once; `finish` packs what it gathered into the index.
    public struct Builder {
        var wordIDs: [[UInt8]: Int32] = [:]
        var vocabulary: [[UInt8]] = []
        var postings: [[UInt32]] = []
        var numbers: [String] = []
        var postingCount = 0

        public init() {}

        /// Adds the next document; documents keep the order they are added in.
        public mutating func add(_ document: SearchDocument) {
            precondition(numbers.count < 1 << 30, "a posting packs the document number in 30 bits")
            let d = UInt32(numbers.count)
            numbers.append(document.number)
            let fields: [(Field, [String])] = [
                (.name, document.names), (.keyword, document.keywords), (.description, document.descriptions),
            ]
            for (field, texts) in fields {
                var seen = Set<Int32>()
                for text in texts {
                    for word in SearchText.words(text) {
                        let id: Int32
                        if let existing = wordIDs[word.bytes] {
                            id = existing
                        } else {
                            id = Int32(vocabulary.count)
                            wordIDs[word.bytes] = id
                            vocabulary.append(word.bytes)
                            postings.append([])
                        }
                        if seen.insert(id).inserted {
                            postings[Int(id)].append(d << 2 | UInt32(field.rawValue))
                            postingCount += 1
                        }
                    }
                }
            }
        }

        /// The index of everything added; the builder is left empty.
        public mutating func finish() -> SearchIndex { SearchIndex(&self) }
    }

    /// The services' register numbers, in catalogue order (a document is its position here).
    package let numbers: [String]
    /// Every distinct canonical word, one after another; word `i` is
    /// `wordBytes[wordStarts[i]..<wordStarts[i + 1]]`. One buffer instead of an array per word:
    /// at 5,000 services the index is a third of the kiosk's heap, and per-array headers and
    /// slack were half of it.
    package let wordBytes: [UInt8]
    package let wordStarts: [Int32]
    /// The postings of word `i`, `postingList[postingStarts[i]..<postingStarts[i + 1]]`, each a
    /// document number shifted left by 2 with the field in the low 2 bits.
    package let postingList: [UInt32]
    package let postingStarts: [Int32]

    public var count: Int { numbers.count }

    /// Builds the index; documents keep their order, which breaks ties between equal scores.
    public convenience init(documents: [SearchDocument]) {
        var builder = Builder()
        for document in documents { builder.add(document) }
        self.init(&builder)
    }

    /// Packs what `builder` gathered, emptying it list by list as it goes, so that the words and
    /// postings are not held twice at the peak.
    package init(_ builder: inout Builder) {
        numbers = builder.numbers
        var bytes: [UInt8] = []
        bytes.reserveCapacity(builder.vocabulary.reduce(0) { $0 + $1.count })
        var starts: [Int32] = [0]
        starts.reserveCapacity(builder.vocabulary.count + 1)
        builder.wordIDs = [:]
        for i in builder.vocabulary.indices {
            bytes += builder.vocabulary[i]
            builder.vocabulary[i] = []
            starts.append(Int32(bytes.count))
        }
        wordBytes = bytes
        wordStarts = starts
        var list: [UInt32] = []
        list.reserveCapacity(builder.postingCount)
        var postingStarts: [Int32] = [0]
        postingStarts.reserveCapacity(builder.postings.count + 1)
        for i in builder.postings.indices {
            list += builder.postings[i]
            builder.postings[i] = []
            postingStarts.append(Int32(list.count))
        }
        builder = Builder()
        postingList = list
        self.postingStarts = postingStarts
    }

    /// The query's words that narrow the search (little words dropped unless alone).
    package static func queryWords(_ query: String) -> [[UInt8]] {
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
            w.withUnsafeBufferPointer { query in
                wordBytes.withUnsafeBufferPointer { words in
                    for id in 0..<(wordStarts.count - 1) {
                        let candidate = UnsafeBufferPointer(
                            rebasing: words[Int(wordStarts[id])..<Int(wordStarts[id + 1])])
                        let match = SearchIndex.match(query, candidate)
                        guard match != .none else { continue }
                        for posting in postingList[Int(postingStarts[id])..<Int(postingStarts[id + 1])] {
                            let d = Int(posting >> 2)
                            let score = match.rawValue * Field(rawValue: Int(posting & 3))!.weight
                            if score > best[d] { best[d] = score }
                        }
                    }
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

    package static func match(_ query: [UInt8], _ word: [UInt8]) -> Match {
        query.withUnsafeBufferPointer { q in word.withUnsafeBufferPointer { match(q, $0) } }
    }

    package static func match(_ query: UnsafeBufferPointer<UInt8>, _ word: UnsafeBufferPointer<UInt8>) -> Match {
        if query.count > word.count {
            return stem(query, word) ? .stem : .none
        }
        if word.starts(with: query) { return query.count == word.count ? .whole : .prefix }
        if stem(query, word) { return .stem }
        if query.count >= 3 && contains(word, query) { return .inside }
        return .none
    }

    /// Bulgarian changes word endings a lot: a long shared beginning counts as the same stem.
    package static func stem(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let shorter = min(a.count, b.count)
        guard shorter >= 5 else { return false }
        var common = 0
        while common < shorter && a[common] == b[common] { common += 1 }
        return common >= max(5, max(a.count, b.count) - 4)
    }

    package static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if UnsafeBufferPointer(rebasing: haystack[start..<start + needle.count]).elementsEqual(needle) {
                return true
            }
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
                    ranges.append(
                        word
                            .start..<min(
                                word.end,
                                word.start + originalLength(of: q, in: text, from: word.start, wordEnd: word.end)))
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
