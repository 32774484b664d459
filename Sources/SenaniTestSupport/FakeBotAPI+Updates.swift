import Foundation

/// Queuing updates for the bot: raw JSON, or built like Telegram builds them.
extension FakeBotAPI {
    /// Queues an update given as JSON. It gets the next `update_id` unless it has one. Returns the id.
    @discardableResult
    public func enqueue(json: Data) -> Int64 {
        guard case .object(let members) = JSONValue(json: json) else {
            preconditionFailure("FakeBotAPI.enqueue(json:) needs a JSON object")
        }
        return enqueue(members)
    }

    /// Queues an update given as a JSONSerialization dictionary. It gets the next `update_id` unless it has one.
    @discardableResult
    public func enqueue(update: [String: Any]) -> Int64 {
        guard let data = try? JSONSerialization.data(withJSONObject: update) else {
            preconditionFailure("FakeBotAPI.enqueue(update:) needs a JSON-serializable dictionary")
        }
        return enqueue(json: data)
    }

    /// Queues an update given as a `JSONValue` object. It gets the next `update_id` unless it has one.
    @discardableResult
    public func enqueue(_ update: [String: JSONValue]) -> Int64 {
        enqueue { _ in update }
    }

    /// Queues an update given as raw bytes, served verbatim inside the getUpdates answer even when they are not
    /// JSON, not UTF-8, or nested too deep for a parser: for tests that a malformed update cannot stall the bot.
    /// It takes the fake's next update id for ordering and offset confirmation, whatever `update_id` the bytes
    /// say (write `update_id` into them yourself; the returned id is the one that confirms it). Returns that id.
    @discardableResult
    public func enqueue(rawUpdate bytes: Data, kind: String = "message") -> Int64 {
        let (id, waiter) = state.withLock { state -> (Int64, PollWaiter?) in
            let id = state.nextUpdateID
            state.nextUpdateID += 1
            state.queue.append(FakeBotAPIState.QueuedUpdate(id: id, kind: kind, json: bytes))
            defer { state.waiter = nil }
            return (id, state.waiter)
        }
        wakePoller(waiter)
        return id
    }

    /// The update id the next queued update will get (for building raw updates that carry their own id).
    public var nextUpdateID: Int64 { state.withLock { $0.nextUpdateID } }

    /// Queues updates under one lock with one wake-up of the poller (for benchmarks). Returns their ids.
    @discardableResult
    public func enqueue(batch updates: [[String: JSONValue]]) -> [Int64] {
        let (ids, waiter) = state.withLock { state -> ([Int64], PollWaiter?) in
            let ids = updates.map { insert($0, into: &state) }
            defer { state.waiter = nil }
            return (ids, state.waiter)
        }
        wakePoller(waiter)
        return ids
    }

    /// Builds the update under the lock (so message ids and update ids come in order), queues it, wakes the poller.
    @discardableResult
    func enqueue(_ build: (inout FakeBotAPIState) -> [String: JSONValue]) -> Int64 {
        let (id, waiter) = state.withLock { state -> (Int64, PollWaiter?) in
            let id = insert(build(&state), into: &state)
            defer { state.waiter = nil }
            return (id, state.waiter)
        }
        wakePoller(waiter)
        return id
    }

    /// Gives the update its id (unless it has one) and puts it in the queue in id order.
    private func insert(_ update: [String: JSONValue], into state: inout FakeBotAPIState) -> Int64 {
        var update = update
        let id: Int64
        if let given = update["update_id"]?.int64Value {
            id = given
            // Saturating: a test may hand in any id, Int64.max included.
            state.nextUpdateID = max(state.nextUpdateID, given < .max ? given + 1 : given)
        } else {
            id = state.nextUpdateID
            state.nextUpdateID += 1
            update["update_id"] = .int(id)
        }
        let kind = update.keys.first { $0 != "update_id" } ?? "unknown"
        remember(update, kind: kind, in: &state)
        if !canReadAllGroupMessages, isHiddenByPrivacyMode(update[kind], kind: kind) {
            state.hiddenByPrivacyMode += 1
            return id
        }
        let queued = FakeBotAPIState.QueuedUpdate(id: id, kind: kind, json: JSONValue.object(update).jsonData)
        if let last = state.queue.last, last.id > id {
            let index = state.queue.firstIndex { $0.id > id } ?? state.queue.endIndex
            state.queue.insert(queued, at: index)
            state.filteredPrefix = min(state.filteredPrefix, index)
        } else {
            state.queue.append(queued)
        }
        return id
    }

    /// With privacy mode on (`canReadAllGroupMessages == false`) Telegram shows a bot only commands, replies to
    /// the bot and mentions of it from groups; other content messages never become updates. Service messages do.
    private func isHiddenByPrivacyMode(_ message: JSONValue?, kind: String) -> Bool {
        guard kind == "message" || kind == "edited_message", let message,
            let type = message["chat"]?["type"]?.stringValue, type == "group" || type == "supergroup"
        else { return false }
        let contentKeys = [
            "text", "caption", "photo", "document", "video", "voice", "audio", "animation", "video_note", "sticker",
            "location", "venue", "contact", "poll", "dice",
        ]
        guard contentKeys.contains(where: { message[$0] != nil }) else { return false }
        let words = message["text"]?.stringValue ?? message["caption"]?.stringValue ?? ""
        if words.hasPrefix("/") || words.localizedCaseInsensitiveContains("@\(botUsername)") { return false }
        if message["reply_to_message"]?["from"]?["id"]?.int64Value == botID { return false }
        return true
    }

    /// Keeps what later answers need: chats and users seen, callback query ids that may be answered, message ids
    /// used and who wrote them, photo file ids, and that a user who wrote privately has pressed Start.
    private func remember(_ update: [String: JSONValue], kind: String, in state: inout FakeBotAPIState) {
        let payload = update[kind]
        if kind == "callback_query", let id = payload?["id"]?.stringValue {
            state.callbackQueries[id] = Date()
        }
        if let from = payload?["from"], let userID = from["id"]?.int64Value { state.users[userID] = from }
        let message = kind == "callback_query" ? payload?["message"] : payload
        guard let chat = message?["chat"], let chatID = chat["id"]?.int64Value else { return }
        state.chats[chatID] = chat
        guard let messageID = message?["message_id"]?.int64Value else { return }
        let next = messageID < .max ? messageID + 1 : messageID
        state.nextMessageID[chatID] = max(state.nextMessageID[chatID, default: 1], next)
        guard kind != "callback_query" else { return }
        state.userMessages[chatID, default: []].insert(messageID)
        for size in message?["photo"]?.arrayValue ?? [] {
            if let fileID = size["file_id"]?.stringValue { state.knownFileIDs.insert(fileID) }
        }
        if let userID = message?["from"]?["id"]?.int64Value {
            if chatID > 0 {
                // Writing to the bot is what pressing Start does: from now on the bot may write back.
                state.neverStarted.remove(userID)
            } else if state.memberships[chatID]?[userID] == nil {
                state.memberships[chatID, default: [:]][userID] = .init(status: "member")
            }
        }
    }
}
