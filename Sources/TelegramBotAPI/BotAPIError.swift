/// A failed Bot API call, already interpreted: callers switch on `kind`, never on raw HTTP, curl or Telegram codes.
public struct BotAPIError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in the terms a caller acts on.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unauthorized, conflict, rateLimited, chatMigrated, forbidden, badRequest, notFound
            case server, transport, invalidResponse, cancelled
        }
        private let base: Base

        /// 401: the token is wrong or revoked. Nothing will work until an operator fixes it.
        public static let unauthorized = Kind(base: .unauthorized)
        /// 409: another getUpdates is running for this token (a second bot, or our own previous poll).
        public static let conflict = Kind(base: .conflict)
        /// 429: wait `retryAfter` seconds.
        public static let rateLimited = Kind(base: .rateLimited)
        /// 400 with `migrate_to_chat_id`: the group became a supergroup with a new id.
        public static let chatMigrated = Kind(base: .chatMigrated)
        /// 403: the bot was blocked, kicked, or may not write there.
        public static let forbidden = Kind(base: .forbidden)
        /// 400: Telegram refused the request; `description` says why. Sending it again will not help.
        public static let badRequest = Kind(base: .badRequest)
        /// 404: wrong method or malformed token.
        public static let notFound = Kind(base: .notFound)
        /// 5xx: Telegram's side; try again later.
        public static let server = Kind(base: .server)
        /// The request did not complete (DNS, connect, TLS, timeout, reset).
        public static let transport = Kind(base: .transport)
        /// An answer that is not a Bot API envelope, or not the shape expected.
        public static let invalidResponse = Kind(base: .invalidResponse)
        /// The call was aborted because its task was cancelled (shutdown).
        public static let cancelled = Kind(base: .cancelled)

        public var description: String { base.rawValue }
    }

    public var kind: Kind
    /// The Bot API method that failed, e.g. `sendMessage`.
    public var method: String
    /// Telegram's `error_code`, or the HTTP status when there was no envelope.
    public var errorCode: Int?
    /// Telegram's description or the transport's message. Never contains the token.
    public var message: String
    /// With `.rateLimited`: seconds to wait.
    public var retryAfter: Int?
    /// With `.chatMigrated`: the chat's new id.
    public var migrateToChatID: Int64?

    public init(
        _ kind: Kind, method: String, errorCode: Int? = nil, message: String, retryAfter: Int? = nil,
        migrateToChatID: Int64? = nil
    ) {
        self.kind = kind
        self.method = method
        self.errorCode = errorCode
        self.message = message
        self.retryAfter = retryAfter
        self.migrateToChatID = migrateToChatID
    }

    /// Whether the same request may succeed later without change (server trouble, network trouble, rate limit).
    public var isTransient: Bool {
        [.server, .transport, .invalidResponse, .rateLimited, .conflict].contains(kind)
    }

    /// An edit that would change nothing (same text and buttons). Telegram answers 400; for a caller that only
    /// wants the message to look this way, that is success.
    public var isMessageNotModified: Bool {
        kind == .badRequest && message.contains("message is not modified")
    }

    /// A private chat the bot may not write to because the user never pressed Start (or deleted the chat).
    public var isConversationNotStarted: Bool {
        kind == .forbidden && message.contains("can't initiate conversation")
    }

    /// The user blocked the bot.
    public var isBlockedByUser: Bool {
        kind == .forbidden && message.contains("bot was blocked by the user")
    }

    public var description: String {
        var text = "\(method): \(kind)"
        if let errorCode { text += " (\(errorCode))" }
        if !message.isEmpty { text += ": \(message)" }
        return text
    }
}
