import BoardCore
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `kiosk dossier import`: a registry export (see `DossierBatch` for the format and its rules)
/// read against this board database, with each code turned into its slow hash. Nothing is
/// written here; the caller stores the dossiers only when there is no error at all.
public enum DossierImport {
    public struct Batch {
        public var dossiers: [BoardDatabase.NewDossier] = []
        public var errors: [String] = []
    }

    public static func read(_ data: Data, store: BoardDatabase, calendar: HolidayCalendar, today: CalendarDate) -> Batch
    {
        let read = DossierBatch.read(
            data, today: today, calendar: calendar,
            service: { try? store.loadService(number: $0) },
            isTaken: { (try? store.dossierForLookup(key: $0)) != nil })
        var batch = Batch(errors: read.errors)
        for entry in read.entries {
            let hash: String
            switch entry.secret {
            case .hash(let given):
                hash = given
            case .code(let code):
                do { hash = try SlowHash.make(code) } catch {
                    batch.errors.append("line \(entry.line): code: cannot be hashed: \(error.description)")
                    continue
                }
            }
            batch.dossiers.append(
                BoardDatabase.NewDossier(
                    number: entry.number, codeHash: hash, service: entry.service,
                    tier: entry.tier, filed: entry.filed,
                    deadline: entry.deadline, history: entry.history))
        }
        return batch
    }
}
