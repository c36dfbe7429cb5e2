import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What one content import wrote, as `kiosk status` reports it.
public struct ImportRecord: Sendable, Hashable {
    public var at: String
    public var source: String
    public var checksum: String
    public var services: Int
    public var categories: Int
    public var announcements: Int
}

extension BoardDatabase {
    /// Replaces all content with `content` in one transaction: readers see the old content or the
    /// new, never a mix, and a failure (or a kill) leaves the old content whole.
    /// `midway` runs inside the transaction, after the services are written (tests kill the
    /// process there to prove the old content survives).
    public func replaceContent(
        with content: ContentSet, source: String, at timestamp: String,
        midway: (() -> Void)? = nil
    ) throws(StoreError) {
        try wrap {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try db.transaction {
                try db.execute(
                    "DELETE FROM search_texts; DELETE FROM services; DELETE FROM categories; DELETE FROM pages; "
                        + "DELETE FROM announcements; DELETE FROM municipality; DELETE FROM survey"
                )
                if let survey = content.survey {
                    try db.prepare("INSERT INTO survey (id, json) VALUES (1, ?)").bind(
                        .text(String(decoding: try encoder.encode(survey), as: UTF8.self))
                    ).run()
                }
                let municipalityJSON = String(decoding: try encoder.encode(content.municipality), as: UTF8.self)
                try db.prepare("INSERT INTO municipality (id, json) VALUES (1, ?)").bind(.text(municipalityJSON)).run()

                let category = try db.prepare("INSERT INTO categories VALUES (?, ?, ?, ?, ?, ?)")
                for (index, c) in content.categories.enumerated() {
                    try category.bind(
                        .text(c.id), .int(index), .text(c.name.bg), c.name.en.map(SQLiteValue.text),
                        c.description.map { .text($0.bg) }, c.description?.en.map(SQLiteValue.text)
                    ).run()
                }

                let service = try db.prepare("INSERT INTO services VALUES (?, ?, ?, ?, ?, ?, ?)")
                let search = try db.prepare("INSERT INTO search_texts VALUES (?, ?, ?, ?, ?)")
                func joined(_ words: [String]) -> SQLiteValue? {
                    words.isEmpty ? nil : .text(words.joined(separator: " | "))
                }
                for s in content.services {
                    let card = String(decoding: try encoder.encode(s), as: UTF8.self)
                    let summary = s.summary
                    try service.bind(
                        .text(s.number), .text(s.category), .text(s.name.bg), s.name.en.map(SQLiteValue.text),
                        .int(summary.cheapest), .int(summary.fastestDays), .text(card)
                    ).run()
                    try search.bind(
                        .text(s.number), joined(s.keywordsBG), joined(s.keywordsEN), .text(s.description.bg),
                        s.description.en.map(SQLiteValue.text)
                    ).run()
                }

                midway?()
                let page = try db.prepare("INSERT INTO pages VALUES (?, ?, ?)")
                for (kind, texts) in content.pages {
                    for (language, body) in texts {
                        try page.bind(.text(kind.rawValue), .text(language.rawValue), .text(body)).run()
                    }
                }

                let announcement = try db.prepare(
                    "INSERT INTO announcements (text_bg, text_en, valid_from, valid_until, urgent) VALUES (?, ?, ?, "
                        + "?, ?)"
                )
                for a in content.announcements {
                    try announcement.bind(
                        .text(a.text.bg), a.text.en.map(SQLiteValue.text), a.from.map { .text($0.iso) },
                        a.until.map { .text($0.iso) }, .int(a.urgent ? 1 : 0)
                    ).run()
                }

                try db.prepare(
                    "INSERT INTO imports (at, source, checksum, services, categories, announcements) VALUES (?, ?, "
                        + "?, ?, ?, ?)"
                )
                .bind(
                    .text(timestamp), .text(source), .text(content.checksum), .int(content.services.count),
                    .int(content.categories.count), .int(content.announcements.count)
                ).run()
            }
        }
    }

