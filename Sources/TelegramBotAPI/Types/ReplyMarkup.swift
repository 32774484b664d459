/// Buttons under a message.
public struct InlineKeyboardMarkup: Codable, Sendable, Hashable {
    public var inlineKeyboard: [[InlineKeyboardButton]]

    public init(_ rows: [[InlineKeyboardButton]]) {
        self.inlineKeyboard = rows
    }

    enum CodingKeys: String, CodingKey {
        case inlineKeyboard = "inline_keyboard"
    }
}

/// One button: a tap sends `callbackData` back to the bot, or opens `url` (e.g. a `t.me/<bot>?start=…` deep link).
public struct InlineKeyboardButton: Codable, Sendable, Hashable {
    public var text: String
    public var callbackData: String?
    public var url: String?

    public init(text: String, callbackData: String) {
        self.text = text
        self.callbackData = callbackData
    }

    /// A button that opens `url`: an https link, or a `tg://` / `t.me` deep link.
    public init(text: String, url: String) {
        self.text = text
        self.url = url
    }

    enum CodingKeys: String, CodingKey {
        case text, url
        case callbackData = "callback_data"
    }
}

/// A command shown in the client's menu.
public struct BotCommand: Codable, Sendable, Hashable {
    public var command: String
    public var description: String

    public init(command: String, description: String) {
        self.command = command
        self.description = description
    }
}
