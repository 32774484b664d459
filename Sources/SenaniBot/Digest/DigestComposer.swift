import DigestChart
import Foundation
import SenaniStore
import TipAnalysis

/// Turns a digest's facts into template values and chart data, and its text into numbered parts. Pure: no
/// templates, no clock, no I/O, so every number can be checked against the store in a test.
public enum DigestComposer {
    /// Telegram's limit is 4096 UTF-16 units; a part's `(2/3)` header is kept out of this much.
    public static let partLimit = TextSplitter.telegramLimit - 16
    /// Thanas per chart: Telegram shrinks a photo to 1280 px on its long side, which a chart of 20 rows survives.
    public static let thanasPerChart = 20

    /// The values of the `digest_hi` / `digest_en` templates.
    public static func context(_ facts: DigestFacts, summary: DigestSummary, late: Bool) -> [String: Any] {
        var context: [String: Any] = [
            "district": facts.district.name,
            "code": facts.district.code,
            "date": facts.day.dayFirst,
            "total": String(summary.total),
            "total_previous": String(summary.totalPrevious),
            "total_change": change(summary.total, summary.totalPrevious),
            "total_average": average(summary.totalAverage),
        ]
        if facts.isPartial {
            context["so_far"] = "1"
            context["as_of"] = IST.time(facts.asOf)
        }
        if late { context["late"] = "1" }
        context["categories"] = summary.categories.map { line -> [String: Any] in
            [
                "cat_\(line.category.rawValue)": "1", "count": String(line.count), "previous": String(line.previous),
                "change": change(line.count, line.previous), "average": average(line.average),
            ]
        }
        context["thanas"] = summary.thanas.map { line -> [String: Any] in
            var values: [String: Any] = [
                "name": line.thana.name, "thana_code": line.thana.code, "received": String(line.received),
                "acknowledged": String(line.acknowledged), "closed": String(line.closed), "open": String(line.open),
                "action": String(line.actionTaken), "no_substance": String(line.noSubstance),
                "median": line.medianAcknowledge.map(duration) ?? "–", "p90": line.p90Acknowledge.map(duration) ?? "–",
            ]
            if line.repeats > 0 { values["repeats"] = String(line.repeats) }
            return values
        }
        let names = Dictionary(facts.thanas.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
        context["overdue"] = facts.overdue.map { report -> [String: Any] in
            [
                "ref": report.ref, "thana": names[report.thanaCode] ?? report.thanaCode,
                "cat_\(DigestSummary.bucket(report.category).rawValue)": "1",
                "age": IST.age(from: report.receivedAt, to: facts.asOf),
            ]
        }
        context["overdue_count"] = String(facts.overdueCount)
        if facts.overdueCount > facts.overdue.count { context["overdue_more"] = String(facts.overdueCount - facts.overdue.count) }
        context["repeated"] = facts.repeated.map { tip -> [String: Any] in
            [
                "ref": tip.ref, "thana": names[tip.thanaCode] ?? tip.thanaCode,
                "cat_\(DigestSummary.bucket(tip.category).rawValue)": "1", "today": String(tip.repeatsInWindow),
                "told": String(tip.timesTold),
            ]
        }
        context["silent"] = summary.silent.map { item -> [String: Any] in
            var values: [String: Any] = ["name": item.thana.name, "thana_code": item.thana.code]
            if item.silentWeek { values["week"] = "1" }
            return values
        }
        return context
    }

    /// The chart's rows (every thana, most reports first, silent ones last) split into charts of at most
    /// `thanasPerChart` rows, balanced (25 thanas: 13 and 12).
    public static func chartData(_ facts: DigestFacts, summary: DigestSummary, words: ChartWords) -> [DigestChartData] {
        var rows = summary.thanas.map { line in
            DigestChartData.ThanaBars(
                name: line.thana.name,
                counts: Dictionary(
                    uniqueKeysWithValues: line.byCategory.compactMap { category, count in
                        DigestChartCategory(rawValue: category.rawValue).map { ($0, count) }
                    }),
                medianMinutesToAcknowledge: line.medianAcknowledge.map { Double($0) / 60 })
        }
        rows += summary.silent.map { DigestChartData.ThanaBars(name: $0.thana.name, counts: [:], medianMinutesToAcknowledge: nil) }
        let chunks = max(1, (rows.count + thanasPerChart - 1) / thanasPerChart)
        let size = (rows.count + chunks - 1) / chunks
        return (0..<chunks).map { index in
            let slice = Array(rows.dropFirst(index * size).prefix(size))
            return DigestChartData(
                title: words.title, subtitle: chunks > 1 ? "\(words.subtitle) · \(index + 1)/\(chunks)" : words.subtitle,
                thanas: slice, categoryLabels: words.labels, language: words.language)
        }
    }

    /// The chart's own words, read from the `digest_chart_*` template: title, subtitle, then the four category
    /// labels, one a line.
    public struct ChartWords: Sendable, Hashable {
        public var title: String
        public var subtitle: String
        public var labels: DigestChartData.CategoryLabels
        public var language: DigestChartLanguage

        public init?(lines text: String, language: DigestChartLanguage) {
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard lines.count >= 6 else { return nil }
            title = lines[0]
            subtitle = lines[1]
            labels = .init(liquor: lines[2], wantedCriminal: lines[3], electionDisturbance: lines[4], other: lines[5])
            self.language = language
        }
    }

    /// The digest's text in numbered parts of at most 4096 UTF-16 units each, cut at line boundaries.
    public static func parts(_ text: String) -> [String] {
        guard text.utf16.count > TextSplitter.telegramLimit else { return [text] }
        let pieces = TextSplitter.split(text, limit: partLimit)
        return pieces.enumerated().map { index, piece in "<b>(\(index + 1)/\(pieces.count))</b>\n" + piece }
    }

    /// `+3`, `-2`, `0`: a count against the day before.
    static func change(_ now: Int, _ before: Int) -> String {
        let delta = now - before
        return delta > 0 ? "+\(delta)" : String(delta)
    }

    /// `4.3`: a mean to one decimal.
    static func average(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    /// `45 s`, `12 min`, `3 h 20 min`, `2 d 4 h`.
    public static func duration(_ seconds: Int64) -> String {
        if seconds < 60 { return "\(seconds) s" }
        let minutes = seconds / 60
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 24 * 60 { return "\(minutes / 60) h \(minutes % 60) min" }
        return "\(minutes / (24 * 60)) d \((minutes / 60) % 24) h"
    }

    /// The digest's HTML as plain text for a terminal (`senani digest --print`): tags dropped, entities decoded.
    public static func plainText(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true; continue }
            if character == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return out
    }
}
