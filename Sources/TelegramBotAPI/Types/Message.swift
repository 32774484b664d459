/// A message, as much of it as Senani reads. Unknown fields are ignored, so new Bot API versions keep decoding.
public struct Message: Codable, Sendable, Hashable {
    public var messageID: Int64
    public var messageThreadID: Int64?
    public var from: User?
    /// Set when the message was sent on behalf of a chat (anonymous group admin, linked channel).
    public var senderChat: Chat?
    public var date: Int64
    public var chat: Chat
    public var editDate: Int64?
    public var forwardOrigin: MessageOrigin?
    public var isAutomaticForward: Bool?
    public var replyToMessage: RepliedMessage?
    public var viaBot: User?
    public var mediaGroupID: String?
    public var text: String?
    public var entities: [MessageEntity]?
    public var caption: String?
    public var captionEntities: [MessageEntity]?
    public var photo: [PhotoSize]?
    public var document: FileAttachment?
    public var video: FileAttachment?
    public var voice: FileAttachment?
    public var audio: FileAttachment?
    public var animation: FileAttachment?
    public var videoNote: FileAttachment?
    public var location: Location?
    public var venue: Venue?
    public var contact: Contact?
    public var newChatMembers: [User]?
    public var leftChatMember: User?
    public var groupChatCreated: Bool?
    public var supergroupChatCreated: Bool?
    /// Service message in the old group: it became the supergroup with this id.
    public var migrateToChatID: Int64?
    /// Service message in the new supergroup: it was the group with this id.
    public var migrateFromChatID: Int64?

    public init(messageID: Int64, from: User?, date: Int64, chat: Chat, text: String? = nil) {
        self.messageID = messageID
        self.from = from
        self.date = date
        self.chat = chat
        self.text = text
    }

    /// The words of the message: its text, or the caption of its media.
    public var body: String? { text ?? caption }

    /// The bot command this message starts with (`/ack@SenaniBot KHG-1` → `("ack", "SenaniBot", "KHG-1")`).
    ///
    /// The entity's offset and length come from outside and may be anything (zero, negative, past the text):
    /// they are checked, never trusted, so a hostile entity yields nil instead of a trap.
    public var command: (name: String, mention: String?, arguments: String)? {
        guard let text, text.hasPrefix("/"),
            let entity = entities?.first, entity.type == "bot_command", entity.offset == 0
        else { return nil }
        let utf16 = Array(text.utf16)
        // At least the slash and one character; at most the whole text.
        guard entity.length >= 2 else { return nil }
        let end = min(entity.length, utf16.count)
        guard end >= 2 else { return nil }
        let word = String(decoding: utf16[1..<end], as: UTF16.self)
        let rest = String(decoding: utf16[end...], as: UTF16.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = word.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty else { return nil }
        return (name.lowercased(), parts.count > 1 ? parts[1] : nil, rest)
    }

    enum CodingKeys: String, CodingKey {
        case from, date, chat, text, entities, caption, photo, document, video, voice, audio, animation
        case location, venue, contact
        case messageID = "message_id"
        case messageThreadID = "message_thread_id"
        case senderChat = "sender_chat"
        case editDate = "edit_date"
        case forwardOrigin = "forward_origin"
        case isAutomaticForward = "is_automatic_forward"
        case replyToMessage = "reply_to_message"
        case viaBot = "via_bot"
        case mediaGroupID = "media_group_id"
        case captionEntities = "caption_entities"
        case videoNote = "video_note"
        case newChatMembers = "new_chat_members"
        case leftChatMember = "left_chat_member"
        case groupChatCreated = "group_chat_created"
        case supergroupChatCreated = "supergroup_chat_created"
        case migrateToChatID = "migrate_to_chat_id"
        case migrateFromChatID = "migrate_from_chat_id"
    }
}

/// The message another message replies to (one level deep: Telegram does not nest further).
public struct RepliedMessage: Codable, Sendable, Hashable {
    public var messageID: Int64
    public var from: User?
    public var chat: Chat
    public var text: String?

    enum CodingKeys: String, CodingKey {
        case from, chat, text
        case messageID = "message_id"
    }
}

/// A special span of a message's text (command, mention, URL...). Offsets and lengths are UTF-16 units.
public struct MessageEntity: Codable, Sendable, Hashable {
    public var type: String
    public var offset: Int
    public var length: Int

    public init(type: String, offset: Int, length: Int) {
        self.type = type
        self.offset = offset
        self.length = length
    }
}

/// Where a forwarded message first came from.
public struct MessageOrigin: Codable, Sendable, Hashable {
    /// `user`, `hidden_user`, `chat` or `channel`.
    public var type: String
    public var date: Int64
    public var senderUser: User?
    public var senderUserName: String?
    public var senderChat: Chat?
    public var chat: Chat?
    public var messageID: Int64?

    enum CodingKeys: String, CodingKey {
        case type, date, chat
        case senderUser = "sender_user"
        case senderUserName = "sender_user_name"
        case senderChat = "sender_chat"
        case messageID = "message_id"
    }
}
