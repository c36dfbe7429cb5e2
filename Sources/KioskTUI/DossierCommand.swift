import BoardCore
import BoardView
import BoardStore
import BoardRuntime
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Glibc

/// `kiosk dossier …`: the registry side of dossiers. Writes the board database under the
/// WriterLock; the access code is printed once by `register` and never logged anywhere.
struct DossierCommand: Equatable {
    enum Action: Equatable {
        case register(service: String, tier: Tier, filed: CalendarDate?, unit: String?, json: Bool)
        case advance(number: String, status: DossierStatus, unit: String?, at: CalendarDate?)
        case importBatch(file: String)
        case unlock(number: String)
    }

    var action: Action
    var options = Command.Options()
    var holidays: String?

    static let usage = """
          kiosk dossier register --service NUMBER [--tier ordinary|fast|express]
                                 [--filed YYYY-MM-DD] [--unit TEXT] [--json]
                                             record a dossier; prints its number and access code
          kiosk dossier advance NUMBER --status STATUS [--unit TEXT] [--at YYYY-MM-DD]
                                             record a status change; STATUS is one of
                                             \(DossierStatus.allCases.map(\.rawValue).joined(separator: ", "))
          kiosk dossier import FILE          record a batch of dossiers (JSON lines): all or none
          kiosk dossier unlock NUMBER        let kiosks look a dossier up again after 100 failures
                                             (dossier commands also take --holidays FILE, after `dossier`)
        """

    /// Parses the arguments after `dossier`; `options` are the settings given before it.
    static func parse(
        _ arguments: [String], options given: Command.Options = Command.Options()
    )
        throws(UsageError) -> DossierCommand
    {
        var args = arguments[...]
        var options = given
        // Settings may also come between `dossier` and its verb.
        while let arg = args.first, Command.Options.names.contains(arg) {
            args = args.dropFirst()
            try options.take(arg, from: &args)
        }
        guard let verb = args.popFirst() else {
            throw UsageError("`kiosk dossier` needs register, advance, import or unlock")
        }
        if verb == "--help" || verb == "-h" { throw UsageError("usage:\n\(lines: usage)") }
        var holidays: String?
        var values: [String: String] = [:]
        var json = false
        var positional: [String] = []
        let allowed: [String: Set<String>] = [
            "register": ["--service", "--tier", "--filed", "--unit"],
            "advance": ["--status", "--unit", "--at"],
            "import": [], "unlock": [],
        ]
        guard let known = allowed[verb] else {
            throw UsageError("unknown dossier command \(verb) (register, advance, import, unlock)")
        }
        while let arg = args.popFirst() {
            switch arg {
            case _ where Command.Options.names.contains(arg): try options.take(arg, from: &args)
            case "--holidays":
                if holidays != nil { throw UsageError("--holidays given twice") }
                holidays = try Command.value(of: arg, from: &args)
            case "--json" where verb == "register": json = true
            default:
                if known.contains(arg) {
                    if values[arg] != nil { throw UsageError("\(arg) given twice") }
                    values[arg] = try Command.value(of: arg, from: &args)
                } else if arg.hasPrefix("-") {
                    throw UsageError("unknown option \(arg) for `kiosk dossier \(verb)`")
                } else {
                    positional.append(arg)
                }
            }
        }
        func date(_ key: String) throws(UsageError) -> CalendarDate? {
            guard let text = values[key] else { return nil }
            guard let d = CalendarDate(iso: text) else {
                throw UsageError("\(key) must be a date as YYYY-MM-DD, found \(text)")
            }
            return d
        }
        func one(_ what: String) throws(UsageError) -> String {
            guard positional.count == 1 else { throw UsageError("`kiosk dossier \(verb)` needs exactly one \(what)") }
            return positional[0]
        }
        let action: Action
        switch verb {
        case "register":
            guard positional.isEmpty else { throw UsageError("unexpected argument \(positional[0])") }
            guard let service = values["--service"] else {
                throw UsageError("`kiosk dossier register` needs --service NUMBER")
            }
            let tierText = values["--tier"] ?? "ordinary"
            guard let tier = Tier(rawValue: tierText) else {
                throw UsageError("--tier must be ordinary, fast or express, found \(tierText)")
            }
            action = .register(
                service: service, tier: tier, filed: try date("--filed"), unit: values["--unit"], json: json)
        case "advance":
            let number = try one("dossier number")
            guard let statusText = values["--status"] else {
                throw UsageError("`kiosk dossier advance` needs --status STATUS")
            }
            guard let status = DossierStatus(rawValue: statusText) else {
                let known = DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError("unknown status \(statusText) (known: \(known))")
            }
            action = .advance(number: number, status: status, unit: values["--unit"], at: try date("--at"))
        case "import":
            action = .importBatch(file: try one("file of JSON lines"))
        default:
            action = .unlock(number: try one("dossier number"))
        }
        return DossierCommand(action: action, options: options, holidays: holidays)
    }

