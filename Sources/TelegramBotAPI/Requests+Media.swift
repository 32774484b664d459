import Foundation

/// `sendPhoto` parameters. A photo Telegram already has goes by file id as JSON; new bytes (a digest chart) go
/// as a multipart/form-data upload.
public struct SendPhoto: Sendable, Hashable {
    /// Where the photo comes from.
    public enum Photo: Sendable, Hashable {
        /// A `file_id` from an earlier message (or an HTTP URL Telegram fetches itself).
        case fileID(String)
        /// PNG bytes to upload, with the file name Telegram shows.
        case png(Data, fileName: String = "photo.png")
    }

    public var chatID: Int64
    public var photo: Photo
    /// Up to 1024 characters after entity parsing.
    public var caption: String?
    /// `HTML` whenever the caption came from a template.
    public var parseMode: String?
    public var replyParameters: ReplyParameters?
    public var replyMarkup: InlineKeyboardMarkup?
    public var disableNotification: Bool?
    public var messageThreadID: Int64?

    public init(
        chatID: Int64, photo: Photo, caption: String? = nil, parseMode: String? = "HTML",
        replyParameters: ReplyParameters? = nil, replyMarkup: InlineKeyboardMarkup? = nil,
        disableNotification: Bool? = nil, messageThreadID: Int64? = nil
    ) {
        self.chatID = chatID
        self.photo = photo
        self.caption = caption
        self.parseMode = caption == nil ? nil : parseMode
        self.replyParameters = replyParameters
        self.replyMarkup = replyMarkup
        self.disableNotification = disableNotification
        self.messageThreadID = messageThreadID
    }

    /// Every parameter but the photo, as JSON values (the shape both the JSON and the multipart form need).
    struct Fields: Encodable {
        var chat_id: Int64
        var photo: String?
        var caption: String?
        var parse_mode: String?
        var reply_parameters: ReplyParameters?
        var reply_markup: InlineKeyboardMarkup?
        var disable_notification: Bool?
        var message_thread_id: Int64?
    }

    var fields: Fields {
        var photoID: String? = nil
        if case .fileID(let id) = photo { photoID = id }
        return Fields(
            chat_id: chatID, photo: photoID, caption: caption, parse_mode: parseMode,
            reply_parameters: replyParameters, reply_markup: replyMarkup, disable_notification: disableNotification,
            message_thread_id: messageThreadID)
    }

    /// The form parts of an upload: plain values as text, objects as JSON text (as Telegram reads form fields),
    /// and the photo as a file part.
    func multipartParts(png: Data, fileName: String) throws -> [MultipartPart] {
        var parts: [MultipartPart] = [.field("chat_id", String(chatID))]
        if let messageThreadID { parts.append(.field("message_thread_id", String(messageThreadID))) }
        if let caption { parts.append(.field("caption", caption)) }
        if let parseMode { parts.append(.field("parse_mode", parseMode)) }
        if let disableNotification { parts.append(.field("disable_notification", disableNotification ? "true" : "false")) }
        let encoder = JSONEncoder()
        if let replyParameters {
            parts.append(MultipartPart(name: "reply_parameters", data: try encoder.encode(replyParameters)))
        }
        if let replyMarkup { parts.append(MultipartPart(name: "reply_markup", data: try encoder.encode(replyMarkup))) }
        parts.append(.file("photo", fileName: fileName, contentType: "image/png", data: png))
        return parts
    }
}

/// `sendLocation` parameters: a pin on the map (a tip's reported location, sent to the SHO).
public struct SendLocation: Encodable, Sendable, Hashable {
    public var chatID: Int64
    public var latitude: Double
    public var longitude: Double
    /// Radius of uncertainty in metres, 0–1500.
    public var horizontalAccuracy: Double?
    public var replyParameters: ReplyParameters?
    public var replyMarkup: InlineKeyboardMarkup?
    public var disableNotification: Bool?
    public var messageThreadID: Int64?

    public init(
        chatID: Int64, latitude: Double, longitude: Double, horizontalAccuracy: Double? = nil,
        replyParameters: ReplyParameters? = nil, replyMarkup: InlineKeyboardMarkup? = nil,
        disableNotification: Bool? = nil, messageThreadID: Int64? = nil
    ) {
        self.chatID = chatID
        self.latitude = latitude
        self.longitude = longitude
        self.horizontalAccuracy = horizontalAccuracy
        self.replyParameters = replyParameters
        self.replyMarkup = replyMarkup
        self.disableNotification = disableNotification
        self.messageThreadID = messageThreadID
    }

    enum CodingKeys: String, CodingKey {
        case latitude, longitude
        case chatID = "chat_id"
        case horizontalAccuracy = "horizontal_accuracy"
        case replyParameters = "reply_parameters"
        case replyMarkup = "reply_markup"
        case disableNotification = "disable_notification"
        case messageThreadID = "message_thread_id"
    }
}
