import Foundation

/// getChatMember, and who may do what in a chat.
extension FakeBotAPI {
    /// Sets `userID`'s status in `chatID` as getChatMember reports it: `creator`, `administrator`, `member`,
    /// `restricted`, `left` or `kicked`. With the bot's own id (`botID`) and `administrator`, the bot may delete
    /// other members' messages there (unless `canDeleteMessages` is false), as Telegram allows.
    ///
    /// Without a setting, the bot is a `member` of every group, a user who wrote in a group is a `member`, and
    /// anyone else has `left`.
    public func setChatMember(chatID: Int64, userID: Int64, status: String, canDeleteMessages: Bool = true) {
        state.withLock { state in
            state.memberships[chatID, default: [:]][userID] = .init(status: status, canDeleteMessages: canDeleteMessages)
        }
    }

    func getChatMember(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        guard let userID = params["user_id"]?.int64Value, userID > 0 else {
            return .error(code: 400, description: "Bad Request: invalid user_id specified")
        }
        return state.withLock { state -> FakeAnswer in
            if let newID = state.migrated[chatID] { return Self.migratedError(newID) }
            let membership =
                state.memberships[chatID]?[userID]
                ?? .init(status: userID == botID || (chatID > 0 && chatID == userID) ? "member" : "left")
            let user = userID == botID ? botUserJSON : state.users[userID] ?? Self.unknownUser(userID)
            return .ok(Self.chatMember(membership, user: user))
        }
    }

    /// The ChatMember object of the status's subtype, with every field api.json requires.
    private static func chatMember(_ membership: FakeBotAPIState.Membership, user: JSONValue) -> JSONValue {
        var member: [String: JSONValue] = ["status": .string(membership.status), "user": user]
        switch membership.status {
        case "creator":
            member["is_anonymous"] = false
        case "administrator":
            for right in [
                "can_be_edited", "is_anonymous", "can_promote_members", "can_post_stories", "can_edit_stories",
                "can_delete_stories",
            ] {
                member[right] = false
            }
            for right in [
                "can_manage_chat", "can_manage_video_chats", "can_restrict_members", "can_change_info",
                "can_invite_users", "can_pin_messages",
            ] {
                member[right] = true
            }
            member["can_delete_messages"] = .bool(membership.canDeleteMessages)
        case "restricted":
            member["is_member"] = true
            member["until_date"] = 0
            for right in [
                "can_send_messages", "can_send_audios", "can_send_documents", "can_send_photos", "can_send_videos",
                "can_send_video_notes", "can_send_voice_notes", "can_send_polls", "can_send_other_messages",
                "can_add_web_page_previews", "can_react_to_messages", "can_edit_tag", "can_change_info",
                "can_invite_users", "can_pin_messages", "can_manage_topics",
            ] {
                member[right] = false
            }
        case "kicked":
            member["until_date"] = 0
        default:
            break
        }
        return .object(member)
    }

    private static func unknownUser(_ id: Int64) -> JSONValue {
        ["id": .int(id), "is_bot": false, "first_name": .string("User \(id)")]
    }
}
