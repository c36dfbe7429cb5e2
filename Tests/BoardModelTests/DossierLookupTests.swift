import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Looking a dossier up: the same answer for a wrong number and a wrong code, throttling that
/// survives a restart, the per-dossier lock and its staff unlock, and the store commands.
final class DossierLookupTests: XCTestCase {
    final class Clock: @unchecked Sendable {
        var now = 1_800_000_000
    }

    struct Board {
        var path: String
        var store: BoardDatabase
        var desk: DossierDesk
    }

    let clock = Clock()

    /// A board database with the sample dossiers and a desk on a throttle file next to it.
    func board(path existing: String? = nil) throws -> Board {
        let path: String
        if let existing {
            path = existing
        } else {
            path = try Fixtures.database(self)
            try Fixtures.addDossiers(Fixtures.sampleDossiers, to: path)
        }
        let store = try BoardDatabase(path: path, readOnly: true)
        let clock = self.clock
        let desk = try DossierDesk(
            board: store, throttle: try ThrottleStore(path: path + ".throttle"), clock: { clock.now })
        return Board(path: path, store: store, desk: desk)
    }

    func testTheRightNumberAndCodeFindTheDossierHoweverTyped() throws {
        let b = try board()
        for (number, code) in [
            ("2026-000101", "K7AH2M9XE3"), ("2026 000101", "k7ah2-m9xe3"), ("2026000101", "К7АН2М9ХЕ3"),
        ] {
            guard case .found(let report) = b.desk.lookUp(number: number, code: code) else {
                return XCTFail("\(number) / \(code) not found")
            }
            XCTAssertEqual(report.number, "2026-000101")
            XCTAssertEqual(report.status, .inProgress)
            XCTAssertEqual(report.history.map(\.status), [.registered, .assigned, .inProgress])
        }
    }

    func testUnknownNumberAndWrongCodeGetTheSameAnswerAfterTheSameWork() throws {
        let b = try board()
        let before = b.desk.hashesComputed
        let wrongCode = b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4")
        XCTAssertEqual(b.desk.hashesComputed, before + 1)
        let unknownNumber = b.desk.lookUp(number: "2026-009999", code: "K7AH2M9XE3")
        XCTAssertEqual(b.desk.hashesComputed, before + 2, "an unknown number hashes a dummy")
        let nonsense = b.desk.lookUp(number: "2026-ABC", code: "K7AH2M9XE3")
        XCTAssertEqual(b.desk.hashesComputed, before + 3, "even a number that cannot exist")
        XCTAssertEqual(wrongCode, .notFound(wait: 0))
        XCTAssertEqual(unknownNumber, wrongCode)
        XCTAssertEqual(nonsense, wrongCode)
    }

