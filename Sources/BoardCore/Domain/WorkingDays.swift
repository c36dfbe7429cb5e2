#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension CalendarDate {
    /// The date `dayNumber` days after 1970-01-01 (Howard Hinnant's civil_from_days).
    public init(dayNumber: Int) {
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)!
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    public var isWeekend: Bool { weekday >= 6 }
}

/// The Bulgarian public holidays, kept as data (`content/holidays-bg.json`): the fixed ones, the
/// Orthodox Easter date of each year, and the days the Council of Ministers moves by decree.
/// Labour Code art. 154: a fixed holiday falling on a Saturday or Sunday gives the first working
/// day after it off; the Easter days do not move.
public struct HolidayCalendar: Sendable {
    public struct Fixed: Sendable, Hashable {
        public var month: Int
        public var day: Int
        public var name: LocalizedText
    }

    public var fixed: [Fixed]
    /// Orthodox Easter Sunday per year.
    public var easter: [Int: CalendarDate]
    /// Days around Easter Sunday that are off (e.g. -2 Good Friday … 1 Easter Monday).
    public var easterDays: [Int]
    /// Extra days off decreed for a year (bridge days).
    public var extraDaysOff: Set<CalendarDate>
    /// Saturdays decreed working days in exchange.
    public var extraWorkingDays: Set<CalendarDate>

    public init(
        fixed: [Fixed], easter: [Int: CalendarDate], easterDays: [Int] = [-2, -1, 0, 1],
        extraDaysOff: Set<CalendarDate> = [], extraWorkingDays: Set<CalendarDate> = []
    ) {
        self.fixed = fixed
        self.easter = easter
        self.easterDays = easterDays
        self.extraDaysOff = extraDaysOff
        self.extraWorkingDays = extraWorkingDays
    }

    /// The years the data covers.
    public var years: ClosedRange<Int>? {
        guard let lo = easter.keys.min(), let hi = easter.keys.max() else { return nil }
        return lo...hi
    }

    /// The non-working weekdays of `year` (weekends are not listed), or an error when the data
    /// does not cover the year.
    public func daysOff(in year: Int) throws(HolidayError) -> Set<CalendarDate> {
        guard let sunday = easter[year] else { throw HolidayError.uncovered(year: year, covered: years) }
        var off = Set<CalendarDate>()
        for offset in easterDays { off.insert(sunday.adding(days: offset)) }
        let fixedDates = fixed.compactMap { CalendarDate(year: year, month: $0.month, day: $0.day) }.sorted()
        for date in fixedDates { off.insert(date) }
        // A fixed holiday on a weekend moves to the first working day after it not already off.
        for date in fixedDates where date.isWeekend {
            var next = date.adding(days: 1)
            while next.isWeekend || off.contains(next) { next = next.adding(days: 1) }
            off.insert(next)
        }
        off.formUnion(extraDaysOff.filter { $0.year == year })
        off.subtract(extraWorkingDays)
        return off
    }

    public func isWorkingDay(_ date: CalendarDate) throws(HolidayError) -> Bool {
        if extraWorkingDays.contains(date) { return true }
        if date.isWeekend { return false }
        return try !daysOff(in: date.year).contains(date)
    }

    /// The date `days` working days after `date` (the day of filing does not count); 0 days is
    /// the filing day itself, or the next working day when filed on a day off.
    public func adding(workingDays days: Int, to date: CalendarDate) throws(HolidayError) -> CalendarDate {
        var current = date
        if days == 0 {
            while try !isWorkingDay(current) { current = current.adding(days: 1) }
            return current
        }
        var left = days
        while left > 0 {
            current = current.adding(days: 1)
            if try isWorkingDay(current) { left -= 1 }
        }
        return current
    }

    /// Reads the holiday file; every problem is named by its field.
    public init(parsing data: Data, file: String) throws(ContentValidationError) {
        let log = IssueLog()
        let value: JSONValue
        do { value = try JSONValue.parse(data) } catch {
            throw ContentValidationError(issues: [ContentIssue(file: file, field: "", message: error.message)])
        }
        let root = ContentNode(value: value, file: file, path: "", log: log)
        var fixed: [Fixed] = []
        var easter: [Int: CalendarDate] = [:]
        var easterDays: [Int] = [-2, -1, 0, 1]
        var extraOff = Set<CalendarDate>(), extraWorking = Set<CalendarDate>()
        if let o = root.object(allowed: [
            "fixed", "orthodox_easter", "easter_days", "extra_days_off", "extra_working_days", "source",
        ]) {
            for item in o.required("fixed")?.array() ?? [] {
                guard let f = item.object(allowed: ["date", "name"]), let text = f.required("date")?.string() else {
                    continue
                }
                let parts = text.split(separator: "-")
                guard parts.count == 2, let m = Int(parts[0]), let d = Int(parts[1]),
                    CalendarDate(year: 2024, month: m, day: d) != nil
                else {
                    item.fail("date must be MM-DD, found \"\(SafeText.clean(text))\"")
                    continue
                }
                if let name = f.required("name")?.text() { fixed.append(Fixed(month: m, day: d, name: name)) }
            }
            if let node = o.required("orthodox_easter") {
                if case .object(let fields) = node.value {
                    for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
                        let child = node.childNode(key, value)
                        guard let date = child.date() else { continue }
                        if String(date.year) != key || date.weekday != 7 {
                            child.fail("must be a Sunday of \(SafeText.clean(key))")
                        } else {
                            easter[date.year] = date
                        }
                    }
                } else {
                    node.fail("must be an object of \"YEAR\": \"YYYY-MM-DD\"")
                }
            }
            if let days = o.optional("easter_days")?.array() {
                easterDays = days.compactMap { $0.integer(minimum: -7) }
            }
            for d in o.optional("extra_days_off")?.array() ?? [] { if let date = d.date() { extraOff.insert(date) } }
            for d in o.optional("extra_working_days")?.array() ?? [] {
                if let date = d.date() { extraWorking.insert(date) }
            }
        }
        if !log.issues.isEmpty { throw ContentValidationError(issues: log.issues) }
        self.init(
            fixed: fixed, easter: easter, easterDays: easterDays, extraDaysOff: extraOff, extraWorkingDays: extraWorking
        )
    }
}

public enum HolidayError: Error, Sendable, CustomStringConvertible, Equatable {
    case uncovered(year: Int, covered: ClosedRange<Int>?)

    public var description: String {
        switch self {
        case .uncovered(let year, let covered):
            let range = covered.map { " (it covers \($0.lowerBound)–\($0.upperBound))" } ?? ""
            return "the holiday file has no Orthodox Easter date for \(year)\(range); add the year's holidays first"
        }
    }
}
