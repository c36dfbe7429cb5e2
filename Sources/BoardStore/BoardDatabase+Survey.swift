import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension BoardDatabase {
    /// Publishes a period's results: every board shows the latest published period. Boards show
    /// the figures, not what visitors wrote: comments stay in staff reports (they may name people,
    /// and every board would keep them all in memory).
    public func publish(_ report: SurveyReport, at timestamp: String) throws(StoreError) {
        var report = report
        report.comments = []
        try wrap {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(report), as: UTF8.self)
            try db.transaction {
                try db.prepare(
                    "INSERT INTO published_results (published_at, period_from, period_to, json) VALUES (?, ?, ?, ?)"
                )
                .bind(.text(timestamp), .text(report.from), .text(report.to), .text(json)).run()
            }
        }
    }

    /// The survey card the content defines, if any.
    public func surveyDefinition() throws(StoreError) -> SurveyDefinition? {
        try wrap {
            let s = try db.prepare("SELECT json FROM survey WHERE id = 1")
            guard try s.step(), let json = s.text(0) else { return nil }
            return try JSONDecoder().decode(SurveyDefinition.self, from: Data(json.utf8))
        }
    }
}
