import Foundation

/// The `date` string of an export, for files without `date_unixtime` (Desktop before 2021 wrote only `date`).
enum ExportDate {
    /// `2024-03-01T10:15:02` read as IST (UTC+05:30).
    ///
    /// Desktop writes `date` in the local time of the machine that made the export, with no offset
    /// (`QDateTime::toString(Qt::ISODate)` of a local time). Senani's exports are made by thana and district staff
    /// in Bihar, whose clocks are on IST, which has no daylight saving: IST is the only reading that can be right.
    static func indianStandardTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        var fields = (year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0)
        var index = 0
        var value = 0
        var digits = 0
        for i in 0...bytes.count {
            let byte = i < bytes.count ? bytes[i] : 0
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard digits <= 4 else { return nil }
                continue
            }
            let separatorFits: Bool
            switch index {
            case 0, 1: separatorFits = byte == UInt8(ascii: "-")
            case 2: separatorFits = byte == UInt8(ascii: "T") || byte == UInt8(ascii: " ")
            case 3, 4: separatorFits = byte == UInt8(ascii: ":")
            default: separatorFits = i == bytes.count
            }
            guard digits > 0, separatorFits else { return nil }
            switch index {
            case 0: fields.year = value
            case 1: fields.month = value
            case 2: fields.day = value
            case 3: fields.hour = value
            case 4: fields.minute = value
            default: fields.second = value
            }
            index += 1
            value = 0
            digits = 0
        }
        guard index == 6, (1...12).contains(fields.month), (1...31).contains(fields.day), fields.hour < 24,
            fields.minute < 60, fields.second < 61
        else { return nil }
        let days = daysFromCivil(year: fields.year, month: fields.month, day: fields.day)
        let local = days * 86_400 + fields.hour * 3_600 + fields.minute * 60 + fields.second
        return Date(timeIntervalSince1970: TimeInterval(local - 19_800))
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
