import BoardCore

extension SurveyStore {
    /// The report of the days from `from` to `to`, inclusive, counted by SQL: the same figures as
    /// `SurveyReport(definition:cards:…)` over `cards(from:to:)` (tested on odd and legacy cards).
    public func report(
        definition: SurveyDefinition, from: CalendarDate, to: CalendarDate,
        includeFloods: Bool = false
    ) throws(StoreError) -> SurveyReport {
        do {
            var count = SurveyCount(definition: definition, from: from, to: to, includeFloods: includeFloods)
            try count.run(on: db)
            return count.report()
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}

/// The figures of a report as four queries give them, folded into the card definition.
///
/// Each query groups in the order of the index or key it reads (no sort of the answers):
/// the cards per day, every question's answers per day and value or option, the satisfaction
/// of the cards of each topic, and the comments. The definition is applied here, to a few
/// thousand grouped rows: question and option ids are compared as Swift strings (canonical
/// equivalence, as the dictionary of a card's answers compares them), so an id stored in
/// another Unicode form still counts, and a definition may repeat ids.
struct SurveyCount {
    let definition: SurveyDefinition
    let from: CalendarDate
    let to: CalendarDate
    let includeFloods: Bool

    private var cards = 0
    private var floods = 0
    /// Per question: faces and scale count answers 1…n, choices count their options in order.
    private var counts: [[Int]]
    private var comments: [[SurveyReport.Comment]]
    /// Per option of the first choice question, its cards with a satisfaction answer and of
    /// those the satisfied.
    private var groupAnswered: [Int]
    private var groupSatisfied: [Int]
    private var monthCards: [Int]
    private var monthAnswered: [Int]
    private var monthSatisfied: [Int]

    /// Every stored question id of the period, once each by its bytes (two Unicode forms of one
    /// id are two forms: each is bound as it is stored).
    private var forms: [String] = []
    /// Stored days of the period that are no `YYYY-MM-DD` date: their cards count nowhere.
    private var badDays: [String] = []
    private var days: [String: CalendarDate?] = [:]

    private let satisfaction: SurveyDefinition.Question?
    private let threshold: Int
    /// The first choice question: the topics of "satisfied by topic".
    private let group: Int?

    init(definition: SurveyDefinition, from: CalendarDate, to: CalendarDate, includeFloods: Bool) {
        self.definition = definition
        self.from = from
        self.to = to
        self.includeFloods = includeFloods
        counts = definition.questions.map { q in Array(repeating: 0, count: q.kind == .comment ? 0 : q.answerCount) }
        comments = definition.questions.map { _ in [] }
        satisfaction = definition.satisfactionQuestion
        threshold = definition.satisfactionQuestion?.kind == .faces ? 3 : 4
        group = definition.questions.firstIndex { $0.kind == .choice }
        let options = group.map { definition.questions[$0].options.count } ?? 0
        groupAnswered = Array(repeating: 0, count: options)
        groupSatisfied = Array(repeating: 0, count: options)
        // From the month of `from` to the month of `to` (none when `to` is in an earlier month).
        let months = max(0, (to.year - from.year) * 12 + to.month - from.month + 1)
        monthCards = Array(repeating: 0, count: months)
        monthAnswered = Array(repeating: 0, count: months)
        monthSatisfied = Array(repeating: 0, count: months)
    }

    mutating func run(on db: SQLiteConnection) throws(SQLiteError) {
        try countCards(db)
        try countAnswers(db)
        try countGroups(db)
        try readComments(db)
    }

    /// A stored day of the period, or nil for one in another form (then noted in `badDays`).
    private mutating func day(_ text: String) -> CalendarDate? {
        if let known = days[text] { return known }
        let day = CalendarDate(iso: text)
        days[text] = day
        if day == nil { badDays.append(text) }
        return day
    }

    private func month(_ day: CalendarDate) -> Int { (day.year - from.year) * 12 + day.month - from.month }

    /// The stored forms of the id of `question`.
    private func forms(of question: SurveyDefinition.Question) -> [String] { forms.filter { $0 == question.id } }

    /// " IN (?, ?, …)" for `count` values.
    private static func list(_ count: Int) -> String {
        " IN (" + Array(repeating: "?", count: count).joined(separator: ", ") + ")"
    }

    /// The period, floods and stored days that are no dates, as conditions on `table`'s columns:
    /// the text and the values to bind after those of the query itself.
    private func period(_ table: String) -> (String, [SQLiteValue]) {
        // `+day`: the answers are read by question here (`countAnswers` reads by day).
        var sql = " AND +\(table).day BETWEEN ? AND ? AND (\(table).flood = 0 OR ?)"
        var values: [SQLiteValue] = [.text(from.iso), .text(to.iso), .int(includeFloods ? 1 : 0)]
        if !badDays.isEmpty {
            sql += " AND \(table).day NOT" + SurveyCount.list(badDays.count)
            values += badDays.map(SQLiteValue.text)
        }
        return (sql, values)
    }

    /// Cards and floods, per day.
    private mutating func countCards(_ db: SQLiteConnection) throws(SQLiteError) {
        let s = try db.prepare("SELECT day, flood, count(*) FROM cards WHERE day BETWEEN ? AND ? GROUP BY day, flood")
        s.bind(.text(from.iso), .text(to.iso))
        while try s.step() {
            guard let day = day(s.text(0) ?? "") else { continue }
            let n = s.int(2)
            let flood = s.int(1) != 0
            if flood { floods += n }
            if !flood || includeFloods {
                cards += n
                monthCards[month(day)] += n
            }
        }
    }

    /// Every answer with a value or an option, per day, question and answer; the months'
    /// satisfaction; and the stored forms of the question ids.
    private mutating func countAnswers(_ db: SQLiteConnection) throws(SQLiteError) {
        let s = try db.prepare(
            """
            SELECT day, question, value, option, count(*) FROM answers
            WHERE day BETWEEN ? AND ? AND (flood = 0 OR ?) GROUP BY day, question, value, option
            """)
        s.bind(.text(from.iso), .text(to.iso), .int(includeFloods ? 1 : 0))
        var known: Set<[UInt8]> = []
        var questionsOfForm: [String: [Int]] = [:]
        while try s.step() {
            let question = s.text(1) ?? ""
            if known.insert(Array(question.utf8)).inserted { forms.append(question) }
            guard let day = day(s.text(0) ?? "") else { continue }
            let n = s.int(4)
            // A Swift dictionary finds the questions of every form of an id.
            let questions =
                questionsOfForm[question]
                ?? definition.questions.indices.filter {
                    definition.questions[$0].id == question
                }
            questionsOfForm[question] = questions
            if !s.isNull(2) {
                let v = s.int(2)
                for i in questions {
                    let kind = definition.questions[i].kind
                    if kind == .faces || kind == .scale, v >= 1, v <= counts[i].count { counts[i][v - 1] += n }
                }
                if let satisfaction, satisfaction.id == question {
                    monthAnswered[month(day)] += n
                    if v >= threshold { monthSatisfied[month(day)] += n }
                }
            } else if let option = s.text(3) {
                for i in questions where definition.questions[i].kind == .choice {
                    for (k, o) in definition.questions[i].options.enumerated() where o.id == option {
                        counts[i][k] += n
                    }
                }
            }
        }
    }

    /// Per option of the first choice question, how many of its cards have a satisfaction
    /// answer and how many of those are satisfied. (Its cards are that question's own counts.)
    private mutating func countGroups(_ db: SQLiteConnection) throws(SQLiteError) {
        guard let group, let satisfaction else { return }
        let topics = forms(of: definition.questions[group]), satisfied = forms(of: satisfaction)
        guard !topics.isEmpty, !satisfied.isEmpty else { return }
        let (period, values) = period("t")
        // `t` through `answers_by_option`: by option (the grouping needs no sort), and each
        // option's cards in card order, so that each look-up of `s` lands next to the one before.
        let s = try db.prepare(
            """
            SELECT t.option, count(s.value), sum(s.value >= ?) FROM answers t
            LEFT JOIN answers s ON s.question\(SurveyCount.list(satisfied.count)) AND s.card = t.card
            WHERE t.question\(SurveyCount.list(topics.count)) AND t.option IS NOT NULL\(period)
            GROUP BY t.option
            """)
        s.bind([.int(threshold)] + satisfied.map(SQLiteValue.text) + topics.map(SQLiteValue.text) + values)
        let options = definition.questions[group].options
        while try s.step() {
            let option = s.text(0) ?? ""
            for (k, o) in options.enumerated() where o.id == option {
                groupAnswered[k] += s.int(1)
                groupSatisfied[k] += s.int(2)
            }
        }
    }

    /// The comments, cleaned as the board cleans text. An option under a comment question is a
    /// comment stored before texts beginning with "=" were escaped (survey files of version 1).
    private mutating func readComments(_ db: SQLiteConnection) throws(SQLiteError) {
        let questions = definition.questions.indices.filter { definition.questions[$0].kind == .comment }
        let stored = forms.filter { form in questions.contains { definition.questions[$0].id == form } }
        guard !stored.isEmpty else { return }
        let (period, values) = period("answers")
        let s = try db.prepare(
            """
            SELECT day, question, text, option FROM answers
            WHERE question\(SurveyCount.list(stored.count)) AND (text IS NOT NULL OR option IS NOT NULL)\(period)
            """)
        s.bind(stored.map(SQLiteValue.text) + values)
        while try s.step() {
            // A day that reads as a date is written as `CalendarDate.iso` writes it.
            let day = s.text(0) ?? ""
            guard self.day(day) != nil else { continue }
            let written = s.text(2) ?? "=" + (s.text(3) ?? "")
            var clean = SafeText.clean(written)
            if clean.utf8.first == 0x20 || clean.utf8.last == 0x20 {
                clean = clean.trimmingCharacters(in: .whitespaces)
            }
            guard !clean.isEmpty else { continue }
            let question = s.text(1) ?? ""
            for i in questions where definition.questions[i].id == question {
                comments[i].append(SurveyReport.Comment(day: day, text: clean))
            }
        }
    }

    /// The report of the figures counted.
    func report() -> SurveyReport {
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
                questions.append(
                    SurveyReport.QuestionResult(
                        id: q.id, kind: q.kind, text: q.text, answered: answered, buckets: buckets,
                        mean: answered == 0 ? nil : Double(sum) / Double(answered),
                        satisfied: answered == 0 ? nil : Double(satisfied) / Double(answered)))
            case .choice:
                let buckets = zip(q.options, counts[index]).map { option, count in
                    SurveyReport.Bucket(key: option.id, label: option.text, count: count)
                }
                questions.append(
                    SurveyReport.QuestionResult(
                        id: q.id, kind: q.kind, text: q.text, answered: counts[index].reduce(0, +), buckets: buckets))
            case .comment:
                allComments += comments[index]
                // As in SurveyReport: the comments of this and every earlier comment question.
                questions.append(
                    SurveyReport.QuestionResult(
                        id: q.id, kind: q.kind, text: q.text, answered: allComments.count, buckets: []))
            }
        }
        func share(_ satisfied: Int, of answered: Int) -> Double? {
            answered == 0 ? nil : Double(satisfied) / Double(answered)
        }
        let groups =
            group.map { g in
                definition.questions[g].options.enumerated().map { k, option in
                    SurveyReport.GroupResult(
                        key: option.id, label: option.text, cards: counts[g][k],
                        satisfied: share(groupSatisfied[k], of: groupAnswered[k]))
                }
            } ?? []
        let months = monthCards.indices.map { i in
            let year = from.year + (from.month - 1 + i) / 12
            let month = (from.month - 1 + i) % 12 + 1
            return SurveyReport.MonthResult(
                month: "\(year)-\(month < 10 ? "0" : "")\(month)", cards: monthCards[i],
                satisfied: share(monthSatisfied[i], of: monthAnswered[i]))
        }
        return SurveyReport(
            from: from.iso, to: to.iso, cards: cards, floods: floods, floodsIncluded: includeFloods,
            questions: questions, groups: groups, months: months,
            comments: allComments.sorted { ($0.day, $0.text) < ($1.day, $1.text) })
    }
}
