import BoardCore
import BoardTestSupport
import Foundation
import XCTest

/// The registry's rules as the core keeps them, without a database or a process: what a
/// registration at the counter yields, which status changes are refused and why, the batch
/// import's checks, and the JSON the registry's scripts read.
final class DossierRulesTests: XCTestCase {
    /// A service with an ordinary tier of 3 working days and a same-day express tier.
    let service = Service(
        number: "2079", category: "grao", name: LocalizedText(bg: "Удостоверение за наследници"),
        description: LocalizedText(bg: "—"), legalBasis: LocalizedText(bg: "—"), documents: [],
        tiers: [
            TierOffer(tier: .ordinary, feeCents: 500, days: 3),
            TierOffer(tier: .express, feeCents: 1500, days: 0),
        ],
        unit: LocalizedText(bg: "ГРАО"), channels: [], stages: [], result: LocalizedText(bg: "—"))
    let today = Fixtures.date("2026-12-31")

    /// Replays bytes, then zeros: a code that is the same on every run.
    struct Replay: RandomSource {
        var bytes: [UInt8]
        var name: String { "replay" }
        func bytes(_ count: Int) throws(RandomSourceError) -> [UInt8] {
            Array(bytes.prefix(count)) + [UInt8](repeating: 0, count: max(0, count - bytes.count))
        }
    }

    /// Always fails, as a generator without entropy would.
    struct Broken: RandomSource {
        var name: String { "broken" }
        func bytes(_ count: Int) throws(RandomSourceError) -> [UInt8] {
            throw RandomSourceError(description: "getrandom: no entropy")
        }
    }

    func register(
        filed: String?, tier: Tier = .ordinary, unit: String? = nil,
        random: some RandomSource = Replay(bytes: Array(0..<10))
    ) throws(DossierRefusal)
        -> DossierRegistration
    {
        try DossierRegistration(
            service: service, tier: tier, filed: filed.map(Fixtures.date), unit: unit, today: today,
            calendar: Fixtures.holidays, random: random)
    }

    // MARK: registration

    func testTheDeadlineCountsWorkingDaysAfterTheFilingSkippingHolidays() throws {
        // Friday 20 November + 3 working days: Wednesday 25.
        XCTAssertEqual(try register(filed: "2026-11-20").deadline, Fixtures.date("2026-11-25"))
        // Christmas 2026: 24, 25 and 26 (a Saturday, so Monday 28) are off.
        let christmas = try register(filed: "2026-12-23")
        XCTAssertEqual(christmas.deadline, Fixtures.date("2026-12-31"))
        XCTAssertEqual(christmas.termDays, 3)
        // Same-day tier filed on a Saturday: the next working day.
        XCTAssertEqual(try register(filed: "2026-11-21", tier: .express).deadline, Fixtures.date("2026-11-23"))
    }

    func testTheFilingDateIsTodayUnlessGivenAndTheHistoryStartsRegisteredThere() throws {
        let registration = try register(filed: nil, unit: "  Деловодство ")
        XCTAssertEqual(registration.filed, today)
        XCTAssertEqual(registration.history, [DossierEvent(date: today, status: .registered, unit: "Деловодство")])
        XCTAssertEqual(registration.code, "23456789AC", "the code comes from the random source given")
        XCTAssertEqual(
            try register(filed: nil, unit: " \u{1B}\u{07}\u{9B} ").history.first?.unit, nil,
            "a unit with nothing left after cleaning is no unit")
    }

    func testAFutureFilingAnOfferedTierAndAYearWithoutHolidaysAreRefusedWithReasons() {
        XCTAssertThrowsError(try register(filed: "2027-01-04")) { error in
            XCTAssertEqual(error as? DossierRefusal, .inTheFuture(Fixtures.date("2027-01-04"), today: today))
            XCTAssertEqual("\(error)", "2027-01-04 is in the future (today is 2026-12-31)")
            XCTAssertEqual((error as? DossierRefusal)?.isAboutDate, true, "a command names its option before it")
        }
        XCTAssertThrowsError(try register(filed: "2026-11-20", tier: .fast)) { error in
            XCTAssertEqual("\(error)", "service 2079 has no fast tier (it has: ordinary, express)")
            XCTAssertEqual((error as? DossierRefusal)?.isAboutDate, false)
        }
        XCTAssertThrowsError(try register(filed: "1990-03-01")) { error in
            XCTAssertTrue("\(error)".contains("no Orthodox Easter date for 1990"), "\(error)")
        }
        XCTAssertThrowsError(try register(filed: "2026-11-20", random: Broken())) { error in
            XCTAssertEqual("\(error)", "no random bytes for the access code: getrandom: no entropy")
        }
    }

