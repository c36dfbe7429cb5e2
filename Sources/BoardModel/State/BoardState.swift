/// Everything the board shows, in one value: the reducer changes it, the renderer draws it.
public struct BoardState: Sendable {
    public var place: Place
    /// Where Back leads, most recent last.
    public var history: [Place]
    public var language: Language
    /// The language each new visitor starts in.
    public var defaultLanguage: Language
    public var size: TerminalSize
    public var now: LocalTime
    public var catalogue: Catalogue?
    /// The card of the service on screen: loaded, or why not.
    public var card: CardLoad?
    /// Why the content cannot be shown, when it cannot.
    public var fault: StoreError?
    public var theme: Configuration.Theme
    /// Idle reset, lockdown and staff exit settings (from kiosk.conf).
    public var settings = KioskSettings()
    /// Time, idle warning, notices, staff prompt, live refresh (State/Reducer+Session.swift).
    public var session = SessionState()

    public init(size: TerminalSize, now: LocalTime, language: Language = .bg, theme: Configuration.Theme = .standard) {
        self.place = Place(.attract)
        self.history = []
        self.language = language
        self.defaultLanguage = language
        self.size = size
        self.now = now
        self.theme = theme
    }

    public var screen: Screen { place.screen }
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
