import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Access codes, their hashes, typed input, deadlines in working days, the status vocabulary and
/// registration numbers: the parts of dossiers that need no board.
final class DossierDomainTests: XCTestCase {
    // MARK: access codes

    func testTheAlphabetHasNoLookAlikesAndEveryLetterHasACyrillicTwin() {
        let alphabet = Set(AccessCode.alphabet)
        XCTAssertEqual(AccessCode.alphabet.count, alphabet.count, "no symbol twice")
        for banned: Character in ["O", "0", "I", "1", "L"] { XCTAssertFalse(alphabet.contains(banned), "\(banned)") }
        for (a, b) in [("B", "8"), ("S", "5"), ("G", "6"), ("Z", "2"), ("U", "V")] {
            XCTAssertFalse(alphabet.contains(Character(a)) && alphabet.contains(Character(b)), "\(a) and \(b) together")
        }
        for letter in AccessCode.alphabet where letter.isLetter {
            let twins = "АСЕНКМРТХУ"
            XCTAssertTrue(
                twins.contains { AccessCode.symbol(for: $0) == letter }, "\(letter) can be typed on a Cyrillic layout")
        }
        XCTAssertGreaterThanOrEqual(AccessCode.entropyBits, 40)
        XCTAssertEqual(AccessCode.entropyBits, 41.70, accuracy: 0.01)
    }

    func testCodesAreTenSymbolsOfTheAlphabetShownInTwoGroups() throws {
        let code = try AccessCode.generate()
        XCTAssertEqual(code.count, 10)
        XCTAssertTrue(code.allSatisfy(AccessCode.alphabet.contains), code)
        let shown = AccessCode.grouped(code)
        XCTAssertEqual(shown.count, 11)
        XCTAssertEqual(Array(shown)[5], "-")
        XCTAssertEqual(AccessCode.grouped("K7AH2M9XE3"), "K7AH2-M9XE3")
    }

