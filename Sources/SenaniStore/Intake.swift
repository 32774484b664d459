import Foundation
import TipAnalysis

/// What the update handler needs to know about the world to decide, read once per batch.
public struct IntakeContext: Sendable, Hashable {
    /// Bound group chat id → thana code.
    public var thanaByChat: [Int64: String]
    /// Every registered officer by Telegram user id.
    public var officers: [Int64: Officer]

    public init(thanaByChat: [Int64: String] = [:], officers: [Int64: Officer] = [:]) {
        self.thanaByChat = thanaByChat
        self.officers = officers
    }
}

/// A tip to queue. The informant's user id is turned into a pseudonym inside the store and not kept.
public struct NewReport: Sendable, Hashable {
    public var thanaCode: String
    public var chatID: Int64
    public var messageID: Int64
    public var reporterUserID: Int64
    public var text: String
    public var receivedAt: Date
    public var analysis: TipAnalysis
    public var media: [MediaRef]
    public var location: GeoPoint?
    public var forwardOrigin: String?

    public init(
        thanaCode: String, chatID: Int64, messageID: Int64, reporterUserID: Int64, text: String, receivedAt: Date,
        analysis: TipAnalysis, media: [MediaRef] = [], location: GeoPoint? = nil, forwardOrigin: String? = nil
    ) {
        self.thanaCode = thanaCode
        self.chatID = chatID
        self.messageID = messageID
        self.reporterUserID = reporterUserID
        self.text = text
        self.receivedAt = receivedAt
        self.analysis = analysis
        self.media = media
        self.location = location
        self.forwardOrigin = forwardOrigin
    }
}

/// A message to send later, named by its template. The text is rendered when it is sent.
public struct OutboxDraft: Sendable, Hashable {
    public var chatID: Int64
    public var template: String
    /// Values for the template. For a draft attached to a new report the store adds `ref` (and `duplicate_of`).
    public var parameters: [String: String]
    public var replyToMessageID: Int64?
    /// Inline buttons as rows of (label template key, callback data).
    public var buttons: [[OutboxButton]]

    public init(
        chatID: Int64, template: String, parameters: [String: String] = [:], replyToMessageID: Int64? = nil,
        buttons: [[OutboxButton]] = []
    ) {
        self.chatID = chatID
        self.template = template
        self.parameters = parameters
        self.replyToMessageID = replyToMessageID
        self.buttons = buttons
    }
}

/// One inline button of an outgoing message.
public struct OutboxButton: Sendable, Hashable, Codable {
    public var text: String
    public var data: String

    public init(text: String, data: String) {
        self.text = text
        self.data = data
    }
}

/// One change an update causes. The store applies a batch of them and the new offset in one transaction.
public enum IntakeEffect: Sendable, Hashable {
    /// Queue a tip; each draft in `replies` gets the report's `ref` once it is known.
    case newReport(NewReport, replies: [OutboxDraft])
    /// The informant edited his message: update a still-`new` report's text and analysis, or queue it if the
    /// edit made it a tip (with `replies` then).
    case editReport(NewReport, replies: [OutboxDraft])
    /// A message with only a photo or a location pin, sent right after a tip by the same informant in the same
    /// chat: attach it to that report.
    case attachToRecent(chatID: Int64, reporterUserID: Int64, at: Date, media: [MediaRef], location: GeoPoint?)
    /// A group became a supergroup: the thana binding and queued messages follow the new id.
    case migrateChat(from: Int64, to: Int64)
    case send(OutboxDraft)
}

/// The outcome of one batch of updates: what to apply, and the offset that confirms them.
public struct IntakeBatch: Sendable, Hashable {
    public var effects: [IntakeEffect]
    /// The next `getUpdates` offset: last update id + 1.
    public var nextOffset: Int64

    public init(effects: [IntakeEffect], nextOffset: Int64) {
        self.effects = effects
        self.nextOffset = nextOffset
    }
}

/// What a committed batch did, for logs and tests.
public struct IntakeSummary: Sendable, Hashable {
    public var newReports: [String] = []
    public var duplicates: [String] = []
    public var updatedReports: [String] = []
    public var queuedMessages = 0
    public var migratedChats = 0
    /// Messages that were already stored (a replay after a crash): applied once only.
    public var replayed = 0

    public init() {}
}
