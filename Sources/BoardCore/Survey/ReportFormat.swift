/// The output formats of `kiosk report`.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, csv, md, svg

    /// The report in this format, in Bulgarian with English alongside.
    public func render(_ report: SurveyReport) -> String {
        switch self {
        case .text: return ReportText.text(report)
        case .md: return ReportText.markdown(report)
        case .csv: return ReportCSV.render(report)
        case .svg: return ReportSVG.render(report)
        }
    }
}

package func percent(_ share: Double?) -> String {
    guard let share else { return "–" }
    return String(Int((share * 100).rounded())) + " %"
}

package func decimal(_ value: Double?) -> String {
    guard let value else { return "–" }
    let hundredths = Int((value * 100).rounded())
    return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
}

/// Content text in Bulgarian and English, cleaned as the board cleans it: staff read reports in
/// terminals too, where a control character from content would act instead of showing.
package func both(_ t: LocalizedText) -> String {
    if let en = t.en, !en.isEmpty, en != t.bg { return SafeText.clean("\(t.bg) / \(en)") }
    return SafeText.clean(t.bg)
}

package enum ReportText {
    package static func bar(_ count: Int, of total: Int, width: Int = 30) -> String {
        guard total > 0 else { return "" }
        return String(repeating: "█", count: Int((Double(count) / Double(total) * Double(width)).rounded()))
    }

    package static func text(_ r: SurveyReport) -> String {
        var out: [String] = []
        out.append("Анкета за удовлетвореността / Satisfaction survey")
        out.append("Период / Period: \(r.from) – \(r.to)")
        out.append("Карти / Cards: \(r.cards)" + (r.floodsIncluded ? " (with floods)" : ""))
        out.append("Маркирани като поток / Flagged floods: \(r.floods)" + (r.floodsIncluded ? "" : " (left out)"))
        for q in r.questions where q.kind != .comment {
            out.append("")
            out.append(both(q.text))
            out.append(
                "  Отговори / Answers: \(q.answered)"
                    + (q.mean != nil
                        ? "   Средно / Mean: \(decimal(q.mean))   Доволни / Satisfied: \(percent(q.satisfied))" : ""))
            let labelWidth = q.buckets.map { DisplayWidth.of(both($0.label)) }.max() ?? 0
            for b in q.buckets {
                let share = q.answered > 0 ? Double(b.count) / Double(q.answered) : nil
                out.append(
                    "  " + TextLayout.fit(both(b.label), width: labelWidth) + "  " + pad(b.count) + "  "
                        + padLeft(percent(share), 5) + "  " + bar(b.count, of: q.answered))
            }
        }
        if !r.groups.isEmpty {
            out.append("")
            out.append("Доволни по тема / Satisfied by topic")
            for g in r.groups { out.append("  \(both(g.label)): \(g.cards) карти/cards, \(percent(g.satisfied))") }
        }
        out.append("")
        out.append("По месеци / By month")
        for m in r.months { out.append("  \(m.month)  \(pad(m.cards))  \(padLeft(percent(m.satisfied), 5))") }
        out.append("")
        out.append("Коментари / Comments (\(r.comments.count))")
        for c in r.comments { out.append("  \(c.day)  \(SafeText.clean(c.text))") }
        return out.joined(separator: "\n") + "\n"
    }

    package static func markdown(_ r: SurveyReport) -> String {
        func cell(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
        var out: [String] = []
        out.append("# Анкета за удовлетвореността / Satisfaction survey")
        out.append("")
        out.append(
            "Период / Period: **\(r.from) – \(r.to)** · Карти / Cards: **\(r.cards)** · Маркирани като поток / "
                + "Flagged floods: **\(r.floods)**"
                + (r.floodsIncluded ? " (included)" : " (left out)"))
        for q in r.questions where q.kind != .comment {
            out.append("")
            out.append("## \(cell(both(q.text)))")
            if q.mean != nil {
                out.append("");
                out.append(
                    "Средно / Mean: **\(decimal(q.mean))** · Доволни / Satisfied: **\(percent(q.satisfied))** · "
                        + "Отговори / Answers: \(q.answered)"
                )
            }
            out.append("")
            out.append("| Отговор / Answer | Брой / Count | Дял / Share |")
            out.append("|---|---:|---:|")
            for b in q.buckets {
                out.append(
                    "| \(cell(both(b.label))) | \(b.count) | "
                        + "\(percent(q.answered > 0 ? Double(b.count) / Double(q.answered) : nil)) |"
                )
            }
        }
        if !r.groups.isEmpty {
            out.append("")
            out.append("## Доволни по тема / Satisfied by topic")
            out.append("")
            out.append("| Тема / Topic | Карти / Cards | Доволни / Satisfied |")
            out.append("|---|---:|---:|")
            for g in r.groups { out.append("| \(cell(both(g.label))) | \(g.cards) | \(percent(g.satisfied)) |") }
        }
        out.append("")
        out.append("## По месеци / By month")
        out.append("")
        out.append("| Месец / Month | Карти / Cards | Доволни / Satisfied |")
        out.append("|---|---:|---:|")
        for m in r.months { out.append("| \(m.month) | \(m.cards) | \(percent(m.satisfied)) |") }
        out.append("")
        out.append("## Коментари / Comments")
        out.append("")
        for c in r.comments { out.append("- \(c.day): \(cell(SafeText.clean(c.text)))") }
        return out.joined(separator: "\n") + "\n"
    }

    package static func pad(_ n: Int) -> String { padLeft(String(n), 6) }
    package static func padLeft(_ s: String, _ width: Int) -> String {
        let w = DisplayWidth.of(s)
        return w < width ? String(repeating: " ", count: width - w) + s : s
    }
}

/// CSV (RFC 4180) with a UTF-8 byte-order mark, so spreadsheets open Cyrillic correctly.
package enum ReportCSV {
    package static func field(_ s: String) -> String {
        let clean = SafeText.clean(s)
        // A leading = + - @ would be read as a formula by spreadsheets.
        let safe = clean.first.map { "=+-@".contains($0) } == true ? "'" + clean : clean
        if safe.contains(",") || safe.contains("\"") || safe.contains(";") {
            return "\"" + safe.replacingAll("\"", with: "\"\"") + "\""
        }
        return safe
    }

    package static func render(_ r: SurveyReport) -> String {
        var rows: [[String]] = [["section", "question", "answer", "count", "share", "mean", "satisfied"]]
        rows.append(["period", "", "\(r.from)..\(r.to)", "\(r.cards)", "", "", ""])
        rows.append(["floods", "", r.floodsIncluded ? "included" : "left out", "\(r.floods)", "", "", ""])
        for q in r.questions where q.kind != .comment {
            for b in q.buckets {
                let share = q.answered > 0 ? Double(b.count) / Double(q.answered) : nil
                rows.append([
                    "answers", q.text.bg, b.label.bg, "\(b.count)", share.map { decimal($0) } ?? "",
                    decimal(q.mean) == "–" ? "" : decimal(q.mean), q.satisfied.map { decimal($0) } ?? "",
                ])
            }
        }
        for g in r.groups {
            rows.append(["topic", "", g.label.bg, "\(g.cards)", "", "", g.satisfied.map { decimal($0) } ?? ""])
        }
        for m in r.months {
            rows.append(["month", "", m.month, "\(m.cards)", "", "", m.satisfied.map { decimal($0) } ?? ""])
        }
        for c in r.comments { rows.append(["comment", c.day, c.text, "", "", "", ""]) }
        return "\u{FEFF}" + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }
}

/// Bar charts as SVG: one chart per question, the satisfied share by month.
package enum ReportSVG {
    package static func escape(_ s: String) -> String {
        SafeText.clean(s).replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(
            ">", with: "&gt;"
        ).replacingAll("\"", with: "&quot;")
    }

    package static func render(_ r: SurveyReport) -> String {
        let width = 760
        var y = 70
        var body: [String] = []
        body.append(
            "<text x=\"20\" y=\"32\" font-size=\"22\" font-weight=\"bold\">Анкета за удовлетвореността / "
                + "Satisfaction survey</text>"
        )
        let period =
            "\(r.from) – \(r.to) · \(r.cards) карти / cards · "
            + "\(r.floods) маркирани като поток / flagged floods"
        body.append("<text x=\"20\" y=\"56\" font-size=\"14\">\(escape(period))</text>")
        func chart(_ title: String, _ bars: [(String, Int, String)], total: Int) {
            y += 24
            body.append("<text x=\"20\" y=\"\(y)\" font-size=\"16\" font-weight=\"bold\">\(escape(title))</text>")
            y += 10
            let maximum = max(1, bars.map(\.1).max() ?? 1)
            for (label, value, caption) in bars {
                let length = Int(Double(value) / Double(maximum) * 380)
                body.append("<text x=\"20\" y=\"\(y + 15)\" font-size=\"13\">\(escape(label))</text>")
                body.append(
                    "<rect x=\"260\" y=\"\(y + 3)\" width=\"\(length)\" height=\"16\" "
                        + "fill=\"#2a6fb0\"><title>\(escape(label)): \(value)</title></rect>"
                )
                body.append("<text x=\"\(266 + length)\" y=\"\(y + 15)\" font-size=\"13\">\(escape(caption))</text>")
                y += 22
            }
        }
        for q in r.questions where q.kind != .comment {
            let bars = q.buckets.map { b in
                (
                    b.label.bg, b.count,
                    "\(b.count) (\(percent(q.answered > 0 ? Double(b.count) / Double(q.answered) : nil)))"
                )
            }
            chart(
                both(q.text) + (q.satisfied != nil ? " — доволни / satisfied \(percent(q.satisfied))" : ""), bars,
                total: q.answered)
        }
        chart(
            "Доволни по месеци / Satisfied by month (%)",
            r.months.map { ($0.month, Int((($0.satisfied ?? 0) * 100).rounded()), percent($0.satisfied)) }, total: 100)
        y += 20
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(y)" viewBox="0 0 \(width) \(y)" \
            font-family="DejaVu Sans, Arial, sans-serif">
            <rect width="100%" height="100%" fill="white"/>
            \(body.joined(separator: "\n"))
            </svg>

            """
    }
}

extension String {
    /// Replaces every occurrence of `target` (without Foundation).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound]
            out += replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
