import Foundation
import Logging

/// The Bot API, one Swift method per Bot API method Senani uses. Knows nothing of thanas or tips.
public struct BotAPI: Sendable {
    public let configuration: BotAPIConfiguration
    let transport: any BotAPITransport
    let logger: Logger

    public init(configuration: BotAPIConfiguration, transport: any BotAPITransport, logger: Logger) {
        self.configuration = configuration
        self.transport = transport
        self.logger = logger
    }

    /// The bot itself; its `canReadAllGroupMessages` tells whether privacy mode hides plain group messages.
    public func getMe() async throws(BotAPIError) -> User {
        try await call("getMe", Empty())
    }

    /// Long-polls for updates after `offset - 1`. Each update is decoded on its own so one bad update
    /// cannot hide the others.
    public func getUpdates(
        offset: Int64?, limit: Int = 100, timeout: Int, allowedUpdates: [String] = Update.handledKinds
    ) async throws(BotAPIError) -> [IncomingUpdate] {
        struct Params: Encodable {
            var offset: Int64?
            var limit: Int
            var timeout: Int
            var allowed_updates: [String]
        }
        let params = Params(offset: offset, limit: limit, timeout: timeout, allowed_updates: allowedUpdates)
        let response = try await post("getUpdates", params, timeout: .seconds(timeout) + configuration.longPollGrace)
        return try UpdateBatchDecoder.decode(response, offset: offset)
    }

    /// Decodes the body of a getUpdates answer as `getUpdates` does: each update on its own, a malformed one as
    /// `.undecodable`; an error envelope or a body that is not a Bot API answer throws. For fuzzing and tests.
    public static func decodeUpdates(_ data: Data) throws(BotAPIError) -> [IncomingUpdate] {
        try UpdateBatchDecoder.decode(HTTPResponse(status: 200, body: data))
    }

    /// Sends a text message. Returns the sent message (with its `messageID`).
    public func sendMessage(_ request: SendMessage) async throws(BotAPIError) -> Message {
        try await call("sendMessage", request)
    }

    /// Replaces a message's text (and buttons). Editing to the same text and buttons fails with
    /// `BotAPIError.isMessageNotModified`, which callers may treat as success.
    public func editMessageText(
        chatID: Int64, messageID: Int64, text: String, parseMode: String? = "HTML",
        replyMarkup: InlineKeyboardMarkup? = nil
    ) async throws(BotAPIError) {
        struct Params: Encodable {
            var chat_id: Int64
            var message_id: Int64
            var text: String
            var parse_mode: String?
            var reply_markup: InlineKeyboardMarkup?
        }
        let _: EditResult = try await call(
            "editMessageText",
            Params(chat_id: chatID, message_id: messageID, text: text, parse_mode: parseMode, reply_markup: replyMarkup))
    }

    /// Replaces (or with nil removes) a message's inline buttons.
    public func editMessageReplyMarkup(
        chatID: Int64, messageID: Int64, replyMarkup: InlineKeyboardMarkup?
    ) async throws(BotAPIError) {
        struct Params: Encodable {
            var chat_id: Int64
            var message_id: Int64
            var reply_markup: InlineKeyboardMarkup?
        }
        let _: EditResult = try await call(
            "editMessageReplyMarkup", Params(chat_id: chatID, message_id: messageID, reply_markup: replyMarkup))
    }

    /// Answers a button tap; Telegram shows `text` as a toast (or an alert) and stops the button's spinner.
    public func answerCallbackQuery(id: String, text: String? = nil, showAlert: Bool = false) async throws(BotAPIError) {
        struct Params: Encodable {
            var callback_query_id: String
            var text: String?
            var show_alert: Bool
        }
        let _: Bool = try await call(
            "answerCallbackQuery", Params(callback_query_id: id, text: text, show_alert: showAlert))
    }

    /// Deletes a message: the bot's own, or another's where the bot may (an administrator with the right, or a
    /// private chat).
    public func deleteMessage(chatID: Int64, messageID: Int64) async throws(BotAPIError) {
        struct Params: Encodable {
            var chat_id: Int64
            var message_id: Int64
        }
        let _: Bool = try await call("deleteMessage", Params(chat_id: chatID, message_id: messageID))
    }
}

struct Empty: Encodable {}

/// `editMessage*` answers `true` for inline messages and the edited Message otherwise; either is success.
struct EditResult: Decodable {
    init(from decoder: any Decoder) throws {}
}
