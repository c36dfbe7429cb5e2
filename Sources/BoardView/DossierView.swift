import BoardCore
/// The result of a dossier lookup, as a scrolling document: service, filing, status in plain
/// words, what to do next, the deadline (on time or overdue, with an apology and the right to
/// complain), and the dated history with units. No personal data exists to show.
package enum DossierView {
    package static func lines(_ state: BoardState, width: Int) -> [DocumentLine] {
        var b = DocumentBuilder(width: width)
        guard let report = state.dossier.report else { return b.lines }
        let language = state.language
        b.paragraph("\(DossierText.dossierNo.text(language)) \(report.number)", style: .muted)
        b.paragraph(report.serviceName.text(language).uppercased(), style: .title)
        b.paragraph(DossierText.filed(report, language))

        b.heading(DossierText.status.text(language))
        b.paragraph("▶ " + report.status.name.text(language), style: .title)
        b.paragraph(
            "\(DossierText.whatNext.text(language)): \(report.status.nextStep(unit: report.currentUnit, language))")

        b.heading(DossierText.deadline.text(language))
        b.paragraph(DossierText.deadlineLine(report, language))
        let timeliness = report.timeliness(today: state.now.date)
        switch timeliness {
        case .onTime, .doneOnTime:
            b.paragraph(DossierText.timeliness(timeliness, language), style: .title)
        case .overdue, .doneLate:
            b.paragraph(DossierText.timeliness(timeliness, language), style: .urgent)
            b.paragraph(DossierText.apology.text(language))
            let m = state.catalogue?.municipality
            // The phone number stays on one line (no-break spaces).
            let phone = String((m?.helpdeskPhone ?? "").map { $0 == " " ? "\u{00A0}" : $0 })
            b.paragraph(DossierText.complaint(email: m?.email, phone: phone, language))
        }

        b.heading(DossierText.history.text(language))
        for event in report.history {
            var text = event.status.name.text(language)
            if let unit = event.unit { text += " · " + unit }
            b.item(UIText.shortDate(event.date), text)
        }
        b.blank()
        b.line([])
        b.paragraph(DossierText.erased.text(language), style: .muted)
        return b.lines
    }
}
