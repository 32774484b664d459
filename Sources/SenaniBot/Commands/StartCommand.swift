import SenaniStore

/// `/start` and `/help`: the greeting and how to give a tip; an officer also gets his commands, and `/start`
/// tells the bot it may now write to him.
enum StartCommand {
    static func handle(_ request: CommandRequest) -> Outcome {
        let template = request.inGroup || request.name == "help" ? "help" : "start"
        var parameters: [String: String] = [:]
        if let officer = request.officer, !request.inGroup {
            parameters["officer"] = "1"
            parameters["role_\(officer.role.rawValue)"] = "1"
        }
        let reply = request.reply(template, parameters)
        guard let officer = request.officer, !request.inGroup else { return .send(reply) }
        let senderID = request.senderID
        // Pressing Start is what lets the bot write to him: record it, and give him his role's command menu.
        return .effect(
            .act(FactsRequest(actorID: senderID)) { facts in
                var decision = Decision(messages: [
                    reply, OutboxDraft(chatID: senderID, template: "commands_\(officer.role.rawValue)", kind: .commandMenu),
                ])
                if facts.actor?.reachable != true {
                    decision.mutations.append(.setReachable(officerID: senderID, true))
                    if let actor = facts.actor, actor.reachable == false {
                        decision.audit.append(
                            AuditEntry(
                                at: facts.now, by: actor, action: "officer.reachable", ref: nil, before: "unreachable",
                                after: "reachable"))
                    }
                }
                return decision
            })
    }
}
