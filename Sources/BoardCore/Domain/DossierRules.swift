/// Why the registry's rules refuse a dossier fact. A refusal about a date begins with that date,
/// so each command can say where it came from: `kiosk dossier advance` puts its option before it
/// ("--at 2026-12-01 is in the future …"), a batch import its line and field.
public enum DossierRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The service does not offer the tier asked for.
    case tierNotOffered(service: String, tier: Tier, offered: [Tier])
    /// A filing date or a change dated after today.
    case inTheFuture(CalendarDate, today: CalendarDate)
    /// A change (or a deadline) dated before the filing date.
    case beforeFiling(CalendarDate, filed: CalendarDate)
    /// A change dated before the latest change already recorded.
    case beforeLatestChange(CalendarDate, latest: CalendarDate)
    /// A history that does not begin with `registered`.
    case firstNotRegistered(DossierStatus)
    /// A move the status vocabulary does not allow.
    case move(from: DossierStatus, to: DossierStatus)
    /// The holiday data does not cover the year the deadline falls in.
    case calendar(HolidayError)
    /// No randomness could be had for the access code.
    case random(String)

    public var description: String {
        switch self {
        case .tierNotOffered(let service, let tier, let offered):
            let list = offered.map(\.rawValue).joined(separator: ", ")
            return "service \(SafeText.clean(service)) has no \(tier.rawValue) tier (it has: \(list))"
        case .inTheFuture(let date, let today):
            return "\(date.iso) is in the future (today is \(today.iso))"
        case .beforeFiling(let date, let filed):
            return "\(date.iso) is before the filing date \(filed.iso)"
        case .beforeLatestChange(let date, let latest):
            return "\(date.iso) is before the latest change (\(latest.iso))"
        case .firstNotRegistered(let status):
            return "the first change must be registered, found \(status.rawValue)"
        case .move(let from, let to):
            return "cannot move from \(from.rawValue) to \(to.rawValue): \(from.refusal(to: to))"
        case .calendar(let error):
            return error.description
        case .random(let reason):
            return "no random bytes for the access code: \(reason)"
        }
    }

    /// Whether the refusal is about a date the staff gave (its description begins with it).
    public var isAboutDate: Bool {
        switch self {
        case .inTheFuture, .beforeFiling, .beforeLatestChange: return true
        default: return false
        }
    }
}

/// The rules every way of recording a dossier follows: a registration at the counter, a status
/// change, a registry's batch. Pure: the callers bring today, the holidays and the randomness.
public enum DossierRules {
    /// The refusal of a date after today (a filing, a change), if it is one.
    public static func refusal(ofFuture date: CalendarDate, today: CalendarDate) -> DossierRefusal? {
        date > today ? .inTheFuture(date, today: today) : nil
    }

    /// The offer of `tier`, or the refusal naming the tiers the service has.
    public static func offer(of service: Service, tier: Tier) throws(DossierRefusal) -> TierOffer {
        guard let offer = service.tiers.first(where: { $0.tier == tier }) else {
            throw .tierNotOffered(service: service.number, tier: tier, offered: service.tiers.map(\.tier))
        }
        return offer
    }

    /// The deadline: `days` working days after the filing date, holidays not counted.
    public static func deadline(
        filed: CalendarDate, days: Int, calendar: HolidayCalendar
    ) throws(DossierRefusal)
        -> CalendarDate
    {
        do { return try calendar.adding(workingDays: days, to: filed) } catch { throw .calendar(error) }
    }

    /// A change as it is recorded: the unit is kept as clean text, and one with nothing left
    /// after cleaning is no unit at all.
    public static func change(_ status: DossierStatus, on date: CalendarDate, unit: String?) -> DossierEvent {
        let cleaned = unit.map(SafeText.clean)?.trimmingSpaces
        return DossierEvent(date: date, status: status, unit: cleaned?.isEmpty == false ? cleaned : nil)
    }

    /// Everything the rules refuse about `change` following `previous` (nil: it would be the
    /// first entry) in the history of a dossier filed on `filed`, as of `today`; empty when the
    /// change may be recorded.
    public static func refusals(
        of change: DossierEvent, after previous: DossierEvent?, filed: CalendarDate,
        today: CalendarDate
    ) -> [DossierRefusal] {
        var refusals: [DossierRefusal] = []
        if let previous {
            if !previous.status.canMove(to: change.status) {
                refusals.append(.move(from: previous.status, to: change.status))
            }
            if change.date < previous.date { refusals.append(.beforeLatestChange(change.date, latest: previous.date)) }
        } else if change.status != .registered {
            refusals.append(.firstNotRegistered(change.status))
        }
        if change.date < filed { refusals.append(.beforeFiling(change.date, filed: filed)) }
        if let future = refusal(ofFuture: change.date, today: today) { refusals.append(future) }
        return refusals
    }
}

extension String {
    /// The text without spaces at either end.
    fileprivate var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
