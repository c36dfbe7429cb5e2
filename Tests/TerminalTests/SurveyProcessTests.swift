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
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
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
            p.arguments = [
                "survey", "simulate", "--cards", "\(perProcess)", "--database", board, "--survey-database", survey,
            ]
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
        let stored = try SurveyStore(path: survey).cards(
            from: CalendarDate(iso: "2000-01-01")!, to: CalendarDate(iso: "2100-01-01")!
        ).count
        print("survey stress: submitted \(4 * perProcess), stored \(stored), in \(String(format: "%.2f", elapsed)) s")
        XCTAssertEqual(stored, 4 * perProcess)
        XCTAssertLessThan(elapsed, 120, "bounded in time")
    }

    /// Four terminals open a survey file of the old layout (answers as JSON) at once: one of
    /// them converts it, and neither the old cards nor the new ones are lost.
    func testFourProcessesOnAnOldFileConvertItOnceAndLoseNoCard() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let board = dir + "/board.db", survey = dir + "/survey.db"
        XCTAssertEqual(try runKiosk(["import", "--database", board, Fixtures.demoContent]).status, 0)
        let old = (1...300).map { i in
            LegacySurveyFile.Card(
                id: i * 7919, day: "2025-03-03",
                answers: #"{"comment":"стара \/ карта","overall":\#(i % 4 + 1)}"#)
        }
        try LegacySurveyFile.write(survey, cards: old)
        var processes: [Process] = []
        for _ in 0..<4 {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: TmuxSession.kioskBinary)
            p.arguments = ["survey", "simulate", "--cards", "100", "--database", board, "--survey-database", survey]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            processes.append(p)
        }
        for p in processes {
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
        }
        let store = try SurveyStore(path: survey)
        let all = try store.cards(from: CalendarDate(iso: "2000-01-01")!, to: CalendarDate(iso: "2100-01-01")!)
        XCTAssertEqual(all.count, 300 + 4 * 100)
        let kept = all.filter { $0.answers["comment"] == .text("стара / карта") }
        XCTAssertEqual(kept.count, 300, "every old card keeps its answers")
        XCTAssertEqual(kept.map { $0.answers["overall"] }.filter { $0 == .value(4) }.count, 75)
    }

    func testSimulatedCardsAreSpreadOverThePeriodAsked() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let board = dir + "/board.db", survey = dir + "/survey.db"
        XCTAssertEqual(try runKiosk(["import", "--database", board, Fixtures.demoContent]).status, 0)
        let options = ["--database", board, "--survey-database", survey]
        let (from, to) = (CalendarDate(iso: "2026-01-01")!, CalendarDate(iso: "2026-03-31")!)
        let asked = try runKiosk(
            ["survey", "simulate", "--cards", "400", "--from", from.iso, "--to", to.iso] + options)
        XCTAssertEqual(asked.status, 0, asked.output)
        let cards = try SurveyStore(path: survey).cards(
            from: CalendarDate(iso: "2000-01-01")!,
            to: CalendarDate(iso: "2100-01-01")!)
        XCTAssertEqual(cards.count, 400)
        XCTAssertTrue(cards.allSatisfy { $0.day >= from && $0.day <= to })
        XCTAssertGreaterThan(Set(cards.map(\.day)).count, 60, "not all on one day: most of the 90 days have cards")
        XCTAssertEqual(Set(cards.map(\.day.month)), [1, 2, 3])

        let other = dir + "/other.db"
        let byDefault = try runKiosk([
            "survey", "simulate", "--cards", "50",
            "--database", board, "--survey-database", other,
        ])
        XCTAssertEqual(byDefault.status, 0, byDefault.output)
        let (first, last) = SurveyReport.lastHalfYear(before: CalendarDate(iso: Fixtures.todayISO)!)
        XCTAssertEqual(try SurveyStore(path: other).cards(from: first, to: last).count, 50, "the last full half-year")

        let half = try runKiosk(["survey", "simulate", "--cards", "5", "--from", "2026-01-01"] + options)
        XCTAssertEqual(half.status, 2)
        XCTAssertTrue(half.output.contains("--from and --to go together"), half.output)
        let backwards = try runKiosk(
            [
                "survey", "simulate", "--cards", "5",
                "--from", "2026-02-01", "--to", "2026-01-01",
            ] + options)
        XCTAssertEqual(backwards.status, 2)
        XCTAssertTrue(backwards.output.contains("--from 2026-02-01 is after --to 2026-01-01"), backwards.output)
    }

    func testACardTappedThroughIsCountedByTheReport() throws {
        guard TmuxSession.executable != nil else {
            throw XCTSkip("tmux is not installed: the real-terminal tests need it")
        }
        let dir = Fixtures.temporaryDirectory(self)
        let board = dir + "/board.db", survey = dir + "/survey.db"
        XCTAssertEqual(try runKiosk(["import", "--database", board, Fixtures.demoContent]).status, 0)
        let conf = dir + "/kiosk.conf"
        try "database = board.db\nsurvey_database = survey.db\nmode = survey\n".write(
            toFile: conf, atomically: true, encoding: .utf8)
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
