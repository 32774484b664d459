/// One incoming update. Kinds Senani does not handle decode with all their fields nil and are skipped.
public struct Update: Codable, Sendable, Hashable {
    public var updateID: Int64
    public var message: Message?
    public var editedMessage: Message?
    public var channelPost: Message?
    public var editedChannelPost: Message?
    public var callbackQuery: CallbackQuery?
    public var myChatMember: ChatMemberUpdated?
    public var chatMember: ChatMemberUpdated?

    public init(updateID: Int64, message: Message? = nil) {
        self.updateID = updateID
        self.message = message
    }

    /// The update kinds Senani asks for in `getUpdates(allowed_updates:)`.
    public static let handledKinds = ["message", "edited_message", "callback_query", "my_chat_member"]

    enum CodingKeys: String, CodingKey {
        case message
        case updateID = "update_id"
        case editedMessage = "edited_message"
        case channelPost = "channel_post"
        case editedChannelPost = "edited_channel_post"
        case callbackQuery = "callback_query"
        case myChatMember = "my_chat_member"
        case chatMember = "chat_member"
    }
}

/// An update as it came off the wire: decoded, or kept as its id and the reason it could not be.
///
/// A poison update must never stall the poller: it is skipped by id, and its offset still advances.
/// `updateID` is always usable and always below `Int64.max`, so `updateID + 1` (the next offset) cannot overflow:
/// for an update whose `update_id` is missing or unreadable (not a number, out of range), it is the id its
/// position in the batch implies (one more than the update before it, or the requested offset for the first),
/// which is how Telegram numbers updates; `reason` then says the id was assumed.
public enum IncomingUpdate: Sendable, Hashable {
    case update(Update)
    case undecodable(updateID: Int64, reason: String)

    public var updateID: Int64 {
        switch self {
        case .update(let update): update.updateID
        case .undecodable(let id, _): id
        }
    }

    /// The getUpdates offset that confirms this update and every one before it.
    public var confirmingOffset: Int64 {
        updateID < Int64.max ? updateID + 1 : updateID
    }
}

/// A tap on an inline keyboard button.
public struct CallbackQuery: Codable, Sendable, Hashable {
    public var id: String
    public var from: User
    /// The message with the button, if it is still accessible to the bot.
    public var message: CallbackMessage?
    public var inlineMessageID: String?
    public var chatInstance: String?
    public var data: String?

    enum CodingKeys: String, CodingKey {
        case id, from, message, data
        case inlineMessageID = "inline_message_id"
        case chatInstance = "chat_instance"
    }
}

/// The message a callback came from. `date` is 0 when Telegram says the message is no longer accessible.
public struct CallbackMessage: Codable, Sendable, Hashable {
    public var messageID: Int64
    public var chat: Chat
    public var date: Int64
    public var text: String?

    enum CodingKeys: String, CodingKey {
        case chat, date, text
        case messageID = "message_id"
    }
}

/// A change of a member's status in a chat (`my_chat_member`: the bot's own).
public struct ChatMemberUpdated: Codable, Sendable, Hashable {
    public struct Member: Codable, Sendable, Hashable {
        /// `creator`, `administrator`, `member`, `restricted`, `left` or `kicked`.
        public var status: String
        public var user: User
    }

    public var chat: Chat
    public var from: User
    public var date: Int64
    public var oldChatMember: Member
    public var newChatMember: Member

    enum CodingKeys: String, CodingKey {
        case chat, from, date
        case oldChatMember = "old_chat_member"
        case newChatMember = "new_chat_member"
    }
}
