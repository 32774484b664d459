import Foundation
import SenaniStore
import TelegramBotAPI

/// `/ask REF question`: the police ask the informant of a report, without naming the officer and without
/// learning who the informant is. A private tip's informant is asked privately; a group tip's as a reply to his
/// message in the group, with a link that opens a private chat bound to the report.
enum AskCommand {
    static func command(_ request: CommandRequest) -> Outcome {
        let words = request.rest.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let split = words.firstIndex(where: \.isWhitespace) else { return .send(request.reply("usage_ask")) }
        let ref = words[..<split].uppercased()
        let question = words[split...].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !question.isEmpty else { return .send(request.reply("usage_ask")) }
        let reply = ActionReply(request)
        let link = DeepLink.url(for: ref, context: request.context)
        return .effect(
            .act(FactsRequest(actorID: request.senderID, ref: ref)) { facts in
                decide(ref: ref, question: String(question.prefix(1000)), link: link, reply: reply, facts: facts)
            })
    }

    static func decide(ref: String, question: String, link: String?, reply: ActionReply, facts: ActionFacts) -> Decision {
        guard let report = facts.report else { return reply.notFound(ref) }
        if let refusal = AccessPolicy.check(facts.actor, .ask, report: report) { return reply.refuse(refusal, ref: ref) }
        guard let actor = facts.actor, facts.informantReachable, report.status != .closed else {
            return Decision(messages: [reply.say("ask_unreachable", ["ref": ref])])
        }
        let message: OutboxDraft
        if report.source == "private" {
            message = .toInformant(of: ref, template: "ask_private", parameters: ["ref": ref, "question": question])
        } else {
            var parameters = ["question": question, "ref": ref]
            // The tip itself may be gone from the group (`--delete-tips on`): then the question names the ref.
            if facts.reportThana?.deleteTips == true { parameters["deleted"] = "1" }
            message = OutboxDraft(
                chatID: report.chatID, template: "ask_group", parameters: parameters,
                replyToMessageID: report.messageID,
                buttons: link.map { [[OutboxButton(text: "button_answer_privately", url: $0)]] } ?? [])
        }
        return Decision(
            mutations: [.ask(ref: ref, askerID: actor.telegramID, text: question, message: message)],
            messages: [reply.say("ask_sent", ["ref": ref])],
            audit: [AuditEntry(at: facts.now, by: actor, action: "ask", ref: ref, before: nil, after: nil, detail: question)])
    }
}

/// A message in a group that replies to the bot: an answer to the police's question is relayed privately to the
/// officer who asked; anything else is a group message like any other.
enum GroupAnswer {
    static func wrapping(_ groupMessages: @escaping UpdateRouter.MessageHandler) -> UpdateRouter.MessageHandler {
        { message, context, edited in
            let otherwise = groupMessages(message, context, edited)
            guard !edited, let reply = message.replyToMessage, reply.from?.isBot == true,
                reply.from?.username?.lowercased() == context.botUsername?.lowercased(),
                context.intake.thanaByChat[message.chat.id] != nil, let sender = message.from, !sender.isBot,
                message.senderChat == nil, context.intake.officers[sender.id] == nil
            else { return otherwise }
            let body = message.body?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let incoming = InformantMessage(
                userID: sender.id, chatID: message.chat.id, messageID: message.messageID, replyToMessageID: reply.messageID,
                text: body.isEmpty ? nil : GroupTip.truncated(body), media: GroupTip.media(of: message),
                receivedAt: Date(timeIntervalSince1970: TimeInterval(message.date)))
            return Outcome(
                effects: [
                    .informant(incoming) { facts in
                        guard let question = facts.question else { return InformantDecision(otherwise: otherwise.effects) }
                        return Relay.answer(incoming, question: question, facts: facts)
                    }
                ])
        }
    }
}
