import SenaniStore

/// What an update leads to: effects for the store to apply, or why nothing happened (for the logs).
public struct Outcome: Sendable {
    /// Why an update caused nothing.
    public enum Skip: Sendable, Hashable {
        case unboundChat(Int64)
        case notATip
        case fromOfficer
        case fromBot
        case noContent
        case unhandledKind
        case privateChat
        /// A command addressed to another bot, or one this bot does not know.
        case notForUs
        /// A button whose data is not ours (forged, from another install, or garbled).
        case badButton
        /// The bot was added to a group, or its rights there changed: the admin needs the chat id to bind it.
        case botMembershipChanged(chatID: Int64, title: String?, status: String)
    }

    public var effects: [IntakeEffect] = []
    public var skip: Skip?

    public init(effects: [IntakeEffect] = [], skip: Skip? = nil) {
        self.effects = effects
        self.skip = skip
    }

    public static func skip(_ reason: Skip) -> Outcome { Outcome(skip: reason) }
    public static func effect(_ effect: IntakeEffect) -> Outcome { Outcome(effects: [effect]) }
    public static func send(_ draft: OutboxDraft) -> Outcome { Outcome(effects: [.send(draft)]) }
}
