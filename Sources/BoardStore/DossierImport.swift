import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `kiosk dossier import`: a registry export as JSON lines, one dossier per line:
/// `{"number": "2026-000017", "code": "K7AH2-M9XE3", "service": "2079", "tier": "ordinary",
///   "filed": "2026-11-02", "history": [{"date": "2026-11-02", "status": "registered", "unit": "…"}]}`
/// (`code_hash` instead of `code` when the registry keeps only a crypt hash; `deadline` when it
/// computed one; `history` defaults to one `registered` entry). Fields naming people are refused.
/// Everything is checked before anything is written; errors are named by line and field.
public enum DossierImport {
    public struct Batch {
        public var dossiers: [BoardDatabase.NewDossier] = []
        public var errors: [String] = []
    }

    package static let fields: Set<String> = ["number", "code", "code_hash", "service", "tier", "filed", "deadline", "history"]

    public static func read(_ data: Data, store: BoardDatabase, calendar: HolidayCalendar, today: CalendarDate) -> Batch {
        var batch = Batch()
        var seen: [String: Int] = [:]
        var services: [String: Service?] = [:]
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, bytes) in lines.enumerated() {
            let lineNumber = index + 1
            let log = IssueLog()
            let file = "line \(lineNumber)"
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let value: JSONValue
            do { value = try JSONValue.parse(Data(bytes)) } catch {
                batch.errors.append("\(file): \(error.message)")
                continue
            }
            let node = ContentNode(value: value, file: file, path: "", log: log)
            guard let o = node.object(allowed: fields) else {
                batch.errors += log.issues.map(\.description)
                continue
            }
            let number = o.required("number")?.string()
            if let number {
                if !DossierNumberPattern.isTypeable(number) {
                    o.required("number")?.fail("must be digits with - / . or spaces between (the kiosk keypad types digits), found \"\(SafeText.clean(number))\"")
                } else if let key = DossierNumberPattern.key(number) {
                    if let first = seen[key] {
                        o.required("number")?.fail("the same number as line \(first)")
                    } else {
                        seen[key] = lineNumber
                        if (try? store.dossierForLookup(key: key)) != nil {
                            o.required("number")?.fail("a dossier with this number already exists")
                        }
                    }
                }
            }
            var hash: String?
            switch (o.optional("code"), o.optional("code_hash")) {
            case (let code?, nil):
                if let text = code.string() {
                    if let canonical = AccessCode.normalize(text), AccessCode.isComplete(canonical) {
                        hash = try? SlowHash.make(canonical)
                    } else {
                        code.fail("must be \(AccessCode.length) characters of \(String(AccessCode.alphabet)) (dashes and spaces are ignored)")
                    }
                }
            case (nil, let h?):
                if let text = h.string() {
                    if text.hasPrefix("$") && SafeText.isClean(text) && !text.contains(" ") { hash = text } else { h.fail("must be a crypt(3) hash such as $y$…") }
                }
            case (nil, nil): node.fail("needs code or code_hash")
            case (_?, _?): node.fail("has both code and code_hash; give one")
            }
            var service: Service?
            if let s = o.required("service")?.string() {
                if services[s] == nil { services[s] = .some(try? store.loadService(number: s)) }
                service = services[s] ?? nil
                if service == nil { o.required("service")?.fail("no service has the number \"\(SafeText.clean(s))\"") }
            }
            var tier = Tier.ordinary
            if let t = o.optional("tier") {
                if let text = t.string() {
                    if let parsed = Tier(rawValue: text) { tier = parsed } else { t.fail("must be ordinary, fast or express, found \"\(SafeText.clean(text))\"") }
                }
            }
            if let service, !service.tiers.contains(where: { $0.tier == tier }) {
                node.fail("service \(service.number) has no \(tier.rawValue) tier")
            }
            let filed = o.required("filed")?.date()
            if let filed, filed > today { o.required("filed")?.fail("is in the future") }
            var deadline = o.optional("deadline")?.date()
            if deadline == nil, let filed, let days = service?.tiers.first(where: { $0.tier == tier })?.days {
                do { deadline = try calendar.adding(workingDays: days, to: filed) } catch { node.fail(error.description) }
            }
            var history: [DossierEvent] = []
            if let items = o.optional("history")?.array() {
                for item in items {
                    guard let e = item.object(allowed: ["date", "status", "unit"]) else { continue }
                    let date = e.required("date")?.date()
                    var status: DossierStatus?
                    if let s = e.required("status")?.string() {
                        status = DossierStatus(rawValue: s)
                        if status == nil { e.required("status")?.fail("unknown status \"\(SafeText.clean(s))\" (known: \(DossierStatus.allCases.map(\.rawValue).joined(separator: ", ")))") }
                    }
                    let unit = e.optional("unit")?.string()
                    guard let date, let status else { continue }
                    if let previous = history.last {
                        if !previous.status.canMove(to: status) { item.fail("cannot move from \(previous.status.rawValue) to \(status.rawValue): \(previous.status.refusal(to: status))") }
                        if date < previous.date { item.fail("is dated before the change above it") }
                    } else if status != .registered {
                        item.fail("the first change must be registered")
                    }
                    if let filed, date < filed { item.fail("is dated before the filing date") }
                    if date > today { item.fail("is in the future") }
                    history.append(DossierEvent(date: date, status: status, unit: unit.map(SafeText.clean)))
                }
            } else if let filed {
                history = [DossierEvent(date: filed, status: .registered)]
            }
            if history.isEmpty { node.fail("history must have at least the registered entry") }
            if !log.issues.isEmpty {
                batch.errors += log.issues.map(\.description)
                continue
            }
            if let number, let hash, let service, let filed, let deadline {
                batch.dossiers.append(BoardDatabase.NewDossier(number: number, codeHash: hash, service: service, tier: tier,
                                                            filed: filed, deadline: deadline, history: history))
            }
        }
        return batch
    }
}
