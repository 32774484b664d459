import Foundation
import SenaniStore

/// What passes between an officer and an informant: the informant's answers and follow-ups go to the officer
/// under the pseudonym only; the officer's name never goes to the informant. Every relay is in the audit log,
/// with its text and without anyone's identity.
enum Relay {
    /// Audit actions whose text belongs in a report's history as shown to officers.
    static let historyActions: Set<String> = ["ask", "informant.answer", "informant.followup"]

    /// An answer to `question`: to the officer who asked.
    static func answer(_ message: InformantMessage, question: Question, facts: InformantFacts) -> InformantDecision {
        var parameters = ["ref": question.ref, "reporter": facts.pseudonym, "question": question.text]
        if let text = message.text { parameters["text"] = text }
        if let reporter = facts.questionReport?.reporter, reporter != facts.pseudonym { parameters["other_sender"] = "1" }
        var decision = InformantDecision(
            steps: [.answered(questionID: question.id)],
            messages: [OutboxDraft(chatID: question.askerID, template: "ask_answer", parameters: parameters, reportRef: question.ref)]
                + Notices.attachments(message.media, location: message.location, ref: question.ref, to: question.askerID),
            audit: [
                AuditEntry(
                    at: facts.now, actor: facts.pseudonym, action: "informant.answer", ref: question.ref,
                    detail: message.text ?? describe(message))
            ])
        if !message.media.isEmpty || message.location != nil {
            decision.steps.append(.attach(ref: question.ref, media: message.media, location: message.location))
        }
        decision.messages.append(acknowledgement(message, template: "relay_sent", ref: question.ref))
        return decision
    }

    /// More on a report (through its link, or soon after a private tip): to the thana's SHOs, and onto the report.
    static func followUp(_ message: InformantMessage, report: Report, facts: InformantFacts) -> InformantDecision {
        var parameters = ["ref": report.ref, "reporter": facts.pseudonym]
        if let text = message.text { parameters["text"] = text }
        if report.reporter != facts.pseudonym { parameters["other_sender"] = "1" }
        var decision = InformantDecision(audit: [
            AuditEntry(
                at: facts.now, actor: facts.pseudonym, action: "informant.followup", ref: report.ref,
                detail: message.text ?? describe(message))
        ])
        if !message.media.isEmpty || message.location != nil {
            decision.steps.append(.attach(ref: report.ref, media: message.media, location: message.location))
        }
        for officer in facts.officers where officer.reachable != false {
            if message.text != nil {
                decision.messages.append(
                    OutboxDraft(chatID: officer.telegramID, template: "informant_followup", parameters: parameters, reportRef: report.ref))
            }
            decision.messages += Notices.attachments(message.media, location: message.location, ref: report.ref, to: officer.telegramID)
        }
        decision.messages.append(acknowledgement(message, template: "relay_sent", ref: report.ref))
        return decision
    }

    /// "Passed on to the police": privately, or as a reply to his message in the group.
    static func acknowledgement(_ message: InformantMessage, template: String, ref: String) -> OutboxDraft {
        if message.isPrivate {
            return .toInformant(message.chatID, template: template, parameters: ["ref": ref], replyToMessageID: message.messageID)
        }
        return OutboxDraft(chatID: message.chatID, template: template, parameters: ["ref": ref], replyToMessageID: message.messageID)
    }

    private static func describe(_ message: InformantMessage) -> String {
        var parts: [String] = message.media.map(\.kind)
        if message.location != nil { parts.append("location") }
        return "[" + parts.joined(separator: ", ") + "]"
    }
}
