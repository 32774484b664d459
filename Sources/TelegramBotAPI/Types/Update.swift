/// One incoming update. Kinds Senani does not handle decode with all their fields nil and are skipped.
///
/// Its parts are kept in one shared, immutable box: laid out inline, an update was 8 KB (four messages, a callback
/// and two membership changes, nearly all nil), and every copy of it on the way from the wire to a handler moved
/// all of it (a tenth of decoding time).
public struct Update: Codable, Sendable, Hashable {
    public var updateID: Int64
    private var parts: Parts

    public var message: Message? {
        get { parts.fields.message }
        set { parts = parts.with { $0.message = newValue } }
    }
    public var editedMessage: Message? {
        get { parts.fields.editedMessage }
        set { parts = parts.with { $0.editedMessage = newValue } }
    }
    public var channelPost: Message? {
        get { parts.fields.channelPost }
        set { parts = parts.with { $0.channelPost = newValue } }
    }
    public var editedChannelPost: Message? {
        get { parts.fields.editedChannelPost }
        set { parts = parts.with { $0.editedChannelPost = newValue } }
    }
    public var callbackQuery: CallbackQuery? {
        get { parts.fields.callbackQuery }
        set { parts = parts.with { $0.callbackQuery = newValue } }
    }
    public var myChatMember: ChatMemberUpdated? {
        get { parts.fields.myChatMember }
        set { parts = parts.with { $0.myChatMember = newValue } }
    }
    public var chatMember: ChatMemberUpdated? {
        get { parts.fields.chatMember }
        set { parts = parts.with { $0.chatMember = newValue } }
    }

    public init(updateID: Int64, message: Message? = nil) {
        self.updateID = updateID
        parts = Parts(Fields(message: message))
    }

    /// The update kinds Senani asks for in `getUpdates(allowed_updates:)`.
    public static let handledKinds = ["message", "edited_message", "callback_query", "my_chat_member"]

    enum CodingKeys: String, CodingKey {
        case updateID = "update_id"
    }

    public init(from decoder: any Decoder) throws {
        updateID = try decoder.container(keyedBy: CodingKeys.self).decode(Int64.self, forKey: .updateID)
        parts = Parts(try Fields(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(updateID, forKey: .updateID)
        try parts.fields.encode(to: encoder)
    }

    public static func == (a: Update, b: Update) -> Bool {
        a.updateID == b.updateID && (a.parts === b.parts || a.parts.fields == b.parts.fields)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(updateID)
        hasher.combine(parts.fields)
    }

    /// Everything but the id, as it was decoded (or set); decoded from, and encoded into, the update's own object.
    struct Fields: Codable, Sendable, Hashable {
        var message: Message?
        var editedMessage: Message?
        var channelPost: Message?
        var editedChannelPost: Message?
        var callbackQuery: CallbackQuery?
        var myChatMember: ChatMemberUpdated?
        var chatMember: ChatMemberUpdated?

        enum CodingKeys: String, CodingKey {
            case message
            case editedMessage = "edited_message"
            case channelPost = "channel_post"
            case editedChannelPost = "edited_channel_post"
            case callbackQuery = "callback_query"
            case myChatMember = "my_chat_member"
            case chatMember = "chat_member"
        }
    }

    /// The box: never changed once made; a setter makes a new one.
    final class Parts: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }

        func with(_ change: (inout Fields) -> Void) -> Parts {
            var copy = fields
            change(&copy)
            return Parts(copy)
        }
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
