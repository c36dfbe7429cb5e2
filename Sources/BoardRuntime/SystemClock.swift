import BoardCore
#if canImport(Glibc)
import Glibc
#endif

/// The board's clocks, read from the operating system in this one place.
///
/// Every wait and window (idle reset, notices, the thank-you screen, the survey's flood window,
/// lookup waits, the staff PIN's waits) is counted on the monotonic clock, which never jumps: a
/// change to or from summer time, or a correction of the wall clock, moves none of them. Local
/// wall time is only for what is shown (the header's clock, announcements by date) and for the
/// survey card's day. What must outlast a restart (the throttle file) is kept in seconds since
/// the Unix epoch, which no time zone or summer time changes either.
public enum SystemClock {
    /// Milliseconds on CLOCK_MONOTONIC.
    public static func monotonicMilliseconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) * 1000 + Double(t.tv_nsec) / 1_000_000
    }

    /// Whole seconds on CLOCK_MONOTONIC: the clock of `Event.tick`.
    public static func monotonicSeconds() -> Int {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Int(t.tv_sec)
    }

    /// Seconds since 1970-01-01 00:00 UTC.
    public static func epochSeconds() -> Int {
        Int(time(nil))
    }

    /// The local wall-clock time (honours TZ and /etc/localtime).
    public static func localTime() -> LocalTime {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let date =
            CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
            ?? CalendarDate(year: 1970, month: 1, day: 1)!
        return LocalTime(date: date, hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec))
    }

    /// "2026-11-21 10:42:05" in local time, for records staff read.
    public static func timestamp() -> String {
        let t = localTime()
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(t.date.iso) \(two(t.hour)):\(two(t.minute)):\(two(t.second))"
    }

    /// Sleeps this thread for `milliseconds` (through interruptions by signals).
    public static func sleep(milliseconds: Double) {
        guard milliseconds > 0 else { return }
        var left = timespec(
            tv_sec: Int(milliseconds / 1000),
            tv_nsec: Int(milliseconds.truncatingRemainder(dividingBy: 1000) * 1_000_000))
        var rest = timespec()
        while nanosleep(&left, &rest) != 0 && errno == EINTR { left = rest }
    }

    /// The tick of this moment, as the loop sends it.
    public static func tick() -> Event {
        .tick(localTime(), monotonic: monotonicSeconds())
    }
}