    /// Wall-clock times of lookups (printed for the closing note): a wrong code or an unknown
    /// number takes as long as the right code, because each does one slow hash.
    func testLookupTimesWithRightAndWrongCodes() throws {
        let b = try board()
        func median(_ number: String, _ code: String) -> Double {
            var times: [Double] = []
            for _ in 0..<5 {
                clock.now += 10_000  // never throttled here
                let start = DispatchTime.now().uptimeNanoseconds
                _ = b.desk.lookUp(number: number, code: code)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
            return times.sorted()[2]
        }
        let right = median("2026-000101", "K7AH2M9XE3")
        let wrong = median("2026-000101", "K7AH2M9XE4")
        let unknown = median("2026-009999", "K7AH2M9XE3")
        print(
            "lookup time (median of 5): right code \(String(format: "%.1f", right)) ms, wrong code "
                + "\(String(format: "%.1f", wrong)) ms, unknown number \(String(format: "%.1f", unknown)) ms"
        )
        for t in [right, wrong, unknown] { XCTAssertGreaterThan(t, 2, "a slow hash ran") }
        XCTAssertLessThan(
            max(right, wrong, unknown) / min(right, wrong, unknown), 2.0, "no answer is much faster than another")
    }

    func testWaitsGrowAfterFiveFailuresInARowAndSurviveARestart() throws {
        var b: Board! = try board()
        let path = b.path
        for attempt in 1...4 {
            XCTAssertEqual(
                b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4"), .notFound(wait: 0), "attempt \(attempt)")
        }
        XCTAssertEqual(
            b.desk.lookUp(number: "2026-000102", code: "K7AH2M9XE4"), .notFound(wait: 30), "the fifth in a row")
        clock.now += 10
        XCTAssertEqual(
            b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE3"), .throttled(wait: 20),
            "even the right code waits: nothing is checked during the countdown")

        // The kiosk restarts: the wait is still there.
        b = nil
        b = try board(path: path)
        XCTAssertEqual(b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE3"), .throttled(wait: 20))
        clock.now += 20
        XCTAssertEqual(
            b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4"), .notFound(wait: 60), "the next wait is longer")
        clock.now += 60
        XCTAssertEqual(b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4"), .notFound(wait: 120))
        clock.now += 120
        // Once the waits have begun, a success (say, with one's own dossier) does not reset them.
        guard case .found = b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE3") else {
            return XCTFail("right code after the wait")
        }
        XCTAssertEqual(b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4"), .notFound(wait: 240))
        // An hour without failures does.
        clock.now += 3600
        XCTAssertEqual(b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4"), .notFound(wait: 0))
        // Before the waits begin, a success ends the row.
        for _ in 1...3 { _ = b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4") }
        guard case .found = b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE3") else {
            return XCTFail("right code")
        }
        for _ in 1...4 { XCTAssertEqual(b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4"), .notFound(wait: 0)) }
        XCTAssertEqual(ThrottlePolicy().wait(afterFailures: 30), 300, "waits stop growing at five minutes")
    }

    func testAfterAHundredFailuresADossierIsLockedUntilStaffUnlockIt() throws {
        var b: Board! = try board()
        let path = b.path
        for _ in 1...100 {
            clock.now += 1000  // past every wait
            XCTAssertEqual(b.desk.lookUp(number: "2026-000103", code: "K7AH2M9XE4").isNotFound, true)
        }
        clock.now += 1000
        XCTAssertEqual(
            b.desk.lookUp(number: "2026-000103", code: "HC4EK7TP9X").isNotFound, true,
            "the right code no longer opens it, with the same message as a wrong one")
        clock.now += 1000
        guard case .found = b.desk.lookUp(number: "2026-000101", code: "K7AH2M9XE3") else {
            return XCTFail("other dossiers still open")
        }

        // Still locked after a restart.
        b = nil
        b = try board(path: path)
        clock.now += 1000
        XCTAssertEqual(b.desk.lookUp(number: "2026-000103", code: "HC4EK7TP9X").isNotFound, true)

        // Staff unlock it in the board database; the kiosk (read-only) counts only later failures.
        let writer = try BoardDatabase(path: path, readOnly: false)
        try writer.unlockDossier(number: "2026-000103", at: "2026-11-21 11:00:00")
        clock.now += 1000
        guard case .found(let report) = b.desk.lookUp(number: "2026-000103", code: "HC4EK7TP9X") else {
            return XCTFail("unlocked")
        }
        XCTAssertEqual(report.status, .readyForCollection)
    }

    func testAKioskRefusesAThrottleFileAnotherKioskHolds() throws {
        let b = try board()
        XCTAssertThrowsError(try ThrottleStore(path: b.path + ".throttle"), "a second writer is refused")
    }

    func testTheDummyHashCostsWhatTheStoredHashesCost() throws {
        // Dossiers registered here: the dummy is bcrypt like them.
        XCTAssertTrue(try board().desk.dummyHash.hasPrefix("$2b$10$"))
        // A board whose newest dossier came with a yescrypt hash from the registry: an unknown
        // number must take as long as that dossier's wrong code, so the dummy is yescrypt too.
        let path = try Fixtures.database(self)
        let store = try BoardDatabase(path: path, readOnly: false)
        let service = try XCTUnwrap(try store.loadService(number: "2079"))
        let hash = try XCTUnwrap(SlowHash.make("K7AH2M9XE3", like: "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$"))
        let day = Fixtures.date("2026-11-20")
        let numbers = try store.addDossiers([
            BoardDatabase.NewDossier(
                codeHash: hash, service: service, tier: .ordinary, filed: day,
                deadline: day, history: [DossierEvent(date: day, status: .registered)])
        ])
        let b = try board(path: path)
        XCTAssertTrue(b.desk.dummyHash.hasPrefix("$y$j9T$"), b.desk.dummyHash)
        guard case .found = b.desk.lookUp(number: numbers[0], code: "K7AH2-M9XE3") else {
            return XCTFail("a yescrypt dossier no longer verifies")
        }
    }

    func testEveryCheckedLookupIsPaddedToTheSameLength() throws {
        // A fake monotonic clock: each lookup "takes" the time listed for it, then pauses.
        final class Timeline: @unchecked Sendable {
            var durations: [Double] = []
            var now = 0.0
            var reads = 0
            var pauses: [Double] = []
        }
        let timeline = Timeline()
        let path = try Fixtures.database(self)
        try Fixtures.addDossiers(Fixtures.sampleDossiers, to: path)
        let clock = self.clock
        let desk = try DossierDesk(
            board: try BoardDatabase(path: path, readOnly: true), throttle: try ThrottleStore(path: path + ".throttle"),
            clock: { clock.now },
            monotonicMs: {
                // Start and end of each lookup: the end is its duration later.
                timeline.reads += 1
                if timeline.reads % 2 == 0 { timeline.now += timeline.durations.removeFirst() }
                return timeline.now
            },
            pause: { timeline.pauses.append($0) })
        timeline.durations = [66, 64, 90]
        _ = desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4")  // a wrong code
        _ = desk.lookUp(number: "2026-009999", code: "K7AH2M9XE3")  // an unknown number
        _ = desk.lookUp(number: "2026-000101", code: "K7AH2M9XE3")  // the right code
        XCTAssertEqual(
            zip(timeline.pauses, [66.0, 64, 90]).map { $0 + $1 }, [100, 100, 112.5],
            "each answer comes at the floor, or a quarter past the slowest seen")
        // A legacy hash far slower than the others raises the floor for every later lookup.
        timeline.durations = [400, 65]
        timeline.pauses = []
        _ = desk.lookUp(number: "2026-000101", code: "K7AH2M9XE4")
        _ = desk.lookUp(number: "2026-009999", code: "K7AH2M9XE3")
        XCTAssertEqual(zip(timeline.pauses, [400.0, 65]).map { $0 + $1 }, [500, 500])
    }

    // MARK: the registry side

    func testRegisteringNumbersFollowThePatternAndNeverRepeat() throws {
        let path = try Fixtures.database(self)
        let store = try BoardDatabase(path: path, readOnly: false)
        let service = try XCTUnwrap(try store.loadService(number: "2079"))
        func new(_ filed: String) throws -> BoardDatabase.NewDossier {
            BoardDatabase.NewDossier(
                codeHash: "$y$x", service: service, tier: .ordinary, filed: Fixtures.date(filed),
                deadline: Fixtures.date(filed), history: [DossierEvent(date: Fixtures.date(filed), status: .registered)]
            )
        }
        XCTAssertEqual(
            try store.addDossiers([try new("2026-11-20"), try new("2026-11-21")]), ["2026-000001", "2026-000002"])
        XCTAssertEqual(try store.addDossiers([try new("2027-01-04")]), ["2027-000001"], "a new year starts again at 1")
        let registry = try DossierNumberPattern("94-00-{seq}/{dd}.{mm}.{yyyy}")
        XCTAssertEqual(try store.addDossiers([try new("2026-11-21")], pattern: registry), ["94-00-3/21.11.2026"])
        var given = try new("2026-11-21")
        given.number = "2026 000002"
        XCTAssertThrowsError(try store.addDossiers([given]), "the same digits as an existing number") { error in
            XCTAssertTrue("\(error)".contains("already exists"), "\(error)")
        }
    }

    func testAdvancingRefusesInvalidMovesAndKeepsTheHistory() throws {
        let path = try Fixtures.database(self)
        try Fixtures.addDossiers(Fixtures.sampleDossiers, to: path)
        let store = try BoardDatabase(path: path, readOnly: false)
        func advance(_ number: String, to status: DossierStatus, unit: String? = nil, on date: String) throws {
            try store.advanceDossier(
                number: number, to: status, unit: unit, on: Fixtures.date(date),
                today: Fixtures.now.date)
        }
        try advance("2026-000103", to: .completed, unit: "гише 2", on: "2026-11-21")
        XCTAssertThrowsError(try advance("2026-000103", to: .inProgress, on: "2026-11-21")) {
            XCTAssertTrue("\($0)".contains("cannot move from completed to in_progress"), "\($0)")
        }
        XCTAssertThrowsError(try advance("2026-000101", to: .assigned, on: "2026-11-01")) {
            XCTAssertTrue("\($0)".contains("before the latest change"), "\($0)")
        }
        XCTAssertThrowsError(try advance("2026-999999", to: .assigned, on: "2026-11-21"))
        let report = try XCTUnwrap(try store.dossierReport(number: "2026-000103"))
        XCTAssertEqual(report.history.map(\.status), [.registered, .inProgress, .readyForCollection, .completed])
        XCTAssertEqual(report.history.last?.unit, "гише 2")
    }

    func testImportIsAllOrNothingWithErrorsByLine() throws {
        let path = try Fixtures.database(self)
        let store = try BoardDatabase(path: path, readOnly: false)
        let good = """
            {"number": "94-00-1/02.11.2026", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02"}
            {"number": "94-00-2/03.11.2026", "code": "pt3xc-58aym", "service": "2011", "tier": "fast", \
            "filed": "2026-11-03", "history": [{"date": "2026-11-03", "status": "registered"}, \
            {"date": "2026-11-05", "status": "ready_for_collection", "unit": "гише 5"}]}
            """
        let bad =
            good + """

                {"number": "94-00-3", "code": "K7AH2-M9XE0", "service": "9999", "filed": "2026-11-02", \
                "applicant": "Иван Петров"}
                {"number": "94-00-1/02.11.2026", "code_hash": "$y$j9T$abc", "service": "2079", \
                "filed": "2026-11-02", "history": [{"date": "2026-11-02", "status": "completed"}]}
                not json
                """
        let today = Fixtures.date("2026-11-21")
        let failed = DossierImport.read(Data(bad.utf8), store: store, calendar: Fixtures.holidays, today: today)
        let errors = failed.errors.joined(separator: "\n")
        XCTAssertTrue(errors.contains("line 3: applicant: unknown field"), errors)
        XCTAssertTrue(errors.contains("line 3: code: must be 10 characters"), errors)
        XCTAssertTrue(errors.contains("line 3: service: no service has the number \"9999\""), errors)
        XCTAssertTrue(errors.contains("line 4: number: the same number as line 1"), errors)
        XCTAssertTrue(errors.contains("line 4: history[0]: the first change must be registered"), errors)
        XCTAssertTrue(errors.contains("line 5: not valid JSON"), errors)
        XCTAssertFalse(
            failed.errors.contains { $0.hasPrefix("line 1:") || $0.hasPrefix("line 2:") },
            "lines 1 and 2 are fine:\n\(errors)")
        XCTAssertFalse(errors.contains("M9XE0"), "codes never appear in messages")

        let batch = DossierImport.read(Data(good.utf8), store: store, calendar: Fixtures.holidays, today: today)
        XCTAssertEqual(batch.errors, [])
        try store.addDossiers(batch.dossiers)
        let second = try XCTUnwrap(try store.dossierReport(number: "94-00-2/03.11.2026"))
        XCTAssertEqual(second.status, .readyForCollection)
        XCTAssertEqual(second.deadline, Fixtures.date("2026-11-12"), "fast tier of 2011: 7 working days")
        let reader = try BoardDatabase(path: path, readOnly: true)
        let desk = try DossierDesk(board: reader, throttle: try ThrottleStore(path: path + ".throttle"))
        guard case .found = desk.lookUp(number: "94-00-2 03112026", code: "PT3XC58AYM") else {
            return XCTFail("imported code works")
        }
    }
}

extension DossierLookupOutcome {
    var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }
}
