import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Glibc

/// The `kiosk` command: runs the board, or one of the staff commands.
@main
struct Kiosk {
    static let version = "0.1.0"

    static func main() {
        // Before anything can crash: Swift's backtracer must never offer its prompt (see CrashGuard).
        CrashGuard.install()
        let command: Command
        do {
            command = try Command.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            Platform.printError("kiosk: \(error.message)\nRun `kiosk --help` for usage.")
            exit(2)
        }
        switch command {
        case .help:
            Platform.printOutput("\(lines: Command.usage)")
        case .version:
            Platform.printOutput(
                """
                kiosk \(version) (board schema \(BoardDatabase.schemaVersion), SQLite \(SQLiteLibrary.version))
                """)
        case .run(let options):
            let config = loadConfiguration(options)
            runBoard(config)
        case .importContent(let directory, let check, let options):
            let config = loadConfiguration(options)
            exit(importContent(directory: directory, check: check, config: config))
        case .status(let options):
            let config = loadConfiguration(options)
            exit(status(config))
        case .report(let report, let options):
            exit(SurveyCommands.report(report, config: loadConfiguration(options)))
        case .simulateSurvey(let simulate, let options):
            exit(SurveyCommands.simulate(simulate, config: loadConfiguration(options)))
        case .dossier(let command):
            exit(command.run(loadConfiguration(command.options)))
        case .hashPin:
            exit(hashPin())
        }
    }

    /// Reads the settings file (named, or ./kiosk.conf when present) and applies overrides.
    /// A bad file stops everything with a message naming the line and key.
    static func loadConfiguration(_ options: Command.Options) -> Settings {
        var config = Settings()
        let path = options.config ?? (Platform.fileExists("kiosk.conf") ? "kiosk.conf" : nil)
        if let path {
            guard let text = Platform.readFile(path) else {
                Platform.printError("kiosk: cannot read the settings file \(path)")
                exit(2)
            }
            do {
                config = try Settings(parsing: text, source: path)
            } catch {
                Platform.printError("kiosk: bad settings: \(error: error)")
                exit(2)
            }
            let base = Platform.directory(of: path)
            config.database = Platform.resolve(config.database, against: base)
            config.surveyDatabase = Platform.resolve(config.surveyDatabase, against: base)
            config.content = Platform.resolve(config.content, against: base)
            config.holidays = Platform.resolve(config.holidays, against: base)
            config.throttle = config.throttle.map { Platform.resolve($0, against: base) }
        }
        if let database = options.database { config.database = database }
        if let content = options.content { config.content = content }
        if let survey = options.surveyDatabase { config.surveyDatabase = survey }
        return config
    }

    static func importContent(directory: String, check: Bool, config: Settings) -> Int32 {
        do {
            let content = try ContentImport.run(
                directory: directory, databasePath: config.database,
                checkOnly: check, timestamp: SystemClock.timestamp(), midway: importStallForTests())
            let summary: StaffText = """
                \(content.services.count) services in \(content.categories.count) categories, \
                \(content.announcements.count) announcements, checksum \(content.checksum)
                """
            Platform.printOutput(
                check
                    ? "\(directory): valid: \(summary) (nothing written)"
                    : "imported \(directory) into \(config.database): \(summary)")
            return 0
        } catch {
            Platform.printError("kiosk: \(directory): \(error: error)")
            return 1
        }
    }

    static func status(_ config: Settings) -> Int32 {
        do {
            let store = try BoardDatabase(path: config.database, readOnly: true)
            var lines: [StaffText] = [
                "database:       \(config.database)",
                "schema version: \(try store.schemaVersionInFile()) (this build: \(BoardDatabase.schemaVersion))",
                "SQLite:         \(SQLiteLibrary.version)",
            ]
            if let last = try store.lastImport() {
                lines.append("last import:    \(last.at) from \(last.source)")
                lines.append(
                    """
                                    \(last.services) services, \(last.categories) categories, \
                    \(last.announcements) announcements, checksum \(last.checksum)
                    """)
            } else {
                lines.append("last import:    none")
            }
            let check = try store.quickCheck()
            lines.append("integrity:      \(check)")
            Platform.printOutput(StaffText(lines: lines))
            return check == "ok" ? 0 : 1
        } catch {
            Platform.printError("kiosk: \(error: error)")
            return 1
        }
    }

