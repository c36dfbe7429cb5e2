/// A key as the board understands it, independent of the terminal library.
public enum Key: Sendable, Hashable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    case function(Int)
    /// A printable character typed.
    case character(Character)
    /// Ctrl plus a letter, e.g. `.control("l")` for Ctrl-L.
    case control(Character)
}

/// What a visitor meant, whether by key or by tapping a target on screen.
public enum Action: Sendable, Hashable {
    case back
    case home
    case toggleLanguage
    case activate(HomeItem)
    /// Open the list item at this index of the current list.
    case open(index: Int)
    /// Scroll by lines (negative: up).
    case scroll(Int)
    /// Scroll by pages (negative: up).
    case page(Int)
    /// Leave the attract screen.
    case wake
    case openSearch
    /// Type text into the search field (from the on-screen keyboard).
    case type(String)
    case deleteBackward
    case clearQuery
    case switchKeyboard(KeyboardLayout)
    case toggleKeyboard
    /// From an empty search: browse the topics instead.
    case browseCategories
    /// Give the answer at this index (0-based) to the survey question on screen.
    case answer(Int)
    case skipQuestion
    /// Finish the comment and go on.
    case commentDone
    /// Store the card (from the confirmation screen).
    case submitCard
    /// Start a new card (after thanks, in survey mode).
    case newCard
    /// On the dossier lookup: a key of the on-screen keypad, a field chosen, a check asked for.
    case dossier(DossierAction)
    /// A tap where no target is: it does nothing but tell the board someone is there (it ends
    /// the idle warning like any key).
    case touch
}

/// Everything that can happen to the board.
public enum Event: Sendable {
    case key(Key)
    /// What a visitor meant by a tap, a wheel turn or a button: the shell resolves a tap against
    /// the frame last drawn (`Frame.action(at:)`) and hands the action in.
    case action(Action)
    case resize(TerminalSize)
    /// How the view laid out the screen on show; the runtime hands it in after every change,
    /// before the next input (see `Viewport`).
    case laidOut(Viewport)
    /// The clock: wall time for what is shown (and the survey's day), and seconds on the board's
    /// monotonic clock for every wait and window.
    case tick(LocalTime, monotonic: Int)
    case catalogueLoaded(Catalogue)
    case serviceLoaded(number: String, Service?)
    case storeFailed(StoreError)
    case searchIndexLoaded(SearchIndex)
    case cardSaved
    case cardSaveFailed(StoreError)
    case dossierLookedUp(DossierLookupOutcome)
    /// What a look at the board database found (live refresh, faults).
    case storeChecked(StoreCheck)
    /// Whether the staff PIN typed was right.
    case staffPinChecked(Bool)
}

/// Work the reducer asks the outside world to do; results come back as events.
public enum Effect: Sendable, Hashable {
    case loadCatalogue
    case loadService(number: String)
    /// Build the search index from the store's current content.
    case loadSearchIndex
    /// Store a survey card durably, then report `.cardSaved` (or `.cardSaveFailed`).
    case saveCard(SurveyCard)
    /// Check a typed number and code (a slow hash and the kiosk's throttle file).
    case lookUpDossier(number: String, code: String)
    /// Repaint the whole terminal (Ctrl-L, after a glitch).
    case redraw
    case quit
    /// Look whether the board database changed or came back (cheap: PRAGMA data_version).
    case checkStore
    /// Open the board database afresh and reload (while out of order: the retry).
    case reopenStore
    /// Check a staff PIN against the configured hash (slow on purpose; done outside).
    case verifyStaffPin(String)
    /// The staff exit succeeded: end the program (with the status that tells systemd to stay down).
    case staffExit
}
