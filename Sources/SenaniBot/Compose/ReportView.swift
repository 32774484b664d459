import Foundation
import SenaniStore

/// A report as template values: what an officer sees of it. The informant appears as his pseudonym only.
enum ReportView {
    static func parameters(_ report: Report, thana: Thana?, now: Date? = nil) -> [String: String] {
        var p: [String: String] = [
            "ref": report.ref,
            "thana": thana.map { "\($0.name) (\($0.code))" } ?? report.thanaCode,
            "received": IST.format(report.receivedAt),
            "text": report.text,
            "reporter": report.reporter,
            "cat_\(report.category.rawValue)": "1",
            "status_\(report.status.rawValue)": "1",
        ]
        let lists: [(String, [String])] = [
            ("places", report.places), ("phones", report.phones), ("vehicles", report.vehicles),
            ("quantities", report.quantities), ("times", report.times), ("persons", report.persons),
            ("booths", report.booths),
        ]
        for (key, values) in lists where !values.isEmpty { p[key] = values.joined(separator: ", ") }
        if report.repeatCount > 1 { p["repeats"] = String(report.repeatCount - 1) }
        if let from = report.transferredFrom { p["transferred_from"] = from }
        if let by = report.acknowledgedBy, let at = report.acknowledgedAt {
            p["acknowledged_by"] = by
            p["acknowledged_at"] = IST.format(at)
        }
        if let at = report.closedAt {
            p["closed_at"] = IST.format(at)
            if let outcome = report.outcome { p["outcome_\(outcome.rawValue)"] = "1" }
            if let resolution = report.resolution, !resolution.isEmpty { p["resolution"] = resolution }
        }
        if report.needsReview { p["needs_review"] = "1" }
        if !report.media.isEmpty { p["media"] = String(report.media.count) }
        if report.location != nil { p["location"] = "1" }
        if let now { p["age"] = IST.age(from: report.receivedAt, to: now) }
        return p
    }

    /// The buttons under a notification, by the report's state: nothing to tap on a closed report but Details.
    static func buttons(_ report: Report) -> [[OutboxButton]] {
        let v = report.version
        let details = OutboxButton(text: "button_details", action: ButtonAction.details, version: v)
        switch report.status {
        case .new:
            return [
                [
                    OutboxButton(text: "button_ack", action: ButtonAction.acknowledge, version: v),
                    OutboxButton(text: "button_close", action: ButtonAction.closeMenu, version: v),
                ],
                [details],
            ]
        case .acknowledged:
            return [[OutboxButton(text: "button_close", action: ButtonAction.closeMenu, version: v)], [details]]
        case .closed:
            return [[details]]
        }
    }

    /// The outcome choices shown after ☑️ Close is tapped.
    static func closeButtons(_ report: Report) -> [[OutboxButton]] {
        let v = report.version
        let outcomes = CloseReport.buttonOutcomes.map {
            OutboxButton(text: "button_outcome_\($0.rawValue)", action: ButtonAction.close($0), version: v)
        }
        return [
            Array(outcomes.prefix(2)), Array(outcomes.dropFirst(2)),
            [OutboxButton(text: "button_back", action: ButtonAction.back, version: v)],
        ]
    }

    /// What a report looks like after a change, with its version as stored by the change.
    static func changed(_ report: Report, _ change: (inout Report) -> Void) -> Report {
        var report = report
        change(&report)
        report.version += 1
        return report
    }
}
