import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import CNcursesw
import Glibc

/// The ncurses backend: draws grids (only the cells that changed) and reads keys, taps and
/// resizes. It makes no decisions of its own.
final class Terminal {
    private let window: UnsafeMutablePointer<WINDOW>
    private var previous: Grid?
    private let theme: Settings.Theme
    private let colours: Bool

    init(theme requested: Settings.Theme) {
        // ncurses would stay at these sizes forever instead of following resizes.
        unsetenv("LINES")
        unsetenv("COLUMNS")
        Platform.setUTF8Locale()
        CrashGuard.terminalTaken = true
        guard let screen = initscr() else {
            Platform.printError("kiosk: cannot start the terminal (is TERM set?)")
            exit(1)
        }
        window = screen
        raw()
        noecho()
        nonl()
        keypad(window, true)
        // Home and End as tmux, screen and the Linux console send them, which xterm's terminfo
        // does not list: without these, ncurses hands over the bare Esc (Back) and junk.
        for (sequence, key) in [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
        ] {
            define_key(sequence, key)
        }
        intrflush(window, false)
        curs_set(0)
        set_escdelay(25)
        mousemask(kiosk_all_mouse_events(), nil)
        mouseinterval(0)
        let noColour = Platform.environment("NO_COLOR").map { !$0.isEmpty } ?? false
        colours = requested != .mono && !noColour && has_colors()
        theme = colours ? requested : .mono
        if colours {
            start_color()
            use_default_colors()
            Terminal.definePairs(theme)
        }
    }

    /// One colour pair per cell role; in the contrast theme everything is white on black.
    private static func definePairs(_ theme: Settings.Theme) {
        for role in CellStyle.Role.allCases {
            let (fg, bg): (Int32, Int32)
            switch (theme, role) {
            case (.contrast, .focus): (fg, bg) = (COLOR_WHITE, COLOR_BLACK)
            case (.contrast, .urgent): (fg, bg) = (COLOR_YELLOW, COLOR_BLACK)
            case (.contrast, _): (fg, bg) = (COLOR_WHITE, COLOR_BLACK)
            case (_, .header): (fg, bg) = (COLOR_BLUE, COLOR_WHITE)
            case (_, .title): (fg, bg) = (-1, -1)
            case (_, .accent): (fg, bg) = (COLOR_CYAN, -1)
            case (_, .focus): (fg, bg) = (COLOR_YELLOW, COLOR_BLACK)
            case (_, .muted): (fg, bg) = (-1, -1)
            case (_, .urgent): (fg, bg) = (COLOR_RED, -1)
            case (_, .button): (fg, bg) = (COLOR_CYAN, -1)
            case (_, .normal): (fg, bg) = (-1, -1)
            }
            init_pair(Int16(role.rawValue) + 1, Int16(fg), Int16(bg))
        }
    }

    var size: TerminalSize {
        TerminalSize(columns: Int(getmaxx(window)), rows: Int(getmaxy(window)))
    }

    /// Draws `grid`, sending only the cells that differ from the last frame.
    func draw(_ grid: Grid) {
        let full = previous.map { $0.width != grid.width || $0.height != grid.height } ?? true
        if full { werase(window) }
        var wide = [wchar_t](repeating: 0, count: 8)
        var cell = cchar_t()
        grid.forEachChange(since: full ? nil : previous) { x, y, c in
            var count = 0
            if let scalar = c.scalar {
                wide[0] = wchar_t(bitPattern: scalar.value)
                count = 1
            } else {
                for scalar in grid.cluster(of: c).unicodeScalars where count < 5 {
                    wide[count] = wchar_t(bitPattern: scalar.value)
                    count += 1
                }
            }
            if count == 0 { wide[0] = 32; count = 1 }
            wide[count] = 0
            // The grid and the C library must agree on the width, or later cells shift;
            // where they do not (or ncurses refuses the cluster), draw a stand-in instead.
            let width = c.width
            let attributes = attributes(c.style)
            let pair = colours ? Int16(c.style.role.rawValue) + 1 : 0
            if !widthAgrees(wide[0], width) || setcchar(&cell, wide, attributes, pair, nil) != OK {
                wide[0] = 0xFFFD
                wide[1] = 0
                setcchar(&cell, wide, attributes, pair, nil)
                mvwadd_wch(window, Int32(y), Int32(x), &cell)
                if width == 2 && x + 1 < grid.width {
                    wide[0] = 32
                    setcchar(&cell, wide, attributes, pair, nil)
                    mvwadd_wch(window, Int32(y), Int32(x + 1), &cell)
                }
                return
            }
            mvwadd_wch(window, Int32(y), Int32(x), &cell)
        }
        previous = grid
        wrefresh(window)
    }

