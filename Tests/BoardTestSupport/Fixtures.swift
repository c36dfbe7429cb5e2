import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import Foundation
import XCTest

/// Paths, fixed times and ready-made boards for tests.
public enum Fixtures {
    /// The package's root directory (this file is Tests/BoardTestSupport/Fixtures.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    public static var demoContent: String { packageRoot + "/content/blagoevgrad" }
    public static var madanContent: String { packageRoot + "/content/madan" }

    /// Saturday, 21 November 2026, 10:30:00: a fixed moment so screens are repeatable.
    public static let now = LocalTime(
        date: CalendarDate(year: 2026, month: 11, day: 21)!, hour: 10, minute: 30, second: 0)

    /// Today on this machine's clock, as YYYY-MM-DD (for commands that run now).
    public static var todayISO: String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!.iso
    }

    /// A fresh empty directory, removed when the test ends.
    public static func temporaryDirectory(_ test: XCTestCase) -> String {
        let path = NSTemporaryDirectory() + "kiosk-test-" + UUID().uuidString
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// A copy of a content directory that a test may change.
    public static func copyOfContent(_ test: XCTestCase, from source: String = demoContent) -> String {
        let target = temporaryDirectory(test) + "/content"
        try! FileManager.default.copyItem(atPath: source, toPath: target)
        return target
    }

    /// A board database holding `content`, at a temporary path.
    public static func database(_ test: XCTestCase, content: String = demoContent) throws -> String {
        let path = temporaryDirectory(test) + "/board.db"
        try ContentImport.run(directory: content, databasePath: path, timestamp: "2026-11-21 10:00:00")
        return path
    }

    /// A running board (the embedded loop) on a database of the demo content.
    public static func program(
        _ test: XCTestCase, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
        language: Language = .bg, content: String = demoContent
    ) throws -> BoardProgram {
        let store = try BoardDatabase(path: try database(test, content: content), readOnly: true)
        let program = BoardProgram.embedded(
            BoardState(size: size, now: now, settings: settings(language)), work: BoardWork(store: store))
        program.start()
        return program
    }
}

extension BoardProgram {
    /// Sends a sequence of keys.
    public func press(_ keys: Key...) {
        for key in keys { send(.key(key)) }
    }

    /// The screen as plain text.
    public var screenText: String { render().grid.text }

    /// Taps the centre of the first target whose rectangle shows `label` on screen.
    public func tap(onText label: String, file: StaticString = #filePath, line: UInt = #line) {
        let frame = render()
        for y in 0..<frame.grid.height {
            let row = frame.grid.rowText(y)
            guard let range = row.range(of: label) else { continue }
            // Column of the label: display width of what precedes it.
            let column = DisplayWidth.of(String(row[..<range.lowerBound]))
            input(.tap(column: column, row: y))
            return
        }
        XCTFail("no \"\(label)\" on screen:\n\(frame.grid.text)", file: file, line: line)
    }
}

extension Fixtures {
    /// A running board that watches its database as the kiosk does (live refresh, faults),
    /// starting at monotonic second 1000 so tests can tick it forward.
    public static func watchedProgram(
        databasePath: String, size: TerminalSize = TerminalSize(columns: 80, rows: 24),
        settings: Settings = Settings(),
        desk: DossierDesk? = nil, makeDesk: ((BoardDatabase) -> DossierDesk?)? = nil,
        verifyStaffPin: ((String) -> Bool)? = nil
    ) -> BoardProgram {
        let watch = StoreWatch(path: databasePath) { () throws(StoreError) in
            try BoardDatabase(path: databasePath, readOnly: true)
        }
        var store: BoardDatabase?
        var failure: StoreError?
        do { store = try BoardDatabase(path: databasePath, readOnly: true) } catch { failure = error }
        if let store { watch.attach(store) }
        let work = BoardWork(store: store, watch: watch, desk: desk, makeDesk: makeDesk, verifyStaffPin: verifyStaffPin)
        let program = BoardProgram.embedded(BoardState(size: size, now: now, settings: settings), work: work)
        program.send(.tick(now, monotonic: 1000))
        if let failure { program.send(.storeFailed(failure)) } else { program.start() }
        return program
    }
}

extension BoardProgram {
    /// Ticks the clock forward by `seconds`, one second at a time, as the kiosk's loop does.
    public func advance(seconds: Int) {
        advanceTime(by: Double(seconds))
    }
}

extension Fixtures {
    /// A staff PIN hash for settings whose tests hand the board their own verifier.
    public static let staffPinHash = "$y$j9T$test$notapin"

    /// Settings of a board greeting visitors in `language`.
    public static func settings(_ language: Language) -> Settings {
        var settings = Settings()
        settings.language = language
        return settings
    }
}
