import Foundation
import SenaniStore

/// The messages of a due SLA timer: a reminder to the thana's SHO(s), or an escalation to the district's SP(s).
/// Ref, thana, category and age only: never the tip's words or the informant. Both carry the Acknowledge button.
enum SLATimers {
    @Sendable static func compose(_ timer: DueTimer) -> [OutboxDraft] {
        let report = timer.report
        var parameters: [String: String] = [
            "ref": report.ref,
            "thana": timer.thana.map { "\($0.name) (\($0.code))" } ?? report.thanaCode,
            "cat_\(report.category.rawValue)": "1",
            "received": IST.format(report.receivedAt),
            "age": IST.age(from: report.receivedAt, to: timer.firedAt),
        ]
        if timer.late {
            parameters["late"] = "1"
            parameters["due"] = IST.format(timer.dueAt)
        }
        let recipients: [Officer]
        let template: String
        switch timer.kind {
        case .reminder:
            template = "sla_reminder"
            // As for a new report: the SPs when the thana has no SHO the bot can write to.
            let shos = timer.officers.filter { $0.reachable != false }
            recipients = shos.isEmpty ? timer.districtOfficers.filter { $0.reachable != false } : shos
        case .escalation:
            template = "sla_escalation"
            recipients = timer.districtOfficers.isEmpty ? timer.admins : timer.districtOfficers
        }
        let buttons = [
            [
                OutboxButton(text: "button_ack", action: ButtonAction.acknowledge, version: report.version),
                OutboxButton(text: "button_details", action: ButtonAction.details, version: report.version),
            ]
        ]
        return recipients.map {
            OutboxDraft(
                chatID: $0.telegramID, template: template, parameters: parameters, buttons: buttons, reportRef: report.ref)
        }
    }
}