    /// What `wcwidth` said for the scalars below 0x3000 seen so far (-2: not asked yet). The locale
    /// is set once at start, so the answers hold; the table spares a libc call per drawn cell.
    private var knownWidths = [Int8](repeating: -2, count: 0x3000)

    /// Whether the C library gives `scalar` the width the grid gave its cell.
    private func widthAgrees(_ scalar: wchar_t, _ width: Int) -> Bool {
        guard scalar >= 0, scalar < 0x3000 else { return Int(wcwidth(scalar)) == width }
        let index = Int(scalar)
        if knownWidths[index] == -2 { knownWidths[index] = Int8(clamping: wcwidth(scalar)) }
        return Int(knownWidths[index]) == width
    }

    /// Repaints everything on the next draw (Ctrl-L, after another program wrote to the screen).
    func invalidate() {
        previous = nil
        clearok(window, true)
    }

    private func attributes(_ style: CellStyle) -> attr_t {
        var a = kiosk_a_normal()
        if style.bold { a |= kiosk_a_bold() }
        if style.reverse { a |= kiosk_a_reverse() }
        if style.underline { a |= kiosk_a_underline() }
        if style.dim { a |= kiosk_a_dim() }
        return a
    }

    /// Waits up to `timeoutMs` for input, or until `wake` becomes readable (a lane finished a
    /// job); returns what was read (empty on timeout or a wake-up).
    func read(timeoutMs: Int32, alsoWakingOn wake: Int32?) -> [Input] {
        // ncurses may hold keys it has read already: those first, without waiting.
        let held = readAvailable()
        if !held.isEmpty { return held }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        if let wake { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
        guard poll(&fds, nfds_t(fds.count), timeoutMs) > 0, fds[0].revents != 0 else { return [] }
        return readAvailable()
    }

    /// The input ncurses has or can read without waiting (an Esc still waits the escape delay
    /// for the rest of a sequence).
    private func readAvailable() -> [Input] {
        wtimeout(window, 0)
        var inputs: [Input] = []
        var ch: wint_t = 0
        var result = wget_wch(window, &ch)
        while result != ERR {
            if let input = translate(result: result, code: ch) { inputs.append(input) }
            if inputs.count > 64 { break }
            result = wget_wch(window, &ch)
        }
        return inputs
    }

    private func translate(result: Int32, code: wint_t) -> Input? {
        if result == KEY_CODE_YES {
            switch Int32(code) {
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_ENTER: return .key(.enter)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_BTAB: return .key(.backTab)
            case KEY_RESIZE: return .resize(size)
            case KEY_MOUSE: return mouseEvent()
            case KEY_F0 + 1...KEY_F0 + 24: return .key(.function(Int(Int32(code) - KEY_F0)))
            default: return nil
            }
        }
        switch code {
        case 27: return .key(.escape)
        case 10, 13: return .key(.enter)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 1...26:
            return .key(.control(Character(Unicode.Scalar(UInt8(code) + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private func mouseEvent() -> Input? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let state = event.bstate
        if state & (kiosk_button1_pressed() | kiosk_button1_clicked()) != 0 {
            return .tap(column: Int(event.x), row: Int(event.y))
        }
        if state & kiosk_button4_pressed() != 0 { return .wheel(-3) }
        if state & kiosk_button5_pressed() != 0 { return .wheel(3) }
        return nil
    }

    /// Gives the terminal back as it was.
    func end() {
        mousemask(0, nil)
        curs_set(1)
        endwin()
        CrashGuard.terminalTaken = false
    }
}
