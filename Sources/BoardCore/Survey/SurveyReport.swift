/// The results of a period's cards: what `kiosk report` prints and the board shows once published.
public struct SurveyReport: Sendable, Hashable, Codable {
    public struct Bucket: Sendable, Hashable, Codable {
        /// The answer's key: "1"…"5" for faces and scales, the option id for choices.
        public var key: String
        public var label: LocalizedText
        public var count: Int

        package init(key: String, label: LocalizedText, count: Int) {
            self.key = key
            self.label = label
            self.count = count
        }
    }

    public struct QuestionResult: Sendable, Hashable, Codable {
        public var id: String
        public var kind: SurveyDefinition.Kind
        public var text: LocalizedText
        public var answered: Int
        public var buckets: [Bucket]
        /// The mean answer, for faces (1–4) and scales (1–5).
        public var mean: Double?
        /// Share of answers that are satisfied: faces 3–4, scale 4–5.
        public var satisfied: Double?

        package init(
            id: String, kind: SurveyDefinition.Kind, text: LocalizedText, answered: Int, buckets: [Bucket],
            mean: Double? = nil, satisfied: Double? = nil
        ) {
            self.id = id
            self.kind = kind
            self.text = text
            self.answered = answered
            self.buckets = buckets
            self.mean = mean
            self.satisfied = satisfied
        }
    }

    /// Satisfaction among visitors who came for one option of the choice question (e.g. a category).
    public struct GroupResult: Sendable, Hashable, Codable {
        public var key: String
        public var label: LocalizedText
        public var cards: Int
        public var satisfied: Double?

        package init(key: String, label: LocalizedText, cards: Int, satisfied: Double? = nil) {
            self.key = key
            self.label = label
            self.cards = cards
            self.satisfied = satisfied
        }
    }

    public struct MonthResult: Sendable, Hashable, Codable {
        /// "2026-03".
        public var month: String
        public var cards: Int
        public var satisfied: Double?

        package init(month: String, cards: Int, satisfied: Double? = nil) {
            self.month = month
            self.cards = cards
            self.satisfied = satisfied
        }
    }

    public struct Comment: Sendable, Hashable, Codable {
        public var day: String
        public var text: String

        package init(day: String, text: String) {
            self.day = day
            self.text = text
        }
    }

    public var from: String
    public var to: String
    /// Cards counted (floods left out unless asked for).
    public var cards: Int
    /// Cards marked as part of a flood from one terminal.
    public var floods: Int
    public var floodsIncluded: Bool
    public var questions: [QuestionResult]
    public var groups: [GroupResult]
    public var months: [MonthResult]
    public var comments: [Comment]

