import Foundation
import Logging
import SenaniBot
@_spi(Benchmark) import SenaniStore
import SenaniTestSupport
import TipAnalysis

/// The SP's digest and the scheduler's next-due query on a district holding `count` reports spread over a year
/// across 40 thanas (2 % still unacknowledged, so the overdue list is long).
enum DigestBenchmark {
    static func run(count: Int, thanas: Int = 40, runs: Int = 20) async throws -> [String] {
        let directory = try TemporaryDirectory("senani-bench-digest")
        let store = try Store(path: directory.file("digest.sqlite"))
        let now = Date()
        let today = DigestDay(containing: now)
        try store.upsertDistrict(District(code: "BEN", name: "Bench"), at: now.addingTimeInterval(-400 * 86_400))
        for index in 0..<thanas {
            try store.upsertThana(Thana(code: "BEN-T\(index)", districtCode: "BEN", name: "थाना \(index)"), at: now)
        }
        let clock = ContinuousClock()
        let loading = clock.now
        var generator = IntakeBenchmark.SplitMix(seed: 42)
        let span = 365.0 * 86_400
        let categories: [TipCategory] = [.liquor, .liquor, .liquor, .wantedCriminal, .electionDisturbance, .other, .other]
        var batch: [SyntheticReport] = []
        batch.reserveCapacity(50_000)
        for index in 0..<count {
            let received = now.addingTimeInterval(-span * Double(index) / Double(count) - 1)
            let roll = generator.next() % 100
            let status: ReportStatus = roll < 2 ? .new : roll < 8 ? .acknowledged : .closed
            let acknowledged = status == .new ? nil : received.addingTimeInterval(Double(60 + generator.next() % 7200))
            let outcome: ReportOutcome? = status == .closed ? (roll % 2 == 0 ? .actionTaken : .noSubstance) : nil
            batch.append(
                SyntheticReport(
                    thanaCode: "BEN-T\(generator.next() % UInt64(thanas))",
                    category: categories[Int(generator.next() % UInt64(categories.count))], status: status,
                    receivedAt: received, acknowledgedAt: acknowledged, outcome: outcome))
            if batch.count == 50_000 || index == count - 1 {
                try store.insertSyntheticReports(batch, timersPendingAfter: now.addingTimeInterval(-8 * 3600))
                batch.removeAll(keepingCapacity: true)
            }
        }
        let loaded = clock.now - loading

        let templates = try await MessageTemplates(directory: MessageTemplates.locate(explicit: nil))
        var logger = Logger(label: "bench")
        logger.logLevel = .critical
        let builder = DigestBuilder(templates: templates, logger: logger)
        var factsTimes: [Double] = []
        var textTimes: [Double] = []
        var chartTimes: [Double] = []
        var nextDueTimes: [Double] = []
        var reportsInDay = 0
        var overdue = 0
        for _ in 0...runs {
            let start = clock.now
            let facts = try await store.digestFacts(district: "BEN", day: today.advanced(by: -1), asOf: now, sla: .standard)
            let afterFacts = clock.now
            let text = facts.flatMap { builder.text($0) } ?? ""
            let afterText = clock.now
            var charts: [(png: Data, caption: String)] = []
            if let facts { charts = await builder.charts(facts) }
            let afterChart = clock.now
            factsTimes.append(milliseconds(afterFacts - start))
            textTimes.append(milliseconds(afterText - start))
            chartTimes.append(milliseconds(afterChart - afterText))
            reportsInDay = facts?.reports.count ?? 0
            overdue = facts?.overdueCount ?? 0
            if text.isEmpty || charts.isEmpty { return ["digest benchmark: the digest came out empty"] }
            let dueStart = clock.now
            let scheduleFacts = try await store.scheduleFacts(now: now)
            _ = Schedule.nextDue(scheduleFacts, sla: .standard, now: now)
            nextDueTimes.append(milliseconds(clock.now - dueStart))
        }
        // The first run warms SQLite's page cache and the fonts; the median of the rest is the steady figure.
        let median = { (values: [Double]) -> String in
            let sorted = values.dropFirst().sorted()
            return String(format: "%.2f", sorted[sorted.count / 2])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: directory.file("digest.sqlite"))[.size] as? Int) ?? 0
        return [
            "digest: district of \(thanas) thanas, \(count) reports over a year (\(size / 1_048_576) MB database, loaded in "
                + String(format: "%.1f", milliseconds(loaded) / 1000) + " s); yesterday had \(reportsInDay) reports, \(overdue) overdue",
            "  facts (SQL)                 \(median(factsTimes)) ms (median of \(runs); first \(String(format: "%.1f", factsTimes[0])) ms)",
            "  facts + text digest         \(median(textTimes)) ms   (target <= 200 ms)",
            "  charts (\((thanas + 19) / 20) PNGs)              \(median(chartTimes)) ms",
            "  scheduler next-due query    \(median(nextDueTimes)) ms   (target <= 1 ms)",
        ]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }
}
