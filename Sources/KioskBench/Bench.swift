import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import CBenchPty
import CSQLite
import Glibc

// kiosk-bench: builds a large board database in a temporary directory and measures the board.
// `swift build -c release --static-swift-stdlib --product kiosk` (and `--product kiosk-bench`),
// then `.build/release/kiosk-bench [--small | --scale F] [--json FILE] [--keep]`.

struct BenchConfig {
    var services = 5_000
    var dossiers = 1_000_000
    var cards = 200_000
    var keyRepetitions = 2_000
    var coldStarts = 40
    var lookups = 20_000
    var imports = 5
    var reports = 5
    var byteKeys = 40
    var hashes = 20
    /// Runs of the paced keys around a start and an import (section 8), and their lengths.
    var pacedRuns = 3
    var pacedStartSeconds = 4.0
    var pacedAfterImportSeconds = 4.0

    mutating func scale(_ f: Double) {
        func s(_ v: Int, min m: Int) -> Int { max(m, Int(Double(v) * f)) }
        services = s(services, min: 60)
        dossiers = s(dossiers, min: 1_000)
        cards = s(cards, min: 500)
        let r = Swift.min(1.0, Swift.max(f, 0.05))
        keyRepetitions =
            s(keyRepetitions, min: 30) == keyRepetitions
            ? keyRepetitions : Swift.max(30, Int(Double(keyRepetitions) * r))
        coldStarts = Swift.max(3, Int(Double(coldStarts) * r))
        lookups = Swift.max(300, Int(Double(lookups) * r))
        imports = Swift.max(2, Int(Double(imports) * r))
        reports = Swift.max(2, Int(Double(reports) * r))
        byteKeys = Swift.max(8, Int(Double(byteKeys) * r))
        hashes = Swift.max(3, Int(Double(hashes) * r))
        pacedRuns = Swift.max(1, Int(Double(pacedRuns) * r))
        // Long enough after an import for the store watch (once a second) to see it and reload.
        pacedStartSeconds = Swift.max(1.5, pacedStartSeconds * r)
        pacedAfterImportSeconds = Swift.max(2.5, pacedAfterImportSeconds * r)
    }
}

