import Foundation
import TipAnalysis

/// How a closed report ended.
public enum ReportOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    /// A raid, a seizure, an arrest.
    case actionTaken = "action_taken"
    /// Checked; nothing found.
    case noSubstance = "no_substance"
    case duplicate
    case notPoliceMatter = "not_police_matter"
    /// A past tip brought in from a chat export.
    case imported
}

/// What an officer action needs to know. The store reads it inside the transaction that applies the decision,
/// so no other change can come between the check and the change.
public struct FactsRequest: Sendable, Hashable {
    /// The Telegram user who acts (an officer, or anyone: the policy decides).
    public var actorID: Int64
    /// The report acted on.
    public var ref: String?
    /// A second thana: where a report is transferred to, or what a group is bound to.
    public var thanaCode: String?
    /// A group chat (the one `/register` is sent in).
    public var chatID: Int64?
    /// Also read the open reports in the actor's scope (for `/pending`).
    public var openReports: Bool
    /// Also read the report's audit history (for `/show`).
    public var history: Bool
    /// A district (the one `/digest` asks about).
    public var districtCode: String?

    public init(
        actorID: Int64, ref: String? = nil, thanaCode: String? = nil, chatID: Int64? = nil, openReports: Bool = false,
        history: Bool = false, districtCode: String? = nil
    ) {
        self.actorID = actorID
        self.ref = ref
        self.thanaCode = thanaCode
        self.chatID = chatID
        self.openReports = openReports
        self.history = history
        self.districtCode = districtCode
    }
}

/// A copy of a report's notification, sent to one officer (or to a group as the fallback).
public struct Notice: Sendable, Hashable {
    public var outboxID: Int64
    public var chatID: Int64
    public var officerID: Int64?
    /// The Telegram message it became, once sent.
    public var sentMessageID: Int64?
}

/// What the store knows for a decision, read in the decision's transaction.
public struct ActionFacts: Sendable {
    public var now: Date
    /// The actor, if he is a registered officer.
    public var actor: Officer?
    public var report: Report?
    /// The thana the report is in.
    public var reportThana: Thana?
    /// Officers of the report's thana (SHOs) and district (SPs).
    public var reportOfficers: [Officer] = []
    public var notices: [Notice] = []
    /// The thana named in the request, and its officers.
    public var thana: Thana?
    public var thanaOfficers: [Officer] = []
    /// The thana the requested group is bound to.
    public var groupThana: Thana?
    /// Open reports in the actor's scope, oldest first (when asked for).
    public var openReports: [Report] = []
    /// The report's audit entries, oldest first (when asked for).
    public var history: [AuditEntry] = []
    /// Every admin, to tell of what only an admin can fix.
    public var admins: [Officer] = []
    /// The district named in the request.
    public var district: District?
    /// The bot can write to the report's informant: in its group, or privately when he wrote to the bot.
    public var informantReachable = false

    public init(now: Date, actor: Officer? = nil, report: Report? = nil) {
        self.now = now
        self.actor = actor
        self.report = report
    }
}

/// A change a decision makes. The store applies it only if the report is still as the decision saw it.
public enum StoreMutation: Sendable, Hashable {
    case acknowledge(ref: String, by: Officer)
    case close(ref: String, by: Officer, outcome: ReportOutcome, resolution: String?)
    case transfer(ref: String, to: String)
    case bindGroup(chatID: Int64, thana: String)
    case setReachable(officerID: Int64, Bool)
    /// An officer's verdict on a possible tip: a tip of `category`, or not a tip (closed). Kept as a labelled
    /// example for training.
    case review(ref: String, by: Officer, isTip: Bool, category: TipCategory)
    /// An officer's correction of a tip's category, kept as a labelled example too.
    case recategorize(ref: String, by: Officer, category: TipCategory)
    /// Ask the scheduler for `district`'s digest of today so far, to be sent to `chatID`.
    case requestDigest(district: String, chatID: Int64, officerID: Int64?)
    /// Record an officer's question to the report's informant and queue `message` (the question) with it.
    case ask(ref: String, askerID: Int64, text: String, message: OutboxDraft)
    /// The admins were told the bot cannot delete tips in this thana's group.
    case deleteTipsWarned(thana: String)
}

/// One line of the audit log: who did what to which report, and what it was before and after.
public struct AuditEntry: Sendable, Hashable {
    public var at: Date
    /// The officer's Telegram id; nil for the CLI or the bot itself.
    public var actorID: Int64?
    /// The officer's name, or `cli` / `bot` / `telegram`.
    public var actor: String
    public var role: String?
    public var action: String
    public var ref: String?
    public var before: String?
    public var after: String?
    /// Anything else worth keeping (never an informant's identity).
    public var detail: String?

    public init(
        at: Date, actorID: Int64? = nil, actor: String, role: String? = nil, action: String, ref: String? = nil,
        before: String? = nil, after: String? = nil, detail: String? = nil
    ) {
        self.at = at
        self.actorID = actorID
        self.actor = actor
        self.role = role
        self.action = action
        self.ref = ref
        self.before = before
        self.after = after
        self.detail = detail
    }

    /// An entry for what `officer` did.
    public init(at: Date, by officer: Officer, action: String, ref: String?, before: String?, after: String?, detail: String? = nil) {
        self.init(
            at: at, actorID: officer.telegramID, actor: officer.name, role: officer.role.rawValue, action: action, ref: ref,
            before: before, after: after, detail: detail)
    }
}

/// What a handler decided from the facts: the changes, the messages, and the audit lines, applied together.
public struct Decision: Sendable, Hashable {
    public var mutations: [StoreMutation]
    public var messages: [OutboxDraft]
    public var audit: [AuditEntry]

    public init(mutations: [StoreMutation] = [], messages: [OutboxDraft] = [], audit: [AuditEntry] = []) {
        self.mutations = mutations
        self.messages = messages
        self.audit = audit
    }
}

/// What the store knows right after it stored a new tip, for composing the replies and notifications.
public struct StoredTip: Sendable {
    public var report: Report
    /// The earlier report this one repeats, after its repeat count grew.
    public var original: Report?
    /// Notification copies of `original`, to update with the new count.
    public var originalNotices: [Notice]
    /// The thana's SHOs.
    public var officers: [Officer]
    /// The district's SPs (told when the thana has no SHO).
    public var districtOfficers: [Officer]
    public var thana: Thana
}
