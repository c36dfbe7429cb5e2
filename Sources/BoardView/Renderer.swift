import BoardCore
/// Renders a board state into a frame, and measures the screen on show for the reducer: pure
/// functions of the state and its terminal size. An instance keeps the last service card laid
/// out (the runtime owns one); `Renderer.render(_:)` renders once without keeping anything.
public final class Renderer {
    private let cards = CardLayouts()

    public init() {}

    /// The frame of `state`, without an instance to keep layouts in.
    public static func render(_ state: BoardState) -> Frame {
        Renderer().render(state)
    }

    public func render(_ state: BoardState) -> Frame {
        var frame = Frame(grid: Grid(width: state.size.columns, height: state.size.rows))
        if state.size.isTooSmall {
            TooSmallView.draw(into: &frame, size: state.size)
        } else {
            drawScreen(state, into: &frame)
        }
        SessionOverlay.draw(state, into: &frame)
        return frame
    }

    /// The sizes of the screen on show that keys depend on (see `Viewport`).
    public func viewport(of state: BoardState) -> Viewport {
        var viewport = Viewport()
        viewport.itemsPerPage =
            state.screen == .search ? SearchView.resultCapacity(state) : Layout.listCapacity(state.size)
        switch state.screen {
        case .home: viewport.choicesPerRow = Layout.homeColumns(state.size)
        case .survey: viewport.choicesPerRow = Board.currentQuestion(state).map { SurveyView.columns($0.1) } ?? 1
        default: break
        }
        viewport.documentLines = document(state)?.count ?? 0
        viewport.linesPerPage = max(1, Layout.body(state.size).height)
        return viewport
    }

    /// The lines of the scrolling text on show, or nil when the screen is not one.
    func document(_ state: BoardState) -> [DocumentLine]? {
        Documents.lines(for: state, cards: cards)
    }

    private func drawScreen(_ state: BoardState, into frame: inout Frame) {
        switch state.screen {
        case .attract:
            AttractView.draw(state, into: &frame)
        case .outOfOrder:
            OutOfOrderView.draw(state, into: &frame)
        default:
            let lines = document(state)
            Chrome.draw(state, document: lines, into: &frame)
            switch state.screen {
            case .home: HomeView.draw(state, into: &frame)
            case .categories, .services: ListView.draw(state, into: &frame)
            case .search: SearchView.draw(state, into: &frame)
            case .survey, .surveyConfirm, .surveyThanks: SurveyView.draw(state, into: &frame)
            case .dossierLookup: LookupView.draw(state, into: &frame)
            default: DocumentView.draw(state, lines: lines ?? [], into: &frame)
            }
        }
    }
}

