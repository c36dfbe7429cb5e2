import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import CSQLite
import Glibc

let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

func readText(_ path: String) -> String? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

func writeText(_ path: String, _ text: String) {
    guard let f = fopen(path, "wb") else { fail("cannot write \(path)") }
    _ = text.utf8CString.withUnsafeBufferPointer { fputs($0.baseAddress!, f) }
    fclose(f)
}

/// Ends the run with `message`: the programs it started are ended and its temporary data removed.
func fail(_ message: String) -> Never {
    RunCleanup.cutShort()
    let text = Array("kiosk-bench: \(message)\n".utf8)
    _ = text.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

func run(_ command: String) {
    if system(command) != 0 { fail("command failed: \(command)") }
}

func listDirectory(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// Makes a content directory with `count` services from the demo content: the demo directory
/// copied, and each demo service file written again under new numbers with varied names.
func generateContent(demo: String, into target: String, count: Int) -> Int {
    run("rm -rf '\(target)' && cp -r '\(demo)' '\(target)' && rm -f '\(target)'/services/*.json")
    let demoSet: ContentSet
    do { demoSet = try ContentReader.read(directory: demo) } catch { fail("cannot read \(demo): \(error)") }
    let files = listDirectory(demo + "/services").filter { $0.hasSuffix(".json") }
    var templates: [(text: String, service: Service)] = []
    for file in files {
        guard let text = readText(demo + "/services/" + file) else { fail("cannot read \(file)") }
        guard let service = demoSet.services.first(where: { text.contains("\"number\": \"\($0.number)\"") }) else {
            continue
        }
        templates.append((text, service))
    }
    guard !templates.isEmpty else { fail("no demo services found in \(demo)") }
    let longestDescription = templates.map(\.service.description.bg).max { $0.count < $1.count }!
    let districtsBG = [
        "Запад", "Изток", "Център", "Еленово", "Струмско", "Грамада", "Освобождение", "Strumsko",
        "Дъбрава", "Бистрица", "Покровник", "Логодаж", "Рилци", "Дренково", "Зелен дол",
    ]
    let districtsEN = [
        "West", "East", "Centre", "Elenovo", "Strumsko", "Gramada", "Osvobozhdenie", "Strumsko",
        "Dabrava", "Bistritsa", "Pokrovnik", "Logodazh", "Riltsi", "Drenkovo", "Zelen dol",
    ]
    for i in 0..<count {
        let t = templates[i % templates.count]
        let variant = i / templates.count
        let number = String(10000 + i)
        let d = variant % districtsBG.count
        let nameBG =
            variant == 0 ? t.service.name.bg : "\(t.service.name.bg) – район \(districtsBG[d]), вариант \(variant)"
        let nameEN =
            (t.service.name.en ?? "").isEmpty
            ? nil
            : (variant == 0
                ? t.service.name.en! : "\(t.service.name.en!) – \(districtsEN[d]) district, variant \(variant)")
        var text = t.text.replacingFirst("\"number\": \"\(t.service.number)\"", with: "\"number\": \"\(number)\"")
        text = text.replacingFirst("\"bg\": \(jsonString(t.service.name.bg))", with: "\"bg\": \(jsonString(nameBG))")
        if let en = t.service.name.en, let nameEN {
            text = text.replacingFirst("\"en\": \(jsonString(en))", with: "\"en\": \(jsonString(nameEN))")
        }
        // One variant in twenty has a long description (the longest of the demo's, ten times
        // over), so that some cards scroll even at 200×60, as a large municipality's longest do.
        if variant % 20 == 1 {
            let long = Array(repeating: longestDescription, count: 10).joined(separator: " ")
            text = text.replacingFirst(
                "\"bg\": \(jsonString(t.service.description.bg))", with: "\"bg\": \(jsonString(long))")
        }
        writeText("\(target)/services/\(number).json", text)
    }
    return templates.count
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = self.firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}

/// A raw SQLite connection for the bulk inserts and the plain-C-API comparison.
final class RawDB {
    let handle: OpaquePointer
    init(path: String, readOnly: Bool = false) {
        var h: OpaquePointer?
        let flags = readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        guard sqlite3_open_v2(path, &h, flags, nil) == SQLITE_OK, let h else { fail("cannot open \(path)") }
        handle = h
        sqlite3_busy_timeout(h, 10_000)
    }
    deinit { sqlite3_close_v2(handle) }

    func exec(_ sql: String) {
        var err: UnsafeMutablePointer<CChar>?
        if sqlite3_exec(handle, sql, nil, nil, &err) != SQLITE_OK {
            fail("SQL failed: \(sql.prefix(80)): \(err.map { String(cString: $0) } ?? "?")")
        }
    }

    func prepare(_ sql: String) -> OpaquePointer {
        var s: OpaquePointer?
        guard sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &s, nil) == SQLITE_OK, let s else {
            fail("prepare failed: \(String(cString: sqlite3_errmsg(handle)))")
        }
        return s
    }
}

func stepDone(_ s: OpaquePointer, _ db: RawDB) {
    let rc = sqlite3_step(s)
    if rc != SQLITE_DONE && rc != SQLITE_ROW { fail("step failed: \(String(cString: sqlite3_errmsg(db.handle)))") }
    sqlite3_reset(s)
}

/// Writes `count` dossiers with five status changes each, straight into the board database in one
/// transaction, all with one precomputed code hash. Returns the numbers' keys of a sample.
func insertDossiers(
    databasePath: String, count: Int, codeHash: String, services: [(number: String, bg: String, en: String?)]
) {
    let db = RawDB(path: databasePath)
    db.exec("PRAGMA cache_size = -200000; PRAGMA synchronous = OFF")
    db.exec("BEGIN IMMEDIATE")
    let dossier = db.prepare(
        """
        INSERT INTO dossiers (number, number_key, year, sequence, code_hash, service, service_name_bg, service_name_en,
            tier, term_days, filed, deadline, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    let event = db.prepare("INSERT INTO dossier_events (number, date, status, unit) VALUES (?, ?, ?, ?)")
    let statuses = ["registered", "assigned", "in_progress", "ready_for_collection", "completed"]
    let units = [
        "Деловодство", "Отдел „ГРАО“", "Отдел „ГРАО“", "Център за обслужване, гише 2", "Център за обслужване, гише 2",
    ]
    let perYear = dossierNumbersPerYear(count)
    for i in 0..<count {
        let (number, year, sequence) = dossierNumber(i, perYear: perYear)
        let s = services[i % services.count]
        let month = 1 + i % 12, day = 1 + i % 28
        let filed = "\(year)-\(two(month))-\(two(day))"
        sqlite3_bind_text(dossier, 1, number, -1, transient)
        sqlite3_bind_text(dossier, 2, number.filter(\.isNumber), -1, transient)
        sqlite3_bind_int64(dossier, 3, Int64(year))
        sqlite3_bind_int64(dossier, 4, Int64(sequence))
        sqlite3_bind_text(dossier, 5, codeHash, -1, transient)
        sqlite3_bind_text(dossier, 6, s.number, -1, transient)
        sqlite3_bind_text(dossier, 7, s.bg, -1, transient)
        if let en = s.en { sqlite3_bind_text(dossier, 8, en, -1, transient) } else { sqlite3_bind_null(dossier, 8) }
        sqlite3_bind_text(dossier, 9, "ordinary", -1, transient)
        sqlite3_bind_int64(dossier, 10, 14)
        sqlite3_bind_text(dossier, 11, filed, -1, transient)
        sqlite3_bind_text(dossier, 12, "\(year)-\(two(month))-\(two(min(day + 20, 28)))", -1, transient)
        sqlite3_bind_text(dossier, 13, "completed", -1, transient)
        stepDone(dossier, db)
        for k in 0..<5 {
            sqlite3_bind_text(event, 1, number, -1, transient)
            sqlite3_bind_text(event, 2, "\(year)-\(two(month))-\(two(min(day + k * 4, 28)))", -1, transient)
            sqlite3_bind_text(event, 3, statuses[k], -1, transient)
            sqlite3_bind_text(event, 4, units[k], -1, transient)
            stepDone(event, db)
        }
    }
    sqlite3_finalize(dossier)
    sqlite3_finalize(event)
    db.exec("COMMIT")
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)")
}

func dossierNumbersPerYear(_ count: Int) -> Int { max(1, (count + 4) / 5) }

/// Dossier i: spread over 2022–2026, numbered {yyyy}-{seq:6}.
func dossierNumber(_ i: Int, perYear: Int) -> (String, Int, Int) {
    let year = 2022 + i / perYear
    let sequence = i % perYear + 1
    var digits = String(sequence)
    while digits.count < 6 { digits = "0" + digits }
    return ("\(year)-\(digits)", year, sequence)
}

func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

/// Writes `count` survey cards (random answers to the content's card) over the first half of 2026
/// into a SurveyStore file, through the store, in transactions of 10,000 cards. One card in five
/// has a comment; most comments hold a "/", quotes or a backslash, as visitors type them.
func insertSurveyCards(path: String, count: Int, definition: SurveyDefinition) {
    let store: SurveyStore
    do { store = try SurveyStore(path: path) } catch { fail("cannot open the survey file: \(error)") }
    var rng = SplitMix(seed: 7)
    let comments = [
        "Много бързо, благодаря!", "Чакахме дълго на гише 3/4.", "Служителката беше \"много\" любезна.",
        "Формулярът C:\\Documents\\заявление.pdf не се отвори / did not open",
        "Нямаше хартия в принтера (стая 2/3), \"пак\"", "Good service, thank you.",
        "Сайтът https://example.bg/uslugi е бавен \\ slow",
    ]
    let days = (1...6).flatMap { m in (1...28).map { d in CalendarDate(year: 2026, month: m, day: d)! } }
    var batch: [SurveyCard] = []
    for i in 0..<count {
        var answers: [String: SurveyAnswer] = [:]
        for q in definition.questions.sorted(by: { $0.id < $1.id }) {
            switch q.kind {
            case .faces, .scale: answers[q.id] = .value(1 + Int(rng.next() % UInt64(q.answerCount)))
            case .choice:
                if !q.options.isEmpty {
                    answers[q.id] = .option(q.options[Int(rng.next() % UInt64(q.options.count))].id)
                }
            case .comment:
                if rng.next() % 5 == 0 { answers[q.id] = .text(comments[i % comments.count]) }
            }
        }
        batch.append(
            SurveyCard(
                day: days[i % days.count], centre: definition.title.bg, answers: answers,
                flood: i % 97 == 0))
        if batch.count == 10_000 || i == count - 1 {
            do { try store.save(batch) } catch { fail("cannot store survey cards: \(error)") }
            batch.removeAll(keepingCapacity: true)
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}
