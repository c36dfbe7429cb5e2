#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The files of a content directory, as the reader needs them: the store reads them from disk,
/// tests may hand them in from memory.
public protocol ContentFiles {
    /// What the content is called in messages (the directory's path).
    var name: String { get }
    /// Whether the content exists at all (the directory is there and is a directory).
    var exists: Bool { get }
    /// The names of the entries of a folder of the content ("" is its top), sorted; empty when
    /// there is no such folder.
    func names(in folder: String) -> [String]
    /// The bytes of a file of the content.
    func read(_ relative: String) -> ContentFileRead
}

/// What reading one file of the content gave.
public enum ContentFileRead {
    case bytes(Data)
    case missing
    /// The file is there but cannot be used, and why (unreadable, not a regular file, too large).
    case refused(String)
}

/// Reads a content directory and validates all of it before anything is written anywhere.
public enum ContentReader {
    /// Reads and validates `files`; throws every issue found, named by file and field.
    public static func read(_ files: some ContentFiles) throws(ContentValidationError) -> ContentSet {
        let log = IssueLog()
        var hasher = Checksum()
        guard files.exists else {
            throw ContentValidationError(issues: [
                ContentIssue(
                    file: files.name, field: "",
                    message: "not a content directory (it does not exist or is not a directory)")
            ])
        }

        func load(_ relative: String, required: Bool = true) -> Data? {
            switch files.read(relative) {
            case .missing:
                if required { log.add(relative, "", "missing file") }
                return nil
            case .refused(let why):
                log.add(relative, "", why)
                return nil
            case .bytes(let data):
                hasher.add(relative)
                hasher.add(data)
                return data
            }
        }

        func json(_ relative: String, required: Bool = true) -> ContentNode? {
            guard let data = load(relative, required: required) else { return nil }
            do {
                let value = try JSONValue.parse(data)
                return ContentNode(value: value, file: relative, path: "", log: log)
            } catch {
                log.add(relative, "", error.message)
                return nil
            }
        }

        let municipality = json("municipality.json").flatMap(readMunicipality)
        let categories = json("categories.json").map(readCategories) ?? []
        let categoryIDs = Set(categories.map(\.id))

        var services: [Service] = []
        var seenNumbers: [String: String] = [:]
        let serviceFiles = files.names(in: "services").filter { $0.hasSuffix(".json") }
        if serviceFiles.isEmpty {
            log.add("services/", "", "no service files (services/*.json)")
        }
        for name in serviceFiles {
            let relative = "services/" + name
            guard let node = json(relative), let service = readService(node, categories: categoryIDs) else { continue }
            if let other = seenNumbers[service.number] {
                log.add(relative, "number", "duplicate register number \(service.number), also in \(other)")
                continue
            }
            seenNumbers[service.number] = relative
            services.append(service)
        }

        var pages: [PageKind: [Language: String]] = [:]
        for kind in PageKind.allCases {
            for language in Language.allCases {
                let relative = "pages/\(kind.rawValue).\(language.rawValue).txt"
                guard let data = load(relative, required: language == .bg) else { continue }
                guard let text = String(validating: data, as: UTF8.self) else {
                    log.add(relative, "", "is not UTF-8 text")
                    continue
                }
                if text.trimmingCharacters(in: .whitespaces).isEmpty {
                    log.add(relative, "", "is empty")
                    continue
                }
                pages[kind, default: [:]][language] = text
            }
        }
        let knownPages = Set(
            PageKind.allCases.flatMap { k in Language.allCases.map { "\(k.rawValue).\($0.rawValue).txt" } })
        for name in files.names(in: "pages") where !knownPages.contains(name) {
            log.add("pages/" + name, "", "unknown page (expected: \(knownPages.sorted().joined(separator: ", ")))")
        }

        let announcements = json("announcements.json").map(readAnnouncements) ?? []
        let survey = json("survey.json", required: false).flatMap { readSurvey($0, categories: categories) }

        guard log.issues.isEmpty, let municipality else {
            throw ContentValidationError(issues: log.issues)
        }
        return ContentSet(
            municipality: municipality, categories: categories, services: services,
            pages: pages, announcements: announcements, survey: survey, checksum: hasher.hex)
    }

