import BoardCore
/// Counts a period's cards into a `SurveyReport` one card at a time, as they are read.
///
/// `kiosk report` reads 200,000 cards and more: keeping every card with a dictionary of its
/// answers, then walking them once per question, topic and month, cost most of its time. The
/// tally keeps counters instead, and reads a card stored as `SurveyStore.save` writes it (a flat
/// JSON object) straight from its bytes; anything else goes through
/// `SurveyStore.answers(fromJSON:)`, the same reading as `SurveyStore.cards`.
///
/// For the same cards in the same order it gives exactly what
/// `SurveyReport(definition:cards:from:to:includeFloods:)` gives (tested): that initializer stays
/// the plain statement of what the figures mean.
package struct SurveyTally {
    /// One card's answer to one distinct question id.
    package enum Answer: Equatable {
        case unset
        case value(Int)
        /// The index in `optionIDs`, or -1 for an option the card definition does not offer.
        case option(Int)
        /// A comment, kept only where a comment question reads it.
        case text(String)
        /// A text no comment question reads: it still counts as the key's first answer.
        case other
    }

    package let from: CalendarDate
    package let to: CalendarDate
    package let includeFloods: Bool
    package let definition: SurveyDefinition

    // The card definition, resolved once. Questions may share an id (then they read the same
    // answer, as the dictionary lookup did), so answers are kept per distinct id: a "slot".
    private let slotIDs: [String]
    /// A slot id's bytes when it is ASCII (compared as bytes); nil: compared as Swift strings.
    private let slotASCII: [[UInt8]?]
    private let slotWantsText: [Bool]
    private let questionSlot: [Int]
    private let questionKind: [SurveyDefinition.Kind]
    /// Every option id of every choice question, once each (by Swift string equality).
    private let optionIDs: [String]
    private let optionASCII: [[UInt8]?]
    /// Per question, its options as indices in `optionIDs`.
    private let questionOptions: [[Int]]
    private let satisfactionSlot: Int?
    private let satisfactionThreshold: Int
    /// The first choice question: the topics of "satisfied by topic".
    private let groupQuestion: Int?

    // The counters.
    private var cards = 0
    private var floods = 0
    /// Per question: faces and scale count answers 1…n, choices count `optionIDs` indices.
    private var counts: [[Int]]
    private var comments: [[SurveyReport.Comment]]
    /// Per `optionIDs` index, the cards of that topic.
    private var groups: [Share]
    private var months: [Share]

    /// The answers of the card being counted, per slot.
    private var answers: [Answer]

    /// Cards, and of those with a satisfaction answer, how many were satisfied.
    private struct Share {
        var cards = 0
        var answered = 0
        var satisfied = 0

        mutating func add(_ satisfied: Bool?) {
            cards += 1
            if let satisfied {
                answered += 1
                if satisfied { self.satisfied += 1 }
            }
        }

        var share: Double? { answered == 0 ? nil : Double(satisfied) / Double(answered) }
    }

    package init(definition: SurveyDefinition, from: CalendarDate, to: CalendarDate, includeFloods: Bool = false) {
        self.definition = definition
        self.from = from
        self.to = to
        self.includeFloods = includeFloods
        func ascii(_ s: String) -> [UInt8]? { s.utf8.allSatisfy { $0 < 0x80 } ? Array(s.utf8) : nil }

        var slotIDs: [String] = []
        var slotWantsText: [Bool] = []
        var optionIDs: [String] = []
        var questionSlot: [Int] = []
        var questionOptions: [[Int]] = []
        for q in definition.questions {
            let slot: Int
            if let known = slotIDs.firstIndex(of: q.id) {
                slot = known
            } else {
                slot = slotIDs.count
                slotIDs.append(q.id)
                slotWantsText.append(false)
            }
            if q.kind == .comment { slotWantsText[slot] = true }
            questionSlot.append(slot)
            var options: [Int] = []
            if q.kind == .choice {
                for option in q.options {
                    if let known = optionIDs.firstIndex(of: option.id) {
                        options.append(known)
                    } else {
                        options.append(optionIDs.count)
                        optionIDs.append(option.id)
                    }
                }
            }
            questionOptions.append(options)
        }
        self.slotIDs = slotIDs
        slotASCII = slotIDs.map(ascii)
        self.slotWantsText = slotWantsText
        self.questionSlot = questionSlot
        questionKind = definition.questions.map(\.kind)
        self.optionIDs = optionIDs
        optionASCII = optionIDs.map(ascii)
        self.questionOptions = questionOptions
        let satisfaction = definition.satisfactionQuestion
        satisfactionSlot = satisfaction.flatMap { q in slotIDs.firstIndex(of: q.id) }
        satisfactionThreshold = satisfaction?.kind == .faces ? 3 : 4
        groupQuestion = definition.questions.firstIndex { $0.kind == .choice }

        counts = definition.questions.map { q in
            switch q.kind {
            case .faces, .scale: return Array(repeating: 0, count: q.answerCount)
            case .choice: return Array(repeating: 0, count: optionIDs.count)
            case .comment: return []
            }
        }
        comments = definition.questions.map { _ in [] }
        groups = Array(repeating: Share(), count: optionIDs.count)
        // From the month of `from` to the month of `to` (none when `to` is in an earlier month).
        months = Array(repeating: Share(), count: max(0, (to.year - from.year) * 12 + to.month - from.month + 1))
        answers = Array(repeating: .unset, count: slotIDs.count)
    }

    /// Counts one card whose answers are stored as `json` (UTF-8, as `SurveyStore.save` wrote it).
    package mutating func add(day: CalendarDate, flood: Bool, json: UnsafeBufferPointer<UInt8>) {
        guard day >= from, day <= to else { return }
        if flood {
            floods += 1
            guard includeFloods else { return }
        }
        for slot in answers.indices { answers[slot] = .unset }
        if !readFlat(json) {
            // Anything the fast reading refuses: the full parser decides, as for `cards(from:to:)`.
            for slot in answers.indices { answers[slot] = .unset }
            let parsed = SurveyStore.answers(fromJSON: String(decoding: json, as: UTF8.self))
            for (slot, id) in slotIDs.enumerated() {
                switch parsed[id] {
                case nil: break
                case .value(let v)?: answers[slot] = .value(v)
                case .option(let o)?: answers[slot] = slotWantsText[slot] ? .text("=" + o) : .option(optionIndex(o))
                case .text(let t)?: answers[slot] = slotWantsText[slot] ? .text(t) : .other
                }
            }
        }
        count(day: day)
    }

    private mutating func count(day: CalendarDate) {
        cards += 1
        var satisfied: Bool?
        if let slot = satisfactionSlot, case .value(let v) = answers[slot] { satisfied = v >= satisfactionThreshold }
        for (index, kind) in questionKind.enumerated() {
            let answer = answers[questionSlot[index]]
            switch kind {
            case .faces, .scale:
                if case .value(let v) = answer, v >= 1, v <= counts[index].count { counts[index][v - 1] += 1 }
            case .choice:
                if case .option(let o) = answer, o >= 0 { counts[index][o] += 1 }
            case .comment:
                if case .text(let t) = answer {
                    let clean = SafeText.clean(t).trimmingCharacters(in: .whitespaces)
                    if !clean.isEmpty { comments[index].append(SurveyReport.Comment(day: day.iso, text: clean)) }
                }
            }
        }
        if let group = groupQuestion, case .option(let o) = answers[questionSlot[group]], o >= 0 {
            groups[o].add(satisfied)
        }
        months[(day.year - from.year) * 12 + day.month - from.month].add(satisfied)
    }

    /// The report of the cards counted so far.
    package func report() -> SurveyReport {
        var questions: [SurveyReport.QuestionResult] = []
        var allComments: [SurveyReport.Comment] = []
        for (index, q) in definition.questions.enumerated() {
            switch q.kind {
            case .faces, .scale:
                let values = counts[index]
                let answered = values.reduce(0, +)
                let buckets = values.enumerated().map { i, count in
                    SurveyReport.Bucket(key: String(i + 1), label: SurveyText.answerLabel(q.kind, i + 1), count: count)
                }
                let sum = values.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
                let threshold = q.kind == .faces ? 3 : 4
                let satisfied = values.enumerated().reduce(0) { $1.offset + 1 >= threshold ? $0 + $1.element : $0 }
                questions.append(SurveyReport.QuestionResult(
                    id: q.id, kind: q.kind, text: q.text, answered: answered, buckets: buckets,
                    mean: answered == 0 ? nil : Double(sum) / Double(answered),
                    satisfied: answered == 0 ? nil : Double(satisfied) / Double(answered)))
            case .choice:
                let buckets = zip(q.options, questionOptions[index]).map { option, o in
                    SurveyReport.Bucket(key: option.id, label: option.text, count: counts[index][o])
                }
                questions.append(SurveyReport.QuestionResult(
                    id: q.id, kind: q.kind, text: q.text, answered: buckets.map(\.count).reduce(0, +),
                    buckets: buckets, mean: nil, satisfied: nil))
            case .comment:
                allComments += comments[index]
                // As in SurveyReport: the comments of this and every earlier comment question.
                questions.append(SurveyReport.QuestionResult(
                    id: q.id, kind: q.kind, text: q.text, answered: allComments.count, buckets: [], mean: nil, satisfied: nil))
            }
        }
        let groupResults: [SurveyReport.GroupResult]
        if let group = groupQuestion {
            let choice = definition.questions[group]
            groupResults = zip(choice.options, questionOptions[group]).map { option, o in
                SurveyReport.GroupResult(key: option.id, label: option.text, cards: groups[o].cards, satisfied: groups[o].share)
            }
        } else {
            groupResults = []
        }
        let monthResults = months.enumerated().map { i, share in
            let year = from.year + (from.month - 1 + i) / 12
            let month = (from.month - 1 + i) % 12 + 1
            return SurveyReport.MonthResult(month: "\(year)-\(month < 10 ? "0" : "")\(month)", cards: share.cards, satisfied: share.share)
        }
        return SurveyReport(
            from: from.iso, to: to.iso, cards: cards, floods: floods, floodsIncluded: includeFloods,
            questions: questions, groups: groupResults, months: monthResults,
            comments: allComments.sorted { ($0.day, $0.text) < ($1.day, $1.text) })
    }

    // MARK: reading the stored answers

    /// Reads a flat object through `SurveyStore.scanFlat`, as `SurveyStore.flatAnswers` does,
    /// into `answers`; false for anything that reading refuses (then the full parser decides).
    /// Keys and option ids are compared as bytes when both are ASCII, else as Swift strings
    /// (canonical equivalence), as the dictionary of answers compared them.
    private mutating func readFlat(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        SurveyStore.scanFlat(b) { key, value in
            let slot = slot(forKey: key)
            // The first of repeated keys counts (as JSONDecoder); unknown keys are only checked.
            guard slot >= 0, answers[slot] == .unset else { return }
            switch value {
            case .text(let text): answers[slot] = answer(text, slot: slot)
            case .number(let n): answers[slot] = .value(n)
            }
        }
    }

    /// The slot of a key, or -1 when no question has that id.
    private func slot(forKey key: UnsafeBufferPointer<UInt8>) -> Int {
        SurveyTally.index(of: key, in: slotIDs, ascii: slotASCII)
    }

    /// The position of `bytes` among `ids` (whose ASCII ones are also given as bytes), or -1:
    /// compared as bytes when both are ASCII, else as Swift strings (canonical equivalence), as
    /// the dictionary of answers compared them.
    private static func index(of bytes: UnsafeBufferPointer<UInt8>, in ids: [String], ascii: [[UInt8]?]) -> Int {
        let bytesAreASCII = bytes.allSatisfy { $0 < 0x80 }
        var text: String?
        for index in ids.indices {
            if bytesAreASCII, let known = ascii[index] {
                if known.elementsEqual(bytes) { return index }
                continue
            }
            if text == nil { text = String(decoding: bytes, as: UTF8.self) }
            if text == ids[index] { return index }
        }
        return -1
    }

    /// A string answer: "=id" is an option, "'" and a text is that text, anything else a text
    /// (see `SurveyAnswer.init(stored:)`).
    private func answer(_ text: UnsafeBufferPointer<UInt8>, slot: Int) -> Answer {
        if text.count >= 1, text[0] == UInt8(ascii: "'") {
            return slotWantsText[slot] ? .text(String(decoding: UnsafeBufferPointer(rebasing: text[1...]), as: UTF8.self)) : .other
        }
        let equals = UInt8(ascii: "=")
        // Under a comment question "=…" is a comment stored before the escape (version 1 files);
        // `SurveyReport` reads it the same way.
        if text.count >= 1, text[0] == equals, slotWantsText[slot] { return .text(String(decoding: text, as: UTF8.self)) }
        if text.count >= 1, text[0] == equals, text.count == 1 || text[1] < 0x80 {
            // "=" then ASCII (or nothing) always starts with the character "=".
            return .option(optionIndex(UnsafeBufferPointer(rebasing: text[1...])))
        }
        if text.count >= 1, text[0] == equals {
            // "=" then a combining mark would be one character that is not "=": let String say.
            let string = String(decoding: text, as: UTF8.self)
            if string.hasPrefix("=") { return .option(optionIndex(String(string.dropFirst()))) }
            return slotWantsText[slot] ? .text(string) : .other
        }
        return slotWantsText[slot] ? .text(String(decoding: text, as: UTF8.self)) : .other
    }

    private func optionIndex(_ id: UnsafeBufferPointer<UInt8>) -> Int {
        SurveyTally.index(of: id, in: optionIDs, ascii: optionASCII)
    }

    private func optionIndex(_ id: String) -> Int {
        optionIDs.firstIndex(of: id) ?? -1
    }
}
