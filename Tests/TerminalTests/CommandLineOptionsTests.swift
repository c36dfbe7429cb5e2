import BoardCore
import BoardStore
import BoardTestSupport
import Foundation
import XCTest

/// The settings options (--config, --database, --content, --survey-database) work before a
/// command's name as well as after it, for every command, with the built `kiosk` binary.
final class CommandLineOptionsTests: XCTestCase {
    override func setUpWithError() throws {
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
            "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    /// A directory with a kiosk.conf naming a database, a survey file and the holidays by
    /// relative or absolute path; nothing imported yet.
    func board() throws -> (dir: String, conf: String) {
        let dir = Fixtures.temporaryDirectory(self)
        let conf = dir + "/kiosk.conf"
        try """
        database = board.db
        survey_database = cards.db
        holidays = \(Fixtures.packageRoot)/content/holidays-bg.json
        """.write(toFile: conf, atomically: true, encoding: .utf8)
        return (dir, conf)
    }

    func kiosk(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try runKiosk(arguments)
        XCTAssertEqual(
            result.status, 0, "kiosk \(arguments.joined(separator: " ")): \(result.output)",
            file: file, line: line)
        return result.output
    }

    func testEveryCommandTakesTheSettingsBeforeItsName() throws {
        let (dir, conf) = try board()
        let db = dir + "/board.db"
        let checked = try kiosk(["--config", conf, "import", "--check", Fixtures.demoContent])
        XCTAssertTrue(checked.contains("valid: 48 services"), checked)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "--check writes nothing")
        XCTAssertTrue(try kiosk(["--config", conf, "import", Fixtures.demoContent]).contains("into \(db):"))
        XCTAssertTrue(try kiosk(["--config", conf, "status"]).contains("database:       \(db)\n"))

        let registered = try kiosk([
            "--config", conf, "dossier", "register", "--service", "2079",
            "--filed", "2026-11-20",
        ])
        XCTAssertTrue(registered.contains("number: 2026-000001"), registered)
        // Between `dossier` and its verb too.
        let second = try kiosk(["dossier", "--config", conf, "register", "--service", "2079", "--filed", "2026-11-20"])
        XCTAssertTrue(second.contains("number: 2026-000002"), second)
        let advanced = try kiosk([
            "--config", conf, "dossier", "advance", "2026-000001", "--status", "assigned",
            "--at", "2026-11-23",
        ])
        XCTAssertTrue(advanced.contains("dossier 2026-000001: registered → assigned on 2026-11-23"), advanced)
        let batch = dir + "/batch.jsonl"
        try #"{"number": "2026-100001", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02"}"#
            .write(toFile: batch, atomically: true, encoding: .utf8)
        XCTAssertTrue(try kiosk(["--config", conf, "dossier", "import", batch]).contains("imported 1 dossiers"))
        XCTAssertTrue(try kiosk(["--config", conf, "dossier", "unlock", "2026-100001"]).contains("unlock no. 1"))

        let simulated = try kiosk(["--config", conf, "survey", "simulate", "--cards", "3"])
        XCTAssertTrue(simulated.hasPrefix("stored 3 cards of ") && simulated.contains(" in \(dir)/cards.db"), simulated)
        let report = try kiosk([
            "--config", conf, "report", "--from", "2000-01-01", "--to", "2100-12-31",
            "--include-floods",
        ])
        XCTAssertTrue(report.contains("Карти / Cards: 3"), report)

        // Every settings option, before: the same database as the one named in the file.
        let other = Fixtures.temporaryDirectory(self)
        let status = try kiosk([
            "--database", db, "--content", Fixtures.demoContent, "--survey-database",
            other + "/cards.db", "status",
        ])
        XCTAssertTrue(status.contains("database:       \(db)\n"), status)
        let store = try BoardDatabase(path: db, readOnly: true)
        XCTAssertEqual(try store.dossierReport(number: "2026-000001")?.status, .assigned)
        XCTAssertNotNil(try store.dossierReport(number: "2026-100001"))
    }

    func testBeforeOrAfterTheCommandMeansTheSame() throws {
        let (_, conf) = try board()
        _ = try kiosk(["import", Fixtures.demoContent, "--config", conf])
        XCTAssertEqual(try kiosk(["--config", conf, "status"]), try kiosk(["status", "--config", conf]))
        let mixed = try runKiosk(["--config", conf, "status", "--database", "/nonexistent/board.db"])
        XCTAssertEqual(mixed.status, 1, "the --database after the command overrides the file named before it")
        XCTAssertTrue(mixed.output.contains("/nonexistent/board.db: the board database does not exist"), mixed.output)
    }

    func testSettingsGivenTwiceOrWithoutAValueAreRefusedWhereverTheyStand() throws {
        let (_, conf) = try board()
        let cases: [(arguments: [String], says: String)] = [
            (["--config", conf, "import", Fixtures.demoContent, "--config", conf], "--config given twice"),
            (["--database", "a.db", "dossier", "unlock", "1", "--database", "b.db"], "--database given twice"),
            (["--config"], "--config needs a value"),
            (["--config", "--database", "x", "status"], "--config needs a value"),
            (["--config", conf, "hash-pin"], "`kiosk hash-pin` takes no arguments"),
            (["--holidays", "h.json", "dossier", "unlock", "1"], "--holidays goes with `kiosk dossier …`, after it"),
            (["--config", conf, "--check", "import", Fixtures.demoContent], "--check goes with `kiosk import`"),
            (["--config", conf, "frobnicate"], "unknown command frobnicate"),
        ]
        for c in cases {
            let result = try runKiosk(c.arguments)
            XCTAssertEqual(result.status, 2, "\(c.arguments): \(result.output)")
            XCTAssertTrue(result.output.contains(c.says), "\(c.says) in:\n\(result.output)")
        }
        XCTAssertTrue(try kiosk(["--config", conf, "--help"]).contains("USAGE"))
        XCTAssertTrue(try kiosk(["--database", "x.db", "--version"]).hasPrefix("kiosk "))
    }
}
