#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A dossier registered at the counter, as the rules make it: a tier the service offers, a filing
/// date that is not in the future (today when none is given), the deadline in working days after
/// it, a history that starts with `registered` on the filing date, and a fresh access code.
///
/// The code is the canonical one (no dash). It is shown once to the applicant; the store keeps
/// only its slow hash, and the number comes from the store's sequence.
public struct DossierRegistration: Sendable, Hashable {
    public var service: Service
    public var tier: Tier
    /// The term of the tier, in working days.
    public var termDays: Int
    public var filed: CalendarDate
    public var deadline: CalendarDate
    public var code: String
    public var history: [DossierEvent]

    /// Applies the rules; a refusal names what is wrong.
    public init(
        service: Service, tier: Tier, filed: CalendarDate?, unit: String?, today: CalendarDate,
        calendar: HolidayCalendar, random: some RandomSource
    ) throws(DossierRefusal) {
        let offer = try DossierRules.offer(of: service, tier: tier)
        let filedOn = filed ?? today
        if let future = DossierRules.refusal(ofFuture: filedOn, today: today) { throw future }
        self.service = service
        self.tier = tier
        self.termDays = offer.days
        self.filed = filedOn
        self.deadline = try DossierRules.deadline(filed: filedOn, days: offer.days, calendar: calendar)
        do { self.code = try AccessCode.generate(using: random) } catch { throw .random(error.description) }
        self.history = [DossierRules.change(.registered, on: filedOn, unit: unit)]
    }

    /// What `kiosk dossier register --json` prints once the store has given the number.
    public func receipt(number: String) -> Receipt {
        Receipt(
            number: SafeText.clean(number), code: AccessCode.grouped(code), service: SafeText.clean(service.number),
            tier: tier.rawValue, filed: filed.iso, deadline: deadline.iso)
    }

    /// The registration handed to the registry's scripts: every value a string, the code grouped
    /// as the applicant is given it (`K7AH2-M9XE3`), dates as YYYY-MM-DD.
    public struct Receipt: Sendable, Hashable, Codable {
        public var number: String
        public var code: String
        public var service: String
        public var tier: String
        public var filed: String
        public var deadline: String

        public init(number: String, code: String, service: String, tier: String, filed: String, deadline: String) {
            self.number = number
            self.code = code
            self.service = service
            self.tier = tier
            self.filed = filed
            self.deadline = deadline
        }

        /// One line of JSON with its keys sorted, so the same registration always prints the same
        /// bytes; slashes (as in `94-00-3/21.11.2026`) are written as they are.
        public var json: String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            // Six strings always encode; a failure here would be a broken encoder.
            let data = try! encoder.encode(self)
            return String(decoding: data, as: UTF8.self)
        }
    }
}
