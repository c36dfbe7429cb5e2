import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Survey cards from several real processes at once, and a card tapped through in a terminal.
final class SurveyProcessTests: XCTestCase {
    override func setUpWithError() throws {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
                      "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    /// Four terminals store cards together while staff import content twice: no card is lost.
    func testFourProcessesSubmittingDuringAnImportLoseNoCard() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let board = dir + "/board.db", survey = dir + "/survey.db"
        XCTAssertEqual(try runKiosk(["import", "--database", board, Fixtures.demoContent]).status, 0)
        let perProcess = 150
        let started = Date()
        var processes: [Process] = []
        for _ in 0..<4 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TmuxSession.kioskBinary)
            p.arguments = ["survey", "simulate", "--cards", "\(perProcess)", "--database", board, "--survey-database", survey]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            processes.append(p)
        }
        for content in [Fixtures.madanContent, Fixtures.demoContent] {
            XCTAssertEqual(try runKiosk(["import", "--database", board, content]).status, 0)
        }
        for p in processes {
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        let elapsed = Date().timeIntervalSince(started)
        let stored = try SurveyStore(path: survey).cards(from: CalendarDate(iso: "2000-01-01")!, to: CalendarDate(iso: "2100-01-01")!).count
        print("survey stress: submitted \(4 * perProcess), stored \(stored), in \(String(format: "%.2f", elapsed)) s")
        XCTAssertEqual(stored, 4 * perProcess)
        XCTAssertLessThan(elapsed, 120, "bounded in time")
    }

    func testACardTappedThroughIsCountedByTheReport() throws {
        guard TmuxSession.executable != nil else { throw XCTSkip("tmux is not installed: the real-terminal tests need it") }
        let dir = Fixtures.temporaryDirectory(self)
        let board = dir + "/board.db", survey = dir + "/survey.db"
        XCTAssertEqual(try runKiosk(["import", "--database", board, Fixtures.demoContent]).status, 0)
        let conf = dir + "/kiosk.conf"
        try "database = board.db\nsurvey_database = survey.db\nmode = survey\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let tmux = try TmuxSession(command: "\(TmuxSession.kioskBinary) --config \(conf)", columns: 80, rows: 24)
        tmux.waitFor("въпрос 1 от 5")
        XCTAssertTrue(tmux.click(onText: "Много доволен"))
        tmux.waitFor("въпрос 2 от 5")
        XCTAssertTrue(tmux.click(onText: "Местни данъци"))
        tmux.waitFor("въпрос 3 от 5")
        XCTAssertTrue(tmux.click(onText: "отлично"))
        tmux.waitFor("въпрос 4 от 5")
        XCTAssertTrue(tmux.click(onText: "Пропусни"))
        tmux.waitFor("въпрос 5 от 5")
        XCTAssertTrue(tmux.click(onText: "Готово"))
        tmux.waitFor("Проверете отговорите си")
        XCTAssertTrue(tmux.click(onText: "Изпрати"))
        tmux.waitFor("Благодарим Ви!")
        tmux.waitFor("въпрос 1 от 5", timeout: 15)

        let report = try runKiosk(["report", "--from", Fixtures.todayISO, "--to", Fixtures.todayISO, "--config", conf])
        XCTAssertEqual(report.status, 0, report.output)
        XCTAssertTrue(report.output.contains("Карти / Cards: 1"), report.output)
        let happy = report.output.split(separator: "\n").first { $0.contains("Много доволен / Very happy") }
        XCTAssertTrue(happy?.contains(" 1  100 %") == true, report.output)
    }
}
