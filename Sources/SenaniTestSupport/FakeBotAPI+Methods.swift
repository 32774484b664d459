import Foundation

/// The send/edit/answer methods, answered as Telegram would.
extension FakeBotAPI {
    func sendMessage(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        guard let text = params["text"]?.stringValue ?? params["text"].map(Self.plainText), !text.isEmpty else {
            return .error(code: 400, description: "Bad Request: message text is empty")
        }
        guard text.count <= 4096 else { return .error(code: 400, description: "Bad Request: message is too long") }
        let replyTo = params["reply_parameters"]?["message_id"]?.int64Value ?? params["reply_to_message_id"]?.int64Value
        let markup = params["reply_markup"]
        return state.withLock { state -> FakeAnswer in
            let start = beginSend(to: chatID, replyTo: replyTo, markup: markup, in: &state)
            guard case .started(let messageID, var message) = start else { return start.refusal }
            state.botMessages[chatID, default: [:]][messageID] = .init(text: text, replyMarkup: markup)
            state.sentMessages.append(
                SentMessage(
                    chatID: chatID, messageID: messageID, text: text, parseMode: params["parse_mode"]?.stringValue,
                    replyToMessageID: replyTo, callbackData: Self.callbackData(in: markup), replyMarkup: markup))
            message["text"] = .string(text)
            return .ok(.object(message))
        }
    }

    /// How a send begins: refused (migrated, blocked, never started, rate-limited), or with a fresh message id
    /// and the fields every sent message has.
    enum SendStart {
        case refused(FakeAnswer)
        case started(messageID: Int64, message: [String: JSONValue])

        /// The refusal's answer (only read after `.started` did not match).
        var refusal: FakeAnswer {
            if case .refused(let answer) = self { answer } else { .error(code: 500, description: "Internal Server Error") }
        }
    }

    func beginSend(to chatID: Int64, replyTo: Int64?, markup: JSONValue?, in state: inout FakeBotAPIState) -> SendStart {
        if let refusal = Self.refusal(for: chatID, in: state) { return .refused(refusal) }
        let now = Date()
        if let retryAfter = state.rateLimitDelay(for: chatID, now: now) {
            return .refused(Self.answer(for: .rateLimited(retryAfter: retryAfter)))
        }
        state.recordSend(to: chatID, now: now)
        let messageID = state.takeMessageID(in: chatID)
        var message: [String: JSONValue] = [
            "message_id": .int(messageID), "from": botUserJSON, "chat": Self.chat(chatID, in: state),
            "date": .int(Self.now),
        ]
        if let markup { message["reply_markup"] = markup }
        if let replyTo, let original = Self.originalMessage(replyTo, chatID: chatID, in: state) {
            message["reply_to_message"] = original
        }
        return .started(messageID: messageID, message: message)
    }

    func editMessageText(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let text = params["text"]?.stringValue, !text.isEmpty else {
            return .error(code: 400, description: "Bad Request: text must be non-empty")
        }
        guard text.count <= 4096 else {
            return .error(code: 400, description: "Bad Request: MESSAGE_TOO_LONG")
        }
        return edit(params, needsText: true) { old in .init(text: text, replyMarkup: params["reply_markup"]) }
    }

    func editMessageReplyMarkup(_ params: [String: JSONValue]) -> FakeAnswer {
        edit(params) { old in .init(text: old.text, replyMarkup: params["reply_markup"], hasText: old.hasText) }
    }