    /// Computes the report of `cards` over the period for the card `definition`.
    ///
    /// The plain statement of every figure. `kiosk report` counts the same figures with SQL
    /// (`SurveyStore.report`): a change here needs the same change there (SurveyReportQueryTests
    /// compares the two on odd and legacy cards).
    public init(
        definition: SurveyDefinition, cards all: [SurveyCard], from: CalendarDate, to: CalendarDate,
        includeFloods: Bool = false
    ) {
        self.from = from.iso
        self.to = to.iso
        let inPeriod = all.filter { $0.day >= from && $0.day <= to }
        floods = inPeriod.filter(\.flood).count
        floodsIncluded = includeFloods
        let cards = includeFloods ? inPeriod : inPeriod.filter { !$0.flood }
        self.cards = cards.count

        let satisfactionID = definition.satisfactionQuestion?.id
        let satisfactionKind = definition.satisfactionQuestion?.kind
        func isSatisfied(_ card: SurveyCard) -> Bool? {
            guard let id = satisfactionID, case .value(let v)? = card.answers[id] else { return nil }
            return satisfactionKind == .faces ? v >= 3 : v >= 4
        }
        func share(_ group: [SurveyCard]) -> Double? {
            let answers = group.compactMap(isSatisfied)
            return answers.isEmpty ? nil : Double(answers.filter { $0 }.count) / Double(answers.count)
        }

        var questions: [QuestionResult] = []
        var comments: [Comment] = []
        for q in definition.questions {
            switch q.kind {
            case .faces, .scale:
                let values = cards.compactMap { card -> Int? in
                    if case .value(let v)? = card.answers[q.id], v >= 1, v <= q.answerCount { return v }
                    return nil
                }
                let buckets = (1...q.answerCount).map { v in
                    Bucket(
                        key: String(v), label: SurveyText.answerLabel(q.kind, v), count: values.filter { $0 == v }.count
                    )
                }
                let mean = values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
                let threshold = q.kind == .faces ? 3 : 4
                let satisfied =
                    values.isEmpty ? nil : Double(values.filter { $0 >= threshold }.count) / Double(values.count)
                questions.append(
                    QuestionResult(
                        id: q.id, kind: q.kind, text: q.text, answered: values.count, buckets: buckets, mean: mean,
                        satisfied: satisfied))
            case .choice:
                let chosen = cards.compactMap { card -> String? in
                    if case .option(let o)? = card.answers[q.id] { return o }
                    return nil
                }
                let buckets = q.options.map {
                    Bucket(key: $0.id, label: $0.text, count: chosen.filter { [id = $0.id] in $0 == id }.count)
                }
                questions.append(
                    QuestionResult(
                        id: q.id, kind: q.kind, text: q.text, answered: buckets.map(\.count).reduce(0, +),
                        buckets: buckets, mean: nil, satisfied: nil))
            case .comment:
                for card in cards {
                    // An option under a comment question is a comment stored before texts
                    // beginning with "=" were escaped (survey files of version 1): its text.
                    let written: String? =
                        switch card.answers[q.id] {
                        case .text(let t)?: t
                        case .option(let o)?: "=" + o
                        default: nil
                        }
                    if let t = written {
                        let clean = SafeText.clean(t).trimmingCharacters(in: .whitespaces)
                        if !clean.isEmpty { comments.append(Comment(day: card.day.iso, text: clean)) }
                    }
                }
                questions.append(
                    QuestionResult(
                        id: q.id, kind: q.kind, text: q.text, answered: comments.count, buckets: [], mean: nil,
                        satisfied: nil))
            }
        }
        self.questions = questions
        self.comments = comments.sorted { ($0.day, $0.text) < ($1.day, $1.text) }

        if let choice = definition.questions.first(where: { $0.kind == .choice }) {
            groups = choice.options.map { option in
                let group = cards.filter { $0.answers[choice.id] == .option(option.id) }
                return GroupResult(key: option.id, label: option.text, cards: group.count, satisfied: share(group))
            }
        } else {
            groups = []
        }

        var months: [MonthResult] = []
        var month = CalendarDate(year: from.year, month: from.month, day: 1)!
        while month <= to {
            let key = "\(month.year)-\(month.month < 10 ? "0" : "")\(month.month)"
            let group = cards.filter { $0.day.year == month.year && $0.day.month == month.month }
            months.append(MonthResult(month: key, cards: group.count, satisfied: share(group)))
            month =
                month.month == 12
                ? CalendarDate(year: month.year + 1, month: 1, day: 1)!
                : CalendarDate(year: month.year, month: month.month + 1, day: 1)!
        }
        self.months = months
    }

    /// A report from figures counted elsewhere (see `SurveyStore.report`).
    package init(
        from: String, to: String, cards: Int, floods: Int, floodsIncluded: Bool, questions: [QuestionResult],
        groups: [GroupResult], months: [MonthResult], comments: [Comment]
    ) {
        self.from = from
        self.to = to
        self.cards = cards
        self.floods = floods
        self.floodsIncluded = floodsIncluded
        self.questions = questions
        self.groups = groups
        self.months = months
        self.comments = comments
    }

    /// The last full half-year before `today`: January–June or July–December.
    public static func lastHalfYear(before today: CalendarDate) -> (CalendarDate, CalendarDate) {
        if today.month >= 7 {
            return (
                CalendarDate(year: today.year, month: 1, day: 1)!, CalendarDate(year: today.year, month: 6, day: 30)!
            )
        }
        return (
            CalendarDate(year: today.year - 1, month: 7, day: 1)!,
            CalendarDate(year: today.year - 1, month: 12, day: 31)!
        )
    }
}

/// The words of the survey's fixed answers.
public enum SurveyText {
    public static func answerLabel(_ kind: SurveyDefinition.Kind, _ value: Int) -> LocalizedText {
        switch (kind, value) {
        case (.faces, 1): return LocalizedText(bg: "Много недоволен", en: "Very unhappy")
        case (.faces, 2): return LocalizedText(bg: "Недоволен", en: "Unhappy")
        case (.faces, 3): return LocalizedText(bg: "Доволен", en: "Happy")
        case (.faces, 4): return LocalizedText(bg: "Много доволен", en: "Very happy")
        case (.scale, 1): return LocalizedText(bg: "1 – много лошо", en: "1 – very poor")
        case (.scale, 2): return LocalizedText(bg: "2 – лошо", en: "2 – poor")
        case (.scale, 3): return LocalizedText(bg: "3 – средно", en: "3 – fair")
        case (.scale, 4): return LocalizedText(bg: "4 – добро", en: "4 – good")
        case (.scale, 5): return LocalizedText(bg: "5 – отлично", en: "5 – excellent")
        default: return LocalizedText(bg: String(value))
        }
    }

    /// A face drawn in text, so the meaning never rests on colour: ☹☹ ☹ ☺ ☺☺.
    public static func face(_ value: Int) -> String {
        ["☹ ☹", "☹", "☺", "☺ ☺"][max(0, min(3, value - 1))]
    }
}
