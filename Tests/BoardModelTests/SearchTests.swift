import BoardCore
import BoardView
import BoardStore
import BoardRuntime
import BoardTestSupport
import Foundation
import XCTest

/// Search over the demo content: what a visitor types, and what must come first.
final class SearchTests: XCTestCase {
    /// (query, expected top result: a register number, or "category:ID" where several services
    /// of one topic answer equally well).
    static let table: [(String, String)] = [
        // Cyrillic, any case
        ("скица", "2015"), ("Скица", "2015"), ("СКИЦА", "2015"), ("скиц", "2015"),
        ("наследници", "2079"), ("наследство", "2079"), ("наслёдници", "2079"),
        ("удостоверение за раждане", "2069"), ("брак", "2082"), ("акт за смърт", "2086"),
        ("семейно положение", "2074"), ("женен", "2074"), ("удостоверение за постоянен адрес", "2106"),
        ("виза", "2011"), ("разрешение за строеж", "2025"), ("търпимост", "2030"), ("акт 16", "2035"),
        ("въвеждане в експлоатация", "2035"), ("данъчна оценка", "2380"), ("липса на задължения", "2384"),
        ("смет", "2394"), ("патент", "2396"), ("дарение", "2398"), ("наем терен", "2466"),
        ("сергия", "2600"), ("ресторант", "2605"), ("работно време", "2615"), ("туристически данък", "2620"),
        ("реклама", "2625"), ("телк", "2700"), ("детска градина", "2705"), ("помощ", "2710"),
        ("автобус", "2720"), ("дърво", "2800"), ("куче", "2805"), ("стари мебели", "2815"), ("сметище", "2820"),
        // synonyms staff added
        ("кола", "2392"), ("данък кола", "2392"), ("мпс", "2392"), ("грао", "category:civil"),
        // Latin for Bulgarian: official transliteration and phonetic typing
        ("skitsa", "2015"), ("skica", "2015"), ("SKITSA", "2015"), ("danak kola", "2392"), ("grao", "category:civil"),
        ("udostoverenie za nasledstvo", "2079"), ("naslednitsi", "2079"), ("naslednici", "2079"),
        ("razhdane", "2069"), ("smart", "2086"), ("detska gradina", "2705"), ("patronazh", "2715"), ("tbo", "2394"),
        ("ku4e", "2805"), ("Udostoverenie NASLEDNICI", "2079"),
        // English names and words
        ("heirs", "2079"), ("Heirs", "2079"), ("birth", "2069"), ("dog", "2805"), ("car tax", "2392"),
        ("airbnb", "2610"),
        // register numbers
        ("2079", "2079"), ("2392", "2392"), ("280", "2800"),
        // inside a compound word
        ("габарит", "2815"),
    ]

    /// The demo content's index, built once for all the tests here.
    /// Built the way the kiosk builds it: streamed from the store.
    static let demo: (index: SearchIndex, categories: [String: String], path: String) = {
        let path = NSTemporaryDirectory() + "kiosk-search-\(UUID().uuidString).db"
        try! ContentImport.run(directory: Fixtures.demoContent, databasePath: path, timestamp: "t")
        let store = try! BoardDatabase(path: path, readOnly: true)
        var categories: [String: String] = [:]
        for list in try! store.loadCatalogue().services.values { for s in list { categories[s.number] = s.category } }
        return (try! store.loadSearchIndex(), categories, path)
    }()
    static var index: SearchIndex { demo.index }
    static var categories: [String: String] { demo.categories }

    func testTheQueryTable() {
        XCTAssertGreaterThanOrEqual(Self.table.count, 40)
        var passed = 0
        for (query, expected) in Self.table {
            let hits = Self.index.search(query)
            guard let top = hits.first else {
                XCTFail("\"\(query)\": nothing found, expected \(expected)")
                continue
            }
            let ok =
                expected.hasPrefix("category:")
                ? Self.categories[top.number] == String(expected.dropFirst(9)) : top.number == expected
            if ok {
                passed += 1
            } else {
                XCTFail("\"\(query)\": top is \(hits.prefix(3).map(\.number)), expected \(expected)")
            }
        }
        print("search query table: \(passed) of \(Self.table.count) passed")
    }

