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
            if let refusal = Self.refusal(for: chatID, in: state) { return refusal }
            let now = Date()
            if let retryAfter = state.rateLimitDelay(for: chatID, now: now) {
                return Self.answer(for: .rateLimited(retryAfter: retryAfter))
            }
            state.recordSend(to: chatID, now: now)
            let messageID = state.takeMessageID(in: chatID)
            state.botMessages[chatID, default: [:]][messageID] = .init(text: text, replyMarkup: markup)
            state.sentMessages.append(
                SentMessage(
                    chatID: chatID, messageID: messageID, text: text, parseMode: params["parse_mode"]?.stringValue,
                    replyToMessageID: replyTo, callbackData: Self.callbackData(in: markup), replyMarkup: markup))
            var message: [String: JSONValue] = [
                "message_id": .int(messageID), "from": botUserJSON, "chat": Self.chat(chatID, in: state),
                "date": .int(Self.now), "text": .string(text),
            ]
            if let markup { message["reply_markup"] = markup }
            if let replyTo, let original = Self.originalMessage(replyTo, chatID: chatID, in: state) {
                message["reply_to_message"] = original
            }
            return .ok(.object(message))
        }
    }

    func editMessageText(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let text = params["text"]?.stringValue, !text.isEmpty else {
            return .error(code: 400, description: "Bad Request: text must be non-empty")
        }
        guard text.count <= 4096 else {
            return .error(code: 400, description: "Bad Request: MESSAGE_TOO_LONG")
        }
        return edit(params) { old in .init(text: text, replyMarkup: params["reply_markup"]) }
    }

    func editMessageReplyMarkup(_ params: [String: JSONValue]) -> FakeAnswer {
        edit(params) { old in .init(text: old.text, replyMarkup: params["reply_markup"]) }
    }

    private func edit(
        _ params: [String: JSONValue],
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
        let known = state.withLock { $0.callbackQueryIDs.remove(id) != nil }
        guard known else {
            return .error(
                code: 400,
                description: "Bad Request: query is too old and response timeout expired or query ID is invalid")
        }
        return .ok(true)
    }

    func deleteMessage(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let chatID = params["chat_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: chat_id is empty")
        }
        guard let messageID = params["message_id"]?.int64Value else {
            return .error(code: 400, description: "Bad Request: message identifier is not specified")
        }
        return state.withLock { state -> FakeAnswer in
            if let refusal = Self.refusal(for: chatID, in: state) { return refusal }
            guard messageID < state.nextMessageID[chatID, default: 1] else {
                return .error(code: 400, description: "Bad Request: message to delete not found")
            }
            state.botMessages[chatID]?[messageID] = nil
            return .ok(true)
        }
    }

    func setMyCommands(_ params: [String: JSONValue]) -> FakeAnswer {
        guard let commands = params["commands"], commands.arrayValue != nil else {
            return .error(code: 400, description: "Bad Request: parameter \"commands\" is required")
        }
        state.withLock { $0.commands = commands }
        return .ok(true)
    }

    /// 400 for a migrated group, 403 for a chat that blocked the bot, nil when the chat may be written to.
    private static func refusal(for chatID: Int64, in state: FakeBotAPIState) -> FakeAnswer? {
        if let newID = state.migrated[chatID] { return migratedError(newID) }
        if state.forbidden.contains(chatID) {
            return .error(code: 403, description: "Forbidden: bot was blocked by the user")
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

    private static func originalMessage(_ id: Int64, chatID: Int64, in state: FakeBotAPIState) -> JSONValue? {
        guard let message = state.botMessages[chatID]?[id] else { return nil }
        return ["message_id": .int(id), "chat": chat(chatID, in: state), "date": .int(now), "text": .string(message.text)]
    }

    static func callbackData(in markup: JSONValue?) -> [String] {
        guard let rows = markup?["inline_keyboard"]?.arrayValue else { return [] }
        return rows.flatMap { $0.arrayValue ?? [] }.compactMap { $0["callback_data"]?.stringValue }
    }

    private static func plainText(_ value: JSONValue) -> String {
        switch value {
        case .int(let number): String(number)
        case .double(let number): String(number)
        default: ""
        }
    }
}