    package static func readMunicipality(_ node: ContentNode) -> Municipality? {
        guard
            let o = node.object(allowed: ["name", "centre", "address", "phones", "helpdesk", "email", "web", "hours"])
        else { return nil }
        let name = o.required("name")?.text()
        let centre = o.required("centre")?.text()
        let address = o.required("address")?.text()
        var phones: [Municipality.Phone] = []
        if let list = o.required("phones")?.array() {
            if list.isEmpty { o.required("phones")?.fail("must list at least one phone") }
            for item in list {
                guard let p = item.object(allowed: ["label", "number"]) else { continue }
                if let label = p.required("label")?.text(), let number = p.required("number")?.string() {
                    phones.append(.init(label: label, number: number))
                }
            }
        }
        var hours: [Municipality.OpeningHours] = []
        if let list = o.required("hours")?.array() {
            if list.isEmpty { o.required("hours")?.fail("must list at least one entry") }
            for item in list {
                guard let h = item.object(allowed: ["days", "time"]) else { continue }
                if let days = h.required("days")?.text(), let time = h.required("time")?.string() {
                    hours.append(.init(days: days, time: time))
                }
            }
        }
        let helpdesk = o.optional("helpdesk")?.string()
        let email = o.optional("email")?.string()
        let web = o.optional("web")?.string()
        guard let name, let centre, let address else { return nil }
        return Municipality(
            name: name, centre: centre, address: address, phones: phones,
            helpdesk: helpdesk, email: email, web: web, hours: hours)
    }

    package static func readCategories(_ node: ContentNode) -> [Category] {
        guard let list = node.array() else { return [] }
        if list.isEmpty { node.fail("must list at least one category") }
        var result: [Category] = []
        var seen = Set<String>()
        for item in list {
            guard let o = item.object(allowed: ["id", "name", "description"]) else { continue }
            let idNode = o.required("id")
            let id = idNode?.string()
            let name = o.required("name")?.text()
            let description = o.optional("description")?.text()
            guard let id, let name, let idNode else { continue }
            guard id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
            else {
                idNode.fail("must use only a-z, 0-9 and -, found \"\(SafeText.clean(id))\"")
                continue
            }
            guard seen.insert(id).inserted else {
                idNode.fail("duplicate category id \"\(id)\"")
                continue
            }
            result.append(Category(id: id, name: name, description: description))
        }
        return result
    }

    package static let serviceKeys: Set<String> = [
        "number", "category", "name", "description", "legal_basis", "documents",
        "tiers", "unit", "channels", "stages", "result", "validity", "keywords",
    ]

    package static func readService(_ node: ContentNode, categories: Set<String>) -> Service? {
        guard let o = node.object(allowed: serviceKeys) else { return nil }
        var ok = true
        let numberNode = o.required("number")
        var number = numberNode?.string()
        if let n = number, !n.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) {
            numberNode?.fail("must be digits only, found \"\(SafeText.clean(n))\"")
            number = nil
        }
        let categoryNode = o.required("category")
        var category = categoryNode?.string()
        if let c = category, !categories.contains(c) {
            categoryNode?.fail("unknown category \"\(SafeText.clean(c))\" (not in categories.json)")
            category = nil
        }
        let name = o.required("name")?.text()
        let description = o.required("description")?.text()
        let legal = o.required("legal_basis")?.text()
        let unit = o.required("unit")?.text()
        let result = o.required("result")?.text()
        let validity = o.optional("validity")?.text()

        var documents: [Service.Document] = []
        if let list = o.required("documents")?.array() {
            for item in list {
                guard let d = item.object(allowed: ["name", "required", "form"]) else { ok = false; continue }
                let dname = d.required("name")?.text()
                let required = d.required("required")?.bool()
                let form = d.optional("form")?.text()
                if let dname, let required {
                    documents.append(.init(name: dname, required: required, form: form))
                } else {
                    ok = false
                }
            }
        } else {
            ok = false
        }