    /// Everything a kiosk keeps in memory, read in one read transaction; without `services`, all
    /// but the service summaries (what the attract screen needs, at a fraction of the time).
    public func loadCatalogue(services withServices: Bool = true) throws(StoreError) -> Catalogue {
        try wrap {
            try db.execute("BEGIN")
            defer { try? db.execute("COMMIT") }

            let m = try db.prepare("SELECT json FROM municipality WHERE id = 1")
            guard try m.step(), let json = m.text(0) else { throw StoreError.empty(path: path) }
            let municipality = try JSONDecoder().decode(Municipality.self, from: Data(json.utf8))

            var categories: [Category] = []
            let c = try db.prepare(
                "SELECT id, name_bg, name_en, description_bg, description_en FROM categories ORDER BY position")
            while try c.step() {
                let description = c.text(3).map { LocalizedText(bg: $0, en: c.text(4)) }
                categories.append(
                    Category(
                        id: c.text(0) ?? "", name: LocalizedText(bg: c.text(1) ?? "", en: c.text(2)),
                        description: description))
            }

            var services: [String: [ServiceSummary]] = [:]
            if withServices {
                let s = try db.prepare(
                    "SELECT number, category, name_bg, name_en, cheapest_cents, fastest_days FROM services ORDER BY "
                        + "category, name_bg, number"
                )
                while try s.step() {
                    let summary = ServiceSummary(
                        number: s.text(0) ?? "", category: s.text(1) ?? "",
                        name: LocalizedText(bg: s.text(2) ?? "", en: s.text(3)),
                        cheapest: s.int(4), fastestDays: s.int(5))
                    services[summary.category, default: []].append(summary)
                }
            }

            var pages: [PageKind: [Language: Page]] = [:]
            let p = try db.prepare("SELECT name, language, body FROM pages")
            while try p.step() {
                guard let kind = PageKind(rawValue: p.text(0) ?? ""), let language = Language(rawValue: p.text(1) ?? "")
                else { continue }
                pages[kind, default: [:]][language] = Page(parsing: p.text(2) ?? "")
            }

            var announcements: [Announcement] = []
            let a = try db.prepare(
                "SELECT text_bg, text_en, valid_from, valid_until, urgent FROM announcements ORDER BY id")
            while try a.step() {
                announcements.append(
                    Announcement(
                        text: LocalizedText(bg: a.text(0) ?? "", en: a.text(1)),
                        from: a.text(2).flatMap(CalendarDate.init(iso:)),
                        until: a.text(3).flatMap(CalendarDate.init(iso:)),
                        urgent: a.int(4) != 0))
            }
            var catalogue = Catalogue(
                municipality: municipality, categories: categories, services: services,
                pages: pages, announcements: announcements)
            let survey = try db.prepare("SELECT json FROM survey WHERE id = 1")
            if try survey.step(), let json = survey.text(0) {
                catalogue.survey = try JSONDecoder().decode(SurveyDefinition.self, from: Data(json.utf8))
            }
            let published = try db.prepare("SELECT json FROM published_results ORDER BY id DESC LIMIT 1")
            if try published.step(), let json = published.text(0) {
                catalogue.results = try JSONDecoder().decode(SurveyReport.self, from: Data(json.utf8))
            }
            return catalogue
        }
    }

    /// One service's full card, or nil when no service has that number.
    public func loadService(number: String) throws(StoreError) -> Service? {
        try wrap {
            let s = try db.prepare("SELECT card FROM services WHERE number = ?")
            s.bind(.text(number))
            guard try s.step(), let card = s.text(0) else { return nil }
            return try JSONDecoder().decode(Service.self, from: Data(card.utf8))
        }
    }

    /// The most recent import, if any.
    public func lastImport() throws(StoreError) -> ImportRecord? {
        try wrap {
            let s = try db.prepare(
                "SELECT at, source, checksum, services, categories, announcements FROM imports ORDER BY id DESC LIMIT 1"
            )
            guard try s.step() else { return nil }
            return ImportRecord(
                at: s.text(0) ?? "", source: s.text(1) ?? "", checksum: s.text(2) ?? "",
                services: s.int(3), categories: s.int(4), announcements: s.int(5))
        }
    }

    /// SQLite's quick integrity check: "ok" or the first problems found.
    public func quickCheck() throws(StoreError) -> String {
        try wrap {
            let s = try db.prepare("PRAGMA quick_check")
            var lines: [String] = []
            while try s.step() { lines.append(s.text(0) ?? "") }
            return lines.joined(separator: "; ")
        }
    }
}
