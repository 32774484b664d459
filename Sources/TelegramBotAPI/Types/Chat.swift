/// A private chat, group, supergroup or channel.
public struct Chat: Codable, Sendable, Hashable {
    /// What kind of chat this is. Unknown future kinds decode as `.other`.
    public enum Kind: String, Codable, Sendable, Hashable {
        case `private`, group, supergroup, channel, other

        public init(from decoder: any Decoder) throws {
            let raw = try decoder.singleValueContainer().decode(String.self)
            self = Kind(rawValue: raw) ?? .other
        }
    }

    public var id: Int64
    public var type: Kind
    public var title: String?
    public var username: String?
    public var firstName: String?
    public var lastName: String?
    public var isForum: Bool?

    public init(id: Int64, type: Kind, title: String? = nil) {
        self.id = id
        self.type = type
        self.title = title
    }

    public var isGroup: Bool { type == .group || type == .supergroup }

    enum CodingKeys: String, CodingKey {
        case id, type, title, username
        case firstName = "first_name"
        case lastName = "last_name"
        case isForum = "is_forum"
    }
}