@main
enum Bench {
    static func main() {
        RunCleanup.handleInterruptions()
        bench_line_buffered()
        var config = BenchConfig()
        var jsonPath: String? = nil
        var keep = false
        var only = Set<Int>()
        var contentOverride: String? = nil
        var kioskOverride: String? = nil
        var scaleLabel = "full"
        var args = Array(CommandLine.arguments.dropFirst())
        while !args.isEmpty {
            let a = args.removeFirst()
            switch a {
            case "--small": config.scale(0.02); scaleLabel = "small (--small, scale 0.02)"
            case "--scale":
                guard let v = args.first.flatMap(Double.init), v > 0, v <= 1 else {
                    fail("--scale needs a number in (0, 1]")
                }
                args.removeFirst()
                config.scale(v)
                scaleLabel = "scale \(v)"
            case "--json":
                guard !args.isEmpty else { fail("--json needs a file") }
                jsonPath = args.removeFirst()
            case "--content":
                guard !args.isEmpty else { fail("--content needs a directory") }
                contentOverride = args.removeFirst()
            case "--kiosk":
                guard !args.isEmpty else { fail("--kiosk needs the path of a kiosk binary") }
                kioskOverride = args.removeFirst()
            case "--keep": keep = true
            case "--only":
                guard !args.isEmpty else { fail("--only needs section numbers, e.g. 2,4") }
                only = Set(args.removeFirst().split(separator: ",").compactMap { Int($0) })
            case "--help", "-h":
                print(usage)
                exit(0)
            default: fail("unknown argument \(a) (see --help)")
            }
        }

        // MARK: paths
        func executableDirectory() -> String {
            var buffer = [CChar](repeating: 0, count: 4096)
            let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
            guard n > 0 else { fail("cannot find my own path") }
            let path = String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return String(path[..<path.lastIndex(of: "/")!])
        }
        func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
        func absolute(_ path: String) -> String {
            guard let r = realpath(path, nil) else { return path }
            defer { free(r) }
            return String(cString: r)
        }

        let binDir = executableDirectory()
        let kioskBinary = kioskOverride.map(absolute) ?? binDir + "/kiosk"
        guard exists(kioskBinary) else {
            fail(
                kioskOverride == nil
                    ? "no kiosk next to kiosk-bench (\(kioskBinary)); \(buildAdvice)"
                    : "no kiosk at \(kioskBinary)")
        }
        let build = KioskBuild.inspect(path: kioskBinary)
        // A full run stands for the boards: it measures the build they run, unless told otherwise.
        if scaleLabel == "full" && kioskOverride == nil && !build.isBoardBuild {
            fail(
                "the kiosk next to kiosk-bench is a \(build.summary), not the build boards run; \(buildAdvice), "
                    + "or name a kiosk with --kiosk")
        }
        let benchRuntime = KioskBuild.swiftRuntime(of: getpid())
        let packageRoot: String = {
            var dir = binDir
            for _ in 0..<6 {
                if exists(dir + "/content/blagoevgrad") { return dir }
                dir = String(dir[..<(dir.lastIndex(of: "/") ?? dir.startIndex)])
                if dir.isEmpty { break }
            }
            var cwd = [CChar](repeating: 0, count: 4096)
            return getcwd(&cwd, cwd.count).map { String(cString: $0) } ?? "."
        }()
        let demoContent = absolute(contentOverride ?? packageRoot + "/content/blagoevgrad")
        let holidays = absolute(packageRoot + "/content/holidays-bg.json")
        guard exists(demoContent + "/services") else { fail("no demo content at \(demoContent) (use --content DIR)") }

        var template = Array("/tmp/kiosk-bench-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fail("cannot make a temporary directory") }
        let tmp = String(cString: made)
        if !keep { RunCleanup.removeIfCutShort(tmp) }
        defer { if !keep { run("rm -rf '\(tmp)'") } }

        var figures: [Figure] = []
        func record(
            _ key: String, _ label: String, _ unit: String, _ samples: Samples, target: String? = nil,
            met: ((Samples) -> Bool)? = nil, p99: Bool = true
        ) {
            figures.append(
                Figure(
                    key: key, label: label, unit: unit, median: samples.median, p99: p99 ? samples.p99 : nil,
                    n: samples.count, target: target, met: met.map { $0(samples) }))
            let p = p99 ? "  p99 \(format(samples.p99, unit))" : ""
            print("  \(label): median \(format(samples.median, unit)) \(unit)\(p)  (n=\(samples.count))")
        }
        func record(
            _ key: String, _ label: String, _ unit: String, value: Double, target: String? = nil, met: Bool? = nil
        ) {
            var s = Samples(); s.add(value)
            figures.append(
                Figure(key: key, label: label, unit: unit, median: value, p99: nil, n: 1, target: target, met: met))
            print("  \(label): \(format(value, unit)) \(unit)")
            _ = s
        }
        func section(_ title: String) { print("\n== \(title)") }
        /// Where the time of a key goes (reduce with effects / render / diff+encode), JSON and log only.
        var breakdowns: [(key: String, reduce: Samples, render: Samples, encode: Samples)] = []
        var partReduce = Samples(), partRender = Samples(), partEncode = Samples()
        func collect(_ board: InProcessBoard) {
            partReduce.add(board.parts.reduce); partRender.add(board.parts.render); partEncode.add(board.parts.encode)
        }
        func breakdown(_ key: String) {
            breakdowns.append((key, partReduce, partRender, partEncode))
            print(
                "      of which reduce+effects \(format(partReduce.median, "ms"))/\(format(partReduce.p99, "ms")), "
                    + "render \(format(partRender.median, "ms"))/\(format(partRender.p99, "ms")), diff+encode "
                    + "\(format(partEncode.median, "ms"))/\(format(partEncode.p99, "ms")) ms (median/p99)"
            )
            partReduce = Samples(); partRender = Samples(); partEncode = Samples()
        }

        let started = now()
        print(
            "kiosk-bench: \(scaleLabel): \(config.services) services, \(config.dossiers) dossiers × 5 status "
                + "changes, \(config.cards) survey cards"
        )
        print("  kiosk binary: \(kioskBinary) (\(build.summary))")
        if !build.isBoardBuild {
            print("  note: not the build boards run (release, --static-swift-stdlib); its figures are not a board's")
        }
        print("  temporary directory: \(tmp)")

        // MARK: build the data
        section("Building the data")
        let contentDir = tmp + "/content"
        let genMs = timed { _ = generateContent(demo: demoContent, into: contentDir, count: config.services) }
        print("  content: \(config.services) service files written in \(format(genMs, "ms")) ms")
        let boardPath = tmp + "/board.db"
        let firstImportMs = timed {
            do {
                try ContentImport.run(directory: contentDir, databasePath: boardPath, timestamp: "2026-11-21 10:00:00")
            } catch { fail("import failed: \(error)") }
        }
        print("  first import into a new database: \(format(firstImportMs, "ms")) ms")

        /// Whether any of `sections` runs.
        func runs(_ sections: Set<Int>) -> Bool { only.isEmpty || !only.isDisjoint(with: sections) }
        // The dossiers fill the board database of the sections that open it; the cards are the report's.
        let needsDossiers = runs([1, 3, 4, 5, 7]), needsCards = runs([6])
        let dossierCode = "K7AH2M9XE3"
        var hashMs = Samples()
        var codeHash = ""
        for _ in 0..<(needsDossiers ? config.hashes : 0) {
            hashMs.add(timed { codeHash = try! SlowHash.make(dossierCode) })
        }
        if needsDossiers {
            let hours = format(hashMs.median * Double(config.dossiers) / 3_600_000, "")
            print(
                "  ONE access-code hash (bcrypt) computed for all \(config.dossiers) dossiers "
                    + "(hashing each code would take about \(hours) hours)")
        }
        let probe = try! BoardDatabase(path: boardPath, readOnly: true)
        let catalogue = try! probe.loadCatalogue()
        let serviceNames = catalogue.summaries.values.sorted { $0.number < $1.number }.map {
            (number: $0.number, bg: $0.name.bg, en: $0.name.en)
        }
        let surveyDefinition = try! probe.surveyDefinition()
        var dossierMs = Double.nan, cardsMs = Double.nan
        if needsDossiers {
            dossierMs = timed {
                insertDossiers(
                    databasePath: boardPath, count: config.dossiers, codeHash: codeHash, services: serviceNames)
            }
            print(
                "  \(config.dossiers) dossiers and \(config.dossiers * 5) status changes inserted in one transaction: "
                    + "\(format(dossierMs / 1000, "")) s")
        } else {
            print("  dossiers: none (no section chosen with --only opens the board database)")
        }
        let surveyPath = tmp + "/survey-cards.db"
        guard let surveyDefinition else { fail("the demo content defines no survey") }
        if needsCards {
            cardsMs = timed { insertSurveyCards(path: surveyPath, count: config.cards, definition: surveyDefinition) }
            print("  \(config.cards) survey cards inserted: \(format(cardsMs / 1000, "")) s")
        } else {
            print("  survey cards: none (no section chosen with --only reports)")
        }

        let store = try! BoardDatabase(path: boardPath, readOnly: true)
        let perYear = dossierNumbersPerYear(config.dossiers)
        let confPath = tmp + "/kiosk.conf"
        writeText(
            confPath,
            """
            database = board.db
            survey_database = survey-kiosk.db
            content = content
            language = bg
            idle_timeout = 3600
            idle_timeout_dossier = 3600
            lockdown = off
            holidays = \(holidays)
            throttle = throttle.db

            """)
        let environment = [
            "TERM=xterm-256color", "LANG=C.UTF-8", "PATH=/usr/bin:/bin", "HOME=\(tmp)",
            "TZ=\(getenv("TZ").map { String(cString: $0) } ?? "UTC")",
        ]
        let kioskArguments = ["--config", confPath]

        // MARK: (1) cold start
        if only.isEmpty || only.contains(1) {
            section("1. Cold start of the release kiosk to its first complete frame (pseudo-terminal)")
            var coldPeakMB = Samples()
            for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)] {
                let words = attractWords(store: try! BoardDatabase(path: boardPath, readOnly: true), size: size)
                var samples = Samples()
                for i in 0..<(config.coldStarts + 2) {
                    let start = now()
                    let kiosk = PtyProcess(
                        path: kioskBinary, arguments: kioskArguments, environment: environment, columns: size.columns,
                        rows: size.rows)
                    let ok = kiosk.read(until: { containsInOrder(visibleText($0), words) }, timeout: 10)
                    let ms = (kiosk.lastByteAt - start) * 1000
                    if size.columns == 200 { coldPeakMB.add(kiosk.memory().peak) }
                    if !ok {
                        kiosk.terminate();
                        fail(
                            "the kiosk never drew its attract screen at \(size.columns)×\(size.rows); it "
                                + "wrote:\n\(visibleText(kiosk.output).prefix(2000))"
                        )
                    }
                    kiosk.drain(quietMs: 30, timeout: 1)
                    if i >= 2 { samples.add(ms) }  // the first two runs warm the page cache
                    kiosk.terminate()
                }
                record(
                    "cold_start_\(size.columns)x\(size.rows)_ms", "first frame at \(size.columns)×\(size.rows)", "ms",
                    samples,
                    target: "< 30 ms", met: { $0.median < 30 })
            }
            // Two parts of the start, in this process: reading the catalogue, rendering the attract screen.
            var catalogueMs = Samples(), attractMs = Samples()
            for _ in 0..<20 {
                let fresh = try! BoardDatabase(path: boardPath, readOnly: true)
                catalogueMs.add(timed { _ = try! fresh.loadCatalogue() })
            }
            let attract = InProcessBoard(store: store, size: TerminalSize(columns: 200, rows: 60))
            for _ in 0..<20 { attractMs.add(timed { _ = attract.program.render() }) }
            record(
                "start_catalogue_load_ms",
                "loading the whole catalogue of \(config.services) services (in process; the first frame needs only "
                    + "its part without the services, the rest loads right after it)",
                "ms", catalogueMs)
            record(
                "start_attract_render_ms", "of a start: rendering the attract screen at 200×60 (in process)", "ms",
                attractMs)
            record(
                "memory_first_frame_before_hash_mb",
                "peak memory the moment the first frame is complete (before the dossier desk's hash), 200×60", "MB",
                coldPeakMB)

        }
        /// The list position, in the first category, of the first card that scrolls at least 10
        /// lines at `size`, else of the one that scrolls most (a card that fits measures nothing).
        func scrollableCard(_ size: TerminalSize) -> Int? {
            let board = InProcessBoard(store: store, size: size)
            board.program.send(.key(.character(" ")))
            board.program.send(.action(.activate(.services)))
            board.key(.enter)
            var best = (index: 0, scroll: 0)
            for index in 0..<60 {
                board.key(.enter)
                for _ in 0..<10 { board.program.send(.key(.down)) }
                let scrolled = board.program.state.place.scroll
                board.key(.escape)
                if scrolled >= 10 { return index }
                if scrolled > best.scroll { best = (index, scrolled) }
                board.key(.down)
            }
            print("  (no card scrolls 10 lines at \(size.columns)×\(size.rows); the longest scrolls \(best.scroll))")
            return best.scroll > 0 ? best.index : nil
        }

