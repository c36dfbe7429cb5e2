/// The items of the home menu, in display order.
public enum HomeItem: Int, Sendable, Hashable, CaseIterable {
    case services, search, dossier, survey, results, contacts, charter, complaints, language

    /// Whether the item leads somewhere real with this content: the survey needs a survey.json.
    /// Others look different and say honestly that they are coming (the same rule as activating).
    public func isAvailable(in catalogue: Catalogue?) -> Bool {
        switch self {
        case .survey: return catalogue?.survey != nil
        default: return true
        }
    }
}

/// Every screen the board can show.
public enum Screen: Sendable, Hashable {
    case attract
    case home
    case categories
    case services(category: String)
    case service(number: String)
    /// Search as you type, with an on-screen keyboard.
    case search
    /// One question of the satisfaction card (0-based).
    case survey(step: Int)
    /// The card's answers, to send or change.
    case surveyConfirm
    /// Shown only once the card is safely stored.
    case surveyThanks
    /// The latest published survey results.
    case surveyResults
    case contacts
    case page(PageKind)
    /// "Check my dossier": the number and code fields and the on-screen keypad.
    case dossierLookup
    /// What a dossier lookup found (a scrolling document).
    case dossierResult
    /// A home item that is not built yet: says so and where to ask instead.
    case unavailable(HomeItem)
    /// The content cannot be read; shows where to ask instead.
    case outOfOrder

    /// Screens whose body is a scrolling text rather than a list of choices.
    public var isDocument: Bool {
        switch self {
        case .service, .contacts, .page, .unavailable, .surveyResults, .dossierResult: return true
        default: return false
        }
    }

    /// Screens whose body is a list a visitor moves through.
    public var isList: Bool {
        switch self {
        case .categories, .services: return true
        default: return false
        }
    }
}

/// A screen together with where the visitor is on it, so Back returns to the same spot.
public struct Place: Sendable, Hashable {
    public var screen: Screen
    /// The focused item of a list or menu.
    public var selected: Int
    /// The first visible line or list row.
    public var scroll: Int

    public init(_ screen: Screen, selected: Int = 0, scroll: Int = 0) {
        self.screen = screen
        self.selected = selected
        self.scroll = scroll
    }
}

/// The terminal's size in cells.
public struct TerminalSize: Sendable, Hashable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// Below this the board shows only a "please enlarge" screen.
    public static let minimum = TerminalSize(columns: 60, rows: 18)

    public var isTooSmall: Bool { columns < TerminalSize.minimum.columns || rows < TerminalSize.minimum.rows }
}
