/// Which chats a command menu set with `setMyCommands` applies to. Telegram shows the most specific scope that
/// matches a chat: a chat's own list, then all private (or all group) chats, then the default.
public enum BotCommandScope: Sendable, Hashable, Encodable {
    /// Every chat without a more specific list.
    case `default`
    /// All private chats with the bot.
    case allPrivateChats
    /// All groups and supergroups.
    case allGroupChats
    /// One chat; for a private chat its id is the user's id (e.g. an officer's own menu).
    case chat(chatID: Int64)

    /// Telegram's `type` for this scope.
    public var type: String {
        switch self {
        case .default: "default"
        case .allPrivateChats: "all_private_chats"
        case .allGroupChats: "all_group_chats"
        case .chat: "chat"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type
        case chatID = "chat_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        if case .chat(let chatID) = self { try container.encode(chatID, forKey: .chatID) }
    }
}
