import Foundation
import SenaniStore

/// Times as people in Bihar read them: IST, day first.
enum IST {
    static let zone = TimeZone(identifier: "Asia/Kolkata") ?? TimeZone(secondsFromGMT: 19_800) ?? .gmt

    /// `24-11-2026 09:15`.
    static func format(_ date: Date) -> String {
        let c = Civil(date)
        var out: [UInt8] = []
        out.reserveCapacity(16)
        append(c.day, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        append(c.month, 2, to: &out)
        out.append(UInt8(ascii: "-"))
        append(c.year, 4, to: &out)
        out.append(UInt8(ascii: " "))
        append(c.hour, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        append(c.minute, 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `09:15`.
    static func time(_ date: Date) -> String {
        let c = Civil(date)
        var out: [UInt8] = []
        append(c.hour, 2, to: &out)
        out.append(UInt8(ascii: ":"))
        append(c.minute, 2, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `value` in decimal, zero-padded to `width` digits.
    static func append(_ value: Int64, _ width: Int, to out: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        for _ in 0..<width {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// A moment's date and time of day in IST. Plain arithmetic, as IST is UTC+05:30 all year (no summer time):
    /// every notification and export line shows times, and Calendar with String(format:) made them slow.
    struct Civil {
        let year, month, day, hour, minute, second: Int64

        init(_ date: Date) {
            let local = Int64(date.timeIntervalSince1970.rounded(.down)) + 19_800
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let seconds = local - days * 86_400
            (year, month, day) = DigestDay.civil(fromDays: days)
            hour = seconds / 3600
            minute = seconds / 60 % 60
            second = seconds % 60
        }
    }

    /// `3 h 20 min`, `12 min`, `2 d 4 h`: an age at a glance.
    static func age(from start: Date, to end: Date) -> String {
        let minutes = max(0, Int(end.timeIntervalSince(start) / 60))
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 24 * 60 { return "\(minutes / 60) h \(minutes % 60) min" }
        return "\(minutes / (24 * 60)) d \((minutes / 60) % 24) h"
    }
}
