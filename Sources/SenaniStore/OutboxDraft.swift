import Foundation

/// Which Bot API call an outbox row becomes.
public enum OutboxKind: Sendable, Hashable {
    /// sendMessage with the rendered template.
    case message
    /// sendPhoto of a file Telegram already has; the rendered template (may be empty) is the caption.
    case photo(fileID: String)
    /// sendLocation.
    case location(GeoPoint)
    /// editMessageText of an earlier message: the rendered template and buttons replace its text and keyboard.
    case edit(EditTarget)
    /// answerCallbackQuery with the rendered template as the toast.
    case callbackAnswer(queryID: String)
    /// deleteMessage of a message in the row's chat.
    case delete(messageID: Int64)
    /// setMyCommands for the row's chat only (an officer's menu), from the template's `name - description` lines.
    case commandMenu
    /// sendPhoto of PNG bytes uploaded with the call (a digest chart), the rendered template as the caption. The
    /// bytes are `OutboxDraft.upload`, kept beside the row (`Store.outboxUpload(id:)`), not in it.
    case pngUpload(fileName: String)
}

/// The message an edit changes.
public enum EditTarget: Sendable, Hashable, Codable {
    /// A message id in the row's chat (a button tapped on it).
    case message(Int64)
    /// Whatever message the outbox row with this id became, once it is sent.
    case outboxRow(Int64)
}

/// A message to send later, named by its template. The text is rendered when it is sent.
public struct OutboxDraft: Sendable, Hashable {
    public var chatID: Int64
    public var template: String
    /// Values for the template, HTML-escaped when rendered.
    public var parameters: [String: String]
    public var replyToMessageID: Int64?
    /// Inline buttons, row by row.
    public var buttons: [[OutboxButton]]
    public var kind: OutboxKind
    /// The report this call is about; its buttons are signed for it.
    public var reportRef: String?
    /// Set on an SHO's notification: if Telegram refuses it because the officer never pressed Start (or
    /// blocked the bot), the thana's group is told instead, without the tip, and the officer marked unreachable.
    public var noticeFor: Int64?
    /// Drafts with one key gather into one message while it waits, and go at most once per period.
    public var coalesce: Coalesce?

    /// How drafts gather: `items` and `count` parameters add up, buttons are appended.
    public struct Coalesce: Sendable, Hashable {
        public var key: String
        public var period: TimeInterval

        public init(key: String, period: TimeInterval) {
            self.key = key
            self.period = period
        }
    }
    /// The file a `.pngUpload` row sends.
    public var upload: Data?
    /// `chatID` is an informant's private chat (his Telegram id): the store keeps it only sealed under the
    /// install key, never in plain text.
    public var confidential = false
    /// Goes to the private chat of this report's informant, which only the store knows (sealed); `chatID` is
    /// ignored. Dropped when he never wrote to the bot privately.
    public var informantOf: String?

    public init(
        chatID: Int64, template: String, parameters: [String: String] = [:], replyToMessageID: Int64? = nil,
        buttons: [[OutboxButton]] = [], kind: OutboxKind = .message, reportRef: String? = nil, noticeFor: Int64? = nil,
        coalesce: Coalesce? = nil,
        upload: Data? = nil
    ) {
        self.coalesce = coalesce
        self.chatID = chatID
        self.template = template
        self.parameters = parameters
        self.replyToMessageID = replyToMessageID
        self.buttons = buttons
        self.kind = kind
        self.reportRef = reportRef
        self.noticeFor = noticeFor
        self.upload = upload
    }

    /// A message to an informant's private chat, which the store keeps sealed.
    public static func toInformant(
        _ chatID: Int64, template: String, parameters: [String: String] = [:], replyToMessageID: Int64? = nil,
        buttons: [[OutboxButton]] = [], kind: OutboxKind = .message, reportRef: String? = nil
    ) -> OutboxDraft {
        var draft = OutboxDraft(
            chatID: chatID, template: template, parameters: parameters, replyToMessageID: replyToMessageID,
            buttons: buttons, kind: kind, reportRef: reportRef)
        draft.confidential = true
        return draft
    }

    /// A message to the informant of report `ref`, privately (see `informantOf`).
    public static func toInformant(
        of ref: String, template: String, parameters: [String: String] = [:], buttons: [[OutboxButton]] = []
    ) -> OutboxDraft {
        var draft = OutboxDraft(chatID: 0, template: template, parameters: parameters, buttons: buttons, reportRef: ref)
        draft.confidential = true
        draft.informantOf = ref
        return draft
    }

    /// Callback answers go before anything else: Telegram shows a spinner on the officer's button until then.
    /// Only 0 and 1: `nextOutboxDue` looks up each.
    var priority: Int {
        if case .callbackAnswer = kind { return 0 }
        return 1
    }
}

/// One inline button of an outgoing message.
public struct OutboxButton: Sendable, Hashable, Codable {
    /// The label's template name (or a literal label when no such template exists).
    public var text: String
    /// An action on the row's report; the sender signs it with the report's ref and `version`.
    public var action: String?
    public var version: Int?
    /// The report the action is on, when it is not the row's (a message gathering several reports).
    public var ref: String?
    /// Values for the label's template.
    public var values: [String: String]?
    /// Raw callback data, used as is.
    public var data: String?
    /// A link (a deep link into the bot).
    public var url: String?

    public init(text: String, data: String) {
        self.text = text
        self.data = data
    }

    public init(text: String, action: String, version: Int, ref: String? = nil, values: [String: String]? = nil) {
        self.text = text
        self.action = action
        self.version = version
        self.ref = ref
        self.values = values
    }

    public init(text: String, url: String) {
        self.text = text
        self.url = url
    }
}
