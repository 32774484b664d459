import Foundation
import Logging
import SenaniStore
import ServiceLifecycle
import TelegramBotAPI

/// Delivers the outbox under Telegram's limits. A row leaves the outbox only when Telegram accepted it, or
/// refused it for good (the reason is kept on the row). Callback answers go first and are not counted against a
/// chat's limit, so an officer's tap is answered while a group's replies are still catching up.
public struct OutboxSender: Service {
    let api: BotAPI
    let store: Store
    let templates: MessageTemplates
    let configuration: SenaniConfiguration
    let clock: any SenaniClock
    let wake: WakeSignal
    let logger: Logger
    let signer: CallbackSigner

    public init(
        api: BotAPI, store: Store, templates: MessageTemplates, configuration: SenaniConfiguration,
        clock: any SenaniClock, wake: WakeSignal, logger: Logger
    ) {
        self.api = api
        self.store = store
        self.templates = templates
        self.configuration = configuration
        self.clock = clock
        self.wake = wake
        self.logger = logger
        self.signer = CallbackSigner(sign: { [store] in store.signature(of: $0, purpose: "callback") })
    }

    public func run() async throws {
        // Published alongside sending, so a slow Telegram at start-up does not hold the queue back.
        async let menu: Void = publishCommandMenus()
        var limiter = RateLimiter(limits: configuration.rateLimits)
        var storeFailures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let due: [OutboxMessage]
            do {
                due = try await store.dueOutbox(now: clock.now(), limit: 50)
                storeFailures = 0
            } catch {
                storeFailures += 1
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                await pause(configuration.backoff.delay(afterFailures: storeFailures))
                continue
            }
            if due.isEmpty {
                let next = await record("read the next due time") { try await store.nextOutboxDue() } ?? nil
                let wait = next.map { max(0.005, $0.timeIntervalSince(clock.now())) } ?? 30
                await pause(.seconds(min(wait, 30)), wakeable: true)
                continue
            }
            var deferred: Set<Int64> = []
            for message in due where !Task.isShuttingDownGracefully && !deferred.contains(message.chatID) {
                let counted = Self.countsAgainstLimits(message.kind)
                // Nothing may go to anyone yet (a 429 pause or the overall limit): wait, then go on down the list.
                let anySend = limiter.earliestAnySend(now: clock.seconds())
                if counted != .none, anySend > clock.seconds() {
                    await pause(.seconds(min(anySend - clock.seconds(), 60)))
                    if Task.isShuttingDownGracefully { break }
                }
                let now = clock.seconds()
                let earliest = counted == .chat ? limiter.earliestSend(to: message.chatID, now: now) : now
                if earliest > now {
                    // This chat's limit is used up: its rows wait in the database so other chats' come up.
                    deferred.insert(message.chatID)
                    let until = clock.now().addingTimeInterval(earliest - now)
                    await record("defer a chat's messages") { try await store.deferPending(chatID: message.chatID, until: until) }
                    continue
                }
                // A group that just became a supergroup: its other rows in this pass still carry the old id.
                if await deliver(message, limiter: &limiter, counted: counted) { deferred.insert(message.chatID) }
            }
        }
        await menu
        logger.info("outbox sender stopped")
    }

    /// Which of Telegram's limits a call counts against: messages count against their chat's and the overall
    /// limit; edits only against the overall one; callback answers against neither.
    enum Counted { case chat, overall, none }

    static func countsAgainstLimits(_ kind: OutboxKind) -> Counted {
        switch kind {
        case .message, .photo, .location, .pngUpload: .chat
        case .edit, .delete, .commandMenu: .overall
        case .callbackAnswer: .none
        }
    }

    /// Returns true when the chat moved (a group became a supergroup).
    @discardableResult
    private func deliver(_ message: OutboxMessage, limiter: inout RateLimiter, counted: Counted) async -> Bool {
        guard let text = templates.render(message.template, message.parameters) else {
            logger.error("no such template", metadata: ["template": "\(message.template)"])
            await record("give up a message") {
                try await store.markFailed(id: message.id, reason: "no template \(message.template)", at: clock.now())
            }
            return false
        }
        do {
            let sentID = try await send(message, text: text) { [clock] in
                switch counted {
                case .chat: limiter.recordSend(to: message.chatID, at: clock.seconds())
                case .overall: limiter.recordOverall(at: clock.seconds())
                case .none: break
                }
            }
            guard let sentID else { return false }
            await record("mark a message sent") {
                try await store.markSent(id: message.id, messageID: sentID, at: clock.now())
            }
            logger.debug("sent", metadata: ["outbox_id": "\(message.id)", "template": "\(message.template)"])
        } catch {
            await handleFailure(error, message: message, limiter: &limiter)
            return error.kind == .chatMigrated
        }
        return false
    }

    /// Makes the Bot API call(s) for one row; returns the message id to record, or nil when the row must wait.
    private func send(
        _ message: OutboxMessage, text: String, counting: () -> Void
    ) async throws(BotAPIError) -> Int64? {
        let markup = keyboard(message.buttons, ref: message.reportRef)
        switch message.kind {
        case .message:
            let parts = TextSplitter.split(text)
            var lastID: Int64 = 0
            for (index, part) in parts.enumerated() {
                counting()
                let sent = try await api.sendMessage(
                    SendMessage(
                        chatID: message.chatID, text: part,
                        replyParameters: index == 0 ? message.replyToMessageID.map { ReplyParameters(messageID: $0) } : nil,
                        replyMarkup: index == parts.count - 1 ? markup : nil))
                lastID = sent.messageID
            }
            return lastID
        case .photo(let fileID):
            counting()
            return try await api.sendPhoto(
                SendPhoto(chatID: message.chatID, photo: .fileID(fileID), caption: text.isEmpty ? nil : text, replyMarkup: markup)
            ).messageID
        case .pngUpload(let fileName):
            guard let bytes = await record("read an upload", { try await store.outboxUpload(id: message.id) }) ?? nil,
                !bytes.isEmpty
            else {
                await record("give up an upload") {
                    try await store.markFailed(id: message.id, reason: "the file to upload is missing", at: clock.now())
                }
                return nil
            }
            counting()
            return try await api.sendPhoto(
                SendPhoto(
                    chatID: message.chatID, photo: .png(bytes, fileName: fileName),
                    caption: text.isEmpty ? nil : String(text.prefix(1000)), replyMarkup: markup)
            ).messageID
        case .location(let point):
            counting()
            return try await api.sendLocation(
                SendLocation(chatID: message.chatID, latitude: point.latitude, longitude: point.longitude)
            ).messageID
        case .edit(let target):
            let messageID: Int64
            switch target {
            case .message(let id):
                messageID = id
            case .outboxRow:
                guard let id = message.editTargetMessageID else {
                    if message.editTargetFailed {
                        await record("give up an edit") {
                            try await store.markFailed(id: message.id, reason: "the message to edit was never sent", at: clock.now())
                        }
                    } else {
                        // The notification is still queued: edit it once it is out.
                        await record("hold an edit back") {
                            try await store.reschedule(
                                id: message.id, notBefore: clock.now().addingTimeInterval(1), error: "waiting for the message to edit",
                                countsAsAttempt: false)
                        }
                    }
                    return nil
                }
                messageID = id
            }
            counting()
            do {
                try await api.editMessageText(
                    chatID: message.chatID, messageID: messageID, text: String(text.prefix(4000)), replyMarkup: markup)
            } catch where error.isMessageNotModified {
                // The message already shows this: the edit's work is done.
            }
            return messageID
        case .callbackAnswer(let queryID):
            do {
                try await api.answerCallbackQuery(id: queryID, text: String(text.prefix(190)))
            } catch where error.kind == .badRequest {
                // Too old (the officer's tap was answered by Telegram's timeout): nothing left to answer.
                logger.debug("callback answer too late", metadata: ["error": "\(error)"])
            }
            return 0
        case .delete(let id):
            counting()
            try await api.deleteMessage(chatID: message.chatID, messageID: id)
            return id
        case .commandMenu:
            counting()
            try await api.setMyCommands(MessageTemplates.commandLines(text), scope: .chat(chatID: message.chatID))
            return 0
        }
    }

    private func handleFailure(_ error: BotAPIError, message: OutboxMessage, limiter: inout RateLimiter) async {
        switch error.kind {
        case .cancelled:
            return
        case .rateLimited:
            let wait = Double(error.retryAfter ?? 1)
            limiter.pause(retryAfter: wait, now: clock.seconds())
            logger.warning("Telegram asks to slow down; all sending waits", metadata: ["retry_after": "\(wait)"])
            await record("reschedule after a 429") {
                try await store.reschedule(
                    id: message.id, notBefore: clock.now().addingTimeInterval(wait), error: error.description,
                    countsAsAttempt: false)
            }
        case .chatMigrated:
            guard let newID = error.migrateToChatID else { fallthrough }
            logger.notice("group became a supergroup; following it", metadata: ["from": "\(message.chatID)", "to": "\(newID)"])
            await record("record the group's new id") { try await store.migrateChat(from: message.chatID, to: newID, at: clock.now()) }
        case .forbidden where message.noticeFor != nil:
            await officerUnreachable(message, error: error)
        case .badRequest where message.template == "tip_delete":
            await tipNotDeleted(message, error: error)
        case .badRequest, .forbidden, .notFound:
            logger.warning("Telegram refused a message for good", metadata: ["outbox_id": "\(message.id)", "error": "\(error)"])
            await record("give up a message") { try await store.markFailed(id: message.id, reason: error.description, at: clock.now()) }
        default:
            let wait = configuration.backoff.delay(afterFailures: message.attempts + 1)
            logger.warning("send failed, will retry", metadata: ["error": "\(error)", "retry_in": "\(wait.roundedSeconds)"])
            await record("reschedule a message") {
                try await store.reschedule(
                    id: message.id, notBefore: clock.now().addingTimeInterval(wait / .seconds(1)), error: error.description)
            }
        }
    }

    /// The SHO never pressed Start, or blocked the bot: the group hears "new tip REF — SHO please open the bot",
    /// the officer is marked unreachable, and the admins are told the first time.
    private func officerUnreachable(_ message: OutboxMessage, error: BotAPIError) async {
        guard let officerID = message.noticeFor else { return }
        logger.warning(
            "an SHO cannot be written to privately; telling his group instead",
            metadata: ["officer": "\(officerID)", "ref": "\(message.reportRef ?? "")", "error": "\(error.message)"])
        await record("record an unreachable officer") {
            try await store.markFailed(id: message.id, reason: error.description, at: clock.now())
            try await store.act(
                FactsRequest(actorID: officerID, ref: message.reportRef), at: clock.now(),
                decide: Unreachable.decide(officerID: officerID))
        }
        wake.ring()
    }

    /// A tip could not be deleted from its group: when the bot lacks the right there, the admins are told once.
    private func tipNotDeleted(_ message: OutboxMessage, error: BotAPIError) async {
        await record("give up a deletion") { try await store.markFailed(id: message.id, reason: error.description, at: clock.now()) }
        // The token's number is the bot's own user id.
        guard let botID = Int64(configuration.token.prefix { $0 != ":" }) else { return }
        let member: ChatMember
        do {
            member = try await api.getChatMember(chatID: message.chatID, userID: botID)
        } catch {
            logger.warning("cannot ask Telegram whether the bot may delete tips", metadata: ["error": "\(error)"])
            return
        }
        guard !member.canDeleteOthersMessages else { return }
        logger.warning(
            "a tip could not be deleted from its group: make the bot an admin there with the right to delete messages",
            metadata: ["chat_id": "\(message.chatID)"])
        await record("tell the admins the bot cannot delete tips") {
            try await store.act(
                FactsRequest(actorID: 0, chatID: message.chatID), at: clock.now(),
                decide: DeleteTipsRefused.decide(chatID: message.chatID))
        }
        wake.ring()
    }

    /// Runs a store write whose failure must not stop sending, and logs it: a failed `markSent` means the
    /// message will be sent again, which the operator should know.
    @discardableResult
    private func record<T: Sendable>(_ what: String, _ body: () async throws -> T) async -> T? {
        do {
            return try await body()
        } catch {
            logger.error("cannot \(what) in the database", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Publishes the default menu (citizens' commands). Officers get theirs when they press Start, and at every
    /// start-up here. Best effort: a menu that fails costs nothing but the menu.
    private func publishCommandMenus() async {
        do {
            try await cancelWhenGracefulShutdown {
                try await api.setMyCommands(MessageTemplates.commandLines(templates.render("commands", [:]) ?? ""))
            }
            for officer in try await store.readOfficers() where officer.reachable != false {
                let lines = MessageTemplates.commandLines(templates.render("commands_\(officer.role.rawValue)", [:]) ?? "")
                try await cancelWhenGracefulShutdown { try await api.setMyCommands(lines, scope: .chat(chatID: officer.telegramID)) }
            }
        } catch {
            logger.debug("could not publish the command menus", metadata: ["error": "\(error)"])
        }
    }

    private func keyboard(_ rows: [[OutboxButton]], ref: String?) -> InlineKeyboardMarkup? {
        guard !rows.isEmpty else { return nil }
        let buttons = rows.map { row in
            row.compactMap { button -> InlineKeyboardButton? in
                let label = templates.render(button.text, button.values ?? [:]) ?? button.text
                if let url = button.url { return InlineKeyboardButton(text: label, url: url) }
                if let action = button.action, let ref = button.ref ?? ref {
                    let data = signer.encode(CallbackData(action: action, ref: ref, version: button.version ?? 0))
                    return data.map { InlineKeyboardButton(text: label, callbackData: $0) }
                }
                return button.data.map { InlineKeyboardButton(text: label, callbackData: $0) }
            }
        }
        return InlineKeyboardMarkup(buttons.filter { !$0.isEmpty })
    }

    /// Sleeps on the injected clock, cut short by shutdown (and, when `wakeable`, by new work being queued).
    private func pause(_ duration: Duration, wakeable: Bool = false) async {
        try? await cancelWhenGracefulShutdown {
            if wakeable { await wake.wait(timeout: duration, clock: clock) } else { try await clock.sleep(for: duration) }
        }
    }
}
