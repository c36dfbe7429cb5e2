import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// A monkey: tens of thousands of random keys, taps, wheel turns, resizes and ticks, with staff
/// imports and a vanishing database mixed in, through the embedded loop and its real store.
/// Seeded, so a failure repeats; bounded in time. After every event the board must be whole.
final class MonkeyTests: XCTestCase {
    static let keys: [Key] =
        [
            .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .backspace,
            .tab, .backTab, .function(1), .function(2), .function(5), .function(12),
            .control("c"), .control("z"), .control("\\"), .control("l"), .control("x"),
            .character(" "), .character("l"), .character("L"), .character("л"), .character("h"),
            .character("x"), .character("я"), .character("中"),
        ]
        + (0...9).map { Key.character(Character(String($0))) }

    func testTwentyThousandRandomEventsLeaveTheBoardWholeOnEveryScreen() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["MONKEY_SEED"].flatMap(UInt64.init) ?? 20261121)
        var random = SplitMix(seed: seed)
        let target = 20_000
        let timeLimit: TimeInterval = 120

        // Two versions of the content that staff alternate between: B lacks a service and
        // changes a fee, so cards and lists change under the monkey.
        let contentA = Fixtures.copyOfContent(self)
        let contentB = Fixtures.copyOfContent(self)
        try FileManager.default.removeItem(atPath: contentB + "/services/2104.json")
        let fee = contentB + "/services/2079.json"
        try String(contentsOfFile: fee, encoding: .utf8).replacingOccurrences(of: "\"fee\": 2.5", with: "\"fee\": 3.5")
            .write(toFile: fee, atomically: true, encoding: .utf8)
        let db = try Fixtures.database(self, content: contentA)

        var settings = Settings()
        settings.staffPinHash = Fixtures.staffPinHash
        // The monkey never knows the PIN.
        let program = Fixtures.watchedProgram(databasePath: db, settings: settings, verifyStaffPin: { _ in false })

        var seen = Set<String>()
        var events = 0, imports = 0, outages = 0
        var useB = false, databaseGone = false
        let started = Date()

        func check(_ what: String) {
            let state = program.state
            let frame = program.render()
            guard frame.grid.width == state.size.columns, frame.grid.height == state.size.rows else {
                return XCTFail(
                    "event \(events) (\(what)): the frame is \(frame.grid.width)×\(frame.grid.height), the terminal "
                        + "\(state.size)"
                )
            }
            if state.screen.isList {
                let count =
                    state.catalogue.map { c -> Int in
                        if case .services(let id) = state.screen { return c.services(in: id).count }
                        return c.categories.count
                    } ?? 0
                XCTAssertTrue(
                    state.place.selected >= 0 && (count == 0 || state.place.selected < count),
                    "event \(events) (\(what)): focus \(state.place.selected) outside a list of \(count)")
            }
            XCTAssertGreaterThanOrEqual(state.place.scroll, 0)
            XCTAssertFalse(
                state.history.contains { $0.screen == .outOfOrder }, "event \(events): out of order in the history")
            if state.screen == .outOfOrder { XCTAssertEqual(state.history, []) }
            if case .service(let number) = state.screen, let card = state.card {
                XCTAssertEqual(card.number, number, "event \(events) (\(what)): a card of another service on screen")
            }
            if state.screen == .attract {
                XCTAssertEqual(state.history, [], "event \(events): the attract screen keeps no visitor")
            }
            let effects = program.takeTerminalEffects()
            XCTAssertFalse(
                effects.contains(.quit) || effects.contains(.staffExit), "event \(events) (\(what)): the monkey got out"
            )

            seen.insert(Self.kind(state.screen))
            if state.size.isTooSmall { seen.insert("too small") }
            if state.session.warningRemaining != nil { seen.insert("idle warning") }
            if state.session.staffPrompt != nil { seen.insert("staff prompt") }
            if state.session.notice != nil { seen.insert("notice") }
        }

        func send(_ event: Event, _ what: String) {
            program.send(event)
            events += 1
            check(what)
        }

        func input(_ input: Input, _ what: String) {
            program.input(input)
            events += 1
            check(what)
        }

        func tick() {
            let clock = (program.state.session.clock ?? 1000) + 1
            send(.tick(Fixtures.now, monotonic: clock), "tick")
        }

        while events < target {
            if Date().timeIntervalSince(started) > timeLimit { break }
            let roll = Int.random(in: 0..<1000, using: &random)
            let size = program.state.size
            switch roll {
            case 0..<540:
                let key = Self.keys.randomElement(using: &random)!
                send(.key(key), "key \(key)")
            case 540..<700:
                input(
                    .tap(
                        column: Int.random(in: 0..<max(1, size.columns), using: &random),
                        row: Int.random(in: 0..<max(1, size.rows), using: &random)), "tap")
            case 700..<730:
                input(.wheel(Bool.random(using: &random) ? 3 : -3), "wheel")
            case 730..<780:
                let tiny = Int.random(in: 0..<4, using: &random) == 0
                let next =
                    tiny
                    ? TerminalSize(
                        columns: Int.random(in: 1...59, using: &random), rows: Int.random(in: 1...17, using: &random))
                    : TerminalSize(
                        columns: Int.random(in: 60...220, using: &random), rows: Int.random(in: 18...70, using: &random)
                    )
                send(.resize(next), "resize \(next.columns)×\(next.rows)")
            case 780..<975:
                tick()
            case 975..<985:
                // The visitor walks away: a minute or two of ticks.
                for _ in 0..<Int.random(in: 20...100, using: &random) { tick() }
            case 985..<991:
                // The monkey finds the staff sequence and guesses a PIN.
                for key in [Key.function(12), .function(12), .function(12)]
                    + (0..<4).map({ _ in Key.character(Character(String(Int.random(in: 0...9, using: &random)))) }) + [
                        .enter
                    ]
                {
                    send(.key(key), "staff \(key)")
                }
            case 991..<997:
                guard !databaseGone else { continue }
                useB.toggle()
                if useB && Bool.random(using: &random) {
                    // Now and then a visitor reads the very card staff are withdrawing.
                    send(.key(.escape), "key escape")
                    send(.action(.home), "home")
                    send(.action(.activate(.services)), "services")
                    if let catalogue = program.state.catalogue,
                        let topic = catalogue.categories.firstIndex(where: { $0.id == "civil" })
                    {
                        send(.action(.open(index: topic)), "open civil")
                        if let card = catalogue.services(in: "civil").firstIndex(where: { $0.number == "2104" }) {
                            send(.action(.open(index: card)), "open 2104")
                        }
                    }
                }
                try ContentImport.run(
                    directory: useB ? contentB : contentA, databasePath: db, timestamp: "2026-11-21 13:00:00")
                imports += 1
                tick()
            default:
                if databaseGone {
                    try ContentImport.run(directory: contentA, databasePath: db, timestamp: "2026-11-21 14:00:00")
                    useB = false
                    databaseGone = false
                } else {
                    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
                    databaseGone = true
                    outages += 1
                }
                tick()
            }
        }
        let elapsed = Date().timeIntervalSince(started)
        print(
            "monkey: \(events) events (seed \(seed)) in \(String(format: "%.1f", elapsed)) s; \(imports) imports, "
                + "\(outages) outages; seen: \(seen.sorted().joined(separator: ", "))"
        )
        XCTAssertGreaterThanOrEqual(events, target, "the monkey ran out of time after \(events) events")

        let expected: Set<String> = [
            "attract", "home", "categories", "services", "service", "contacts", "charter", "complaints",
            "search", "dossier", "survey", "out of order", "too small", "idle warning", "staff prompt", "notice",
        ]
        XCTAssertTrue(expected.isSubset(of: seen), "screens never reached: \(expected.subtracting(seen).sorted())")

        // Alive and consistent: put the database back, and the board works as on day one.
        if databaseGone {
            try ContentImport.run(directory: contentA, databasePath: db, timestamp: "2026-11-21 15:00:00")
        }
        program.send(.resize(TerminalSize(columns: 80, rows: 24)))
        for _ in 0..<200 { tick() }
        XCTAssertEqual(program.state.screen, .attract, "left alone it returns to the attract screen")
        program.press(.enter, .character(Character(String(HomeItem.contacts.rawValue + 1))))
        XCTAssertTrue(program.screenText.contains("073 88 44 30"), program.screenText)
    }

    static func kind(_ screen: Screen) -> String {
        if case .page(let kind) = screen { return kind.rawValue }
        if case .services = screen { return "services" }
        if case .service = screen { return "service" }
        if case .unavailable = screen { return "coming soon" }
        if case .survey = screen { return "survey" }
        if screen == .surveyConfirm || screen == .surveyThanks { return "survey" }
        if screen == .search { return "search" }
        if screen == .dossierLookup || screen == .dossierResult { return "dossier" }
        let names: [Screen: String] = [
            .attract: "attract", .home: "home", .categories: "categories", .contacts: "contacts",
            .outOfOrder: "out of order",
        ]
        return names[screen] ?? "\(screen)"
    }
}
