import SenaniStore

/// `/register THANA_CODE`, in a group: binds the group to the thana (admin, or the SP of its district).
enum RegisterGroup {
    static func command(_ request: CommandRequest) -> Outcome {
        guard request.inGroup else { return .send(request.reply("register_in_group")) }
        guard let code = request.arguments.first?.uppercased() else { return .send(request.reply("usage_register")) }
        let chat = request.message.chat.id
        let reply = ActionReply(request)
        return .effect(
            .act(FactsRequest(actorID: request.senderID, thanaCode: code, chatID: chat)) { facts in
                guard let thana = facts.thana else { return Decision(messages: [reply.say("thana_not_found", ["thana": code])]) }
                if let refusal = AccessPolicy.check(facts.actor, .register, thana: nil, district: thana.districtCode) {
                    return reply.refuse(refusal)
                }
                guard let actor = facts.actor else { return reply.refuse(.notAnOfficer) }
                if facts.groupThana?.code == thana.code, thana.chatID == chat {
                    return Decision(messages: [reply.say("registered", ["thana": "\(thana.name) (\(thana.code))"])])
                }
                let before = [facts.groupThana.map { "group was \($0.code)" }, thana.chatID.map { "thana had \($0)" }]
                    .compactMap { $0 }.joined(separator: ", ")
                return Decision(
                    mutations: [.bindGroup(chatID: chat, thana: thana.code)],
                    messages: [reply.say("registered", ["thana": "\(thana.name) (\(thana.code))"])],
                    audit: [
                        AuditEntry(
                            at: facts.now, by: actor, action: "register", ref: nil, before: before.isEmpty ? "unbound" : before,
                            after: "\(thana.code) chat \(chat)")
                    ])
            })
    }
}
