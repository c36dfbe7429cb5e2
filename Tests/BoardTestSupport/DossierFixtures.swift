import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Foundation
import XCTest

/// Dossiers in a board database, and a board that can look them up, for tests.
extension Fixtures {
    public static var holidays: HolidayCalendar {
        try! HolidayCalendar.load(path: packageRoot + "/content/holidays-bg.json")
    }

    /// A dossier to put in a test database; the code is canonical (no dash).
    public struct DossierSpec: Sendable {
        public var number: String
        public var code: String
        public var service: String
        public var tier: Tier
        public var filed: CalendarDate
        public var history: [DossierEvent]

        public init(
            number: String, code: String, service: String = "2079", tier: Tier = .ordinary,
            filed: CalendarDate, history: [DossierEvent]
        ) {
            self.number = number
            self.code = code
            self.service = service
            self.tier = tier
            self.filed = filed
            self.history = history
        }
    }

    public static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

    /// The four kinds of result a citizen may see, as of `Fixtures.now` (Saturday 21.11.2026).
    public static let sampleDossiers: [DossierSpec] = [
        DossierSpec(
            number: "2026-000101", code: "K7AH2M9XE3", filed: date("2026-11-18"),
            history: [
                DossierEvent(date: date("2026-11-18"), status: .registered, unit: "Деловодство"),
                DossierEvent(date: date("2026-11-19"), status: .assigned, unit: "Отдел „ГРАО“"),
                DossierEvent(date: date("2026-11-20"), status: .inProgress, unit: "Отдел „ГРАО“"),
            ]),
        DossierSpec(
            number: "2026-000102", code: "PT3XC58AYM", service: "2011", filed: date("2026-10-12"),
            history: [
                DossierEvent(date: date("2026-10-12"), status: .registered, unit: "Деловодство"),
                DossierEvent(date: date("2026-10-14"), status: .assigned, unit: "Дирекция „Устройство на територията“"),
                DossierEvent(
                    date: date("2026-10-28"), status: .waitingForApplicant, unit: "Дирекция „Устройство на територията“"
                ),
            ]),
        DossierSpec(
            number: "2026-000103", code: "HC4EK7TP9X", filed: date("2026-11-16"),
            history: [
                DossierEvent(date: date("2026-11-16"), status: .registered, unit: "Деловодство"),
                DossierEvent(date: date("2026-11-17"), status: .inProgress, unit: "Отдел „ГРАО“"),
                DossierEvent(
                    date: date("2026-11-19"), status: .readyForCollection, unit: "Център за обслужване, гише 2"),
            ]),
        DossierSpec(
            number: "2026-000104", code: "YX8MA6CE2H", service: "2011", tier: .fast, filed: date("2026-11-02"),
            history: [
                DossierEvent(date: date("2026-11-02"), status: .registered, unit: "Деловодство"),
                DossierEvent(
                    date: date("2026-11-04"), status: .inProgress, unit: "Дирекция „Устройство на територията“"),
                DossierEvent(date: date("2026-11-10"), status: .refused, unit: "Дирекция „Устройство на територията“"),
            ]),
    ]

    /// Writes dossiers into the board database at `path`, as a staff command would.
    public static func addDossiers(_ specs: [DossierSpec], to path: String) throws {
        let lock = try WriterLock(databasePath: path)
        defer { withExtendedLifetime(lock) {} }
        let store = try BoardDatabase(path: path, readOnly: false)
        let calendar = holidays
        var new: [BoardDatabase.NewDossier] = []
        for spec in specs {
            let service = try XCTUnwrap(try store.loadService(number: spec.service))
            let days = try XCTUnwrap(service.tiers.first { $0.tier == spec.tier }).days
            new.append(
                BoardDatabase.NewDossier(
                    number: spec.number, codeHash: try SlowHash.make(spec.code), service: service,
                    tier: spec.tier, filed: spec.filed,
                    deadline: try calendar.adding(workingDays: days, to: spec.filed), history: spec.history))
        }
        try store.addDossiers(new)
    }

    /// A running board whose database holds `dossiers`, with a dossier desk on its own throttle
    /// file (in the same temporary directory, so a test can restart the board on it).
    public static func dossierProgram(
        _ test: XCTestCase, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
        language: Language = .bg, dossiers: [DossierSpec] = sampleDossiers,
        clock: @escaping () -> Int = { Int(Date().timeIntervalSince1970) },
        withDesk: Bool = true
    ) throws -> BoardProgram {
        let path = try database(test)
        try addDossiers(dossiers, to: path)
        let store = try BoardDatabase(path: path, readOnly: true)
        let desk = try DossierDesk(board: store, throttle: try ThrottleStore(path: path + ".throttle"), clock: clock)
        let program = BoardProgram.embedded(
            BoardState(size: size, now: now, settings: settings(language)),
            work: BoardWork(store: store, desk: withDesk ? desk : nil))
        program.start()
        return program
    }
}

extension BoardProgram {
    /// Types text into the focused field through the keyboard.
    public func type(_ text: String) {
        for c in text { send(.key(.character(c))) }
    }

    /// Taps the on-screen key that types `c`; fails when the keypad on show has none.
    public func tapKey(_ c: Character, file: StaticString = #filePath, line: UInt = #line) {
        tapTarget(.dossier(.type(c)), file: file, line: line)
    }

    /// Taps the middle of the target that does `action`.
    public func tapTarget(_ action: Action, file: StaticString = #filePath, line: UInt = #line) {
        guard let target = render().targets.last(where: { $0.action == action }) else {
            XCTFail("no target for \(action) on screen:\n\(screenText)", file: file, line: line)
            return
        }
        let rect = target.rect
        input(.tap(column: rect.x + rect.width / 2, row: rect.y + rect.height / 2))
    }
}