    /// Runs the board until a termination signal, the staff exit (or Ctrl-C without lockdown).
    static func runBoard(_ config: Settings) {
        if !Platform.fileExists(config.database) {
            // First run: create the database from the configured content.
            let rc = importContent(directory: config.content, check: false, config: config)
            if rc != 0 {
                Platform.printError(
                    "kiosk: cannot create \(config.database) from \(config.content); see the errors above")
                exit(rc)
            }
        }
        let database = config.database
        let open = { () throws(StoreError) -> BoardDatabase in try BoardDatabase(path: database, readOnly: true) }
        let watch = StoreWatch(path: database, open: open)
        var store: BoardDatabase?
        var openError: StoreError?
        do { store = try open() } catch { openError = error }
        if let store { watch.attach(store) }

        Platform.installTerminationHandlers(lockdown: config.lockdown)
        let terminal = Terminal(theme: config.theme)
        // A terminal that cannot open its survey file still runs; a visitor who sends a card is
        // told plainly that it could not be saved.
        let work = BoardWork(
            store: store, watch: watch, openBoard: open, surveyStore: try? SurveyStore(path: config.surveyDatabase),
            makeDesk: { openDossierDesk(board: $0, config: config) },
            verifyStaffPin: config.staffPinHash.map { hash in { pin in SlowHash.verify(pin, against: hash) } })
        let runner = ThreadedRunner(work: work)
        let program = BoardProgram(
            state: BoardState(size: terminal.size, now: SystemClock.localTime(), settings: config),
            runner: runner)
        // The first tick: the idle clock and the store watch start now, not a second later.
        program.send(SystemClock.tick())
        if let openError { program.send(.storeFailed(openError)) } else { program.startForFirstFrame() }
        terminal.draw(program.render().grid)
        // After the first frame: the rest of the catalogue, then (on its lane) the dossier desk,
        // whose dummy hash takes a slow hash to make.
        program.completeCatalogue()
        switch Platform.environment("KIOSK_TEST_CRASH") {
        // Let the real-terminal tests prove a crash gives the terminal back.
        case "after-first-frame": fatalError("crash requested by KIOSK_TEST_CRASH")
        case "stack-overflow": _ = overflowStack(0)
        default: break
        }

        var lastSecond = -1
        loop: while Platform.terminationRequested == 0 {
            let inputs = terminal.read(timeoutMs: 200, alsoWakingOn: runner.wakeDescriptor)
            for input in inputs { program.input(input) }
            program.deliverCompleted()
            if inputs.isEmpty { program.prepareSearchIndex() }
            let now = SystemClock.localTime()
            if now.second != lastSecond {
                lastSecond = now.second
                program.send(.tick(now, monotonic: SystemClock.monotonicSeconds()))
            }
            for effect in program.takeTerminalEffects() {
                switch effect {
                case .quit: break loop
                case .staffExit:
                    terminal.end()
                    exit(staffExitStatus)
                case .redraw: terminal.invalidate()
                default: break
                }
            }
            terminal.draw(program.render().grid)
        }
        terminal.end()
        if let note = Platform.endingNote(Platform.terminationRequested) { Platform.printError("\(note)") }
    }

    /// Recurses until the stack runs out (KIOSK_TEST_CRASH=stack-overflow).
    @inline(never)
    static func overflowStack(_ depth: Int) -> Int {
        guard depth < Int.max else { return 0 }
        let below = overflowStack(depth &+ 1)
        // A call after the recursive one keeps the optimiser from turning the recursion into a loop.
        return below &+ Int(getpid())
    }
}
