import BoardCore
import BoardView
import BoardStore
import BoardRuntime

/// What the command line asked for.
enum Command: Equatable {
    case help
    case version
    case run(Options)
    case importContent(directory: String, check: Bool, options: Options)
    case status(Options)
    case report(ReportOptions, Options)
    /// Stores random cards, for load tests and benchmarks.
    case simulateSurvey(SimulateOptions, Options)

    struct ReportOptions: Equatable {
        var from: String?
        var to: String?
        var format = "text"
        var out: String?
        var publish = false
        var includeFloods = false
    }

    struct SimulateOptions: Equatable {
        var cards: Int
        /// The period the cards' days are drawn from (both or neither; default the last full half-year).
        var from: String?
        var to: String?
    }
    case dossier(DossierCommand)
    case hashPin

    /// Settings any subcommand may take.
    struct Options: Equatable {
        var config: String?
        var database: String?
        var content: String?
        var surveyDatabase: String?
    }

    static let usage = """
        kiosk — the electronic information board of a citizen service centre

        USAGE
          kiosk [--config FILE] [--database FILE] [--content DIR]
                                             run the board full screen
          kiosk import [--check] [--config FILE] [--database FILE] DIR
                                             validate a content directory and replace the
                                             board's content with it (--check: validate only)
          kiosk status [--config FILE] [--database FILE]
                                             show the database's schema, last import and health
          kiosk report [--from YYYY-MM-DD --to YYYY-MM-DD] [--format text|csv|md|svg]
                       [--out FILE] [--include-floods] [--publish]
                                             survey results (default: the last full half-year);
                                             --publish also shows them on every board
          kiosk survey simulate --cards N [--from YYYY-MM-DD --to YYYY-MM-DD]
                                             store N random cards on random days of the period
                                             (default: the last full half-year; load tests)
        \(DossierCommand.usage)
          kiosk hash-pin                     read a staff PIN (4–12 digits) from standard input
                                             and print its salted hash for kiosk.conf (staff_pin)
          kiosk --help | --version

        OPTIONS (settings: every command but hash-pin takes them, before or after its name)
          --config FILE     settings file (default: ./kiosk.conf when present)
          --database FILE   board database (overrides the settings file)
          --content DIR     content imported when the database does not exist yet
          --survey-database FILE   where survey cards are stored (overrides the settings file)

        The board runs until SIGTERM or SIGHUP, or the staff exit (the staff_exit keys, then
        the PIN); Ctrl-C only with lockdown = off. See README.md and kiosk.conf.
        """

    /// Parses arguments (without the program name). The settings options (`Options.names`) may
    /// come before the command as well as after it: `kiosk --config F import DIR`.
    static func parse(_ arguments: [String]) throws(UsageError) -> Command {
        var args = arguments[...]
        var options = Options()
        var subcommand: String?
        while let arg = args.first {
            if arg == "--help" || arg == "-h" { return .help }
            if arg == "--version" { return .version }
            if !arg.hasPrefix("-") {
                subcommand = arg
                args = args.dropFirst()
                break
            }
            // Any other option ends the run of settings: it belongs to the board itself, or is
            // refused below with the command it goes with.
            guard Options.names.contains(arg) else { break }
            args = args.dropFirst()
            try options.take(arg, from: &args)
        }
        if subcommand == "dossier" { return .dossier(try DossierCommand.parse(Array(args), options: options)) }
        var positional: [String] = []
        var check = false
        var report = ReportOptions()
        var cards: Int?
        while let arg = args.popFirst() {
            func value() throws(UsageError) -> String { try Command.value(of: arg, from: &args) }
            switch arg {
            case "--help", "-h": return .help
            case "--version": return .version
            case _ where Options.names.contains(arg): try options.take(arg, from: &args)
            case "--from" where subcommand == "report" || subcommand == "survey": report.from = try value()
            case "--to" where subcommand == "report" || subcommand == "survey": report.to = try value()
            case "--format" where subcommand == "report":
                report.format = try value()
                guard ["text", "csv", "md", "svg"].contains(report.format) else {
                    throw UsageError("--format must be text, csv, md or svg")
                }
            case "--out" where subcommand == "report": report.out = try value()
            case "--publish" where subcommand == "report": report.publish = true
            case "--include-floods" where subcommand == "report": report.includeFloods = true
            case "--cards" where subcommand == "survey":
                guard let n = Int(try value()), n > 0, n <= 10_000_000 else {
                    throw UsageError("--cards needs a number from 1 to 10000000")
                }
                cards = n
            case "--check":
                guard subcommand == "import" else { throw UsageError("--check goes with `kiosk import`") }
                check = true
            case "--holidays": throw UsageError("--holidays goes with `kiosk dossier …`, after it")
            default:
                if arg.hasPrefix("-") { throw UsageError("unknown option \(arg)") }
                positional.append(arg)
            }
        }
        switch subcommand {
        case nil:
            guard positional.isEmpty else { throw UsageError("unexpected argument \(positional[0])") }
            return .run(options)
        case "import":
            guard positional.count == 1 else { throw UsageError("`kiosk import` needs exactly one content directory") }
            return .importContent(directory: positional[0], check: check, options: options)
        case "status":
            guard positional.isEmpty else { throw UsageError("unexpected argument \(positional[0])") }
            return .status(options)
        case "report":
            guard positional.isEmpty else { throw UsageError("unexpected argument \(positional[0])") }
            guard (report.from == nil) == (report.to == nil) else { throw UsageError("--from and --to go together") }
            return .report(report, options)
        case "survey":
            guard positional == ["simulate"], let cards else {
                throw UsageError("usage: kiosk survey simulate --cards N [--from YYYY-MM-DD --to YYYY-MM-DD]")
            }
            guard (report.from == nil) == (report.to == nil) else { throw UsageError("--from and --to go together") }
            return .simulateSurvey(SimulateOptions(cards: cards, from: report.from, to: report.to), options)
        case "hash-pin":
            guard positional.isEmpty, options == Options() else {
                throw UsageError("`kiosk hash-pin` takes no arguments; it reads the PIN from standard input")
            }
            return .hashPin
        case let other?:
            throw UsageError("unknown command \(other)")
        }
    }

    /// The value after `option`; an option in its place (or nothing) is refused.
    static func value(of option: String, from args: inout ArraySlice<String>) throws(UsageError) -> String {
        guard let v = args.popFirst(), !v.hasPrefix("--") else { throw UsageError("\(option) needs a value") }
        return v
    }
}

extension Command.Options {
    /// The settings options every command takes, before or after the command's name.
    static let names: Set<String> = ["--config", "--database", "--content", "--survey-database"]

    /// Takes the value of the settings option `option` from the front of `args`; one given
    /// twice is refused, whether before or after the command.
    mutating func take(_ option: String, from args: inout ArraySlice<String>) throws(UsageError) {
        let value = try Command.value(of: option, from: &args)
        let slot: WritableKeyPath<Self, String?>
        switch option {
        case "--config": slot = \.config
        case "--database": slot = \.database
        case "--content": slot = \.content
        default: slot = \.surveyDatabase
        }
        guard self[keyPath: slot] == nil else { throw UsageError("\(option) given twice") }
        self[keyPath: slot] = value
    }
}

/// A command line that cannot be run, in words for staff; the arguments it quotes are cleaned.
struct UsageError: Error, Equatable {
    var message: StaffText
    init(_ message: StaffText) { self.message = message }
}
