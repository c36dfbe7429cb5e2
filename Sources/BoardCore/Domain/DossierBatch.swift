#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A registry export of dossiers as JSON lines, one dossier per line, read by the rules a
/// registration at the counter follows:
/// `{"number": "2026-000017", "code": "K7AH2-M9XE3", "service": "2079", "tier": "ordinary",
///   "filed": "2026-11-02", "history": [{"date": "2026-11-02", "status": "registered", "unit": "…"}]}`
/// (`code_hash` instead of `code` when the registry keeps only a crypt hash; `deadline` when it
/// computed one; `history` defaults to one `registered` entry). Fields naming people are refused.
///
/// Every line is checked and every problem named by line and field before anything can be
/// written. What needs the board database (does the service exist, is the number taken) is asked
/// through the two lookups; hashing the codes is the store's.
public struct DossierBatch: Sendable {
    /// How an access code arrives.
    public enum Secret: Sendable, Hashable {
        /// The canonical code, to be hashed before it is stored.
        case code(String)
        /// A crypt(3) hash made by the registry.
        case hash(String)
    }

    /// One dossier that passed every rule.
    public struct Entry: Sendable, Hashable {
        public var line: Int
        public var number: String
        public var secret: Secret
        public var service: Service
        public var tier: Tier
        public var filed: CalendarDate
        public var deadline: CalendarDate
        public var history: [DossierEvent]
    }

    public var entries: [Entry] = []
    /// "line 3: service: no service has the number \"9999\"", one per problem.
    public var errors: [String] = []

    public static let fields: Set<String> = [
        "number", "code", "code_hash", "service", "tier", "filed", "deadline",
        "history",
    ]

    /// Reads `data` as of `today`. `service` finds a service by its number; `isTaken` says
    /// whether a dossier with the number key (`DossierNumberPattern.key`) already exists.
    public static func read(
        _ data: Data, today: CalendarDate, calendar: HolidayCalendar,
        service findService: (String) -> Service?, isTaken: (String) -> Bool
    ) -> DossierBatch {
        var batch = DossierBatch()
        var seen: [String: Int] = [:]
        var services: [String: Service?] = [:]
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, bytes) in lines.enumerated() {
            let lineNumber = index + 1
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let log = IssueLog()
            let value: JSONValue
            do { value = try JSONValue.parse(Data(bytes)) } catch {
                batch.errors.append("line \(lineNumber): \(SafeText.clean(error.message))")
                continue
            }
            let node = ContentNode(value: value, file: "line \(lineNumber)", path: "", log: log)
            guard let o = node.object(allowed: fields) else {
                batch.errors += log.issues.map(\.description)
                continue
            }
            let number = readNumber(o, line: lineNumber, seen: &seen, isTaken: isTaken)
            let secret = readSecret(o, node: node)
            var service: Service?
            if let s = o.required("service")?.string() {
                if services[s] == nil { services[s] = .some(findService(s)) }
                service = services[s] ?? nil
                if service == nil { o.required("service")?.fail("no service has the number \"\(SafeText.clean(s))\"") }
            }
            var tier = Tier.ordinary
            if let t = o.optional("tier"), let text = t.string() {
                if let parsed = Tier(rawValue: text) {
                    tier = parsed
                } else {
                    t.fail("must be ordinary, fast or express, found \"\(SafeText.clean(text))\"")
                }
            }
            var offer: TierOffer?
            if let service {
                do { offer = try DossierRules.offer(of: service, tier: tier) } catch { node.fail(error.description) }
            }
            let filed = o.required("filed")?.date()
            if let filed, let future = DossierRules.refusal(ofFuture: filed, today: today) {
                o.required("filed")?.fail(future.description)
            }
            var deadline: CalendarDate?
            if let given = o.optional("deadline") {
                deadline = given.date()
                if let d = deadline, let filed, d < filed {
                    given.fail(DossierRefusal.beforeFiling(d, filed: filed).description)
                }
            } else if let filed, let offer {
                do { deadline = try DossierRules.deadline(filed: filed, days: offer.days, calendar: calendar) } catch {
                    node.fail(error.description)
                }
            }
            let history = readHistory(o, filed: filed, today: today)
            if history.isEmpty { node.fail("history must have at least the registered entry") }
            if !log.issues.isEmpty {
                batch.errors += log.issues.map(\.description)
                continue
            }
            if let number, let secret, let service, let filed, let deadline {
                batch.entries.append(
                    Entry(
                        line: lineNumber, number: number, secret: secret, service: service,
                        tier: tier, filed: filed, deadline: deadline, history: history))
            }
        }
        return batch
    }

    /// The number: typeable on the keypad, not twice in the batch, not taken in the database.
    private static func readNumber(
        _ o: ContentObject, line: Int, seen: inout [String: Int],
        isTaken: (String) -> Bool
    ) -> String? {
        guard let node = o.required("number"), let number = node.string() else { return nil }
        if !DossierNumberPattern.isTypeable(number) {
            node.fail(
                "must be digits with - / . or spaces between (the kiosk keypad types digits), "
                    + "found \"\(SafeText.clean(number))\"")
        } else if let key = DossierNumberPattern.key(number) {
            if let first = seen[key] {
                node.fail("the same number as line \(first)")
            } else {
                seen[key] = line
                if isTaken(key) { node.fail("a dossier with this number already exists") }
            }
        }
        return number
    }

    /// The code or the registry's hash of it, exactly one of them. A code never appears in a
    /// message.
    private static func readSecret(_ o: ContentObject, node: ContentNode) -> Secret? {
        switch (o.optional("code"), o.optional("code_hash")) {
        case (let code?, nil):
            guard let text = code.string() else { return nil }
            if let canonical = AccessCode.normalize(text), AccessCode.isComplete(canonical) { return .code(canonical) }
            code.fail(
                "must be \(AccessCode.length) characters of \(String(AccessCode.alphabet)) "
                    + "(dashes and spaces are ignored)")
        case (nil, let h?):
            guard let text = h.string() else { return nil }
            if text.hasPrefix("$") && SafeText.isClean(text) && !text.contains(" ") { return .hash(text) }
            h.fail("must be a crypt(3) hash such as $y$…")
        case (nil, nil): node.fail("needs code or code_hash")
        case (_?, _?): node.fail("has both code and code_hash; give one")
        }
        return nil
    }

    /// The dated changes, each allowed after the one above it; one `registered` entry on the
    /// filing date when the line gives none.
    private static func readHistory(_ o: ContentObject, filed: CalendarDate?, today: CalendarDate) -> [DossierEvent] {
        guard let items = o.optional("history")?.array() else {
            return filed.map { [DossierRules.change(.registered, on: $0, unit: nil)] } ?? []
        }
        var history: [DossierEvent] = []
        for item in items {
            guard let e = item.object(allowed: ["date", "status", "unit"]) else { continue }
            let date = e.required("date")?.date()
            var status: DossierStatus?
            if let s = e.required("status")?.string() {
                status = DossierStatus(rawValue: s)
                if status == nil {
                    let known = DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    e.required("status")?.fail("unknown status \"\(SafeText.clean(s))\" (known: \(known))")
                }
            }
            let unit = e.optional("unit")?.string()
            guard let date, let status else { continue }
            let change = DossierRules.change(status, on: date, unit: unit)
            // Without a filing date (already an error of its own) the other rules still speak.
            for refusal in DossierRules.refusals(of: change, after: history.last, filed: filed ?? date, today: today) {
                item.fail(refusal.description)
            }
            history.append(change)
        }
        return history
    }
}