        // MARK: (2) key to frame, in process
        if only.isEmpty || only.contains(2) {
            section("2. Key to finished frame, in process (reduce + effects + render + diff/encode)")
            for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)] {
                let tag = "\(size.columns)x\(size.rows)"
                let label = "\(size.columns)×\(size.rows)"
                let board = InProcessBoard(store: store, size: size)
                let indexMs = timed { board.program.prepareSearchIndex() }
                record(
                    "search_index_build_\(tag)_ms",
                    "search index build of \(config.services) services (while idle on the attract screen)", "ms",
                    value: indexMs)
                board.program.send(.key(.character(" ")))  // wake: home
                board.program.send(.action(.activate(.services)))
                board.key(.enter)  // the first category's list
                guard case .services = board.screen else { fail("expected a services list, got \(board.screen)") }
                // list navigation
                var nav = Samples()
                for i in 0..<(config.keyRepetitions + 50) {
                    let ms = board.time(.key((i / 250) % 2 == 0 ? .down : .up))
                    if i >= 50 { nav.add(ms); collect(board) }
                }
                let target = size.columns == 200 ? "p99 < 2 ms" : nil
                let check: ((Samples) -> Bool)? = size.columns == 200 ? { $0.p99 < 2 } : nil
                record(
                    "key_list_down_\(tag)_ms", "list navigation (↓/↑) at \(label)", "ms", nav, target: target,
                    met: check)
                breakdown("key_list_down_\(tag)")
                // open a card, and back
                var open = Samples(), back = Samples()
                for i in 0..<(config.keyRepetitions / 4 + 10) {
                    board.key(.down)
                    let o = board.time(.key(.enter))
                    if i >= 10 { collect(board) }
                    guard case .service = board.screen else { fail("Enter did not open a card") }
                    let b = board.time(.key(.escape))
                    if i >= 10 { open.add(o); back.add(b) }
                }
                record(
                    "key_open_card_\(tag)_ms", "open a service card (Enter, loads it) at \(label)", "ms", open,
                    target: target, met: check)
                breakdown("key_open_card_\(tag)")
                record(
                    "key_back_to_list_\(tag)_ms", "back to the list (Esc) at \(label)", "ms", back, target: target,
                    met: check)
                // scroll a card (one long enough to scroll at this size)
                board.program.send(.key(.home))
                board.program.send(.action(.activate(.services)))
                board.key(.enter)
                let scrollable = scrollableCard(size)
                for _ in 0..<(scrollable ?? 0) { board.key(.down) }
                board.key(.enter)
                var scroll = Samples()
                for i in 0..<(config.keyRepetitions + 50) {
                    let ms = board.time(.key((i / 8) % 2 == 0 ? .down : .up))
                    if i >= 50 { scroll.add(ms); collect(board) }
                }
                record(
                    "key_scroll_card_\(tag)_ms",
                    "scroll a card (↓/↑) at \(label)" + (scrollable == nil ? " (every card fits: nothing moves)" : ""),
                    "ms", scroll, target: target, met: check)
                breakdown("key_scroll_card_\(tag)")
                board.key(.escape)
                // search typing
                board.program.send(.key(.home))
                let firstOpen = board.time(.action(.openSearch))
                guard board.screen == .search else { fail("search did not open (\(board.screen))") }
                record(
                    "search_first_open_\(tag)_ms", "search: first open (index ready) at \(label)", "ms",
                    value: firstOpen)
                let queries = [
                    "удостоверение за наследници", "danak kola", "2079", "skica", "данък сгради", "udostoverenie",
                    "ку4е", "разрешение за строеж",
                ]
                var typing = Samples()
                var rounds = 0
                while typing.count < config.keyRepetitions / 2 {
                    for q in queries {
                        for c in q { typing.add(board.time(.key(.character(c)))); collect(board) }
                        board.key(.control("u"))
                    }
                    rounds += 1
                }
                record(
                    "key_search_typing_\(tag)_ms", "search, per typed character at \(label)", "ms", typing,
                    target: "< 10 ms" + (size.columns == 200 ? ", p99 < 2 ms" : ""),
                    met: { $0.p99 < 10 && (size.columns != 200 || $0.p99 < 2) })
                breakdown("key_search_typing_\(tag)")
            }

        }
        // MARK: (3) bytes per key, through the pty
        if only.isEmpty || only.contains(3) {
            section("3. Bytes written to the terminal per key, against a full repaint (Ctrl-L), pseudo-terminal")
            for size in [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 200, rows: 60)] {
                let tag = "\(size.columns)x\(size.rows)"
                let label = "\(size.columns)×\(size.rows)"
                let kiosk = PtyProcess(
                    path: kioskBinary, arguments: kioskArguments, environment: environment, columns: size.columns,
                    rows: size.rows)
                kiosk.drain(quietMs: 150)
                for k in [" ", "1", Keys.enter] { kiosk.send(k); kiosk.drain(quietMs: 100) }
                func measure(_ name: String, _ what: String, keys: [String]) {
                    var bytes = Samples(), latency = Samples()
                    for (i, key) in keys.enumerated() {
                        let t0 = now()
                        kiosk.send(key)
                        let out = kiosk.drain(quietMs: 40)
                        if i >= 2 {
                            bytes.add(Double(out.count))
                            latency.add(out.isEmpty ? .nan : (kiosk.lastByteAt - t0) * 1000)
                        }
                    }
                    kiosk.send(Keys.ctrlL)
                    let full = Double(kiosk.drain(quietMs: 100).count)
                    record("bytes_\(name)_\(tag)", "bytes per key, \(what), at \(label)", "B", bytes)
                    record(
                        "bytes_full_repaint_\(name)_\(tag)",
                        "bytes of a full repaint (Ctrl-L) of that screen at \(label)", "B", value: full)
                    record(
                        "bytes_\(name)_share_\(tag)_pct", "\(what): a key's bytes against a full repaint at \(label)",
                        "%", value: bytes.median / full * 100,
                        target: "< 5 %", met: bytes.median / full * 100 < 5)
                    record(
                        "pty_key_to_last_byte_\(name)_\(tag)_ms",
                        "\(what): key to its last byte on the pty at \(label)", "ms", latency)
                }
                // Two kinds of ↓ in a long list: one that moves the focus on the page (two focus
                // marks change), and one past the page's last item, which scrolls the list by an item
                // (the terminal shifts the rows; the item that comes in is drawn whole).
                let capacity = Layout.listCapacity(size)
                let listed = catalogue.categories.first.map { catalogue.services(in: $0.id).count } ?? 0
                let turn = max(1, min(capacity, listed) - 1)
                measure(
                    "list_down", "list ↓/↑ on the page",
                    keys: (0..<(config.byteKeys + 2)).map { i in (i / turn) % 2 == 0 ? Keys.down : Keys.up })
                for _ in 0..<turn { kiosk.send(Keys.down); kiosk.drain(quietMs: 40) }
                measure(
                    "list_scroll", "list ↓ past the page (scrolls by an item)",
                    keys: (0..<(config.byteKeys + 2)).map { _ in Keys.down })
                if let index = scrollableCard(size) {
                    var toCard = [Keys.home, "1", Keys.enter] + Array(repeating: Keys.down, count: index)
                    toCard.append(Keys.enter)
                    for k in toCard { kiosk.send(k); kiosk.drain(quietMs: 60) }
                    measure(
                        "card_scroll", "card scroll ↓",
                        keys: (0..<(config.byteKeys + 2)).map { i in (i / 6) % 2 == 0 ? Keys.down : Keys.up })
                } else {
                    print("  card scroll at \(label): not measured, every card fits on the screen")
                }
                kiosk.terminate()
            }

        }
        // MARK: (4) dossier lookup
        if only.isEmpty || only.contains(4) {
            section("4. Dossier lookup: the store against the plain SQLite C API (same query, same process)")
            var keys: [String] = []
            var rng = SplitMix(seed: 42)
            for _ in 0..<config.lookups {
                keys.append(
                    dossierNumber(Int(rng.next() % UInt64(config.dossiers)), perYear: perYear).0.filter(\.isNumber))
            }
            var storeLookup = Samples()
            for key in keys.prefix(200) { _ = try! store.dossierForLookup(key: key) }  // warm
            for key in keys {
                let ms = timed {
                    guard let found = try! store.dossierForLookup(key: key), found.report.history.count == 5 else {
                        fail("lookup of \(key) failed")
                    }
                }
                storeLookup.add(ms * 1000)
            }
            let raw = RawDB(path: boardPath, readOnly: true)
            let s1 = raw.prepare(
                """
                SELECT number, code_hash, unlocks, service, service_name_bg, service_name_en, tier, term_days,
                       filed, deadline
                FROM dossiers WHERE number_key = ?
                """)
            let s2 = raw.prepare("SELECT date, status, unit FROM dossier_events WHERE number = ? ORDER BY id")
            func text(_ s: OpaquePointer, _ i: Int32) -> String? {
                sqlite3_column_text(s, i).map { String(cString: $0) }
            }
            @inline(never) func cLookup(_ key: String) -> Int {
                raw.exec("BEGIN")
                sqlite3_bind_text(s1, 1, key, -1, transient)
                var values: [String?] = []
                guard sqlite3_step(s1) == SQLITE_ROW else { fail("C lookup of \(key) failed") }
                for i in 0..<10 { values.append(text(s1, Int32(i))) }
                let number = values[0]!
                sqlite3_reset(s1)
                sqlite3_bind_text(s2, 1, number, -1, transient)
                var events = 0
                while sqlite3_step(s2) == SQLITE_ROW {
                    values.append(text(s2, 0)); values.append(text(s2, 1)); values.append(text(s2, 2))
                    events += 1
                }
                sqlite3_reset(s2)
                raw.exec("COMMIT")
                return events
            }
            var cLookupSamples = Samples()
            for key in keys.prefix(200) { _ = cLookup(key) }
            for key in keys {
                let ms = timed { if cLookup(key) != 5 { fail("C lookup of \(key) found no history") } }
                cLookupSamples.add(ms * 1000)
            }
            record("lookup_store_us", "lookup with BoardDatabase.dossierForLookup (no hash)", "µs", storeLookup)
            record("lookup_c_api_us", "same query, plain C API, statements prepared once", "µs", cLookupSamples)
            let ratio = storeLookup.median / cLookupSamples.median
            record("lookup_ratio", "store ÷ C API (medians)", "×", value: ratio, target: "< 1.5×", met: ratio < 1.5)
            var verify = Samples()
            for _ in 0..<config.hashes { verify.add(timed { _ = SlowHash.verify(dossierCode, against: codeHash) }) }
            record("lookup_hash_ms", "the slow hash of a lookup (bcrypt verify), reported apart", "ms", verify)

        }
        // MARK: (5) import
        if only.isEmpty || only.contains(5) {
            section("5. Import of the \(config.services)-service content set; re-render of a running board after it")
            var readMs = Samples(), importMs = Samples(), liveImportMs = Samples()
            for i in 0..<config.imports {
                readMs.add(timed { _ = try! ContentReader.read(directory: contentDir) })
                let fresh = tmp + "/import-\(i).db"
                importMs.add(
                    timed {
                        try! ContentImport.run(
                            directory: contentDir, databasePath: fresh, timestamp: "2026-11-21 10:00:00")
                    })
                run("rm -f '\(fresh)' '\(fresh)-wal' '\(fresh)-shm' '\(fresh).lock'")
            }
            record("import_read_validate_ms", "read and validate the content directory", "ms", readMs)
            record(
                "import_new_db_ms", "import into a new database (read, validate, write)", "ms", importMs,
                target: "< 2000 ms", met: { $0.median < 2000 })
            // A running board on the big database, on a card, while staff import again.
            let liveStore = try! BoardDatabase(path: boardPath, readOnly: true)
            let watch = StoreWatch(path: boardPath) { () throws(StoreError) in
                try BoardDatabase(path: boardPath, readOnly: true)
            }
            watch.attach(liveStore)
            var rerender = Samples()
            for size in [TerminalSize(columns: 200, rows: 60)] {
                let board = InProcessBoard(store: liveStore, size: size, watch: watch)
                var clock = 1000
                let time = LocalTime(
                    date: CalendarDate(year: 2026, month: 11, day: 21)!, hour: 10, minute: 30, second: 0)
                board.program.send(.tick(time, monotonic: clock))
                board.program.send(.key(.character(" ")))
                board.program.send(.action(.activate(.services)))
                board.key(.enter); board.key(.down); board.key(.enter); board.key(.pageDown)
                guard case .service(let number) = board.screen else { fail("no card open") }
                for _ in 0..<config.imports {
                    liveImportMs.add(
                        timed {
                            try! ContentImport.run(
                                directory: contentDir, databasePath: boardPath, timestamp: "2026-11-21 11:00:00")
                        })
                    clock += 1
                    rerender.add(board.time(.tick(time, monotonic: clock)))
                    guard board.screen == .service(number: number) else {
                        fail("the board left the card after the import (\(board.screen))")
                    }
                }
            }
            record(
                "import_live_db_ms", "import into the live board database (\(config.dossiers) dossiers in it)", "ms",
                liveImportMs, target: "< 2000 ms", met: { $0.median < 2000 })
            record(
                "rerender_after_import_ms",
                "running board: the tick after an import (detect, reload, render) at 200×60", "ms", rerender)

        }
        // MARK: (6) report
        if only.isEmpty || only.contains(6) {
            section("6. `kiosk report` over \(config.cards) cards (release binary)")
            var reportMs = Samples()
            let reportOut = tmp + "/report.txt"
            for _ in 0..<config.reports {
                let r = runQuiet(
                    path: kioskBinary,
                    arguments: [
                        "report", "--config", confPath, "--survey-database", surveyPath,
                        "--from", "2026-01-01", "--to", "2026-06-30",
                    ], environment: environment, outPath: reportOut)
                if r.status != 0 { fail("kiosk report failed (\(r.status)): \(readText(reportOut) ?? "")") }
                reportMs.add(r.ms)
            }
            record(
                "report_ms", "kiosk report, whole process", "ms", reportMs, target: "< 1000 ms",
                met: { $0.median < 1000 })
            // Publish once, so that the results screen has something to show below.
            let published = runQuiet(
                path: kioskBinary,
                arguments: [
                    "report", "--publish", "--config", confPath, "--survey-database", surveyPath,
                    "--from", "2026-01-01", "--to", "2026-06-30",
                ], environment: environment, outPath: tmp + "/publish.txt")
            if published.status != 0 { fail("kiosk report --publish failed: \(readText(tmp + "/publish.txt") ?? "")") }

        }
        // MARK: (7) memory
        if only.isEmpty || only.contains(7) {
            section("7. Peak resident memory of a kiosk that visited every screen (200×60, pseudo-terminal)")
            func memoryRun(withLookup: Bool) -> (atStart: Double, peak: Double, file: Double, anonymous: Double) {
                let kiosk = PtyProcess(
                    path: kioskBinary, arguments: kioskArguments, environment: environment, columns: 200, rows: 60)
                kiosk.drain(quietMs: 150)
                let atStart = kiosk.memory().peak
                var visited: [String] = []
                func step(_ name: String, _ keys: [String], expect: String? = nil) {
                    for k in keys { kiosk.send(k); kiosk.drain(quietMs: 50) }
                    let screen = visibleText(kiosk.output)
                    if let expect, !screen.contains(expect) { print("  warning: \(name): did not see \"\(expect)\"") }
                    kiosk.clearOutput()
                    visited.append(name)
                }
                let firstDossier = dossierNumber(config.dossiers / 2, perYear: perYear).0
                step("home", [" "], expect: "Услуги")
                step("categories", ["1"])
                step("services list", [Keys.enter] + Array(repeating: Keys.down, count: 30) + [Keys.pageDown])
                step("service card", [Keys.enter, Keys.pageDown, Keys.pageDown, "L", "L"])
                step("home", [Keys.home])
                step("search", ["2"] + "udostoverenie".map(String.init) + [Keys.down, Keys.enter])
                step("home", [Keys.home])
                var lookupKeys: [String] = ["3"]
                lookupKeys += firstDossier.map { String($0) }
                lookupKeys.append(Keys.tab)
                lookupKeys += dossierCode.map { String($0) }
                if withLookup {
                    step("dossier lookup", lookupKeys)
                    step("dossier result", [Keys.enter])
                    kiosk.drain(quietMs: 300)
                } else {
                    step("dossier lookup (typed, not checked)", lookupKeys)
                }
                step("home", [Keys.home])
                step("survey", ["4", "4", "1", "3", "4", Keys.enter, Keys.enter])
                step("home", [Keys.home])
                for (digit, name) in [
                    ("5", "survey results"), ("6", "contacts"), ("7", "charter"), ("8", "complaints"),
                ] {
                    step(name, [digit, Keys.pageDown, Keys.pageDown])
                    step("home", [Keys.home])
                }
                step("English home", ["9"])
                step("English categories, list, card", ["1", Keys.enter, Keys.enter, Keys.pageDown])
                step("home", [Keys.home])
                step("English search", ["2"] + "heirs".map(String.init))
                step("home", [Keys.home])
                let memory = kiosk.memory()
                kiosk.terminate()
                return (atStart, memory.peak, memory.file, memory.anonymous)
            }
            let withLookup = memoryRun(withLookup: true)
            record(
                "memory_first_frame_mb", "peak memory 150 ms after the first frame (200×60)", "MB",
                value: withLookup.atStart)
            record(
                "memory_peak_mb", "peak memory after every screen (VmHWM, 200×60)", "MB", value: withLookup.peak,
                target: "< 16 MB", met: withLookup.peak < 16)
            record(
                "memory_end_file_mb",
                "of the memory at the end: file-backed (code of the kiosk, the Swift runtime and the C libraries)",
                "MB", value: withLookup.file)
            record(
                "memory_end_anonymous_mb",
                "of the memory at the end: anonymous (heap: catalogue, search index, ncurses screens, SQLite)", "MB",
                value: withLookup.anonymous)

        }
        // MARK: (8) paced keys around a start and an import, on the pty
        if runs([8]) {
            let size = TerminalSize(columns: 200, rows: 60)
            section(
                "8. Keys every 50 ms on the pty: from the first frame, during an import, after it "
                    + "(\(size.columns)×\(size.rows))")
            // A database of its own, made by the measured kiosk's own `kiosk import`, so that any build
            // can be measured (its schema is the build's own) and the imports leave the other sections'
            // database alone.
            let pacedPath = tmp + "/paced-board.db"
            let importArguments = ["import", "--config", confPath, "--database", pacedPath, contentDir]
            let importLog = tmp + "/paced-import.txt"
            let made = runQuiet(
                path: kioskBinary, arguments: importArguments, environment: environment, outPath: importLog)
            if made.status != 0 { fail("kiosk import for the paced keys failed: \(readText(importLog) ?? "")") }
            let words = attractWords(store: store, size: size)
            let opening = [" "] + Array(repeating: [Keys.down, Keys.up], count: 3).flatMap { $0 } + ["2"]
            let typing = ["skica", "danak", "udostoverenie", "2079"].flatMap { $0.map(String.init) + [Keys.ctrlU] }
            var afterStart = Samples(), duringImport = Samples(), afterImport = Samples()
            var importMs = Samples(), peakMB = Samples()
            var unanswered = 0
            for run in 0..<config.pacedRuns {
                let kiosk = PtyProcess(
                    path: kioskBinary, arguments: ["--config", confPath, "--database", pacedPath],
                    environment: environment, columns: size.columns, rows: size.rows)
                print("  run \(run + 1): kiosk started on the pty (pid \(kiosk.pid))")
                guard kiosk.read(until: { containsInOrder(visibleText($0), words) }, timeout: 10) else {
                    kiosk.terminate()
                    fail(
                        "the kiosk never drew its attract screen; it wrote:\n\(visibleText(kiosk.output).prefix(2000))")
                }
                let pacer = KeyPacer(kiosk: kiosk, opening: opening, cycle: typing, period: 0.05)
                let startEnd = now() + config.pacedStartSeconds
                pacer.run(until: { now() >= startEnd })
                pacer.waitForNextKey()
                let importStart = now()
                let staff = QuietProcess(
                    path: kioskBinary, arguments: importArguments, environment: environment,
                    outPath: importLog)
                var imported: Int32?
                pacer.run(until: {
                    imported = imported ?? staff.status()
                    return imported != nil
                })
                let importEnd = now()
                if imported != 0 { fail("kiosk import while the kiosk ran failed: \(readText(importLog) ?? "")") }
                importMs.add((importEnd - importStart) * 1000)
                pacer.run(until: { now() >= importEnd + config.pacedAfterImportSeconds })
                pacer.finish()
                guard kiosk.isRunning else { fail("the kiosk ended while keys were sent (run \(run + 1))") }
                peakMB.add(kiosk.memory().peak)
                if !visibleText(kiosk.output).contains("Търся") {
                    fail("the paced keys never reached the search screen")
                }
                var worst = (start: 0.0, during: 0.0, after: 0.0)
                for (at, latency) in zip(pacer.sent, pacer.latencies()) {
                    guard let latency else { unanswered += 1; continue }
                    if at < importStart {
                        afterStart.add(latency); worst.start = max(worst.start, latency)
                    } else if at < importEnd {
                        duringImport.add(latency); worst.during = max(worst.during, latency)
                    } else {
                        afterImport.add(latency); worst.after = max(worst.after, latency)
                    }
                }
                print(
                    "    slowest key: \(format(worst.start, "ms")) ms after the start, "
                        + "\(format(worst.during, "ms")) ms during the import "
                        + "(\(format(importMs.values.last!, "ms")) ms), "
                        + "\(format(worst.after, "ms")) ms after it")
                kiosk.terminate()
            }
            if unanswered > 0 { print("  warning: \(unanswered) key(s) had no frame after them") }
            let what = "key to the last byte of its frame on the pty, a key every 50 ms"
            record(
                "pty_paced_keys_after_start_ms",
                "\(what), from the first frame for \(config.pacedStartSeconds) s "
                    + "(the catalogue completed, search opened, its index built)", "ms", afterStart)
            record(
                "pty_slowest_key_after_start_ms", "the slowest of those keys after the start", "ms",
                value: afterStart.max)
            record(
                "pty_paced_keys_during_import_ms", "\(what), while `kiosk import` of \(config.services) services runs",
                "ms", duringImport)
            record(
                "pty_slowest_key_during_import_ms", "the slowest of those keys during the import", "ms",
                value: duringImport.max)
            record(
                "pty_paced_keys_after_import_ms",
                "\(what), for \(config.pacedAfterImportSeconds) s after the import "
                    + "(the board sees it, reloads, builds its search index again)", "ms", afterImport)
            record(
                "pty_slowest_key_after_import_ms", "the slowest of those keys after the import", "ms",
                value: afterImport.max)
            record(
                "pty_import_while_running_ms",
                "`kiosk import` of \(config.services) services while the board runs and keys come", "ms", importMs)
            record(
                "memory_peak_paced_mb", "peak memory of that kiosk (VmHWM) after the keys, the import and the reload",
                "MB", value: peakMB.max)

        }
        // MARK: table and JSON
        let elapsed = now() - started
        var nowT = time(nil)
        var parts = tm()
        gmtime_r(&nowT, &parts)
        let date =
            "\(parts.tm_year + 1900)-\(two(Int(parts.tm_mon) + 1))-\(two(Int(parts.tm_mday))) "
            + "\(two(Int(parts.tm_hour))):\(two(Int(parts.tm_min))) UTC"
        print(
            "\n== Results (\(scaleLabel), \(config.services) services, \(config.dossiers) dossiers, \(config.cards) "
                + "cards; \(date); \(Int(elapsed)) s)"
        )
        print("| figure | median | p99 | n | target | |")
        print("|---|---:|---:|---:|---|---|")
        for f in figures {
            let p99 = f.p99.map { format($0, f.unit) } ?? ""
            let verdict = f.met.map { $0 ? "met" : "**missed**" } ?? ""
            print(
                "| \(f.label) | \(format(f.median, f.unit)) \(f.unit) | \(p99.isEmpty ? "" : p99 + " " + f.unit) | "
                    + "\(f.n) | \(f.target ?? "") | \(verdict) |"
            )
        }

        if let jsonPath {
            var json = "{\n  \"date\": \(jsonString(date)),\n  \"scale\": \(jsonString(scaleLabel)),\n"
            json +=
                "  \"sizes\": {\"services\": \(config.services), \"dossiers\": \(config.dossiers), "
                + "\"status_changes\": \(config.dossiers * 5), \"survey_cards\": \(config.cards)},\n"
            json += "  \"kiosk\": \(build.json),\n"
            json +=
                "  \"bench\": {\"swift_runtime\": \(jsonString(benchRuntime)), "
                + "\"note\": \"the in-process sections run in the bench's own process\"},\n"
            json +=
                "  \"setup\": {\"content_generation_ms\": \(jsonNumber(genMs)), \"first_import_ms\": "
                + "\(jsonNumber(firstImportMs)), \"dossier_insert_ms\": \(jsonNumber(dossierMs)), "
                + "\"survey_insert_ms\": \(jsonNumber(cardsMs)), \"one_hash_ms\": "
                + "\(jsonNumber(hashMs.median)), \"note\": \"all dossiers share one precomputed bcrypt "
                + "hash\"},\n"
            json += "  \"elapsed_s\": \(jsonNumber(elapsed)),\n  \"figures\": {\n"
            json += figures.map { f in
                var o =
                    "    \(jsonString(f.key)): {\"label\": \(jsonString(f.label)), \"unit\": \(jsonString(f.unit)), "
                    + "\"median\": \(jsonNumber(f.median))"
                if let p = f.p99 { o += ", \"p99\": \(jsonNumber(p))" }
                o += ", \"n\": \(f.n)"
                if let t = f.target { o += ", \"target\": \(jsonString(t))" }
                if let m = f.met { o += ", \"met\": \(m)" }
                return o + "}"
            }.joined(separator: ",\n")
            json += "\n  },\n  \"key_breakdown_ms\": {\n"
            json += breakdowns.map { b in
                "    \(jsonString(b.key)): {\"reduce_median\": \(jsonNumber(b.reduce.median)), \"reduce_p99\": "
                    + "\(jsonNumber(b.reduce.p99)), \"render_median\": \(jsonNumber(b.render.median)), "
                    + "\"render_p99\": \(jsonNumber(b.render.p99)), \"encode_median\": "
                    + "\(jsonNumber(b.encode.median)), \"encode_p99\": \(jsonNumber(b.encode.p99))}"
            }.joined(separator: ",\n")
            json += "\n  }\n}\n"
            writeText(jsonPath, json)
            print("figures written to \(jsonPath)")
        }
        if !keep { run("rm -rf '\(tmp)'") }

    }

    static let buildAdvice =
        "build both with `swift build -c release --static-swift-stdlib --product kiosk` "
        + "and `... --product kiosk-bench`"

    static let usage = """
        usage: kiosk-bench [--small | --scale F] [--json FILE] [--content DIR] [--kiosk FILE] [--keep] [--only N,M]
          --small      a run of about 2% of the sizes (CI, under a minute)
          --scale F    sizes times F (0 < F <= 1)
          --json FILE  also write the figures as JSON
          --content    the demo content to multiply (default: content/blagoevgrad)
          --kiosk FILE the kiosk to measure (default: the one next to kiosk-bench, which a full run
                       wants to be the build boards run: release, --static-swift-stdlib)
          --keep       keep the temporary directory
          --only N,M   run only these sections (1–8), e.g. under a profiler
        Build: swift build -c release --static-swift-stdlib --product kiosk
               swift build -c release --static-swift-stdlib --product kiosk-bench
        Run:   .build/release/kiosk-bench --json bench.json
        A run cut short (Ctrl-C, SIGTERM, SIGHUP, a failure) ends the programs it started and
        removes its temporary directory.
        """
}
