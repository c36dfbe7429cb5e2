import BoardCore

/// The scrolling texts: a service card, contacts, the centre's pages.
package enum Documents {
    /// The lines of the document on screen, or nil when the screen is not a document. A service
    /// card is laid out through `cards`, which keeps the last one.
    package static func lines(for state: BoardState, cards: CardLayouts) -> [DocumentLine]? {
        let width = Layout.documentWidth(state.size)
        let language = state.language
        switch state.screen {
        case .service(let number):
            var b = DocumentBuilder(width: width)
            switch state.card {
            case .loaded(let card)? where card.number == number:
                return cards.lines(
                    card, category: state.catalogue?.category(card.category), language: language, width: width)
            case .missing(number)?:
                b.paragraph(UIText.serviceMissing.text(language))
            case .failed(number)?:
                b.paragraph(UIText.cardUnavailable.text(language))
                b.paragraph(UIText.askAtCounter(phone: state.catalogue?.municipality.helpdeskPhone ?? "", language))
            default:
                b.paragraph(UIText.loading.text(language), style: .muted)
            }
            return b.lines
        case .contacts:
            guard let m = state.catalogue?.municipality else { return [] }
            return contacts(m, language: language, width: width)
        case .page(let kind):
            guard let page = state.catalogue?.page(kind, language) else { return [] }
            return pageLines(page, width: width)
        case .surveyResults:
            return surveyResults(state.catalogue?.results, language: language, width: width)
        case .dossierResult:
            return DossierView.lines(state, width: width)
        case .unavailable(let item):
            var b = DocumentBuilder(width: width)
            let phone = state.catalogue?.municipality.helpdeskPhone ?? ""
            for text in UIText.unavailableBody(item, phone: phone, language) {
                b.paragraph(text)
                b.line([])
            }
            return b.lines
        default:
            return nil
        }
    }

    package static func serviceCard(_ s: Service, category: Category?, language: Language, width: Int) -> [DocumentLine]
    {
        var b = DocumentBuilder(width: width)
        let t = { (text: LocalizedText) in text.text(language) }
        var head = "\(t(UIText.registerNumber)) \(s.number)"
        if let category { head += " · " + t(category.name) }
        b.paragraph(head, style: .muted)
        b.paragraph(t(s.name).uppercased(), style: .title)
        b.blank()
        b.paragraph(t(s.description))

        b.heading(t(UIText.documents))
        if s.documents.isEmpty { b.paragraph(t(UIText.noDocuments)) }
        for d in s.documents {
            let tag = d.required ? t(UIText.requiredDoc) : t(UIText.optionalDoc)
            b.item(d.required ? "■" : "□", t(d.name), trailer: Span("[\(tag)]", .muted))
            if let form = d.form { b.paragraph("\(t(UIText.form)): \(t(form))", style: .muted, indent: 3) }
        }

        b.heading(t(UIText.feesAndDeadlines))
        let rows = s.tiers.map {
            (
                t(UIText.tier($0.tier)), UIText.fee(cents: $0.feeCents, language), UIText.days($0.days, language),
                $0.note.map(t)
            )
        }
        let c1 = max(DisplayWidth.of(t(UIText.tierColumn)), rows.map { DisplayWidth.of($0.0) }.max() ?? 0)
        let c2 = max(DisplayWidth.of(t(UIText.feeColumn)), rows.map { DisplayWidth.of($0.1) }.max() ?? 0)
        if 1 + c1 + 3 + c2 + 3 + 12 <= width {
            b.line(
                [
                    Span(
                        TextLayout.fit(t(UIText.tierColumn), width: c1) + "   "
                            + TextLayout.fit(t(UIText.feeColumn), width: c2) + "   " + t(UIText.deadlineColumn), .muted)
                ], indent: 1)
            for row in rows {
                b.line(
                    [
                        Span(TextLayout.fit(row.0, width: c1), .title), Span("   " + pad(row.1, c2) + "   "),
                        Span(TextLayout.truncate(row.2, width: width - 1 - c1 - c2 - 6)),
                    ], indent: 1)
                if let note = row.3 { b.paragraph(note, style: .muted, indent: 1 + c1 + 3) }
            }
        } else {
            for row in rows {
                b.item("•", "\(row.0): \(row.1), \(row.2)")
                if let note = row.3 { b.paragraph(note, style: .muted, indent: 3) }
            }
        }

        b.heading(t(UIText.whereToFile))
        b.paragraph(t(s.unit))

        b.heading(t(UIText.channels))
        for c in s.channels {
            var text = t(UIText.channel(c.kind))
            if let details = c.details { text += ": " + t(details) }
            b.item("•", text)
            if let url = c.url { b.paragraph(url, style: .heading, indent: 3) }
        }

        b.heading(t(UIText.stages))
        for (i, stage) in s.stages.enumerated() {
            b.item("\(i + 1).", t(stage))
        }

        b.heading(t(UIText.result))
        b.paragraph(t(s.result))
        if let validity = s.validity {
            b.paragraph("\(t(UIText.validity)): \(t(validity))")
        }

        b.heading(t(UIText.legalBasis))
        b.paragraph(t(s.legalBasis), style: .muted)
        return b.lines
    }

    /// The published results, with bars of block characters and the figures beside them.
    package static func surveyResults(_ report: SurveyReport?, language: Language, width: Int) -> [DocumentLine] {
        var b = DocumentBuilder(width: width)
        guard let report, let from = CalendarDate(iso: report.from), let to = CalendarDate(iso: report.to) else {
            b.paragraph(UIText.noResultsPublished.text(language))
            return b.lines
        }
        let period = "\(UIText.shortDate(from)) – \(UIText.shortDate(to))"
        b.paragraph(
            language == .bg
                ? "Период: \(period) · попълнени карти: \(report.cards)"
                : "Period: \(period) · cards filled in: \(report.cards)", style: .title)
        for q in report.questions where q.kind != .comment {
            b.heading(q.text.text(language))
            if let satisfied = q.satisfied {
                b.paragraph(
                    (language == .bg ? "Доволни: " : "Satisfied: ") + percent(satisfied)
                        + (q.mean.map { (language == .bg ? " · средна оценка " : " · mean ") + decimal($0) } ?? ""))
            }
            let labelWidth = min(width / 3, q.buckets.map { DisplayWidth.of($0.label.text(language)) }.max() ?? 0)
            let barWidth = max(5, width - labelWidth - 14)
            for bucket in q.buckets {
                let share = q.answered > 0 ? Double(bucket.count) / Double(q.answered) : 0
                let bar = String(repeating: "█", count: Int((share * Double(barWidth)).rounded()))
                b.line(
                    [
                        Span(TextLayout.fit(bucket.label.text(language), width: labelWidth) + " "), Span(bar, .heading),
                        Span(" " + percent(q.answered > 0 ? share : nil), .muted),
                    ], indent: 1)
            }
        }
        return b.lines
    }

    package static func contacts(_ m: Municipality, language: Language, width: Int) -> [DocumentLine] {
        var b = DocumentBuilder(width: width)
        b.paragraph(m.name.text(language), style: .title)
        b.paragraph(m.centre.text(language))
        b.heading(UIText.openingHours.text(language))
        for h in m.hours { b.item("•", "\(h.days.text(language)): \(h.time)") }
        b.heading(UIText.address.text(language))
        b.paragraph(m.address.text(language))
        b.heading(UIText.phones.text(language))
        for p in m.phones { b.item("☎", "\(p.label.text(language)): \(p.number)") }
        if let email = m.email {
            b.heading(UIText.email.text(language))
            b.paragraph(email)
        }
        if let web = m.web {
            b.heading(UIText.web.text(language))
            b.paragraph(web)
        }
        return b.lines
    }

    package static func pageLines(_ page: Page, width: Int) -> [DocumentLine] {
        var b = DocumentBuilder(width: width)
        for block in page.blocks {
            switch block {
            case .heading(let text): b.heading(text)
            case .paragraph(let text):
                b.blank()
                b.paragraph(text)
            case .bullet(let text): b.item("•", text)
            }
        }
        return b.lines
    }

    /// Right-aligns text in a column.
    private static func pad(_ text: String, _ width: Int) -> String {
        let w = DisplayWidth.of(text)
        return w < width ? String(repeating: " ", count: width - w) + text : text
    }
}

/// The last service card laid out, with what it was laid out from: every key on a card draws it
/// again, and a scroll key changes none of its inputs. `Documents.serviceCard` is a pure function
/// of the key, so answering from here changes nothing but the time. Owned by a `Renderer`.
package final class CardLayouts {
    /// Everything `serviceCard` reads, cheapest to compare first. Comparing is cheap: the card in
    /// the state shares its strings' storage with the one kept here.
    private struct Key: Equatable {
        var width: Int
        var language: Language
        var service: Service
        var category: Category?
    }

    private var last: (key: Key, lines: [DocumentLine])?

    package init() {}

    /// `Documents.serviceCard`, answered from the last card when it is the same card at the same
    /// width and language.
    package func lines(_ s: Service, category: Category?, language: Language, width: Int) -> [DocumentLine] {
        let key = Key(width: width, language: language, service: s, category: category)
        if let hit = last, hit.key == key {
            // The key is kept again: after an import reloads an unchanged card its strings are
            // equal but stored apart, and keeping the new ones makes later compares cheap again.
            last = (key, hit.lines)
            return hit.lines
        }
        let lines = Documents.serviceCard(s, category: category, language: language, width: width)
        last = (key, lines)
        return lines
    }
}