    func testTheReceiptIsStableJSONWithSortedKeysAndEveryValueAString() throws {
        let registration = try register(filed: "2026-11-20")
        let receipt = registration.receipt(number: "94-00-3/20.11.2026")
        XCTAssertEqual(
            receipt.json,
            #"{"code":"23456-789AC","deadline":"2026-11-25","filed":"2026-11-20","#
                + #""number":"94-00-3/20.11.2026","service":"2079","tier":"ordinary"}"#)
        XCTAssertEqual(
            receipt.json, registration.receipt(number: "94-00-3/20.11.2026").json,
            "the same bytes every time")
        let decoded = try JSONDecoder().decode(DossierRegistration.Receipt.self, from: Data(receipt.json.utf8))
        XCTAssertEqual(decoded, receipt)
    }

    func testTheReceiptCarriesNoControlCharactersFromTheDatabase() throws {
        var hostile = service
        hostile.number = "2079\u{1B}]52;c;SGVsbG8=\u{07}"
        let registration = try DossierRegistration(
            service: hostile, tier: .ordinary, filed: nil, unit: nil,
            today: today, calendar: Fixtures.holidays, random: Replay(bytes: []))
        let json = registration.receipt(number: "2026-000001").json
        XCTAssertFalse(json.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }, json)
        XCTAssertFalse(json.contains("\\u001b"), "not even escaped: \(json)")
        XCTAssertTrue(json.contains(#""service":"2079]52;c;SGVsbG8=""#), json)
    }

    // MARK: status changes

    func refusals(_ status: DossierStatus, on date: String, after previous: DossierEvent?) -> [DossierRefusal] {
        DossierRules.refusals(
            of: DossierRules.change(status, on: Fixtures.date(date), unit: nil), after: previous,
            filed: Fixtures.date("2026-11-16"), today: Fixtures.date("2026-11-21"))
    }

    func testAllowedChangesHaveNoRefusal() {
        let registered = DossierEvent(date: Fixtures.date("2026-11-16"), status: .registered)
        XCTAssertEqual(refusals(.registered, on: "2026-11-16", after: nil), [])
        XCTAssertEqual(refusals(.inProgress, on: "2026-11-16", after: registered), [], "the same day is fine")
        XCTAssertEqual(refusals(.readyForCollection, on: "2026-11-21", after: registered), [], "today is fine")
        let assigned = DossierEvent(date: Fixtures.date("2026-11-17"), status: .assigned)
        XCTAssertEqual(refusals(.assigned, on: "2026-11-18", after: assigned), [], "a reassignment to another unit")
    }

    func testRefusedChangesSayWhy() {
        let refused = DossierEvent(date: Fixtures.date("2026-11-18"), status: .refused)
        XCTAssertEqual(
            refusals(.inProgress, on: "2026-11-19", after: refused).map(\.description),
            [
                "cannot move from refused to in_progress: the dossier is refused, which is final: "
                    + "no further status can follow"
            ])
        let ready = DossierEvent(date: Fixtures.date("2026-11-18"), status: .readyForCollection)
        XCTAssertEqual(
            refusals(.assigned, on: "2026-11-19", after: ready).map(\.description),
            [
                "cannot move from ready_for_collection to assigned: a dossier ready for collection can only "
                    + "become completed"
            ])
        XCTAssertEqual(
            refusals(.completed, on: "2026-11-16", after: nil),
            [.firstNotRegistered(.completed)])
        // One change can break several rules; each is named.
        XCTAssertEqual(
            refusals(.registered, on: "2026-11-10", after: ready),
            [
                .move(from: .readyForCollection, to: .registered),
                .beforeLatestChange(Fixtures.date("2026-11-10"), latest: Fixtures.date("2026-11-18")),
                .beforeFiling(Fixtures.date("2026-11-10"), filed: Fixtures.date("2026-11-16")),
            ])
        XCTAssertEqual(
            refusals(.completed, on: "2026-11-22", after: ready).map(\.description),
            ["2026-11-22 is in the future (today is 2026-11-21)"])
    }

    func testAChangeKeepsItsUnitAsCleanText() {
        let change = DossierRules.change(
            .assigned, on: Fixtures.date("2026-11-17"),
            unit: "Отдел\u{1B}]0;pwned\u{07} „ГРАО“\u{9B}2J")
        XCTAssertEqual(change.unit, "Отдел]0;pwned „ГРАО“2J")
    }

    // MARK: a registry's batch

    func read(_ lines: String, taken: Set<String> = []) -> DossierBatch {
        DossierBatch.read(
            Data(lines.utf8), today: Fixtures.date("2026-11-21"), calendar: Fixtures.holidays,
            service: { $0 == "2079" ? self.service : nil }, isTaken: { taken.contains($0) })
    }

    func testABatchFollowsTheRulesOfARegistration() {
        let batch = read(
            """
            {"number": "2026-1", "code": "k7ah2 m9xe3", "service": "2079", "filed": "2026-11-20"}
            {"number": "2026-2", "code_hash": "$2b$10$abc", "service": "2079", "filed": "2026-11-20", \
            "history": [{"date": "2026-11-20", "status": "registered", "unit": "Гише\\u001b]52;c;SGVsbG8=\\u0007 1"}]}
            """)
        XCTAssertEqual(batch.errors, [])
        XCTAssertEqual(batch.entries.map(\.deadline), [Fixtures.date("2026-11-25"), Fixtures.date("2026-11-25")])
        XCTAssertEqual(batch.entries.map(\.secret), [.code("K7AH2M9XE3"), .hash("$2b$10$abc")])
        XCTAssertEqual(batch.entries[0].history, [DossierEvent(date: Fixtures.date("2026-11-20"), status: .registered)])
        XCTAssertEqual(batch.entries[1].history.first?.unit, "Гише]52;c;SGVsbG8= 1", "units are stored clean")
    }

    func testABatchNamesEveryRefusalByLineAndField() {
        let batch = read(
            """
            {"number": "2026-1", "code": "K7AH2M9XE3", "service": "2079", "tier": "fast", "filed": "2026-11-20"}
            {"number": "2026-2", "code": "K7AH2M9XE3", "service": "2079", "filed": "2026-11-23"}
            {"number": "2026-3", "code": "K7AH2M9XE3", "service": "2079", "filed": "2026-11-20", \
            "deadline": "2026-11-19"}
            {"number": "2026-4", "code": "K7AH2M9XE3", "service": "2079", "filed": "2026-11-20", \
            "history": [{"date": "2026-11-20", "status": "registered"}, {"date": "2026-11-19", "status": "completed"}, \
            {"date": "2026-11-21", "status": "assigned"}]}
            {"number": "2026 4", "code": "K7AH2M9XE3", "service": "2079", "filed": "2026-11-20"}
            {"number": "2026-5", "code": "K7AH2M9XE3", "service": "2079", "filed": "2026-11-20"}
            """, taken: ["20265"])
        XCTAssertEqual(batch.entries.map(\.line), [], "no line passes")
        XCTAssertEqual(
            batch.errors,
            [
                "line 1: service 2079 has no fast tier (it has: ordinary, express)",
                "line 2: filed: 2026-11-23 is in the future (today is 2026-11-21)",
                "line 3: deadline: 2026-11-19 is before the filing date 2026-11-20",
                "line 4: history[1]: 2026-11-19 is before the latest change (2026-11-20)",
                "line 4: history[1]: 2026-11-19 is before the filing date 2026-11-20",
                "line 4: history[2]: cannot move from completed to assigned: the dossier is completed, which is final: "
                    + "no further status can follow",
                "line 5: number: the same number as line 4",
                "line 6: number: a dossier with this number already exists",
            ])
    }
}