    func testTheStreamedIndexFollowsTheCatalogueOrderAndFindsWhatAWholeBuildFinds() throws {
        let store = try BoardDatabase(path: Self.demo.path, readOnly: true)
        let catalogue = try store.loadCatalogue()
        let inCatalogueOrder = catalogue.categories.flatMap { catalogue.services(in: $0.id).map(\.number) }
        let documents = try store.loadSearchDocuments()
        XCTAssertEqual(
            documents.map(\.number), inCatalogueOrder, "equal scores keep the order a visitor sees in the lists")
        let whole = SearchIndex(documents: documents)
        for query in Self.table.map(\.0) + ["удостоверение", "такса", "a", "заявление"] {
            XCTAssertEqual(Self.index.search(query), whole.search(query), query)
        }
        XCTAssertGreaterThan(
            Self.index.search("удостоверение").count, 10,
            "a common word finds many services: \(Self.index.search("удостоверение").count)")
    }

    /// A board database from before search had its own texts gets them from its cards when staff
    /// next open it, and then finds just what a fresh import finds.
    func testAnOlderDatabaseGetsItsSearchTextsFromTheStoredCards() throws {
        let path = try Fixtures.database(self)
        let old = try SQLiteConnection(path: path, readOnly: false)
        try old.execute("DROP TABLE search_texts; PRAGMA user_version = 4")
        XCTAssertThrowsError(
            try BoardDatabase(path: path, readOnly: true), "a board refuses the older schema until staff upgrade it")
        _ = try BoardDatabase(path: path, readOnly: false)
        let upgraded = try BoardDatabase(path: path, readOnly: true).loadSearchIndex()
        for query in Self.table.map(\.0) + ["удостоверение", "такса", "заявление"] {
            XCTAssertEqual(upgraded.search(query), Self.index.search(query), query)
        }
        XCTAssertFalse(upgraded.search("мпс").isEmpty, "the keywords staff added came over from the cards")
    }

    func testNonsenseFindsNothing() {
        XCTAssertTrue(Self.index.search("жираф").isEmpty)
        XCTAssertTrue(Self.index.search("скица жираф").isEmpty, "every word must match")
        XCTAssertTrue(Self.index.search("   ").isEmpty)
    }

    // MARK: ranking rules, on a small index

    func index(_ docs: [(String, String, String)]) -> SearchIndex {
        SearchIndex(
            documents: docs.map { SearchDocument(number: $0.0, names: [$0.1], keywords: [], descriptions: [$0.2]) })
    }

    func testNameMatchesRankAboveDescriptionMatches() {
        let i = index([
            ("1", "Разрешение за сеч", "Нужна е скица на имота."), ("2", "Скица на имот", "Издава се до 3 дни."),
        ])
        XCTAssertEqual(i.search("скица").map(\.number), ["2", "1"])
    }

    func testWholeWordsRankAboveBeginningsAndBeginningsAboveFragments() {
        let i = index([("1", "Автоскица", ""), ("2", "Скицата на имота", ""), ("3", "Скица на имот", "")])
        XCTAssertEqual(i.search("скица").map(\.number), ["3", "2", "1"])
    }

    func testEqualScoresKeepCatalogueOrder() {
        let i = index([("9", "Такса куче", ""), ("1", "Такса смет", ""), ("5", "Такса паркиране", "")])
        XCTAssertEqual(i.search("такса").map(\.number), ["9", "1", "5"])
        XCTAssertEqual(i.search("такса").map(\.number), i.search("ТАКСА").map(\.number), "repeatable")
    }

    func testStopWordsDoNotNarrow() {
        let i = index([("1", "Удостоверение наследници", "")])
        XCTAssertEqual(i.search("удостоверение за наследници").map(\.number), ["1"])
        XCTAssertEqual(i.search("за").map(\.number), [], "a little word alone is still a word")
    }

    // MARK: the canonical form

    func canonical(_ s: String) -> [String] { SearchText.words(s).map(\.text) }

    func testTransliterationMeetsCyrillic() {
        XCTAssertEqual(canonical("Щастие, живот; цар — чай!"), canonical("shtastie zhivot tsar chay"))
        XCTAssertEqual(canonical("щастие"), canonical("6tastie"))
        XCTAssertEqual(canonical("юли яке"), canonical("yuli yake"))
        XCTAssertEqual(canonical("юли яке"), canonical("iuli iake"))
        XCTAssertEqual(canonical("ёлха"), canonical("елха"))
        XCTAssertEqual(canonical("ГРАО"), ["grao"])
        XCTAssertEqual(canonical("данък"), canonical("danak"))
    }

    func testHighlightsFollowTheOriginalText() {
        let name = "Издаване на скица на поземлен имот"
        let ranges = SearchIndex.highlights(of: "skits", in: name)
        XCTAssertEqual(ranges.count, 1)
        let scalars = Array(name.unicodeScalars)
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
        XCTAssertEqual(text(ranges[0]), "скиц")
        let whole = SearchIndex.highlights(of: "имот скица", in: name).map(text)
        XCTAssertEqual(whole, ["скица", "имот"])
    }
}
