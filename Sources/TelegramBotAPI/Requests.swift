/// `sendMessage` parameters.
public struct SendMessage: Encodable, Sendable, Hashable {
    public var chatID: Int64
    public var text: String
    /// `HTML` whenever the text came from a template (its values are HTML-escaped).
    public var parseMode: String?
    public var replyParameters: ReplyParameters?
    public var replyMarkup: InlineKeyboardMarkup?
    public var linkPreviewOptions: LinkPreviewOptions?
    public var disableNotification: Bool?
    public var messageThreadID: Int64?

    public init(
        chatID: Int64, text: String, parseMode: String? = "HTML", replyParameters: ReplyParameters? = nil,
        replyMarkup: InlineKeyboardMarkup? = nil, disableNotification: Bool? = nil, messageThreadID: Int64? = nil
    ) {
        self.chatID = chatID
        self.text = text
        self.parseMode = parseMode
        self.replyParameters = replyParameters
        self.replyMarkup = replyMarkup
        self.linkPreviewOptions = LinkPreviewOptions(isDisabled: true)
        self.disableNotification = disableNotification
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case text
        case chatID = "chat_id"
        case parseMode = "parse_mode"
        case replyParameters = "reply_parameters"
        case replyMarkup = "reply_markup"
        case linkPreviewOptions = "link_preview_options"
        case disableNotification = "disable_notification"
        case messageThreadID = "message_thread_id"
    }
}

/// Which message a sent message replies to.
public struct ReplyParameters: Codable, Sendable, Hashable {
    public var messageID: Int64
    /// Send anyway if the message was deleted meanwhile.
    public var allowSendingWithoutReply: Bool?

    public init(messageID: Int64, allowSendingWithoutReply: Bool? = true) {
        self.messageID = messageID
        self.allowSendingWithoutReply = allowSendingWithoutReply
    }

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id"
        case allowSendingWithoutReply = "allow_sending_without_reply"
    }
}

/// Link preview settings of a sent message.
public struct LinkPreviewOptions: Codable, Sendable, Hashable {
    public var isDisabled: Bool?

    public init(isDisabled: Bool?) {
        self.isDisabled = isDisabled
    }

    enum CodingKeys: String, CodingKey {
        case isDisabled = "is_disabled"
    }
}
