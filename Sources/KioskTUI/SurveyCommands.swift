import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Glibc

/// `kiosk report` and `kiosk survey simulate`.
enum SurveyCommands {
    static func report(_ options: Command.ReportOptions, config: Settings) -> Int32 {
        let today = SystemClock.localTime().date
        var (from, to) = SurveyReport.lastHalfYear(before: today)
        if let f = options.from, let t = options.to {
            guard let fd = CalendarDate(iso: f), let td = CalendarDate(iso: t) else {
                Platform.printError("kiosk: --from and --to must be dates as YYYY-MM-DD")
                return 2
            }
            guard fd <= td else {
                Platform.printError("kiosk: --from \(f) is after --to \(t)")
                return 2
            }
            (from, to) = (fd, td)
        }
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
            // Counted while the cards are read: no card is held in memory.
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

    static func simulate(cards: Int, config: Settings) -> Int32 {
        do {
            let board = try BoardDatabase(path: config.database, readOnly: true)
            guard let definition = try board.surveyDefinition() else {
                Platform.printError("kiosk: the content defines no survey")
                return 1
            }
            let store = try SurveyStore(path: config.surveyDatabase)
            let today = SystemClock.localTime().date
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<cards {
                var answers: [String: SurveyAnswer] = [:]
                for q in definition.questions {
                    switch q.kind {
                    case .faces, .scale: answers[q.id] = .value(Int.random(in: 1...q.answerCount, using: &generator))
                    case .choice: answers[q.id] = .option(q.options.randomElement(using: &generator)!.id)
                    case .comment: if Bool.random(using: &generator) { answers[q.id] = .text("проба / test") }
                    }
                }
                try store.save(SurveyCard(day: today, centre: definition.title.bg, answers: answers))
            }
            print("stored \(cards) cards in \(config.surveyDatabase)")
            return 0
        } catch {
            Platform.printError("kiosk: \(error.description)")
            return 1
        }
    }
}
