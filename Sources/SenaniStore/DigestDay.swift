import Foundation

/// One day of the IST calendar (Asia/Kolkata, UTC+05:30 all year: no daylight saving, so day arithmetic is exact).
/// Stored as `YYYY-MM-DD`; its bounds are UTC instants.
public struct DigestDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// IST's offset from UTC, in seconds.
    public static let offset: Int64 = 19_800
    /// Days since 1970-01-01 in IST.
    public let number: Int64

    public init(number: Int64) {
        self.number = number
    }

    /// The IST day `date` falls on.
    public init(containing date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down)) + Self.offset
        number = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    }

    /// `2026-11-24`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, let year = Int64(parts[0]), let month = Int64(parts[1]),
            let day = Int64(parts[2]), (1...12).contains(month), (1...31).contains(day), parts[0].count == 4
        else { return nil }
        let candidate = DigestDay(number: Self.daysFromCivil(year: year, month: month, day: day))
        // 2026-02-31 would land in March: refuse it rather than guess.
        guard candidate.description == text else { return nil }
        number = candidate.number
    }

    /// Midnight IST at the start of the day.
    public var start: Date { Date(timeIntervalSince1970: TimeInterval(number * 86_400 - Self.offset)) }
    /// Midnight IST at its end (the next day's start).
    public var end: Date { advanced(by: 1).start }

    public func advanced(by days: Int64) -> DigestDay { DigestDay(number: number + days) }

    /// When the digest of this day is due: `hour` o'clock IST on the next day.
    public func digestMoment(hour: Int) -> Date { end.addingTimeInterval(TimeInterval(hour * 3600)) }

    public var description: String {
        let (year, month, day) = Self.civil(fromDays: number)
        return String(format: "%04lld-%02lld-%02lld", year, month, day)
    }

    /// `24-11-2026`, as people in Bihar write a date.
    public var dayFirst: String {
        let (year, month, day) = Self.civil(fromDays: number)
        return String(format: "%02lld-%02lld-%04lld", day, month, year)
    }

    public static func < (lhs: DigestDay, rhs: DigestDay) -> Bool { lhs.number < rhs.number }

    // Howard Hinnant's civil-calendar algorithms: exact for any Gregorian date, no Calendar or time zone needed.
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) of the day `days` after 1970-01-01.
    public static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
