/// A police district, headed by an SP, with the chat its daily digest goes to.
public struct District: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    public var digestChatID: Int64?
    /// Hour of the IST day (0–23) at which the digest is sent.
    public var digestHour: Int
    /// The language of the daily digest.
    public var digestLanguage: DigestLanguage

    public init(
        code: String, name: String, digestChatID: Int64? = nil, digestHour: Int = 8, digestLanguage: DigestLanguage = .hindi
    ) {
        self.code = code
        self.name = name
        self.digestChatID = digestChatID
        self.digestHour = digestHour
        self.digestLanguage = digestLanguage
    }
}

/// The language a district's digest is written in (`--digest-language hi|en`).
public enum DigestLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case hindi = "hi"
    case english = "en"
}

/// A police station and the Cyber Senani group bound to it.
public struct Thana: Sendable, Hashable, Codable {
    public var code: String
    public var districtCode: String
    public var name: String
    /// The bound group's chat id (negative), if any.
    public var chatID: Int64?
    /// Each queued tip is deleted from the group once stored (`thana add --delete-tips on`); set with
    /// `Store.setDeleteTips`, not by `upsertThana`.
    public var deleteTips = false
    /// The admins were told the bot cannot delete tips in this group (they are told once).
    public var deleteTipsWarned = false

    public init(code: String, districtCode: String, name: String, chatID: Int64? = nil) {
        self.code = code
        self.districtCode = districtCode
        self.name = name
        self.chatID = chatID
    }
}

/// An officer's role, which decides what he may see and do.
public enum OfficerRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// Station House Officer of one thana.
    case sho
    /// Superintendent of Police of one district.
    case sp
    /// The technical officer who administers everything.
    case admin
}

/// A registered officer.
public struct Officer: Sendable, Hashable, Codable {
    public var telegramID: Int64
    public var role: OfficerRole
    public var thanaCode: String?
    public var districtCode: String?
    public var name: String
    /// Whether the bot can write to him privately: nil until it tried, false after Telegram refused.
    public var reachable: Bool?

    public init(telegramID: Int64, role: OfficerRole, thanaCode: String? = nil, districtCode: String? = nil, name: String) {
        self.telegramID = telegramID
        self.role = role
        self.thanaCode = thanaCode
        self.districtCode = districtCode
        self.name = name
    }
}
