import Foundation

/// Updates built the way Telegram sends them.
extension FakeBotAPI {
    /// A message from `user` in group `chatID` (a supergroup when the id is -100…). Returns its message_id.
    @discardableResult
    public func sendGroupMessage(
        chatID: Int64, from user: FakeUser, text: String?, caption: String? = nil, photo: Bool = false,
        location: (Double, Double)? = nil, forwardedFrom: FakeForwardOrigin? = nil, replyTo: Int64? = nil
    ) -> Int64 {
        sendMessage(
            chat: { state in Self.chat(chatID, in: state) }, chatID: chatID, from: user, text: text, caption: caption,
            photo: photo, location: location, forwardedFrom: forwardedFrom, replyTo: replyTo)
    }

    /// A private message from `user` to the bot. Returns its message_id.
    @discardableResult
    public func sendPrivateMessage(
        from user: FakeUser, text: String?, caption: String? = nil, photo: Bool = false,
        location: (Double, Double)? = nil, forwardedFrom: FakeForwardOrigin? = nil, replyTo: Int64? = nil
    ) -> Int64 {
        var chat: [String: JSONValue] = ["id": .int(user.id), "type": "private", "first_name": .string(user.firstName)]
        if let username = user.username { chat["username"] = .string(username) }
        return sendMessage(
            chat: { _ in .object(chat) }, chatID: user.id, from: user, text: text, caption: caption, photo: photo,
            location: location, forwardedFrom: forwardedFrom, replyTo: replyTo)
    }

    /// A command message such as `/ack KHG-1` (the leading slash is optional), with its `bot_command` entity.
    @discardableResult
    public func sendCommand(chatID: Int64, from user: FakeUser, command: String) -> Int64 {
        let text = command.hasPrefix("/") ? command : "/" + command
        if chatID > 0 { return sendPrivateMessage(from: user, text: text) }
        return sendGroupMessage(chatID: chatID, from: user, text: text)
    }

    /// An `edited_message` of an earlier message.
    @discardableResult
    public func editGroupMessage(chatID: Int64, messageID: Int64, from user: FakeUser, text: String) -> Int64 {
        enqueue { state in
            var message: [String: JSONValue] = [
                "message_id": .int(messageID), "from": user.json, "chat": Self.chat(chatID, in: state),
                "date": .int(Self.now - 60), "edit_date": .int(Self.now), "text": .string(text),
            ]
            if let entities = Self.entities(for: text) { message["entities"] = entities }
            return ["edited_message": .object(message)]
        }
    }

    /// A tap on an inline button of the bot's message `messageID`. Returns the callback query id.
    @discardableResult
    public func pressButton(chatID: Int64, messageID: Int64, from user: FakeUser, data: String) -> String {
        var queryID = ""
        enqueue { state in
            let id = "\(4_382_000_000_000 + Int64(state.nextCallbackQueryID))"
            state.nextCallbackQueryID += 1
            queryID = id
            var message: [String: JSONValue] = [
                "message_id": .int(messageID), "from": botUserJSON, "chat": Self.chat(chatID, in: state),
                "date": .int(Self.now - 10),
            ]
            if let original = state.botMessages[chatID]?[messageID] {
                message["text"] = .string(original.text)
                if let markup = original.replyMarkup { message["reply_markup"] = markup }
            }
            return [
                "callback_query": [
                    "id": .string(id), "from": user.json, "message": .object(message),
                    "chat_instance": .string("\(chatID &* 31 &+ 7)"), "data": .string(data),
                ]
            ]
        }
        return queryID
    }

    /// Group `oldID` becomes supergroup `newID`, as Telegram reports it: `migrate_to_chat_id` in the old chat,
    /// `migrate_from_chat_id` in the new one; from now on sends to the old id fail with 400 + migrate_to_chat_id.
    public func migrateGroup(from oldID: Int64, to newID: Int64, by user: FakeUser = FakeUser(id: 1, firstName: "Admin")) {
        enqueue { state in
            var oldChat = Self.chat(oldID, in: state).objectValue ?? [:]
            oldChat["type"] = "group"
            state.chats[oldID] = .object(oldChat)
            let messageID = state.takeMessageID(in: oldID)
            state.migrated[oldID] = newID
            return [
                "message": [
                    "message_id": .int(messageID), "from": user.json, "chat": .object(oldChat), "date": .int(Self.now),
                    "migrate_to_chat_id": .int(newID),
                ]
            ]
        }
        enqueue { state in
            var newChat = Self.chat(oldID, in: state).objectValue ?? [:]
            newChat["id"] = .int(newID)
            newChat["type"] = "supergroup"
            state.chats[newID] = .object(newChat)
            let messageID = state.takeMessageID(in: newID)
            return [
                "message": [
                    "message_id": .int(messageID),
                    "from": ["id": 1_087_968_824, "is_bot": true, "first_name": "Group", "username": "GroupAnonymousBot"],
                    "sender_chat": .object(newChat), "chat": .object(newChat), "date": .int(Self.now),
                    "migrate_from_chat_id": .int(oldID),
                ]
            ]
        }
    }

