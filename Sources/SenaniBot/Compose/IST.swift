import Foundation

/// Times as people in Bihar read them: IST, day first.
enum IST {
    static let zone = TimeZone(identifier: "Asia/Kolkata") ?? TimeZone(secondsFromGMT: 19_800) ?? .gmt

    /// `24-11-2026 09:15`.
    static func format(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%02d-%02d-%04d %02d:%02d", c.day ?? 0, c.month ?? 0, c.year ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `09:15`.
    static func time(_ date: Date) -> String {
        let c = components(date)
        return String(format: "%02d:%02d", c.hour ?? 0, c.minute ?? 0)
    }

    /// `3 h 20 min`, `12 min`, `2 d 4 h`: an age at a glance.
    static func age(from start: Date, to end: Date) -> String {
        let minutes = max(0, Int(end.timeIntervalSince(start) / 60))
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 24 * 60 { return "\(minutes / 60) h \(minutes % 60) min" }
        return "\(minutes / (24 * 60)) d \((minutes / 60) % 24) h"
    }

    /// Made once: a Calendar per call was a noticeable part of composing each notification.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    private static func components(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }
}
