import BoardCore
import BoardStore
import BoardTestSupport
import Foundation
import XCTest

/// Staff commands of the built `kiosk` binary fed hostile text: escape sequences and C0/C1
/// controls in a service name, a unit, a content directory's path, a dossier file, arguments and
/// a settings file. Nothing of them may reach the staff's terminal as a control, on standard
/// output or standard error, while the text around them stays readable.
final class StaffOutputTests: XCTestCase {
    /// A clipboard write (OSC 52), a title change (OSC 0), an 8-bit CSI that clears the screen,
    /// DCS, NEL, backspace, shift-out and DEL.
    static let hostile = "\u{1B}]52;c;SGVsbG8=\u{07}\u{1B}]0;pwned\u{07}\u{9B}2J\u{90}\u{85}\u{08}\u{0E}\u{7F}"
    /// The same, cleaned as the board cleans it: what a staff member should read.
    static let shown = "]52;c;SGVsbG8=]0;pwned2J"

    override func setUpWithError() throws {
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
            "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    var holidays: String { Fixtures.packageRoot + "/content/holidays-bg.json" }

    /// Runs the command and fails the test when a control character other than the line break
    /// reaches either stream; returns both streams as text, and the exit status.
    @discardableResult
    func kiosk(
        _ arguments: [String], file: StaticString = #filePath, line: UInt = #line
    ) throws
        -> (status: Int32, stdout: String, stderr: String)
    {
        let run = try runKioskApart(arguments)
        var texts: [String] = []
        for (name, bytes) in [("standard output", run.stdout), ("standard error", run.stderr)] {
            XCTAssertNil(bytes.firstIndex { $0 == 0x1B || $0 == 0x07 }, "ESC or BEL on \(name)", file: file, line: line)
            guard let text = String(validating: bytes, as: UTF8.self) else {
                XCTFail("\(name) is not UTF-8", file: file, line: line)
                texts.append("")
                continue
            }
            let controls = text.unicodeScalars.filter { s in
                (s.value < 0x20 && s.value != 0x0A) || (0x7F...0x9F).contains(s.value)
            }
            XCTAssertEqual(
                controls.map { "U+" + String($0.value, radix: 16) }, [],
                "controls on \(name) of kiosk \(arguments.first ?? ""): \(text)", file: file, line: line)
            texts.append(text)
        }
        return (run.status, texts[0], texts[1])
    }

    /// A copy of the demo content whose service 2079 has the hostile text in its name, in a
    /// directory whose name holds it too.
    func hostileContent() throws -> String {
        let plain = Fixtures.copyOfContent(self)
        let service = plain + "/services/2079.json"
        let text = try String(contentsOfFile: service, encoding: .utf8)
        let escaped = "\\u001b]52;c;SGVsbG8=\\u0007\\u001b]0;pwned\\u0007\\u009b2J\\u0090\\u0085\\b\\u000e\\u007f"
        let changed = text.replacingOccurrences(
            of: "\"bg\": \"Издаване на удостоверение за наследници\"",
            with: "\"bg\": \"Издаване на удостоверение за наследници\(escaped)\"")
        XCTAssertNotEqual(changed, text, "the name was found and changed")
        try changed.write(toFile: service, atomically: true, encoding: .utf8)
        let hostile = (plain as NSString).deletingLastPathComponent + "/content " + Self.hostile
        try FileManager.default.moveItem(atPath: plain, toPath: hostile)
        return hostile
    }

    func testContentFromTheDatabaseAndPathsReachTheStaffAsText() throws {
        let content = try hostileContent()
        let db = Fixtures.temporaryDirectory(self) + "/board.db"
        let shownDirectory = "content " + Self.shown

        let checked = try kiosk(["import", "--check", content])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stdout.contains("\(shownDirectory): valid: 48 services"), checked.stdout)

        let imported = try kiosk(["import", "--database", db, content])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.hasPrefix("imported "), imported.stdout)
        XCTAssertTrue(imported.stdout.contains(shownDirectory), imported.stdout)

        let status = try kiosk(["status", "--database", db])
        XCTAssertEqual(status.status, 0, status.stderr)
        XCTAssertTrue(status.stdout.contains("from ") && status.stdout.contains(shownDirectory), status.stdout)

        let registered = try kiosk([
            "dossier", "register", "--database", db, "--holidays", holidays,
            "--service", "2079", "--filed", "2026-11-20",
            "--unit", "Деловодство" + Self.hostile,
        ])
        XCTAssertEqual(registered.status, 0, registered.stderr)
        XCTAssertTrue(
            registered.stdout.contains("service 2079 Издаване на удостоверение за наследници\(Self.shown), "),
            registered.stdout)
        XCTAssertTrue(registered.stdout.contains("number: 2026-000001"), registered.stdout)

