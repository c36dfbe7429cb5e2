import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// `kiosk import`: every kind of bad content is named by file and field, and leaves the board's
/// database exactly as it was.
final class ContentImportTests: XCTestCase {
    func testBothDemoMunicipalitiesImport() throws {
        let blagoevgrad = try ContentReader.read(directory: Fixtures.demoContent)
        XCTAssertGreaterThanOrEqual(blagoevgrad.services.count, 40)
        XCTAssertGreaterThanOrEqual(Set(blagoevgrad.services.map(\.category)).count, 6)
        let madan = try ContentReader.read(directory: Fixtures.madanContent)
        XCTAssertGreaterThanOrEqual(madan.services.count, 15)
    }

    func testImportedContentReadsBackWhole() throws {
        let path = try Fixtures.database(self)
        let store = try BoardDatabase(path: path, readOnly: true)
        let content = try ContentReader.read(directory: Fixtures.demoContent)
        let catalogue = try store.loadCatalogue()
        XCTAssertEqual(catalogue.categories.map(\.id), content.categories.map(\.id))
        XCTAssertEqual(catalogue.services.values.map(\.count).reduce(0, +), content.services.count)
        for service in content.services {
            XCTAssertEqual(try store.loadService(number: service.number), service)
        }
        XCTAssertEqual(try store.lastImport()?.checksum, content.checksum)
        XCTAssertEqual(try store.quickCheck(), "ok")
    }

    /// What a visitor could see, plus the import record: equal before and after means unchanged.
    struct Snapshot: Equatable {
        var catalogue: Catalogue
        var cards: [Service?]
        var lastImport: ImportRecord?
    }

    func snapshot(_ path: String) throws -> Snapshot {
        let store = try BoardDatabase(path: path, readOnly: true)
        let catalogue = try store.loadCatalogue()
        let numbers = catalogue.services.values.flatMap { $0.map(\.number) }.sorted()
        return Snapshot(
            catalogue: catalogue, cards: try numbers.map { try store.loadService(number: $0) },
            lastImport: try store.lastImport())
    }

    /// Breaks a copy of the demo content with `change`, imports it over a database of the madan
    /// content, and checks the error names `file` and `field` and the database is unchanged.
    func assertRejected(
        file: String, field: String, containing words: String, line: UInt = #line,
        _ change: (String) throws -> Void
    ) throws {
        let database = try Fixtures.database(self, content: Fixtures.madanContent)
        let before = try snapshot(database)
        let broken = Fixtures.copyOfContent(self)
        try change(broken)
        do {
            try ContentImport.run(directory: broken, databasePath: database, timestamp: "2026-11-21 11:00:00")
            XCTFail("the broken content was imported", line: line)
        } catch .invalid(let error) {
            let match = error.issues.first { $0.file == file && $0.field == field }
            XCTAssertNotNil(match, "expected an issue at \(file) \(field); got:\n\(error.description)", line: line)
            if let match {
                XCTAssertTrue(
                    match.message.contains(words), "\"\(match.message)\" does not say \"\(words)\"", line: line)
            }
        } catch {
            XCTFail("unexpected failure \(error)", line: line)
        }
        XCTAssertEqual(try snapshot(database), before, "the database changed", line: line)
    }

