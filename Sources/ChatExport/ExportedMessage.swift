import Foundation

/// The chat an export belongs to, from the keys Telegram Desktop writes before `messages`.
public struct ExportedChat: Sendable, Hashable {
    /// The group's title, e.g. "Cyber Senani Khagaria Sadar".
    public var name: String?
    /// Desktop's chat type: `private_group`, `private_supergroup`, `public_supergroup`, `private_channel`, ...
    public var type: String?
    /// The bare chat id as Desktop writes it (without the Bot API's `-100` prefix).
    public var id: Int64?

    public init(name: String? = nil, type: String? = nil, id: Int64? = nil) {
        self.name = name
        self.type = type
        self.id = id
    }
}

/// One message of a Telegram Desktop chat export, reduced to what intake needs.
public struct ExportedMessage: Sendable, Hashable {
    /// The message id within the chat (unique per chat, increasing).
    public var id: Int64
    /// `true` for service messages (joined, pinned, group created, migrated): never a tip.
    public var isService: Bool
    /// When it was sent (from `date_unixtime`, else from `date` read as IST).
    public var date: Date
    /// The sender's display name as Desktop wrote it, or the actor's for a service message.
    ///
    /// Kept only so that a caller can show or deliberately ignore it: it must never be stored, logged or exported.
    /// Informants are known to officers by pseudonym only; derive that from `fromID`.
    public var fromName: String?
    /// `user123456789`, `channel1234567890` or `chat…`: the sender, or the actor of a service message.
    public var fromID: String?
    /// The text as a plain string: entity arrays (bold, links, mentions, phones...) are joined in order.
    public var text: String
    /// The message carries a photo, whether or not the file itself was exported.
    public var hasPhoto: Bool
    /// The photo's path relative to the export folder (`photos/photo_12@01-03-2024_10-15-02.jpg`), or nil when
    /// Desktop did not include the file ("(File not included. ...)").
    public var photoPath: String?
    /// Desktop's `media_type` for documents: `voice_message`, `video_file`, `sticker`, `animation`...
    public var mediaType: String?
    /// A location pin (or a venue's point), in degrees.
    public var location: Location?
    /// The message was forwarded from somewhere else.
    public var isForwarded: Bool
    /// The name of the original chat or sender of a forward, when Desktop knew it. Like `fromName`, may be a
    /// person's name: never stored.
    public var forwardedFrom: String?
    /// The message was edited after it was sent.
    public var edited: Bool
    /// The message this one answers, in the same chat.
    public var replyToMessageID: Int64?
    /// For a service message, what happened: `invite_members`, `join_group_by_link`, `pin_message`, `create_group`,
    /// `migrate_to_supergroup`, `migrate_from_group`...
    public var action: String?

    /// A point on the map.
    public struct Location: Sendable, Hashable {
        public var latitude: Double
        public var longitude: Double

        public init(latitude: Double, longitude: Double) {
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    public init(
        id: Int64, isService: Bool = false, date: Date, fromName: String? = nil, fromID: String? = nil,
        text: String = "", hasPhoto: Bool = false, photoPath: String? = nil, mediaType: String? = nil,
        location: Location? = nil, isForwarded: Bool = false, forwardedFrom: String? = nil, edited: Bool = false,
        replyToMessageID: Int64? = nil, action: String? = nil
    ) {
        self.id = id
        self.isService = isService
        self.date = date
        self.fromName = fromName
        self.fromID = fromID
        self.text = text
        self.hasPhoto = hasPhoto
        self.photoPath = photoPath
        self.mediaType = mediaType
        self.location = location
        self.isForwarded = isForwarded
        self.forwardedFrom = forwardedFrom
        self.edited = edited
        self.replyToMessageID = replyToMessageID
        self.action = action
    }
}
