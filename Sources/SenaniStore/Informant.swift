import Foundation

/// A citizen's message for the confidential channel: a private message, a button or command in his private chat,
/// or a reply in a group to the police's question. His id is turned into his key inside the store; his private
/// chat's id is kept only sealed.
public struct InformantMessage: Sendable {
    public var userID: Int64
    /// Where it was written: his private chat (== `userID`) or a group.
    public var chatID: Int64
    public var messageID: Int64?
    /// The message it replies to (a question of the police).
    public var replyToMessageID: Int64?
    public var text: String?
    public var media: [MediaRef]
    public var location: GeoPoint?
    public var forwardOrigin: String?
    public var receivedAt: Date
    /// The report a verified deep link binds his private chat to.
    public var link: String?

    public init(
        userID: Int64, chatID: Int64, messageID: Int64? = nil, replyToMessageID: Int64? = nil, text: String? = nil,
        media: [MediaRef] = [], location: GeoPoint? = nil, forwardOrigin: String? = nil, receivedAt: Date,
        link: String? = nil
    ) {
        self.userID = userID
        self.chatID = chatID
        self.messageID = messageID
        self.replyToMessageID = replyToMessageID
        self.text = text
        self.media = media
        self.location = location
        self.forwardOrigin = forwardOrigin
        self.receivedAt = receivedAt
        self.link = link
    }

    public var isPrivate: Bool { chatID == userID }
}

/// A private tip kept until the informant names its thana.
public struct HeldTip: Sendable, Hashable {
    public var messageID: Int64
    public var text: String
    public var media: [MediaRef]
    public var location: GeoPoint?
    public var forwardOrigin: String?
    public var receivedAt: Date
}

/// An officer's question to the informant of a report.
public struct Question: Sendable, Hashable {
    public var id: Int64
    public var ref: String
    public var askerID: Int64
    public var text: String
    public var askedAt: Date
}

/// What the store knows of the informant, read in the transaction that applies the decision.
public struct InformantFacts: Sendable {
    public var now: Date
    /// How officers know him.
    public var pseudonym: String
    /// The thana he chose for his private tips.
    public var thana: Thana?
    public var thanas: [Thana] = []
    public var held: [HeldTip] = []
    /// His latest open private report within ten minutes (follow-ups attach to it).
    public var recent: Report?
    /// The report his private chat is bound to (a deep link or a question), for a day.
    public var bound: Report?
    /// The question this message answers: the one it replies to, or the latest on `bound`.
    public var question: Question?
    /// The report `question` is about.
    public var questionReport: Report?
    /// The report the deep link names.
    public var linked: Report?
    /// SHOs of `bound`'s or `recent`'s thana (to pass follow-ups on).
    public var officers: [Officer] = []
    /// His messages in the current minute, this one included.
    public var burst = 1
    /// He was asked to slow down in the current minute already.
    public var slowed = false

    public init(now: Date, pseudonym: String) {
        self.now = now
        self.pseudonym = pseudonym
    }
}

/// A change the confidential channel makes.
public enum InformantStep: Sendable {
    /// Remember the thana his private tips go to.
    case remember(thana: String)
    /// Keep the message until he names the thana.
    case hold
    /// Forget the held tips (they were queued).
    case releaseHeld
    /// Queue a private tip; `chatID` is his private chat (stored only as a keyed token).
    case queue(NewReport, followUp: TipFollowUp)
    /// Add photos and a pin to a report.
    case attach(ref: String, media: [MediaRef], location: GeoPoint?)
    /// Bind his private chat to a report.
    case bind(ref: String)
    /// A question got an answer.
    case answered(questionID: Int64)
    /// He was asked to slow down.
    case slowed
}

/// What the confidential channel decided from the facts.
public struct InformantDecision: Sendable {
    public var steps: [InformantStep]
    public var messages: [OutboxDraft]
    public var audit: [AuditEntry]
    /// Applied instead when the message was not the channel's after all (a group reply that answers no question).
    public var otherwise: [IntakeEffect]

    public init(
        steps: [InformantStep] = [], messages: [OutboxDraft] = [], audit: [AuditEntry] = [],
        otherwise: [IntakeEffect] = []
    ) {
        self.steps = steps
        self.messages = messages
        self.audit = audit
        self.otherwise = otherwise
    }
}

public typealias InformantDecide = @Sendable (InformantFacts) -> InformantDecision
