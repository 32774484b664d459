/// A Telegram user or bot.
public struct User: Codable, Sendable, Hashable {
    public var id: Int64
    public var isBot: Bool
    public var firstName: String
    public var lastName: String?
    public var username: String?
    public var languageCode: String?
    /// Only in `getMe`: false when privacy mode hides plain group messages from the bot.
    public var canReadAllGroupMessages: Bool?
    public var canJoinGroups: Bool?

    public init(id: Int64, isBot: Bool, firstName: String, lastName: String? = nil, username: String? = nil) {
        self.id = id
        self.isBot = isBot
        self.firstName = firstName
        self.lastName = lastName
        self.username = username
    }

    enum CodingKeys: String, CodingKey {
        case id, username
        case isBot = "is_bot"
        case firstName = "first_name"
        case lastName = "last_name"
        case languageCode = "language_code"
        case canReadAllGroupMessages = "can_read_all_group_messages"
        case canJoinGroups = "can_join_groups"
    }
}