        let json = try kiosk([
            "dossier", "register", "--database", db, "--holidays", holidays, "--service", "2079",
            "--filed", "2026-11-20", "--json",
        ])
        XCTAssertEqual(json.status, 0, json.stderr)
        let receipt = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: String]
        XCTAssertEqual(receipt?["number"], "2026-000002", json.stdout)

        let advanced = try kiosk([
            "dossier", "advance", "2026-000001", "--database", db, "--status", "assigned",
            "--unit", "Отдел „ГРАО“" + Self.hostile, "--at", "2026-11-23",
        ])
        XCTAssertEqual(advanced.status, 0, advanced.stderr)
        XCTAssertTrue(
            advanced.stdout.contains("registered → assigned on 2026-11-23 (Отдел „ГРАО“\(Self.shown))"),
            advanced.stdout)

        // What was stored is clean too: the board and every later command read it.
        let report = try XCTUnwrap(try BoardDatabase(path: db, readOnly: true).dossierReport(number: "2026-000001"))
        XCTAssertEqual(report.history.map(\.unit), ["Деловодство" + Self.shown, "Отдел „ГРАО“" + Self.shown])

        let refused = try kiosk([
            "dossier", "advance", "2026-000001", "--database", db, "--status", "registered",
            "--unit", Self.hostile,
        ])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("cannot move from assigned to registered"), refused.stderr)
    }

    func testADossierFileAndItsErrorsReachTheStaffAsText() throws {
        let db = Fixtures.temporaryDirectory(self) + "/board.db"
        XCTAssertEqual(try kiosk(["import", "--database", db, Fixtures.demoContent]).status, 0)
        let dir = Fixtures.temporaryDirectory(self)
        let escaped = "\\u001b]52;c;SGVsbG8=\\u0007\\u001b]0;pwned\\u0007\\u009b2J\\u0090\\u0085\\b\\u000e\\u007f"
        let bad = dir + "/bad " + Self.hostile + ".jsonl"
        try """
        {"number": "2026-100001", "code": "K7AH2-M9XE3", "service": "2079\(escaped)", "filed": "2026-11-02"}
        {"number": "2026-100002", "code": "K7AH2-M9XE3", "service": "2079", "tier": "fast\(escaped)", \
        "filed": "2026-11-02"}
        {"number": "2026-100003", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02", \
        "history": [{"date": "2026-11-02", "status": "lost\(escaped)"}]}
        {"number": "2026-100004", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02", \
        "nam\(escaped)e": "x"}
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try kiosk(["dossier", "import", bad, "--database", db, "--holidays", holidays])
        XCTAssertEqual(refused.status, 1)
        for expected in [
            "bad \(Self.shown).jsonl: nothing imported: 5 errors",
            "line 1: service: no service has the number \"2079\(Self.shown)\"",
            "line 2: tier: must be ordinary, fast or express, found \"fast\(Self.shown)\"",
            "line 3: history[0].status: unknown status \"lost\(Self.shown)\"",
            "line 4: nam\(Self.shown)e: unknown field",
        ] {
            XCTAssertTrue(refused.stderr.contains(expected), "\(expected) in:\n\(refused.stderr)")
        }

        let good = dir + "/good " + Self.hostile + ".jsonl"
        try """
        {"number": "2026-100001", "code": "K7AH2-M9XE3", "service": "2079", "filed": "2026-11-02", \
        "history": [{"date": "2026-11-02", "status": "registered", "unit": "Гише 1\(escaped)"}]}
        """.write(toFile: good, atomically: true, encoding: .utf8)
        let imported = try kiosk(["dossier", "import", good, "--database", db, "--holidays", holidays])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(
            imported.stdout.contains("imported 1 dossiers from \(dir)/good \(Self.shown).jsonl"),
            imported.stdout)
        let report = try XCTUnwrap(try BoardDatabase(path: db, readOnly: true).dossierReport(number: "2026-100001"))
        XCTAssertEqual(report.history.map(\.unit), ["Гише 1" + Self.shown], "the history unit is stored clean")

        let unknown = try kiosk(["dossier", "unlock", "2026-1" + Self.hostile, "--database", db])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("2026-1\(Self.shown): no dossier has this number"), unknown.stderr)
    }

    func testArgumentsAndSettingsFilesReachTheStaffAsText() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let cases: [(arguments: [String], status: Int32, says: String)] = [
            (
                ["status", "--database", dir + "/missing" + Self.hostile + ".db"], 1,
                "missing\(Self.shown).db: the board database does not exist"
            ),
            (["frobnicate" + Self.hostile], 2, "unknown command frobnicate\(Self.shown)"),
            (["status", "--verbose" + Self.hostile], 2, "unknown option --verbose\(Self.shown)"),
            (["import", dir + "/nothing " + Self.hostile], 1, "nothing \(Self.shown)"),
            (
                ["dossier", "advance", "2026-000001", "--status", "lost" + Self.hostile], 2,
                "unknown status lost\(Self.shown) (known: registered"
            ),
            (
                ["dossier", "register", "--service", "2079", "--filed", "2026-11-2" + Self.hostile], 2,
                "--filed must be a date as YYYY-MM-DD, found 2026-11-2\(Self.shown)"
            ),
            (["dossier", "frob" + Self.hostile], 2, "unknown dossier command frob\(Self.shown)"),
            (
                ["--config", dir + "/none " + Self.hostile + ".conf", "status"], 2,
                "cannot read the settings file \(dir)/none \(Self.shown).conf"
            ),
        ]
        for c in cases {
            let result = try kiosk(c.arguments)
            XCTAssertEqual(result.status, c.status, "\(c.arguments): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(c.says), "\(c.says) in:\n\(result.stderr)")
        }

        let conf = dir + "/kiosk " + Self.hostile + ".conf"
        try "database = board.db\ntheme = neon\(Self.hostile)\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let settings = try kiosk(["status", "--config", conf])
        XCTAssertEqual(settings.status, 2)
        XCTAssertTrue(
            settings.stderr.contains("kiosk \(Self.shown).conf:2: theme: contains control characters"),
            settings.stderr)
    }
}
