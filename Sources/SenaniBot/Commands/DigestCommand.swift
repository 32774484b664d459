import SenaniStore

/// `/digest [DISTRICT]`: today's digest so far, privately. An SP gets his own district's; an admin names one.
/// The scheduler composes it (the templates and the chart live there); this only checks and records the request.
enum DigestCommand {
    static func handle(_ request: CommandRequest) -> Outcome {
        let senderID = request.senderID
        let reply = ActionReply(request)
        let inGroup = request.inGroup
        let code = request.arguments.first?.uppercased() ?? request.officer?.districtCode
        return .effect(
            .act(FactsRequest(actorID: senderID, districtCode: code)) { facts in
                if let refusal = AccessPolicy.check(facts.actor, .digest) { return reply.refuse(refusal) }
                guard let actor = facts.actor, let code else { return Decision(messages: [reply.say("usage_digest")]) }
                guard let district = facts.district else {
                    return Decision(messages: [reply.say("district_not_found", ["code": code])])
                }
                if let refusal = AccessPolicy.check(actor, .digest, thana: nil, district: district.code) {
                    return reply.refuse(refusal)
                }
                var decision = Decision(
                    mutations: [.requestDigest(district: district.code, chatID: senderID, officerID: senderID)],
                    audit: [
                        AuditEntry(
                            at: facts.now, by: actor, action: "digest.request", ref: nil, before: nil, after: nil,
                            detail: district.code)
                    ])
                if inGroup { decision.messages.append(reply.say("sent_privately")) }
                return decision
            })
    }
}
