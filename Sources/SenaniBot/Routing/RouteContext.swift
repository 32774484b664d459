import Foundation
import SenaniStore
import TelegramBotAPI
import TipAnalysis

/// Everything a handler may read besides the update: what the store knew at the start of the batch, the bot's
/// own name, and the tools handlers share. Handlers are pure functions of this and the update.
public struct RouteContext: Sendable {
    public var intake: IntakeContext
    /// The bot's username without `@`, to tell `/ack@ThisBot` from `/ack@OtherBot`.
    public var botUsername: String?
    public var analyzer: TipAnalyzer
    public var buttons: CallbackSigner

    public init(intake: IntakeContext, botUsername: String?, analyzer: TipAnalyzer, buttons: CallbackSigner) {
        self.intake = intake
        self.botUsername = botUsername
        self.analyzer = analyzer
        self.buttons = buttons
    }
}

/// A command sent to the bot, parsed: `/close@SenaniBot KHG-SADAR-000123 no_substance checked twice`.
public struct CommandRequest: Sendable {
    public var name: String
    /// The words after the command.
    public var arguments: [String]
    /// The text after the command, as typed.
    public var rest: String
    public var message: Message
    /// The sender, with his officer record when he has one.
    public var senderID: Int64
    public var officer: Officer?
    public var context: RouteContext

    /// Where a refusal or a short answer goes: the chat the command came from, as a reply to it.
    public func reply(_ template: String, _ parameters: [String: String] = [:]) -> OutboxDraft {
        OutboxDraft(
            chatID: message.chat.id, template: template, parameters: parameters, replyToMessageID: message.messageID)
    }

    /// Where tip content goes: always the sender's private chat, never a group.
    public func privately(_ template: String, _ parameters: [String: String] = [:]) -> OutboxDraft {
        OutboxDraft(chatID: senderID, template: template, parameters: parameters)
    }

    public var inGroup: Bool { message.chat.isGroup }
}

/// A tap on one of the bot's inline buttons, with its data verified.
public struct ButtonRequest: Sendable {
    public var query: CallbackQuery
    public var data: CallbackData
    public var officer: Officer?
    public var context: RouteContext

    /// The toast that stops the button's spinner.
    public func answer(_ template: String, _ parameters: [String: String] = [:]) -> OutboxDraft {
        OutboxDraft(chatID: query.from.id, template: template, parameters: parameters, kind: .callbackAnswer(queryID: query.id))
    }

    /// The chat and message the tapped button is under, when Telegram still lets the bot see it.
    public var tapped: (chatID: Int64, messageID: Int64)? {
        guard let message = query.message, message.date != 0 else { return nil }
        return (message.chat.id, message.messageID)
    }
}
