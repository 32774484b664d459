import Foundation

/// A Telegram user as the fake server sends it in updates.
public struct FakeUser: Sendable, Hashable {
    /// Telegram user id (positive; also the id of the private chat with the bot).
    public var id: Int64
    /// `first_name`, always present.
    public var firstName: String
    /// `last_name`, if the user set one.
    public var lastName: String?
    /// `username` without the `@`, if the user has one.
    public var username: String?
    /// `is_bot`.
    public var isBot: Bool

    /// A user; only `id` and `firstName` are required, as in Telegram.
    public init(id: Int64, firstName: String, lastName: String? = nil, username: String? = nil, isBot: Bool = false) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.username = username
        self.isBot = isBot
    }

    /// The `User` object Telegram would send.
    public var json: JSONValue {
        var user: [String: JSONValue] = ["id": .int(id), "is_bot": .bool(isBot), "first_name": .string(firstName)]
        if let lastName { user["last_name"] = .string(lastName) }
        if let username { user["username"] = .string(username) }
        if !isBot { user["language_code"] = "hi" }
        return .object(user)
    }
}

/// Where a fake forwarded message first came from (`forward_origin`).
public enum FakeForwardOrigin: Sendable, Hashable {
    case user(FakeUser)
    case hiddenUser(name: String)
    case channel(chatID: Int64, title: String, messageID: Int64)
}

/// A fault the fake server answers with instead of the normal answer; see `FakeBotAPI.inject(_:on:times:)`.
public enum Fault: Sendable, Hashable {
    /// 429 with `parameters.retry_after`.
    case rateLimited(retryAfter: Int)
    /// An nginx-style HTML error page with this HTTP status (e.g. 502), not a Bot API envelope.
    case serverError(status: Int)
    /// Closes the connection without answering.
    case dropConnection
    /// HTTP 200 with a body that is not JSON.
    case invalidJSON
    /// HTTP 200 with exactly these bytes as the body (application/json), for answers no builder makes.
    case rawBody(Data)
    /// Waits this long, then answers normally.
    case delay(Duration)
    /// 409 "terminated by other getUpdates request".
    case conflict
    /// 401 Unauthorized.
    case unauthorized
    /// 403 with this description.
    case forbidden(String)
    /// 400 with this description.
    case badRequest(String)
    /// 400 with `parameters.migrate_to_chat_id`.
    case chatMigrated(to: Int64)
}

/// One request the fake server received.
public struct RecordedRequest: Sendable, Hashable {
    /// The Bot API method as it appeared in the URL, e.g. `sendMessage`.
    public var method: String
    /// The parameters from the JSON body, form body or query string.
    public var params: [String: JSONValue]
    /// When the request arrived.
    public var time: Date
    /// `POST` or `GET`.
    public var httpMethod: String
    /// Whether the URL carried the right token.
    public var authorized: Bool
    /// Files uploaded as multipart/form-data, by form field name (e.g. `photo`).
    public var files: [String: UploadedFile] = [:]
}

/// A file part of a multipart/form-data request, as the fake server received it.
public struct UploadedFile: Sendable, Hashable {
    /// The part's `filename`.
    public var fileName: String
    /// The part's `Content-Type`, if it had one.
    public var contentType: String?
    /// The bytes exactly as uploaded.
    public var data: Data
}

/// A photo the fake server accepted through `sendPhoto`.
public struct SentPhoto: Sendable, Hashable {
    public var chatID: Int64
    public var messageID: Int64
    /// The `file_id` sent, when the photo went by id (or URL).
    public var fileID: String?
    /// The upload, when the photo went as bytes.
    public var upload: UploadedFile?
    public var caption: String?
    public var parseMode: String?
    /// `reply_parameters.message_id`.
    public var replyToMessageID: Int64?
    public var replyMarkup: JSONValue?
    /// The `file_id` the fake gave the largest size of the sent photo (usable to send it again).
    public var resultFileID: String
}

/// A location pin the fake server accepted through `sendLocation`.
public struct SentLocation: Sendable, Hashable {
    public var chatID: Int64
    public var messageID: Int64
    public var latitude: Double
    public var longitude: Double
    /// `reply_parameters.message_id`.
    public var replyToMessageID: Int64?
    public var replyMarkup: JSONValue?
}

/// A message the fake server accepted from the bot through `sendMessage`.
public struct SentMessage: Sendable, Hashable {
    /// The `chat_id` it was sent to.
    public var chatID: Int64
    /// The id the fake server gave it.
    public var messageID: Int64
    /// Its text as sent (HTML markup included when `parseMode` is HTML).
    public var text: String
    /// `parse_mode`, if given.
    public var parseMode: String?
    /// `reply_parameters.message_id` (or the legacy `reply_to_message_id`).
    public var replyToMessageID: Int64?
    /// The `callback_data` of every inline button, row by row.
    public var callbackData: [String]
    /// The raw `reply_markup`, if any.
    public var replyMarkup: JSONValue?
}

/// Why a bounded wait of `FakeBotAPI` failed.
public struct FakeBotAPIWaitTimeout: Error, CustomStringConvertible {
    public var description: String
}
