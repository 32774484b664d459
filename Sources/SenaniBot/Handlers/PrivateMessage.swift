import SenaniStore
import TelegramBotAPI

/// A private message that is not a command. Private tips are not taken yet (issue 10): the informant is told
/// so, never left wondering whether it arrived.
enum PrivateMessage {
    static func handle(_ message: Message, context: RouteContext, edited: Bool) -> Outcome {
        guard message.chat.type == .private, !edited, let sender = message.from, !sender.isBot else {
            return .skip(.privateChat)
        }
        if context.intake.officers[sender.id] != nil {
            return .send(
                OutboxDraft(chatID: message.chat.id, template: "officer_unknown_message", replyToMessageID: message.messageID))
        }
        return Outcome(
            effects: [
                .send(
                    OutboxDraft(chatID: message.chat.id, template: "private_unavailable", replyToMessageID: message.messageID))
            ], skip: .privateChat)
    }
}