    func edit(_ path: String, _ transform: (inout [String: Any]) -> Void) throws {
        var object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [String: Any]
        transform(&object)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    func editService(_ dir: String, _ number: String, _ transform: (inout [String: Any]) -> Void) throws {
        try edit(dir + "/services/\(number).json", transform)
    }

    func testMalformedJSON() throws {
        try assertRejected(file: "services/2079.json", field: "", containing: "not valid JSON") { dir in
            try "{\"number\": \"2079\",, }".write(
                toFile: dir + "/services/2079.json", atomically: true, encoding: .utf8)
        }
    }

    func testMissingRequiredField() throws {
        try assertRejected(file: "services/2079.json", field: "legal_basis", containing: "missing required field") {
            dir in
            try self.editService(dir, "2079") { $0["legal_basis"] = nil }
        }
    }

    func testMissingBulgarianText() throws {
        try assertRejected(file: "services/2079.json", field: "name.bg", containing: "missing required field") { dir in
            try self.editService(dir, "2079") { $0["name"] = ["en": "Heirs"] }
        }
    }

    func testUnknownCategory() throws {
        try assertRejected(file: "services/2079.json", field: "category", containing: "unknown category \"weddings\"") {
            dir in
            try self.editService(dir, "2079") { $0["category"] = "weddings" }
        }
    }

    func testDuplicateRegisterNumber() throws {
        try assertRejected(file: "services/2079.json", field: "number", containing: "duplicate register number 2015") {
            dir in
            try self.editService(dir, "2079") { $0["number"] = "2015" }
        }
    }

    func testNegativeFee() throws {
        try assertRejected(file: "services/2079.json", field: "tiers[0].fee", containing: "must not be negative") {
            dir in
            try self.editService(dir, "2079") { s in
                var tiers = s["tiers"] as! [[String: Any]]
                tiers[0]["fee"] = -2.5
                s["tiers"] = tiers
            }
        }
    }

    func testFeeWithThreeDecimals() throws {
        try assertRejected(file: "services/2079.json", field: "tiers[0].fee", containing: "two decimals") { dir in
            try self.editService(dir, "2079") { s in
                var tiers = s["tiers"] as! [[String: Any]]
                tiers[0]["fee"] = 2.555
                s["tiers"] = tiers
            }
        }
    }

    func testUnknownTier() throws {
        try assertRejected(file: "services/2079.json", field: "tiers[0].tier", containing: "unknown tier \"urgent\"") {
            dir in
            try self.editService(dir, "2079") { s in
                var tiers = s["tiers"] as! [[String: Any]]
                tiers[0]["tier"] = "urgent"
                s["tiers"] = tiers
            }
        }
    }

    func testBadDate() throws {
        try assertRejected(file: "announcements.json", field: "[0].until", containing: "YYYY-MM-DD") { dir in
            let path = dir + "/announcements.json"
            var list =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [[String: Any]]
            list[0]["until"] = "2026-02-30"
            try JSONSerialization.data(withJSONObject: list).write(to: URL(fileURLWithPath: path))
        }
    }

    func testUntilBeforeFrom() throws {
        try assertRejected(file: "announcements.json", field: "[0].until", containing: "before") { dir in
            let path = dir + "/announcements.json"
            var list =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! [[String: Any]]
            list[0]["from"] = "2026-12-01"
            list[0]["until"] = "2026-11-01"
            try JSONSerialization.data(withJSONObject: list).write(to: URL(fileURLWithPath: path))
        }
    }

    func testUnknownFieldIsATypoNotSilence() throws {
        try assertRejected(file: "services/2079.json", field: "legal_bassis", containing: "unknown field") { dir in
            try self.editService(dir, "2079") { $0["legal_bassis"] = ["bg": "x"] }
        }
    }

    func testOnlineChannelNeedsHTTPSAddress() throws {
        try assertRejected(file: "services/2079.json", field: "channels[0].url", containing: "https://") { dir in
            try self.editService(dir, "2079") { $0["channels"] = [["kind": "online", "url": "http://example.org"]] }
        }
    }

    func testMissingFileAndPage() throws {
        try assertRejected(file: "municipality.json", field: "", containing: "missing file") { dir in
            try FileManager.default.removeItem(atPath: dir + "/municipality.json")
        }
        try assertRejected(file: "pages/charter.bg.txt", field: "", containing: "missing file") { dir in
            try FileManager.default.removeItem(atPath: dir + "/pages/charter.bg.txt")
        }
    }

    func testEveryErrorIsReportedAtOnce() throws {
        let broken = Fixtures.copyOfContent(self)
        try editService(broken, "2079") {
            $0["category"] = "nope"; $0["stages"] = []
        }
        try edit(broken + "/municipality.json") { $0["phones"] = [] }
        XCTAssertThrowsError(try ContentReader.read(directory: broken)) { error in
            let issues = (error as! ContentValidationError).issues
            XCTAssertEqual(
                Set(issues.map { "\($0.file) \($0.field)" }),
                ["services/2079.json category", "services/2079.json stages", "municipality.json phones"])
        }
    }

    /// A failure half-way through the write (here a trigger aborts the announcements) rolls the
    /// whole import back: the old content stays whole.
    func testAFailureInsideTheImportTransactionLeavesTheOldContent() throws {
        let database = try Fixtures.database(self, content: Fixtures.madanContent)
        let before = try snapshot(database)
        let raw = try SQLiteConnection(path: database, readOnly: false)
        try raw.execute(
            "CREATE TRIGGER fail_late BEFORE INSERT ON announcements BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
        XCTAssertThrowsError(
            try ContentImport.run(directory: Fixtures.demoContent, databasePath: database, timestamp: "t")
        ) { error in
            XCTAssertTrue("\(error)".contains("unchanged"), "\(error)")
        }
        XCTAssertEqual(try snapshot(database), before)
    }

    func testCheckOnlyWritesNothing() throws {
        let path = Fixtures.temporaryDirectory(self) + "/board.db"
        try ContentImport.run(directory: Fixtures.demoContent, databasePath: path, checkOnly: true, timestamp: "t")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testReimportReplacesContentWhole() throws {
        let path = try Fixtures.database(self)
        try ContentImport.run(directory: Fixtures.madanContent, databasePath: path, timestamp: "2026-11-21 12:00:00")
        let catalogue = try BoardDatabase(path: path, readOnly: true).loadCatalogue()
        XCTAssertEqual(catalogue.municipality.name.bg, "Община Мадан")
        let madan = try ContentReader.read(directory: Fixtures.madanContent)
        XCTAssertEqual(catalogue.services.values.map(\.count).reduce(0, +), madan.services.count)
    }

    func testANewerSchemaIsRefusedByName() throws {
        let path = try Fixtures.database(self)
        let raw = try SQLiteConnection(path: path, readOnly: false)
        try raw.execute("PRAGMA user_version = 99")
        XCTAssertThrowsError(try BoardDatabase(path: path, readOnly: true)) { error in
            XCTAssertEqual(
                error as? StoreError, .newerSchema(path: path, found: 99, supported: BoardDatabase.schemaVersion))
        }
    }

    func testAFileThatIsNotADatabaseIsNamedAsDamaged() throws {
        let path = Fixtures.temporaryDirectory(self) + "/board.db"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try BoardDatabase(path: path, readOnly: true)) { error in
            guard case .corrupt(let p, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
        }
    }
}