        var tiers: [TierOffer] = []
        if let tiersNode = o.required("tiers"), let list = tiersNode.array() {
            if list.isEmpty { tiersNode.fail("must offer at least one tier"); ok = false }
            var seen = Set<Tier>()
            for item in list {
                guard let t = item.object(allowed: ["tier", "fee", "days", "note"]) else { ok = false; continue }
                let tierNode = t.required("tier")
                var tier: Tier?
                if let raw = tierNode?.string() {
                    tier = Tier(rawValue: raw)
                    if tier == nil {
                        tierNode?.fail("unknown tier \"\(SafeText.clean(raw))\" (allowed: ordinary, fast, express)")
                    } else if !seen.insert(tier!).inserted {
                        tierNode?.fail("tier \"\(raw)\" is listed twice"); tier = nil
                    }
                }
                let fee = t.required("fee")?.euroCents()
                let days = t.required("days")?.integer(minimum: 0)
                let note = t.optional("note")?.text()
                if let tier, let fee, let days {
                    tiers.append(TierOffer(tier: tier, feeCents: fee, days: days, note: note))
                } else {
                    ok = false
                }
            }
        } else {
            ok = false
        }

        var channels: [Service.Channel] = []
        if let channelsNode = o.required("channels"), let list = channelsNode.array() {
            if list.isEmpty { channelsNode.fail("must list at least one channel"); ok = false }
            for item in list {
                guard let c = item.object(allowed: ["kind", "details", "url"]) else { ok = false; continue }
                let kindNode = c.required("kind")
                var kind: Service.Channel.Kind?
                if let raw = kindNode?.string() {
                    kind = Service.Channel.Kind(rawValue: raw)
                    if kind == nil {
                        kindNode?.fail(
                            "unknown channel \"\(SafeText.clean(raw))\" (allowed: counter, post, email, online)")
                    }
                }
                let details = c.optional("details")?.text()
                let urlNode = c.optional("url")
                let url = urlNode?.string()
                if let kind {
                    if kind == .online && url == nil && urlNode == nil {
                        item.log.add(
                            item.file, "\(item.path).url",
                            "missing required field (an online channel needs its address)")
                        ok = false
                    } else if let url, kind == .online, !url.hasPrefix("https://") {
                        urlNode?.fail("must start with https://, found \"\(SafeText.clean(url))\"")
                        ok = false
                    } else if url != nil, kind == .counter || kind == .post {
                        urlNode?.fail("only online and email channels have an address")
                        ok = false
                    } else {
                        channels.append(.init(kind: kind, details: details, url: url))
                    }
                } else {
                    ok = false
                }
            }
        } else {
            ok = false
        }

        var stages: [LocalizedText] = []
        if let stagesNode = o.required("stages"), let list = stagesNode.array() {
            if list.isEmpty { stagesNode.fail("must list at least one stage"); ok = false }
            for item in list {
                if let t = item.text() { stages.append(t) } else { ok = false }
            }
        } else {
            ok = false
        }

        var keywordsBG: [String] = [], keywordsEN: [String] = []
        if let k = o.optional("keywords")?.object(allowed: ["bg", "en"]) {
            for (key, target) in [("bg", 0), ("en", 1)] {
                guard let list = k.optional(key)?.array() else { continue }
                let words = list.compactMap { $0.string() }
                if target == 0 { keywordsBG = words } else { keywordsEN = words }
            }
        }

