import Foundation
import TelegramBotAPI

/// Updates built the way Telegram sends them, decoded through the real Codable types.
enum Updates {
    static func message(
        _ id: Int64 = 1, chat: Int64 = -1001, chatType: String = "supergroup", from user: Int64 = 555, isBot: Bool = false,
        text: String? = nil, caption: String? = nil, extra: [String: Any] = [:], edited: Bool = false
    ) -> Update {
        var message: [String: Any] = [
            "message_id": id, "date": 1_795_000_000,
            "chat": ["id": chat, "type": chatType, "title": "Cyber Senani"],
            "from": ["id": user, "is_bot": isBot, "first_name": "Informant", "username": "secret_name"],
        ]
        if let text {
            message["text"] = text
            if text.hasPrefix("/") {
                let command = text.split(separator: " ").first.map(String.init) ?? text
                message["entities"] = [["type": "bot_command", "offset": 0, "length": command.utf16.count]]
            }
        }
        if let caption { message["caption"] = caption }
        message.merge(extra) { _, new in new }
        return decode(["update_id": 100 + id, edited ? "edited_message" : "message": message])
    }

    static func decode(_ object: [String: Any]) -> Update {
        let data = try! JSONSerialization.data(withJSONObject: object)
        return try! JSONDecoder().decode(Update.self, from: data)
    }
}
