import SenaniStore
import TelegramBotAPI

/// A private message that is not a command: from an officer, a pointer to his commands; from anyone else, the
/// confidential channel (a private tip, a follow-up, an answer to the police).
enum PrivateMessage {
    static func handle(_ message: Message, context: RouteContext, edited: Bool) -> Outcome {
        guard message.chat.type == .private, !edited, let sender = message.from, !sender.isBot else {
            return .skip(.privateChat)
        }
        if context.intake.officers[sender.id] != nil {
            return .send(
                OutboxDraft(chatID: message.chat.id, template: "officer_unknown_message", replyToMessageID: message.messageID))
        }
        return ConfidentialTip.handle(message, context: context)
    }
}
