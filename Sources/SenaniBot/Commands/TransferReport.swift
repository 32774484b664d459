import SenaniStore

/// `/transfer REF THANA_CODE`: a tip posted in the wrong thana's group moves to the right one, keeping its ref.
/// The new thana's SHO is notified; the old SHO can no longer act on it.
enum TransferReport {
    static func command(_ request: CommandRequest) -> Outcome {
        guard request.arguments.count >= 2 else { return .send(request.reply("usage_transfer")) }
        let ref = request.arguments[0].uppercased()
        let target = request.arguments[1].uppercased()
        let reply = ActionReply(request)
        return .effect(
            .act(FactsRequest(actorID: request.senderID, ref: ref, thanaCode: target)) { facts in
                decide(ref, to: target, facts: facts, reply: reply)
            })
    }

    static func decide(_ ref: String, to target: String, facts: ActionFacts, reply: ActionReply) -> Decision {
        guard let report = facts.report else { return reply.notFound(ref) }
        if let refusal = AccessPolicy.check(facts.actor, .transfer, report: report) { return reply.refuse(refusal, ref: ref) }
        guard let thana = facts.thana else { return Decision(messages: [reply.say("thana_not_found", ["thana": target])]) }
        if let refusal = AccessPolicy.checkTransfer(facts.actor, report: report, to: thana) {
            return reply.refuse(refusal, ref: ref)
        }
        guard let actor = facts.actor, report.status != .closed, report.thanaCode != thana.code else {
            return Decision(messages: [reply.say("transfer_not_possible", ["ref": ref, "thana": thana.code])])
        }
        let moved = ReportView.changed(report) {
            $0.transferredFrom = report.thanaCode
            $0.thanaCode = thana.code
            $0.districtCode = thana.districtCode
        }
        var decision = Decision(
            mutations: [.transfer(ref: ref, to: thana.code)],
            messages: [reply.say("transferred", ["ref": ref, "thana": "\(thana.name) (\(thana.code))"])],
            audit: [
                AuditEntry(at: facts.now, by: actor, action: "transfer", ref: ref, before: report.thanaCode, after: thana.code)
            ])
        // The old thana's copies say where it went and lose their buttons; the new thana's SHOs get it fresh.
        decision.messages += facts.notices.map {
            OutboxDraft(
                chatID: $0.chatID, template: "notice_transferred", parameters: ["ref": ref, "thana": thana.code],
                kind: .edit(.outboxRow($0.outboxID)), reportRef: ref)
        }
        decision.messages += Notices.forNew(
            moved, thana: thana, officers: facts.thanaOfficers,
            spsIfNoSHO: facts.reportOfficers.filter { $0.role == .sp && $0.districtCode == thana.districtCode })
        return decision
    }
}