        guard ok, let number, let category, let name, let description, let legal, let unit, let result else {
            return nil
        }
        return Service(
            number: number, category: category, name: name, description: description, legalBasis: legal,
            documents: documents, tiers: tiers.sorted { $0.tier < $1.tier }, unit: unit, channels: channels,
            stages: stages, result: result, validity: validity, keywordsBG: keywordsBG, keywordsEN: keywordsEN)
    }

    /// survey.json: `{"title": text, "questions": [{"id", "kind", "text", "options"}]}`; a choice's
    /// options are a list of `{"id", "text"}` or "categories" (the service categories, plus "other").
    package static func readSurvey(_ node: ContentNode, categories: [Category]) -> SurveyDefinition? {
        guard let o = node.object(allowed: ["title", "questions"]) else { return nil }
        let title = o.required("title")?.text()
        guard let questionsNode = o.required("questions"), let list = questionsNode.array() else { return nil }
        if list.isEmpty || list.count > 10 {
            questionsNode.fail("must hold 1 to 10 questions (a card takes under a minute), found \(list.count)")
        }
        var questions: [SurveyDefinition.Question] = []
        var ids = Set<String>()
        var ok = true
        for item in list {
            guard let q = item.object(allowed: ["id", "kind", "text", "options"]) else { ok = false; continue }
            let idNode = q.required("id")
            let id = idNode?.string()
            let kindNode = q.required("kind")
            var kind: SurveyDefinition.Kind?
            if let raw = kindNode?.string() {
                kind = SurveyDefinition.Kind(rawValue: raw)
                if kind == nil {
                    kindNode?.fail("unknown question kind \"\(raw)\" (allowed: faces, scale, choice, comment)")
                }
            }
            let text = q.required("text")?.text()
            var options: [SurveyDefinition.Option] = []
            if let id, !ids.insert(id).inserted { idNode?.fail("duplicate question id \"\(id)\""); ok = false }
            if kind == .choice {
                if let optionsNode = q.required("options") {
                    if case .string("categories") = optionsNode.value {
                        options =
                            categories.map { .init(id: $0.id, text: $0.name) } + [
                                .init(id: "other", text: LocalizedText(bg: "Друго", en: "Other"))
                            ]
                    } else if let optionList = optionsNode.array() {
                        if optionList.count < 2 || optionList.count > 12 {
                            optionsNode.fail("must offer 2 to 12 options, found \(optionList.count)"); ok = false
                        }
                        for optionItem in optionList {
                            guard let op = optionItem.object(allowed: ["id", "text"]),
                                let oid = op.required("id")?.string(), let otext = op.required("text")?.text()
                            else { ok = false; continue }
                            options.append(.init(id: oid, text: otext))
                        }
                    } else {
                        ok = false
                    }
                } else {
                    ok = false
                }
            } else if let optionsNode = q.optional("options") {
                optionsNode.fail("only choice questions have options")
                ok = false
            }
            if let id, let kind, let text {
                questions.append(.init(id: id, kind: kind, text: text, options: options))
            } else {
                ok = false
            }
        }
        guard ok, let title, !questions.isEmpty else { return nil }
        return SurveyDefinition(title: title, questions: questions)
    }

    package static func readAnnouncements(_ node: ContentNode) -> [Announcement] {
        guard let list = node.array() else { return [] }
        var result: [Announcement] = []
        for item in list {
            guard let o = item.object(allowed: ["text", "from", "until", "urgent"]) else { continue }
            let text = o.required("text")?.text()
            let fromNode = o.optional("from"), untilNode = o.optional("until")
            let from = fromNode?.date(), until = untilNode?.date()
            let urgent = o.optional("urgent")?.bool() ?? false
            if (fromNode != nil && from == nil) || (untilNode != nil && until == nil) { continue }
            if let from, let until, until < from {
                untilNode?.fail("must not be before from (\(from.iso))")
                continue
            }
            if let text { result.append(Announcement(text: text, from: from, until: until, urgent: urgent)) }
        }
        return result
    }
}

/// FNV-1a, 64 bits: enough to tell one content set from another (not a security measure).
package struct Checksum {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    package mutating func add(_ data: Data) {
        for byte in data {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01b3
        }
    }

    package mutating func add(_ string: String) {
        add(Data(string.utf8))
        add(Data([0]))
    }

    package var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
