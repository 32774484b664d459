import Foundation
import Logging
import SenaniStore
import ServiceLifecycle
import TelegramBotAPI

/// Delivers the outbox under Telegram's limits. A row leaves the outbox only when Telegram accepted it, or
/// refused it for good (the reason is kept on the row).
public struct OutboxSender: Service {
    let api: BotAPI
    let store: Store
    let templates: MessageTemplates
    let configuration: SenaniConfiguration
    let wake: WakeSignal
    let logger: Logger
    private let clock = ContinuousClock()

    public init(
        api: BotAPI, store: Store, templates: MessageTemplates, configuration: SenaniConfiguration, wake: WakeSignal,
        logger: Logger
    ) {
        self.api = api
        self.store = store
        self.templates = templates
        self.configuration = configuration
        self.wake = wake
        self.logger = logger
    }

    public func run() async throws {
        // Published alongside sending, so a slow Telegram at start-up does not hold the queue back.
        async let menu: Void = publishCommandMenu()
        var limiter = RateLimiter(limits: configuration.rateLimits)
        let start = clock.now
        let seconds = { (start.duration(to: clock.now)) / .seconds(1) }
        var storeFailures = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let due: [OutboxMessage]
            do {
                due = try await store.dueOutbox(now: Date(), limit: 50)
                storeFailures = 0
            } catch {
                storeFailures += 1
                logger.error("cannot read the outbox", metadata: ["error": "\(error)"])
                await pause(configuration.backoff.delay(afterFailures: storeFailures))
                continue
            }
            if due.isEmpty {
                let next = (try? await store.nextOutboxDue()).flatMap { $0 }
                let wait = next.map { max(0.005, $0.timeIntervalSinceNow) } ?? 30
                await pause(.seconds(min(wait, 30)), wakeable: true)
                continue
            }
            var deferred: Set<Int64> = []
            for message in due where !Task.isShuttingDownGracefully && !deferred.contains(message.chatID) {
                // Nothing may go to anyone yet (a 429 pause or the overall limit): wait, then go on down the list.
                let anySend = limiter.earliestAnySend(now: seconds())
                if anySend > seconds() {
                    await pause(.seconds(min(anySend - seconds(), 60)), wakeable: false)
                    if Task.isShuttingDownGracefully { break }
                }
                let now = seconds()
                let earliest = limiter.earliestSend(to: message.chatID, now: now)
                if earliest > now {
                    // This chat's limit is used up: its rows wait in the database so other chats' come up.
                    deferred.insert(message.chatID)
                    try? await store.deferPending(chatID: message.chatID, until: Date().addingTimeInterval(earliest - now))
                    continue
                }
                await deliver(message, limiter: &limiter, now: seconds)
            }
        }
        await menu
        logger.info("outbox sender stopped")
    }

    private func deliver(_ message: OutboxMessage, limiter: inout RateLimiter, now: () -> Double) async {
        guard let text = templates.render(message.template, message.parameters) else {
            try? await store.markFailed(id: message.id, reason: "no template \(message.template)", at: Date())
            logger.error("no such template", metadata: ["template": "\(message.template)"])
            return
        }
        let markup = keyboard(message.buttons)
        let parts = TextSplitter.split(text)
        var lastID: Int64 = 0
        do {
            for (index, part) in parts.enumerated() {
                limiter.recordSend(to: message.chatID, at: now())
                let sent = try await api.sendMessage(
                    SendMessage(
                        chatID: message.chatID, text: part,
                        replyParameters: index == 0 ? message.replyToMessageID.map { ReplyParameters(messageID: $0) } : nil,
                        replyMarkup: index == parts.count - 1 ? markup : nil))
                lastID = sent.messageID
            }
            try? await store.markSent(id: message.id, messageID: lastID, at: Date())
            logger.debug("sent", metadata: ["outbox_id": "\(message.id)", "template": "\(message.template)"])
        } catch {
            await handleFailure(error, message: message, limiter: &limiter, now: now())
        }
    }

    private func handleFailure(
        _ error: BotAPIError, message: OutboxMessage, limiter: inout RateLimiter, now: Double
    ) async {
        switch error.kind {
        case .cancelled:
            return
        case .rateLimited:
            let wait = Double(error.retryAfter ?? 1)
            limiter.pause(retryAfter: wait, now: now)
            logger.warning("Telegram asks to slow down; all sending waits", metadata: ["retry_after": "\(wait)"])
            try? await store.reschedule(
                id: message.id, notBefore: Date().addingTimeInterval(wait), error: error.description,
                countsAsAttempt: false)
        case .chatMigrated:
            guard let newID = error.migrateToChatID else { fallthrough }
            logger.notice("group became a supergroup; following it", metadata: ["from": "\(message.chatID)", "to": "\(newID)"])
            do {
                try await store.migrateChat(from: message.chatID, to: newID)
            } catch {
                logger.error("cannot record the group's new id", metadata: ["error": "\(error)"])
            }
        case .badRequest, .forbidden, .notFound:
            logger.warning("Telegram refused a message for good", metadata: ["outbox_id": "\(message.id)", "error": "\(error)"])
            try? await store.markFailed(id: message.id, reason: error.description, at: Date())
        default:
            let wait = configuration.backoff.delay(afterFailures: message.attempts + 1)
            logger.warning("send failed, will retry", metadata: ["error": "\(error)", "retry_in": "\(wait.roundedSeconds)"])
            try? await store.reschedule(
                id: message.id, notBefore: Date().addingTimeInterval(wait / .seconds(1)), error: error.description)
        }
    }

    /// Best effort: a menu that fails to publish (network down at start) costs nothing but the menu.
    private func publishCommandMenu() async {
        let commands = templates.commands.map { BotCommand(command: $0.command, description: $0.description) }
        do {
            try await cancelWhenGracefulShutdown { try await api.setMyCommands(commands) }
        } catch {
            logger.debug("could not publish the command menu", metadata: ["error": "\(error)"])
        }
    }

    private func keyboard(_ rows: [[OutboxButton]]) -> InlineKeyboardMarkup? {
        guard !rows.isEmpty else { return nil }
        return InlineKeyboardMarkup(
            rows.map { row in
                row.map { InlineKeyboardButton(text: templates.render($0.text, [:]) ?? $0.text, callbackData: $0.data) }
            })
    }

    /// Sleeps, cut short by shutdown (and, when `wakeable`, by the poller queueing something new).
    private func pause(_ duration: Duration, wakeable: Bool = false) async {
        try? await cancelWhenGracefulShutdown {
            if wakeable { await wake.wait(timeout: duration) } else { try await Task.sleep(for: duration) }
        }
    }
}