    /// A source that replays bytes and counts what it was asked for.
    final class Replay: RandomSource {
        var bytes: [UInt8]
        var asked = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }
        var name: String { "replay" }
        func bytes(_ count: Int) throws(RandomSourceError) -> [UInt8] {
            asked += count
            let out = Array(bytes.prefix(count))
            bytes.removeFirst(min(count, bytes.count))
            return out + [UInt8](repeating: 0, count: count - out.count)
        }
    }

    func testCodesComeFromTheRandomSourceWithoutBias() throws {
        // Bytes 252…255 would favour the first four symbols: they are drawn again, not folded.
        let replay = Replay([252, 253, 254, 255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 17, 18, 35])
        let code = try AccessCode.generate(using: replay)
        XCTAssertEqual(code, "23456789AY", "252…255 skipped (folded they would give 2345…)")
        XCTAssertGreaterThan(replay.asked, 0)
        XCTAssertEqual(SystemRandom().name, "getrandom", "the system's secure generator")
    }

    func testSystemCodesDoNotRepeatAndUseEverySymbolEvenly() throws {
        var seen = Set<String>()
        var counts: [Character: Int] = [:]
        for _ in 0..<2000 {
            let code = try AccessCode.generate()
            XCTAssertTrue(seen.insert(code).inserted, "a code repeated: \(code)")
            for c in code { counts[c, default: 0] += 1 }
        }
        XCTAssertEqual(counts.count, AccessCode.alphabet.count)
        // 20 000 symbols over 18: about 1111 each; a biased or broken source would stray far.
        for (symbol, n) in counts { XCTAssertTrue((950...1280).contains(n), "\(symbol): \(n)") }
    }

    // MARK: hashing

    func testOnlyASaltedSlowHashIsKeptAndItVerifiesTheCodeAlone() throws {
        let hash = try SlowHash.make("K7AH2M9XE3")
        XCTAssertTrue(hash.hasPrefix("$2b$10$"), "bcrypt at cost 10: \(hash)")
        XCTAssertFalse(hash.contains("K7AH2M9XE3"))
        XCTAssertTrue(SlowHash.verify("K7AH2M9XE3", against: hash))
        XCTAssertFalse(SlowHash.verify("K7AH2M9XE2", against: hash))
        XCTAssertFalse(SlowHash.verify("", against: hash))
        let again = try SlowHash.make("K7AH2M9XE3")
        XCTAssertNotEqual(hash, again, "a fresh salt each time")
        XCTAssertTrue(SlowHash.verify("K7AH2M9XE3", against: again))
        XCTAssertFalse(SlowHash.verify("K7AH2M9XE3", against: "not a hash"))
        // Slow on purpose: milliseconds, not microseconds.
        let start = Date()
        _ = SlowHash.verify("K7AH2M9XE3", against: hash)
        XCTAssertGreaterThan(Date().timeIntervalSince(start), 0.002)
    }

    func testHashesOfOtherMethodsStillVerifyAndAHashLikeAnotherKeepsItsMethodAndCost() throws {
        // A dossier imported with a yescrypt hash made elsewhere.
        let yescrypt = try XCTUnwrap(SlowHash.make("K7AH2M9XE3", like: "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$"))
        XCTAssertTrue(yescrypt.hasPrefix("$y$j9T$"), yescrypt)
        XCTAssertTrue(SlowHash.verify("K7AH2M9XE3", against: yescrypt))
        XCTAssertFalse(SlowHash.verify("K7AH2M9XE2", against: yescrypt))
        let bcrypt = try SlowHash.make("K7AH2M9XE3")
        let like = try XCTUnwrap(SlowHash.make("CEHKMPTXY2", like: bcrypt))
        XCTAssertEqual(like.prefix(7), bcrypt.prefix(7), "same method and cost")
        XCTAssertNotEqual(like, bcrypt)
        XCTAssertNil(SlowHash.make("K7AH2M9XE3", like: "not a hash"))
    }

    // MARK: typed input

    func testTypedCodesForgiveCaseSeparatorsAndCyrillicLookAlikes() {
        XCTAssertEqual(AccessCode.normalize("K7AH2-M9XE3"), "K7AH2M9XE3")
        XCTAssertEqual(AccessCode.normalize(" k7ah2 m9xe3 "), "K7AH2M9XE3")
        XCTAssertEqual(AccessCode.normalize("К7АН2-М9ХЕ3"), "K7AH2M9XE3", "Cyrillic capitals")
        XCTAssertEqual(AccessCode.normalize("к7ан2м9хе3"), "K7AH2M9XE3", "Cyrillic small letters")
        XCTAssertEqual(AccessCode.normalize("ру тс"), "PYTC")
        XCTAssertEqual(AccessCode.normalize("К7АН2-М9ХЕЗ"), "K7AH2M9XE3", "Cyrillic З for 3")
        XCTAssertNil(AccessCode.normalize("K7AH2-M9XE0"), "0 is in no code")
        XCTAssertNil(AccessCode.normalize("QQQQ"))
    }

    func testTypedNumbersKeepOnlyTheirDigits() {
        XCTAssertEqual(DossierNumberPattern.key("2026-001234"), "2026001234")
        XCTAssertEqual(DossierNumberPattern.key(" 2026 001234 "), "2026001234")
        XCTAssertEqual(DossierNumberPattern.key("94-00-123/21.11.2026"), "940012321112026")
        XCTAssertEqual(DossierNumberPattern.key("2O26-OO1234"), "2026001234", "the letter O for zero")
        XCTAssertEqual(DossierNumberPattern.key("2026-00l234"), "2026001234", "l for one")
        XCTAssertNil(DossierNumberPattern.key("2026-A01234"))
        XCTAssertNil(DossierNumberPattern.key("--"))
    }

    // MARK: registration numbers

    func testNumberPatterns() throws {
        let day = Fixtures.date("2026-11-21")
        XCTAssertEqual(DossierNumberPattern.standard.format(sequence: 1234, filed: day), "2026-001234")
        let registry = try DossierNumberPattern("94-00-{seq}/{dd}.{mm}.{yyyy}")
        XCTAssertEqual(registry.format(sequence: 123, filed: day), "94-00-123/21.11.2026")
        XCTAssertThrowsError(try DossierNumberPattern("{yyyy}-{seq}-{seq}"))
        XCTAssertThrowsError(try DossierNumberPattern("{yyyy}"))
        XCTAssertThrowsError(try DossierNumberPattern("АБ-{seq}")) { error in
            XCTAssertTrue("\(error)".contains("not allowed"), "\(error)")
        }
        XCTAssertThrowsError(try DossierNumberPattern("{year}-{seq}")) {
            XCTAssertTrue("\($0)".contains("unknown part"))
        }
    }

    // MARK: working days

    func deadline(_ filed: String, _ days: Int) throws -> String {
        try Fixtures.holidays.adding(workingDays: days, to: Fixtures.date(filed)).iso
    }

    func testDeadlinesSkipWeekends() throws {
        XCTAssertEqual(try deadline("2026-11-20", 3), "2026-11-25", "Friday + 3 → Wednesday")
        XCTAssertEqual(try deadline("2026-11-16", 5), "2026-11-23", "Monday + 5 → next Monday")
        XCTAssertEqual(try deadline("2026-11-18", 0), "2026-11-18", "same day")
        XCTAssertEqual(try deadline("2026-11-21", 0), "2026-11-23", "filed on a Saturday: ready on Monday")
        XCTAssertEqual(try deadline("2026-11-21", 1), "2026-11-23", "the Saturday itself does not count")
    }

    func testDeadlinesSkipHolidaysEasterAndMovedHolidays() throws {
        // Christmas 2026: 24 (Thu), 25 (Fri), 26 (Sat → Monday 28 off).
        XCTAssertEqual(try deadline("2026-12-23", 3), "2026-12-31")
        // Orthodox Easter 2026 is 12 April: Good Friday 10, Holy Saturday 11, Easter Monday 13.
        XCTAssertEqual(try deadline("2026-04-09", 1), "2026-04-14")
        // 24 May 2026 is a Sunday: Monday 25 is off instead.
        XCTAssertEqual(try deadline("2026-05-22", 1), "2026-05-26")
        // 6 September 2026 is a Sunday too.
        XCTAssertEqual(try deadline("2026-09-04", 1), "2026-09-08")
        // 3 March (Tuesday) and the turn of the year (1 January 2027 is a Friday).
        XCTAssertEqual(try deadline("2026-03-02", 1), "2026-03-04")
        XCTAssertEqual(try deadline("2026-12-31", 1), "2027-01-04")
        // 2027: Easter on 2 May; 1 May is Saturday → Tuesday 4 May off; 6 May Thursday.
        XCTAssertEqual(try deadline("2027-04-29", 4), "2027-05-11")
    }

    func testAYearWithoutHolidayDataIsRefusedNotGuessed() {
        XCTAssertThrowsError(try deadline("2040-01-10", 3)) { error in
            XCTAssertTrue("\(error)".contains("no Orthodox Easter date for 2040"), "\(error)")
        }
    }

    /// The Easter dates kept as data agree with the Julian computus (Meeus), +13 days for 1900–2099.
    func testTheEasterDatesInTheDataAreRight() {
        for (year, date) in Fixtures.holidays.easter {
            let a = year % 4, b = year % 7, c = year % 19
            let d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7
            let month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1
            let julian = CalendarDate(year: year, month: month, day: day)!
            XCTAssertEqual(julian.adding(days: 13), date, "Easter \(year)")
        }
        XCTAssertGreaterThanOrEqual(Fixtures.holidays.years?.upperBound ?? 0, 2030)
    }

    func testABrokenHolidayFileNamesTheField() {
        let text = #"{"fixed": [{"date": "13-01", "name": {"bg": "x"}}], "orthodox_easter": {"2026": "2026-04-13"}}"#
        XCTAssertThrowsError(try HolidayCalendar(parsing: Data(text.utf8), file: "h.json")) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("h.json: fixed[0]: date must be MM-DD"), message)
            XCTAssertTrue(message.contains("orthodox_easter.2026: must be a Sunday of 2026"), message)
        }
    }

    // MARK: statuses

    func testEveryStatusTransition() {
        let s = DossierStatus.self
        let allowed: [DossierStatus: Set<DossierStatus>] = [
            .registered: [.assigned, .inProgress, .waitingForApplicant, .readyForCollection, .completed, .refused],
            .assigned: [.assigned, .inProgress, .waitingForApplicant, .readyForCollection, .completed, .refused],
            .inProgress: [.assigned, .waitingForApplicant, .readyForCollection, .completed, .refused],
            .waitingForApplicant: [.assigned, .inProgress, .readyForCollection, .completed, .refused],
            .readyForCollection: [.completed],
            .completed: [],
            .refused: [],
        ]
        XCTAssertEqual(allowed.count, s.allCases.count)
        for from in s.allCases {
            for to in s.allCases {
                XCTAssertEqual(from.canMove(to: to), allowed[from]!.contains(to), "\(from.rawValue) → \(to.rawValue)")
                if !from.canMove(to: to) { XCTAssertFalse(from.refusal(to: to).isEmpty) }
            }
        }
    }

    func testEveryStatusHasBothNamesAndANextStep() {
        var names = Set<String>()
        for status in DossierStatus.allCases {
            XCTAssertFalse(status.name.bg.isEmpty)
            XCTAssertNotEqual(status.name.en, status.name.bg)
            XCTAssertTrue(names.insert(status.name.bg).inserted)
            XCTAssertFalse(status.nextStep(unit: "гише 3", .bg).isEmpty)
            XCTAssertFalse(status.nextStep(unit: "counter 3", .en).isEmpty)
        }
        XCTAssertTrue(DossierStatus.readyForCollection.nextStep(unit: "гише 3", .bg).contains("гише 3"))
    }
}
