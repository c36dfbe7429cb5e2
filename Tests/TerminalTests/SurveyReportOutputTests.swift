import BoardCore
import BoardStore
import BoardTestSupport
import Foundation
import XCTest

/// `kiosk report` prints content and visitors' comments as text in every format: an escape
/// sequence in survey.json or in a comment never reaches the staff's terminal.
final class SurveyReportOutputTests: XCTestCase {
    override func setUpWithError() throws {
        XCTAssertTrue(
            FileManager.default.isExecutableFile(atPath: TmuxSession.kioskBinary),
            "no kiosk binary at \(TmuxSession.kioskBinary); run swift build first")
    }

    /// A clipboard write (OSC 52) and a window title change (OSC 0), as JSON writes them.
    static let clipboard = #"\u001b]52;c;SGVsbG8=\u0007"#
    static let title = #"\u001b]0;x\u0007"#

    func testNoControlCharacterFromContentOrACommentReachesTheOutput() throws {
        let dir = Fixtures.temporaryDirectory(self)
        let content = Fixtures.copyOfContent(self)
        let (c, t) = (Self.clipboard, Self.title)
        try """
        {"title": {"bg": "Анкета\(c)", "en": "Survey\(t)"},
         "questions": [
           {"id": "overall", "kind": "faces", "text": {"bg": "Доволни ли сте?\(c)", "en": "Happy?\(t)"}},
           {"id": "topic", "kind": "choice", "text": {"bg": "Тема\(t)"},
            "options": [{"id": "a", "text": {"bg": "Първа\(c)", "en": "First\(t)"}},
                        {"id": "b", "text": {"bg": "Втора"}}]},
           {"id": "comment", "kind": "comment", "text": {"bg": "Коментар\(c)"}}
         ]}
        """.write(toFile: content + "/survey.json", atomically: true, encoding: .utf8)
        let board = dir + "/board.db", survey = dir + "/survey.db"
        let imported = try runKiosk(["import", "--database", board, content])
        XCTAssertEqual(imported.status, 0, imported.output)
        let definition = try XCTUnwrap(try BoardDatabase(path: board, readOnly: true).surveyDefinition())
        XCTAssertTrue(definition.questions[0].text.bg.contains("\u{1B}]52"), "the hostile text is in the content")
        try SurveyStore(path: survey).save([
            SurveyCard(
                day: CalendarDate(iso: "2026-02-01")!, centre: "Ц",
                answers: [
                    "overall": .value(4), "topic": .option("a"),
                    "comment": .text("Бавно\u{1B}]52;c;SGVsbG8=\u{07} и\u{1B}]0;x\u{07} край"),
                ])
        ])
        for format in ReportFormat.allCases {
            let report = try runKiosk([
                "report", "--format", format.rawValue, "--from", "2026-01-01",
                "--to", "2026-06-30", "--database", board, "--survey-database", survey,
            ])
            XCTAssertEqual(report.status, 0, report.output)
            let controls = report.output.unicodeScalars.filter { scalar in
                scalar.properties.generalCategory == .control && scalar != "\n" && !(format == .csv && scalar == "\r")
            }
            XCTAssertEqual(controls.map(\.value), [], "\(format): control characters in the output")
            XCTAssertTrue(report.output.contains("]52;c;SGVsbG8="), "\(format): the texts are shown, as text")
            if format != .svg {  // the charts show no comments
                XCTAssertTrue(report.output.contains("Бавно]52;c;SGVsbG8= и]0;x край"), "\(format): the comment too")
            }
        }
    }
}