    /// Carries the command out under the WriterLock. The rules are `DossierRules`; this only
    /// reads the arguments' files, asks the store and prints.
    func run(_ config: Settings) -> Int32 {
        do {
            let lock = try WriterLock(databasePath: config.database)
            defer { withExtendedLifetime(lock) {} }
            let store = try BoardDatabase(path: config.database, readOnly: false)
            let today = SystemClock.localTime().date
            switch action {
            case .register(let number, let tier, let filed, let unit, let json):
                return try register(
                    number, tier: tier, filed: filed, unit: unit, json: json, store: store,
                    config: config, today: today)
            case .advance(let number, let status, let unit, let at):
                return try advance(number, to: status, unit: unit, at: at ?? today, store: store, today: today)
            case .importBatch(let file):
                guard let data = FileManager.default.contents(atPath: file) else { return fail("cannot read \(file)") }
                let batch = DossierImport.read(data, store: store, calendar: try loadHolidays(config), today: today)
                if !batch.errors.isEmpty {
                    let count = batch.errors.count == 1 ? "1 error" : "\(batch.errors.count) errors"
                    let list = batch.errors.map { "  " + $0 }.joined(separator: "\n")
                    return fail("\(file): nothing imported: \(count)\n\(lines: list)")
                }
                try store.addDossiers(batch.dossiers, pattern: config.dossierNumber)
                Platform.printOutput("imported \(batch.dossiers.count) dossiers from \(file) into \(config.database)")
            case .unlock(let number):
                let unlocks = try store.unlockDossier(number: number, at: SystemClock.timestamp())
                Platform.printOutput(
                    """
                    dossier \(number) can be checked on the kiosks again (unlock no. \(unlocks)); \
                    kiosks count failed attempts afresh
                    """)
            }
            return 0
        } catch let error as ContentValidationError {
            // Only the holiday file is read as content here: name it, and how to point at another.
            let problems = error.issues.map(\.description).joined(separator: "; ")
            return fail("holidays: \(problems) (set `holidays` in kiosk.conf or pass --holidays FILE)")
        } catch {
            return fail("\(error: error)")
        }
    }

    private func register(
        _ number: String, tier: Tier, filed: CalendarDate?, unit: String?, json: Bool,
        store: BoardDatabase, config: Settings, today: CalendarDate
    ) throws -> Int32 {
        let calendar = try loadHolidays(config)
        guard let service = try store.loadService(number: number) else {
            return fail("no service has the number \(number) in \(config.database)")
        }
        let registration: DossierRegistration
        do {
            registration = try DossierRegistration(
                service: service, tier: tier, filed: filed, unit: unit, today: today,
                calendar: calendar, random: SystemRandom())
        } catch {
            return fail(Self.words(error, dateOption: "--filed"))
        }
        let hash = try SlowHash.make(registration.code)
        let assigned = try store.addDossiers(
            [BoardDatabase.NewDossier(registration, codeHash: hash)],
            pattern: config.dossierNumber)[0]
        if json {
            Platform.printOutput("\(registration.receipt(number: assigned).json)")
        } else {
            Platform.printOutput(
                """
                registered dossier \(assigned): service \(service.number) \(service.name.bg), \(tier.rawValue), \
                filed \(registration.filed.iso), deadline \(registration.deadline.iso) \
                (\(registration.termDays) working days)
                number: \(assigned)
                code:   \(AccessCode.grouped(registration.code))
                Give both to the applicant; the code is stored only as a hash and cannot be shown again.
                """)
        }
        return 0
    }

    private func advance(
        _ number: String, to status: DossierStatus, unit: String?, at date: CalendarDate,
        store: BoardDatabase, today: CalendarDate
    ) throws -> Int32 {
        guard let report = try store.dossierReport(number: number), report.number == number else {
            return fail("no dossier has the number \(number)")
        }
        // Checked here to name the option a refused date came from; the store checks again in
        // the transaction that writes the change.
        let change = DossierRules.change(status, on: date, unit: unit)
        let refusals = DossierRules.refusals(of: change, after: report.history.last, filed: report.filed, today: today)
        guard refusals.isEmpty else {
            let reasons = refusals.map { Self.words($0, dateOption: "--at").description }.joined(separator: "; ")
            return fail("dossier \(number): \(reasons)")
        }
        try store.advanceDossier(number: number, to: status, unit: unit, on: date, today: today)
        let place: StaffText = change.unit.map { " (\($0))" } ?? ""
        let move: StaffText = "\(report.status.rawValue) → \(status.rawValue)"
        Platform.printOutput("dossier \(number): \(move) on \(date.iso)\(place)")
        return 0
    }

    /// A refusal in this command's words: a refused date is named by the option that gave it.
    private static func words(_ refusal: DossierRefusal, dateOption: String) -> StaffText {
        refusal.isAboutDate ? "\(dateOption) \(refusal)" : "\(refusal)"
    }

    private func loadHolidays(_ config: Settings) throws -> HolidayCalendar {
        try HolidayCalendar.load(path: holidays ?? config.holidays)
    }

    private func fail(_ message: StaffText) -> Int32 {
        Platform.printError("kiosk: \(message)")
        return 1
    }
}

extension Kiosk {
    /// The kiosk's dossier checker: the board database read-only, plus this kiosk's own throttle
    /// file. Nil (the lookup then says it does not work here) when the file cannot be had, e.g.
    /// because another kiosk holds it.
    static func openDossierDesk(board: BoardDatabase, config: Settings) -> DossierDesk? {
        let path = config.throttle ?? config.database + ".throttle-" + Platform.hostName()
        guard let throttle = try? ThrottleStore(path: path) else { return nil }
        return try? DossierDesk(board: board, throttle: throttle)
    }
}

extension Platform {
    static func hostName() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "kiosk" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let safe = name.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        return safe.isEmpty ? "kiosk" : safe
    }
}
