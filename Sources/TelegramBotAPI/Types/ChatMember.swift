/// A user's membership of a chat, as `getChatMember` answers it.
public struct ChatMember: Codable, Sendable, Hashable {
    /// `creator`, `administrator`, `member`, `restricted`, `left` or `kicked`.
    public var status: String
    public var user: User
    /// Administrators only: whether they may delete other members' messages (what informant protection needs).
    public var canDeleteMessages: Bool?

    public init(status: String, user: User, canDeleteMessages: Bool? = nil) {
        self.status = status
        self.user = user
        self.canDeleteMessages = canDeleteMessages
    }

    /// The owner or an administrator of the chat.
    public var isAdministrator: Bool { status == "creator" || status == "administrator" }

    /// Whether this member may delete other members' messages: the owner always, an administrator with the right.
    public var canDeleteOthersMessages: Bool {
        status == "creator" || (status == "administrator" && canDeleteMessages == true)
    }

    enum CodingKeys: String, CodingKey {
        case status, user
        case canDeleteMessages = "can_delete_messages"
    }
}