    /// `my_chat_member`: the bot's status in `chatID` changes (e.g. `left` → `member` when added to a group).
    @discardableResult
    public func changeBotMembership(chatID: Int64, by user: FakeUser, from oldStatus: String = "left", to newStatus: String = "member")
        -> Int64
    {
        enqueue { state in
            state.memberships[chatID, default: [:]][botID] = .init(status: newStatus)
            return [
                "my_chat_member": [
                    "chat": Self.chat(chatID, in: state), "from": user.json, "date": .int(Self.now),
                    "old_chat_member": ["status": .string(oldStatus), "user": botUserJSON],
                    "new_chat_member": ["status": .string(newStatus), "user": botUserJSON],
                ]
            ]
        }
    }

    private func sendMessage(
        chat: (FakeBotAPIState) -> JSONValue, chatID: Int64, from user: FakeUser, text: String?,
        caption: String?, photo: Bool, location: (Double, Double)?, forwardedFrom: FakeForwardOrigin?, replyTo: Int64?
    ) -> Int64 {
        var messageID: Int64 = 0
        enqueue { state in
            let id = state.takeMessageID(in: chatID)
            messageID = id
            var message: [String: JSONValue] = [
                "message_id": .int(id), "from": user.json, "chat": chat(state), "date": .int(Self.now),
            ]
            if let text {
                message["text"] = .string(text)
                if let entities = Self.entities(for: text) { message["entities"] = entities }
            }
            if let caption { message["caption"] = .string(caption) }
            if photo {
                message["photo"] = [
                    Self.photoSize(id, width: 90, height: 67), Self.photoSize(id, width: 320, height: 240),
                    Self.photoSize(id, width: 1280, height: 960),
                ]
            }
            if let (latitude, longitude) = location {
                message["location"] = ["latitude": .double(latitude), "longitude": .double(longitude)]
            }
            if let forwardedFrom { message["forward_origin"] = Self.origin(forwardedFrom) }
            if let replyTo {
                var original: [String: JSONValue] = [
                    "message_id": .int(replyTo), "chat": chat(state), "date": .int(Self.now - 60),
                ]
                if let botMessage = state.botMessages[chatID]?[replyTo] {
                    original["from"] = botUserJSON
                    original["text"] = .string(botMessage.text)
                }
                message["reply_to_message"] = .object(original)
            }
            return ["message": .object(message)]
        }
        return messageID
    }

    /// Telegram marks a leading `/word` as a `bot_command`; lengths are UTF-16 units.
    static func entities(for text: String) -> JSONValue? {
        guard text.hasPrefix("/") else { return nil }
        let word = text.prefix { !$0.isWhitespace }
        guard word.count > 1 else { return nil }
        return [["type": "bot_command", "offset": 0, "length": .int(Int64(word.utf16.count))]]
    }

    private static func photoSize(_ messageID: Int64, width: Int64, height: Int64) -> JSONValue {
        [
            "file_id": .string("AgACAgUAAxkBAAI\(messageID)x\(width)"), "file_unique_id": .string("AQAD\(messageID)x\(width)"),
            "file_size": .int(width * height / 8), "width": .int(width), "height": .int(height),
        ]
    }

    private static func origin(_ origin: FakeForwardOrigin) -> JSONValue {
        switch origin {
        case .user(let user):
            ["type": "user", "date": .int(now - 3600), "sender_user": user.json]
        case .hiddenUser(let name):
            ["type": "hidden_user", "date": .int(now - 3600), "sender_user_name": .string(name)]
        case .channel(let chatID, let title, let messageID):
            [
                "type": "channel", "date": .int(now - 3600), "message_id": .int(messageID),
                "chat": ["id": .int(chatID), "type": "channel", "title": .string(title)],
            ]
        }
    }
}
