/// Everything the board shows, in one value: the reducer changes it, the renderer draws it.
public struct BoardState: Sendable {
    public var place: Place
    /// Where Back leads, most recent last.
    public var history: [Place]
    public var language: Language
    public var size: TerminalSize
    /// How the view laid out the screen on show (sizes the reducer may read).
    public var viewport = Viewport()
    public var now: LocalTime
    public var catalogue: Catalogue?
    /// The card of the service on screen: loaded, or why not.
    public var card: CardLoad?
    /// Why the content cannot be shown, when it cannot.
    public var fault: StoreError?
    /// What the visitor is searching for, and what was found.
    public var search = SearchState()
    /// Built on the first search after each content load.
    public var searchIndex: SearchIndex?
    /// The satisfaction card being filled in.
    public var survey = SurveyProgress()
    /// The dossier lookup in progress: typed fields and the result, forgotten on leaving.
    public var dossier = DossierSession()
    /// The board's settings, from kiosk.conf.
    public var settings: Settings
    /// Time, idle warning, notices, staff prompt, live refresh (State/Reducer+Session.swift).
    public var session = SessionState()

    public init(size: TerminalSize, now: LocalTime, settings: Settings = Settings()) {
        self.place = Place(.attract)
        self.history = []
        self.language = settings.language
        self.size = size
        self.now = now
        self.settings = settings
    }

    public var screen: Screen { place.screen }

    /// The language each new visitor starts in.
    public var defaultLanguage: Language { settings.language }

    /// A survey terminal: it opens on the first question and returns to it after each card.
    public var surveyMode: Bool {
        get { settings.mode == .survey }
        set { settings.mode = newValue ? .survey : .board }
    }

    /// Seconds on the board's monotonic clock (0 before the first tick): every wait and window
    /// is counted on it, so that a change of the wall clock (summer time, a correction) moves none.
    public var clock: Int { session.clock ?? 0 }
}

/// The outcome of loading a service card.
public enum CardLoad: Sendable, Hashable {
    case loaded(Service)
    /// No service has this number any more (staff removed it).
    case missing(number: String)
    /// The store could not be read.
    case failed(number: String)

    public var number: String {
        switch self {
        case .loaded(let s): return s.number
        case .missing(let n), .failed(let n): return n
        }
    }

    public var service: Service? {
        if case .loaded(let s) = self { return s }
        return nil
    }
}

/// The search field, its results and the on-screen keyboard.
public struct SearchState: Sendable, Hashable {
    public var query = ""
    /// Register numbers of the services found, best first.
    public var results: [String] = []
    public var keyboard: KeyboardLayout = .bulgarian
    public var keyboardShown = true

    public init() {}

    /// The longest query accepted: enough for any service name's key words.
    public static let maximumLength = 40
}

/// The layouts of the on-screen keyboard.
public enum KeyboardLayout: String, Sendable, Hashable, CaseIterable {
    case bulgarian, latin, digits
}

/// The card a visitor is filling in, and what this terminal remembers between cards.
public struct SurveyProgress: Sendable, Hashable {
    public var answers: [String: SurveyAnswer] = [:]
    public var comment = ""
    public var keyboard: KeyboardLayout = .bulgarian
    public var keyboardShown = true
    /// Waiting for the store to confirm the card is on disk.
    public var saving = false
    /// The last save failed; the visitor is told and may try again.
    public var saveFailed = false
    /// When the thank-you screen appeared (seconds on the board's monotonic clock).
    public var thanksAt: Int?
    /// When this terminal last stored a card: a card soon after is marked as a flood. Only in
    /// memory, never stored with a card.
    public var lastCardAt: Int?

    public init() {}

    /// Seconds a card must take at least; a faster one from the same terminal is a flood.
    public static let floodInterval = 20
    /// Seconds the thank-you screen stays before the next card (survey mode) or home.
    public static let thanksSeconds = 8
}
