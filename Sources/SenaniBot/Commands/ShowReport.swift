import SenaniStore

/// 🔎 Details and `/show REF`: one report in full, privately, with its history.
enum ShowReport {
    static func command(_ request: CommandRequest) -> Outcome {
        guard let ref = request.arguments.first?.uppercased() else { return .send(request.reply("usage_show")) }
        let senderID = request.senderID
        let reply = ActionReply(request)
        let inGroup = request.inGroup
        return .effect(
            .act(FactsRequest(actorID: senderID, ref: ref, history: true)) { facts in
                var decision = decide(ref, facts: facts, to: senderID, reply: reply)
                // Never tip content into a group: it went privately, and the group hears only that.
                if inGroup, decision.messages.contains(where: { $0.chatID == senderID }) {
                    decision.messages.append(reply.say("sent_privately"))
                }
                return decision
            })
    }

    static func button(_ request: ButtonRequest) -> Outcome {
        let userID = request.query.from.id
        let reply = ActionReply(request)
        return .effect(
            .act(FactsRequest(actorID: userID, ref: request.data.ref, history: true)) { facts in
                var decision = decide(request.data.ref, facts: facts, to: userID, reply: reply)
                if decision.messages.contains(where: { $0.chatID == userID && $0.template == "report_full" }) {
                    decision.messages.insert(reply.say("ok"), at: 0)
                }
                return decision
            })
    }

    static func decide(_ ref: String, facts: ActionFacts, to chatID: Int64, reply: ActionReply) -> Decision {
        guard let report = facts.report else { return reply.notFound(ref) }
        if let refusal = AccessPolicy.check(facts.actor, .view, report: report) { return reply.refuse(refusal, ref: ref) }
        var parameters = ReportView.parameters(report, thana: facts.reportThana, now: facts.now)
        if !facts.history.isEmpty {
            parameters["history"] = facts.history.map(historyLine).joined(separator: "\n")
        }
        if !report.evidence.isEmpty { parameters["evidence"] = report.evidence.joined(separator: ", ") }
        if let original = report.duplicateOf { parameters["duplicate_of"] = original }
        var messages = [
            OutboxDraft(
                chatID: chatID, template: "report_full", parameters: parameters, buttons: fullButtons(report), reportRef: ref)
        ]
        messages += Notices.attachments(report.media, location: report.location, ref: ref, to: chatID)
        return Decision(messages: messages)
    }

    /// Under the full report: ✅/❌ for a possible tip, the ordinary buttons otherwise, and 🏷 to change the category.
    static func fullButtons(_ report: Report) -> [[OutboxButton]] {
        let v = report.version
        var rows = ReportView.buttons(report)
        if report.needsReview && report.status != .closed {
            let values = ["n": report.ref, "cat_\(report.category.rawValue)": "1"]
            rows.insert(
                [
                    OutboxButton(text: "button_review_tip", action: ButtonAction.confirmTip, version: v, values: values),
                    OutboxButton(text: "button_review_not_tip", action: ButtonAction.notATip, version: v, values: values),
                ], at: 0)
        }
        if report.status != .closed { rows.append([OutboxButton(text: "button_change_category", action: ButtonAction.categoryMenu, version: v)]) }
        return rows
    }

    /// `24-11-2026 09:40 R. Kumar (sho): acknowledge new → acknowledged`.
    static func historyLine(_ entry: AuditEntry) -> String {
        var line = "\(IST.format(entry.at)) \(entry.actor)"
        if let role = entry.role { line += " (\(role))" }
        line += ": \(entry.action)"
        if entry.before != nil || entry.after != nil { line += " \(entry.before ?? "–") → \(entry.after ?? "–")" }
        // A question and the informant's words are the history of a relay (issue 10).
        if let detail = entry.detail, Relay.historyActions.contains(entry.action) { line += " — \(detail)" }
        return line
    }
}