/// The header (centre, date, clock), the screen's title and the footer buttons.
package enum Chrome {
    package static func draw(_ state: BoardState, document: [DocumentLine]?, into frame: inout Frame) {
        let size = state.size
        let language = state.language
        frame.grid.fill(Rect(x: 0, y: 0, width: size.columns, height: 1), style: .header)
        let time = "\(UIText.shortDate(state.now.date))  \(UIText.clock(state.now)) "
        let timeWidth = DisplayWidth.of(time)
        if let catalogue = state.catalogue {
            let name =
                " " + catalogue.municipality.name.text(language) + " · " + catalogue.municipality.centre.text(language)
            frame.grid.write(TextLayout.truncate(name, width: size.columns - timeWidth - 1), x: 0, y: 0, style: .header)
        }
        frame.grid.write(time, x: size.columns - timeWidth, y: 0, style: .header)

        frame.grid.write(TextLayout.truncate(title(state), width: size.columns - 4), x: 2, y: 1, style: .title)
        frame.grid.write(String(repeating: "─", count: size.columns), x: 0, y: 2, style: .rule)

        var buttons: [(String, String, Action)] = [(UIText.back.text(language), "Esc", .back)]
        // A survey terminal has no home menu: its start is the first question.
        if !state.surveyMode { buttons.append((UIText.home.text(language), "Home", .home)) }
        if case .survey = state.screen { buttons.append((UIText.skipQuestion.text(language), "PgDn", .skipQuestion)) }
        // Where letters type (search, a comment, the dossier fields) the language key is F2.
        let typing = state.screen == .search || state.screen == .dossierLookup || Board.isCommentScreen(state)
        buttons += [
            // (Under lockdown function keys do nothing: there the button is for tapping.)
            (
                UIText.switchLanguage(from: language), typing ? (state.settings.lockdown ? "" : "F2") : "L",
                .toggleLanguage
            )
        ]
        // Search is one tap away from every catalogue screen.
        switch state.screen {
        case .categories, .services, .service: buttons.insert((UIText.search.text(language), "/", .openSearch), at: 2)
        default: break
        }
        if scrolls(state, document: document) {
            buttons.append((UIText.scrollUp.text(language), "PgUp", .page(-1)))
            buttons.append((UIText.scrollDown.text(language), "PgDn", .page(1)))
        }
        let footer = Layout.footer(size)
        let gap = 1
        let width = (footer.width - gap * (buttons.count - 1)) / buttons.count
        // Key hints show on every button or on none, so the row reads evenly.
        let showHints = buttons.allSatisfy { DisplayWidth.of($0.0) + 2 + DisplayWidth.of($0.1) <= width - 4 }
        for (i, button) in buttons.enumerated() {
            let rect = Rect(x: footer.x + i * (width + gap), y: footer.y, width: width, height: footer.height)
            frame.grid.box(rect, style: .button)
            let label = button.0
            let hint = button.1
            let inner = rect.width - 2
            let full = DisplayWidth.of(label) + (hint.isEmpty ? 0 : 2 + DisplayWidth.of(hint))
            if showHints {
                let x = rect.x + 1 + (inner - full) / 2
                frame.grid.write(label, x: x, y: rect.y + 1, style: .button)
                frame.grid.write(hint, x: x + DisplayWidth.of(label) + 2, y: rect.y + 1, style: .muted)
            } else {
                let cut = TextLayout.truncate(label, width: inner)
                frame.grid.write(cut, x: rect.x + 1 + (inner - DisplayWidth.of(cut)) / 2, y: rect.y + 1, style: .button)
            }
            frame.target(rect, button.2)
        }
    }

    /// Whether the body has more than fits, so the footer offers Up and Down.
    package static func scrolls(_ state: BoardState, document: [DocumentLine]?) -> Bool {
        let body = Layout.body(state.size)
        if let document { return document.count > body.height }
        if state.screen.isList { return state.listCount > Layout.listCapacity(state.size) }
        if state.screen == .search { return state.search.results.count > SearchView.resultCapacity(state) }
        return false
    }

    package static func title(_ state: BoardState) -> String {
        let language = state.language
        switch state.screen {
        case .home: return UIText.homeTitle.text(language)
        case .categories: return UIText.categoriesTitle.text(language)
        case .services(let id):
            let name = state.catalogue?.category(id)?.name.text(language) ?? id
            return UIText.item(.services, language: language) + " › " + name
        case .service(let number):
            if let card = state.card?.service, card.number == number,
                let category = state.catalogue?.category(card.category)
            {
                return UIText.item(.services, language: language) + " › " + category.name.text(language) + " › № "
                    + number
            }
            return UIText.item(.services, language: language) + " › № " + number
        case .contacts: return UIText.contactsTitle.text(language)
        case .search: return UIText.searchTitle.text(language)
        case .survey(let step):
            let total = state.catalogue?.survey?.questions.count ?? 0
            return (state.catalogue?.survey?.title.text(language) ?? "") + " · "
                + UIText.questionOf(step + 1, total, language)
        case .surveyConfirm: return UIText.checkYourAnswers.text(language)
        case .surveyThanks: return state.catalogue?.survey?.title.text(language) ?? ""
        case .surveyResults: return UIText.item(.results, language: language)
        case .page(let kind): return UIText.pageTitle(kind).text(language)
        case .unavailable(let item):
            return UIText.item(item, language: language) + " — " + UIText.unavailableTitle.text(language)
        case .dossierLookup, .dossierResult: return DossierText.title(state)
        case .attract, .outOfOrder: return ""
        }
    }
}

/// Shown when the terminal is below the minimum size.
package enum TooSmallView {
    package static func draw(into frame: inout Frame, size: TerminalSize) {
        let min = TerminalSize.minimum
        let lines = [
            UIText.tooSmallBG, "Моля, увеличете го до поне \(min.columns)×\(min.rows).",
            UIText.tooSmallEN, "Please enlarge it to at least \(min.columns)×\(min.rows).",
            "(\(size.columns)×\(size.rows))",
        ]
        // Wrapped, not cut: on a tiny screen every word still reaches the visitor.
        let wrapped = lines.enumerated().flatMap { i, line in
            TextLayout.wrap(line, width: size.columns).map { ($0, i % 2 == 0 ? CellStyle.title : .normal) }
        }
        let top = max(0, (size.rows - wrapped.count) / 2)
        for (i, line) in wrapped.enumerated() {
            frame.grid.write(line.0, x: max(0, (size.columns - DisplayWidth.of(line.0)) / 2), y: top + i, style: line.1)
        }
    }
}

/// Shown when the board's content cannot be read.
package enum OutOfOrderView {
    package static func draw(_ state: BoardState, into frame: inout Frame) {
        let size = state.size
        var lines: [(String, CellStyle)] = [
            (UIText.outOfOrderBG, .title), (UIText.outOfOrderEN, .title), ("", .normal),
            (UIText.outOfOrderHelpBG, .normal), (UIText.outOfOrderHelpEN, .normal),
        ]
        lines += [("", .normal), (UIText.outOfOrderRetryBG, .muted), (UIText.outOfOrderRetryEN, .muted)]
        // The centre's phone: from the last content read, else from kiosk.conf (`phone`).
        if let phone = state.session.lastKnownPhone ?? state.catalogue?.municipality.helpdeskPhone
            ?? state.settings.phone, !phone.isEmpty
        {
            lines.append(("", .normal))
            lines.append(("☎ \(UIText.outOfOrderPhoneBG) / \(UIText.outOfOrderPhoneEN): \(phone)", .title))
        }
        let top = max(0, (size.rows - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let text = TextLayout.truncate(line.0, width: size.columns - 2)
            frame.grid.write(text, x: max(0, (size.columns - DisplayWidth.of(text)) / 2), y: top + i, style: line.1)
        }
    }
}
