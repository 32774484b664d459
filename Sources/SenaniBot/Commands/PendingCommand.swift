import SenaniStore

/// `/pending`: open reports of the SHO's thana or the SP's district, oldest first, privately.
enum PendingCommand {
    static func handle(_ request: CommandRequest) -> Outcome {
        let senderID = request.senderID
        let reply = ActionReply(request)
        let inGroup = request.inGroup
        return .effect(
            .act(FactsRequest(actorID: senderID, openReports: true)) { facts in
                if let refusal = AccessPolicy.check(facts.actor, .pending) { return reply.refuse(refusal) }
                let tips = facts.openReports.filter { !$0.needsReview }.map { line($0, now: facts) }
                let possible = facts.openReports.filter(\.needsReview).map { line($0, now: facts) }
                var parameters = ["count": String(tips.count)]
                if !tips.isEmpty { parameters["items"] = tips.joined(separator: "\n") }
                if !possible.isEmpty {
                    parameters["possible"] = possible.joined(separator: "\n")
                    parameters["possible_count"] = String(possible.count)
                }
                var decision = Decision(messages: [OutboxDraft(chatID: senderID, template: "pending_list", parameters: parameters)])
                if inGroup { decision.messages.append(reply.say("sent_privately")) }
                return decision
            })
    }

    /// `KHG-SADAR-000123 · liquor · 2 h 5 min · new · ×3` and the first words of the tip.
    static func line(_ report: Report, now facts: ActionFacts) -> String {
        var parts = [report.ref, report.category.rawValue + (report.needsReview ? "?" : ""), IST.age(from: report.receivedAt, to: facts.now), report.status.rawValue]
        if report.repeatCount > 1 { parts.append("also reported \(report.repeatCount - 1)×") }
        let words = report.text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let excerpt = words.count > 70 ? String(words.prefix(69)) + "…" : words
        return "• " + parts.joined(separator: " · ") + "\n   " + excerpt
    }
}