    private func edit(
        _ params: [String: JSONValue], needsText: Bool = false,
        _ change: (FakeBotAPIState.BotMessage) -> FakeBotAPIState.BotMessage
    ) -> FakeAnswer {
        if params["inline_message_id"] != nil { return .ok(true) }
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        guard let messageID = params["message_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: message identifier is not specified")
        }
        return state.withLock { state -> FakeAnswer in
            if let refusal = Self.refusal(for: chatID, in: state) { return refusal }
            guard let old = state.botMessages[chatID]?[messageID] else {
                return .error(code: 400, description: "Bad Request: message to edit not found")
            }
            if needsText && !old.hasText {
                return .error(code: 400, description: "Bad Request: there is no text in the message to edit")
            }
            let new = change(old)
            guard new.text != old.text || new.replyMarkup != old.replyMarkup else {
                return .error(
                    code: 400,
                    description:
                        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
                )
            }
            state.botMessages[chatID]?[messageID] = new
            var message: [String: JSONValue] = [
                "message_id": .int(messageID), "from": botUserJSON, "chat": Self.chat(chatID, in: state),
                "date": .int(Self.now), "edit_date": .int(Self.now), "text": .string(new.text),
            ]
            if let markup = new.replyMarkup { message["reply_markup"] = markup }
            return .ok(.object(message))
        }
    }

    func answerCallbackQuery(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let id = params["callback_query_id"]?.stringValue ?? params["callback_query_id"]?.int64Value.map(String.init)
        else { return .error(code: 400, description: "Bad Request: query_id is empty") }
        let answerable = state.withLock { state -> Bool in
            guard let made = state.callbackQueries.removeValue(forKey: id) else { return false }
            guard let lifetime = state.callbackQueryLifetime else { return true }
            return Date().timeIntervalSince(made) <= lifetime
        }
        guard answerable else {
            return .error(
                code: 400,
                description: "Bad Request: query is too old and response timeout expired or query ID is invalid")
        }
        return .ok(true)
    }

    /// Telegram's rules: the bot's own messages may go; others' in a private chat too; others' in a group only
    /// when the bot is an administrator allowed to delete messages (or the owner). A message the fake never saw,
    /// or one already deleted, is "not found".
    func deleteMessage(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        guard let messageID = params["message_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: message identifier is not specified")
        }
        return state.withLock { state -> FakeAnswer in
            if let refusal = Self.refusal(for: chatID, in: state) { return refusal }
            let notFound = FakeAnswer.error(code: 400, description: "Bad Request: message to delete not found")
            if state.deletedMessages[chatID]?.contains(messageID) == true { return notFound }
            if state.botMessages[chatID]?[messageID] == nil {
                guard state.userMessages[chatID]?.contains(messageID) == true else { return notFound }
                if chatID < 0 {
                    let bot = state.memberships[chatID]?[botID]
                    let allowed = bot?.status == "creator" || (bot?.status == "administrator" && bot?.canDeleteMessages == true)
                    guard allowed else { return .error(code: 400, description: "Bad Request: message can't be deleted") }
                }
            }
            state.botMessages[chatID]?[messageID] = nil
            state.deletedMessages[chatID, default: []].insert(messageID)
            return .ok(true)
        }
    }

    /// 400 for a migrated group, 403 for a user who blocked the bot or never pressed Start, nil when the chat may
    /// be written to.
    static func refusal(for chatID: Int64, in state: FakeBotAPIState) -> FakeAnswer? {
        if let newID = state.migrated[chatID] { return migratedError(newID) }
        if state.forbidden.contains(chatID) {
            return .error(code: 403, description: "Forbidden: bot was blocked by the user")
        }
        if state.neverStarted.contains(chatID) {
            return .error(code: 403, description: "Forbidden: bot can't initiate conversation with a user")
        }
        return nil
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }

    /// The chat object for an id: the one seen in an update, or one made up from the id's shape.
    static func chat(_ id: Int64, in state: FakeBotAPIState) -> JSONValue {
        if let known = state.chats[id] { return known }
        if id > 0 { return ["id": .int(id), "type": "private", "first_name": .string("User \(id)")] }
        let type: JSONValue = id <= -1_000_000_000_000 ? "supergroup" : "group"
        return ["id": .int(id), "type": type, "title": .string("Test Group \(-id)")]
    }

    static func originalMessage(_ id: Int64, chatID: Int64, in state: FakeBotAPIState) -> JSONValue? {
        guard let message = state.botMessages[chatID]?[id] else { return nil }
        return ["message_id": .int(id), "chat": chat(chatID, in: state), "date": .int(now), "text": .string(message.text)]
    }

    static func callbackData(in markup: JSONValue?) -> [String] {
        guard let rows = markup?["inline_keyboard"]?.arrayValue else { return [] }
        return rows.flatMap { $0.arrayValue ?? [] }.compactMap { $0["callback_data"]?.stringValue }
    }

    static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .int(let number): String(number)
        case .double(let number): String(number)
        default: ""
        }
    }
}
