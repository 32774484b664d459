import Foundation

/// Calls the officers' side needs: photos and pins re-sent by file id, and per-chat command menus.
extension BotAPI {
    /// sendPhoto of a file Telegram already has, by its file id.
    public func sendPhoto(
        chatID: Int64, fileID: String, caption: String? = nil, parseMode: String? = "HTML",
        replyMarkup: InlineKeyboardMarkup? = nil
    ) async throws(BotAPIError) -> Message {
        struct Params: Encodable {
            var chat_id: Int64
            var photo: String
            var caption: String?
            var parse_mode: String?
            var reply_markup: InlineKeyboardMarkup?
        }
        return try await call(
            "sendPhoto",
            Params(
                chat_id: chatID, photo: fileID, caption: caption?.isEmpty == false ? caption : nil,
                parse_mode: caption?.isEmpty == false ? parseMode : nil, reply_markup: replyMarkup))
    }

    public func sendLocation(chatID: Int64, latitude: Double, longitude: Double) async throws(BotAPIError) -> Message {
        struct Params: Encodable {
            var chat_id: Int64
            var latitude: Double
            var longitude: Double
        }
        return try await call("sendLocation", Params(chat_id: chatID, latitude: latitude, longitude: longitude))
    }

    /// setMyCommands for one private chat only: an officer sees his role's commands, a citizen the default ones.
    public func setMyCommands(_ commands: [BotCommand], forChat chatID: Int64) async throws(BotAPIError) {
        struct Scope: Encodable {
            var type = "chat"
            var chat_id: Int64
        }
        struct Params: Encodable {
            var commands: [BotCommand]
            var scope: Scope
        }
        let _: Bool = try await call("setMyCommands", Params(commands: commands, scope: Scope(chat_id: chatID)))
    }
}

extension BotAPIError {
    /// Telegram's answer to an edit that changes nothing: the message already shows what was asked.
    public var isMessageNotModified: Bool {
        kind == .badRequest && message.contains("message is not modified")
    }
}
