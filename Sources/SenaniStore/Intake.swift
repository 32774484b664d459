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
    /// `group`, or `private` for a confidential tip (then `chatID` is his private chat, stored only as a keyed
    /// token, and the export shows no chat or message id).
    public var source = "group"

    public init(
        thanaCode: String, chatID: Int64, messageID: Int64, reporterUserID: Int64, text: String, receivedAt: Date,
        analysis: TipAnalysis, media: [MediaRef] = [], location: GeoPoint? = nil, forwardOrigin: String? = nil,
        source: String = "group"
    ) {
        self.source = source
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

/// What to queue once a new tip is stored: composed from the stored report, which only the store knows whole
/// (its ref, the pseudonym, the repeat it links to).
public typealias TipFollowUp = @Sendable (StoredTip) -> [OutboxDraft]

/// A decision on what an officer (or anyone) asked, made from facts read in the transaction that applies it.
public typealias Decide = @Sendable (ActionFacts) -> Decision

/// One change an update causes. The store applies a batch of them and the new offset in one transaction.
public enum IntakeEffect: Sendable {
    /// Queue a tip, then queue what `followUp` composes from the stored report (replies, notifications).
    case newReport(NewReport, followUp: TipFollowUp)
    /// The informant edited his message: update a still-`new` report's text and analysis, or queue it if the
    /// edit made it a tip (with `followUp` then).
    case editReport(NewReport, followUp: TipFollowUp)
    /// A message with only a photo or a location pin, sent right after a tip by the same informant in the same
    /// chat: attach it to that report. `messageID` is the photo's own message.
    /// `followUp` gets the report and what was newly attached (to send it on to the SHO).
    case attachToRecent(
        chatID: Int64, messageID: Int64, reporterUserID: Int64, at: Date, media: [MediaRef], location: GeoPoint?,
        followUp: @Sendable (StoredTip, [MediaRef], GeoPoint?) -> [OutboxDraft])
    /// A group became a supergroup: the thana binding and queued messages follow the new id.
    case migrateChat(from: Int64, to: Int64)
    case send(OutboxDraft)
    /// Send `draft` unless one for the same `purpose` went to this person within `period` (kept by pseudonym).
    case sendAtMostEvery(TimeInterval, purpose: String, userID: Int64, draft: OutboxDraft)
    /// Read `request`'s facts, let `decide` choose, and apply its decision, all in one transaction.
    case act(FactsRequest, decide: Decide)
    /// A citizen's message for the confidential channel: read what is known of him, decide, apply.
    case informant(InformantMessage, decide: InformantDecide)
}

/// The outcome of one batch of updates: what to apply, and the offset that confirms them.
///
/// The effects come in parts (one per update), in order. A part may still be being worked out when the commit
/// begins: the store asks for each part only when it reaches it, so deciding the later updates of a batch overlaps
/// writing the earlier ones (see `Poller`). Asking for a part again gives the same effects.
public struct IntakeBatch: Sendable {
    /// How many parts there are.
    public let parts: Int
    /// The effects of one part, in order; may wait until they are known.
    public let part: @Sendable (Int) -> [IntakeEffect]
    /// The next `getUpdates` offset: last update id + 1.
    public var nextOffset: Int64

    /// A batch whose effects are all known.
    public init(effects: [IntakeEffect], nextOffset: Int64) {
        parts = 1
        part = { _ in effects }
        self.nextOffset = nextOffset
    }

    /// A batch of `parts` parts, each given by `part` when the commit reaches it.
    public init(parts: Int, nextOffset: Int64, part: @escaping @Sendable (Int) -> [IntakeEffect]) {
        self.parts = parts
        self.part = part
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
    /// Officer actions applied (each one decision).
    public var actions = 0

    public init() {}
}
