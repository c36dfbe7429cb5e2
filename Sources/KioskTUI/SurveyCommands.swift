import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Glibc

/// `kiosk report` and `kiosk survey simulate`.
enum SurveyCommands {
    static func report(_ options: Command.ReportOptions, config: Settings) -> Int32 {
        guard let (from, to) = period(from: options.from, to: options.to) else { return 2 }
        do {
            let board = try BoardDatabase(path: config.database, readOnly: !options.publish)
            guard let definition = try board.surveyDefinition() else {
                Platform.printError("kiosk: \(config.database): the content defines no survey (survey.json)")
                return 1
            }
            guard Platform.fileExists(config.surveyDatabase) else {
                Platform.printError("kiosk: \(config.surveyDatabase): no survey cards have been stored yet")
                return 1
            }
            // Counted by SQL: no card is held in memory.
            let report = try SurveyStore(path: config.surveyDatabase)
                .report(definition: definition, from: from, to: to, includeFloods: options.includeFloods)
            let text = ReportFormat(rawValue: options.format)!.render(report)
            if let out = options.out {
                guard Platform.writeFileAtomically(out, text) else {
                    Platform.printError("kiosk: cannot write \(out)")
                    return 1
                }
            } else {
                print(text, terminator: "")
            }
            if options.publish {
                let lock = try WriterLock(databasePath: config.database)
                try board.publish(report, at: SystemClock.timestamp())
                withExtendedLifetime(lock) {}
                Platform.printError("published \(from.iso) – \(to.iso) (\(report.cards) cards) to \(config.database)")
            }
            return 0
        } catch {
            Platform.printError("kiosk: \(error.description)")
            return 1
        }
    }

    /// The days from `from` to `to` as given (both or neither), else the last full half-year;
    /// nil, with the reason printed, for anything else.
    static func period(from: String?, to: String?) -> (CalendarDate, CalendarDate)? {
        guard let f = from, let t = to else { return SurveyReport.lastHalfYear(before: SystemClock.localTime().date) }
        guard let fd = CalendarDate(iso: f), let td = CalendarDate(iso: t) else {
            Platform.printError("kiosk: --from and --to must be dates as YYYY-MM-DD")
            return nil
        }
        guard fd <= td else {
            Platform.printError("kiosk: --from \(f) is after --to \(t)")
            return nil
        }
        return (fd, td)
    }

    /// Stores `options.cards` random cards, each on a random day of the period, in
    /// transactions of `batch` cards.
    static func simulate(_ options: Command.SimulateOptions, config: Settings) -> Int32 {
        guard let (from, to) = period(from: options.from, to: options.to) else { return 2 }
        var days = [from]
        while let last = days.last, last < to {
            days.append(
                CalendarDate(year: last.year, month: last.month, day: last.day + 1)
                    ?? CalendarDate(year: last.year + last.month / 12, month: last.month % 12 + 1, day: 1)!)
        }
        do {
            let board = try BoardDatabase(path: config.database, readOnly: true)
            guard let definition = try board.surveyDefinition() else {
                Platform.printError("kiosk: the content defines no survey")
                return 1
            }
            let store = try SurveyStore(path: config.surveyDatabase)
            var generator = SystemRandomNumberGenerator()
            var left = options.cards
            while left > 0 {
                let cards = (0..<min(left, batch)).map { _ in
                    var answers: [String: SurveyAnswer] = [:]
                    for q in definition.questions {
                        switch q.kind {
                        case .faces, .scale:
                            answers[q.id] = .value(Int.random(in: 1...q.answerCount, using: &generator))
                        case .choice: answers[q.id] = .option(q.options.randomElement(using: &generator)!.id)
                        case .comment: if Bool.random(using: &generator) { answers[q.id] = .text("проба / test") }
                        }
                    }
                    let day = days.randomElement(using: &generator)!
                    return SurveyCard(day: day, centre: definition.title.bg, answers: answers)
                }
                try store.save(cards)
                left -= cards.count
            }
            Platform.printOutput("stored \(options.cards) cards of \(from.iso) – \(to.iso) in \(config.surveyDatabase)")
            return 0
        } catch {
            Platform.printError("kiosk: \(error.description)")
            return 1
        }
    }

    /// Cards per transaction of `simulate`: a commit per card (each waits for the journal and
    /// the file to reach the disk) would make a large simulation last many minutes.
    static let batch = 10_000
}
