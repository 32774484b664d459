import Foundation
import GRDB
import TipAnalysis

/// A report made up for a benchmark, inserted without intake (no analysis, no duplicate search).
@_spi(Benchmark)
public struct SyntheticReport: Sendable {
    public var thanaCode: String
    public var category: TipCategory
    public var status: ReportStatus
    public var receivedAt: Date
    public var acknowledgedAt: Date?
    public var outcome: ReportOutcome?

    public init(
        thanaCode: String, category: TipCategory, status: ReportStatus, receivedAt: Date, acknowledgedAt: Date?,
        outcome: ReportOutcome?
    ) {
        self.thanaCode = thanaCode
        self.category = category
        self.status = status
        self.receivedAt = receivedAt
        self.acknowledgedAt = acknowledgedAt
        self.outcome = outcome
    }
}

extension Store {
    /// Bulk-inserts `reports` in one transaction, for `senani-bench` only: a million tips through intake would
    /// take the benchmark many minutes. Their SLA timers count as fired unless they are `new` and younger than
    /// `timersPendingAfter`.
    @_spi(Benchmark)
    public func insertSyntheticReports(_ reports: [SyntheticReport], timersPendingAfter: Date) throws(StoreError) {
        try write { db in
            let statement = try db.makeStatement(
                sql: """
                    INSERT INTO reports (ref, thana_code, category, labels, confidence, status, text, received_at, reporter,
                        chat_id, message_id, fingerprint, word_count, acknowledged_at, closed_at, outcome, updated_at, sla_stage)
                    VALUES (?, ?, ?, '[]', 0.9, ?, 'synthetic', ?, 'R-000000', 0, ?, 0, 0, ?, ?, ?, ?, ?)
                    """)
            var seq = try Int64.fetchOne(db, sql: "SELECT coalesce(max(message_id), 0) FROM reports WHERE chat_id = 0") ?? 0
            for report in reports {
                seq += 1
                let received = report.receivedAt.unixSeconds
                let pending = report.status == .new && received >= timersPendingAfter.unixSeconds
                try statement.execute(arguments: [
                    "\(report.thanaCode)-S\(seq)", report.thanaCode, report.category.rawValue, report.status.rawValue, received,
                    seq, report.acknowledgedAt?.unixSeconds, report.status == .closed ? received + 7200 : nil,
                    report.outcome?.rawValue, received, pending ? 0 : 2,
                ])
            }
        }
    }
}
