import Foundation
import SenaniStore
import TipAnalysis

/// The digest's numbers, computed from `DigestFacts` by pure code: what an SP reads in one screen.
///
/// Counts follow `reports export` for the same IST day exactly: every report received that day, repeats included.
/// "Acknowledged" is a report an officer acknowledged (or closed, which acknowledges); times to acknowledge are
/// taken over those, and percentiles use the nearest-rank method (the median of 1, 2, 3, 4 is 2).
public struct DigestSummary: Sendable, Hashable {
    /// One category's count on the day, the day before, and its mean over the 7 days before.
    public struct CategoryLine: Sendable, Hashable {
        public var category: TipCategory
        public var count: Int
        public var previous: Int
        public var average: Double
    }

    /// One thana's day.
    public struct ThanaLine: Sendable, Hashable {
        public var thana: Thana
        public var received: Int
        /// Of `received`, repeats of an earlier tip.
        public var repeats: Int
        public var acknowledged: Int
        public var closed: Int
        public var open: Int
        public var actionTaken: Int
        public var noSubstance: Int
        /// Seconds from receipt to acknowledgement, nearest-rank median and 90th percentile.
        public var medianAcknowledge: Int64?
        public var p90Acknowledge: Int64?
        public var byCategory: [TipCategory: Int]
    }

    public var categories: [CategoryLine]
    public var total: Int
    public var totalPrevious: Int
    public var totalAverage: Double
    /// Thanas with at least one report, most reports first.
    public var thanas: [ThanaLine]
    /// Thanas without a single report in the window (a dead group is news too).
    public var silent: [SilentThana]

    /// A thana that sent nothing, and whether it sent nothing in the whole week either.
    public struct SilentThana: Sendable, Hashable {
        public var thana: Thana
        public var silentWeek: Bool
    }

    /// The categories in the order the digest and its chart show them.
    public static let categoryOrder: [TipCategory] = [.liquor, .wantedCriminal, .electionDisturbance, .other]

    public init(_ facts: DigestFacts) {
        var categories: [CategoryLine] = []
        for category in Self.categoryOrder {
            let count = facts.reports.filter { Self.bucket($0.category) == category }.count
            let week = facts.previousDays.map { day in
                day.filter { Self.bucket($0.key) == category }.values.reduce(0, +)
            }
            categories.append(
                CategoryLine(
                    category: category, count: count, previous: week.first ?? 0,
                    average: Double(week.reduce(0, +)) / Double(max(week.count, 1))))
        }
        self.categories = categories
        total = facts.reports.count
        totalPrevious = facts.previousDays.first?.values.reduce(0, +) ?? 0
        totalAverage = Double(facts.previousDays.reduce(0) { $0 + $1.values.reduce(0, +) }) / 7

        let byThana = Dictionary(grouping: facts.reports, by: \.thanaCode)
        var lines: [ThanaLine] = []
        var silent: [SilentThana] = []
        for thana in facts.thanas {
            guard let reports = byThana[thana.code], !reports.isEmpty else {
                silent.append(SilentThana(thana: thana, silentWeek: (facts.weekByThana[thana.code] ?? 0) == 0))
                continue
            }
            let times = reports.compactMap { report in
                report.acknowledgedAt.map {
                    max(0, Int64($0.timeIntervalSince1970.rounded(.down)) - Int64(report.receivedAt.timeIntervalSince1970.rounded(.down)))
                }
            }.sorted()
            var byCategory: [TipCategory: Int] = [:]
            for report in reports { byCategory[Self.bucket(report.category), default: 0] += 1 }
            lines.append(
                ThanaLine(
                    thana: thana, received: reports.count, repeats: reports.filter { $0.duplicateOf != nil }.count,
                    acknowledged: times.count, closed: reports.filter { $0.status == .closed }.count,
                    open: reports.filter { $0.status != .closed }.count,
                    actionTaken: reports.filter { $0.outcome == .actionTaken }.count,
                    noSubstance: reports.filter { $0.outcome == .noSubstance }.count,
                    medianAcknowledge: Self.percentile(times, 0.5), p90Acknowledge: Self.percentile(times, 0.9),
                    byCategory: byCategory))
        }
        // Reports from thanas no longer in the district (moved since) still count in the totals above.
        thanas = lines.sorted { ($1.received, $0.thana.code) < ($0.received, $1.thana.code) }
        self.silent = silent
    }

    /// The nearest-rank percentile of sorted `values`: the smallest value with at least `p` of them at or below it.
    public static func percentile(_ sorted: [Int64], _ p: Double) -> Int64? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// A report's category as the digest groups it (anything unknown is `other`).
    static func bucket(_ category: TipCategory) -> TipCategory {
        category == .none ? .other : category
    }
}
