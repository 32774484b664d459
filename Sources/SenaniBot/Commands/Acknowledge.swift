import SenaniStore

/// ✅ Acknowledge and `/ack REF`: `new` → `acknowledged`. The SHO owns the tip from now; the tipster is told.
enum Acknowledge {
    static func command(_ request: CommandRequest) -> Outcome {
        guard let ref = request.arguments.first?.uppercased() else { return .send(request.reply("usage_ack")) }
        return .effect(.act(FactsRequest(actorID: request.senderID, ref: ref), decide: decide(ref, reply: ActionReply(request))))
    }

    static func button(_ request: ButtonRequest) -> Outcome {
        let ref = request.data.ref
        return .effect(
            .act(
                FactsRequest(actorID: request.query.from.id, ref: ref),
                decide: decide(ref, reply: ActionReply(request), version: request.data.version)))
    }

    /// - Parameter version: the version a button was signed with; nil for a command.
    static func decide(_ ref: String, reply: ActionReply, version: Int? = nil) -> Decide {
        { facts in
            guard let report = facts.report else { return reply.notFound(ref) }
            if let refusal = AccessPolicy.check(facts.actor, .acknowledge, report: report) {
                return reply.refuse(refusal, ref: ref)
            }
            guard let actor = facts.actor, report.status == .new, version.map({ $0 == report.version }) ?? true else {
                // A second tap, a stale button, or someone was quicker: say so, and show the report as it is.
                var decision = Decision(messages: [reply.say("already_done", ReportView.parameters(report, thana: facts.reportThana))])
                if reply.isButton { decision.refresh(report, thana: facts.reportThana, notices: facts.notices, reply: reply) }
                return decision
            }
            let updated = ReportView.changed(report) {
                $0.status = .acknowledged
                $0.acknowledgedBy = actor.name
                $0.acknowledgedAt = facts.now
            }
            var decision = Decision(
                mutations: [.acknowledge(ref: ref, by: actor)],
                messages: [reply.say("acknowledged", ["ref": ref])],
                audit: [AuditEntry(at: facts.now, by: actor, action: "acknowledge", ref: ref, before: "new", after: "acknowledged", detail: reply.isButton ? "button" : "command")])
            decision.refresh(updated, thana: facts.reportThana, notices: facts.notices, reply: reply)
            if let tipster = Notices.tipsterUpdate(updated) { decision.messages.append(tipster) }
            return decision
        }
    }
}
