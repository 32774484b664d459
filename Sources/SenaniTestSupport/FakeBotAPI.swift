import Foundation
import Synchronization
import TelegramBotAPI

/// A fake Telegram Bot API server on 127.0.0.1 for tests: it routes `/bot<TOKEN>/<method>` like Telegram, serves
/// queued updates through long-polling `getUpdates`, answers the send/edit methods, records every request, and
/// injects faults on demand. Usable in-process and by a child process at `baseURL`.
///
/// ```swift
/// let fake = try FakeBotAPI()                       // listening on 127.0.0.1:<ephemeral>
/// let tip = fake.sendGroupMessage(chatID: -1001234567890, from: FakeUser(id: 7, firstName: "Ram"), text: "दारू")
/// fake.inject(.rateLimited(retryAfter: 3), on: "sendMessage")   // the next sendMessage gets 429
/// // … run the bot against fake.baseURL with fake.token …
/// let replies = try await fake.waitForSentMessages(count: 1)
/// #expect(replies[0].replyToMessageID == tip)
/// #expect(fake.validateRequests(against: apiJSON).isEmpty)
/// ```
///
/// For a child `senani` process: `SENANI_API_URL=\(fake.baseURL)` and `SENANI_BOT_TOKEN=\(fake.token)`.
///
/// Thread-safe: all state sits behind one mutex; each connection is served on its own thread, so a waiting long
/// poll never blocks other calls. Updates get ids from 100000 up; message ids increase per chat.
public final class FakeBotAPI: Sendable {
    /// The token the server accepts; others get 401.
    public let token: String
    /// The bot's `@username`.
    public let botUsername: String
    /// What `getMe` reports. When false (privacy mode on), group messages other than commands, replies to the bot
    /// and mentions of it are not delivered, as with Telegram.
    public let canReadAllGroupMessages: Bool
    /// `http://127.0.0.1:PORT`; the Bot API base URL for the client.
    public let baseURL: String
    /// The bot's own user id (the number before the colon of the token).
    public let botID: Int64

    let state = Mutex(FakeBotAPIState())
    let stopped = Latch()
    private let server: HTTPServer

    /// Starts listening on 127.0.0.1 on an ephemeral port.
    public init(
        token: String = "123456:TEST-fake-token", botUsername: String = "SenaniTestBot",
        canReadAllGroupMessages: Bool = true
    ) throws {
        self.token = token
        self.botUsername = botUsername
        self.canReadAllGroupMessages = canReadAllGroupMessages
        self.botID = Int64(token.prefix { $0 != ":" }) ?? 123_456
        // The handler holds the fake weakly: the server's threads must not keep it alive past the test.
        let box = WeakBox()
        server = try HTTPServer { request in
            guard let fake = box.value else { return .drop }
            return fake.handle(request)
        }
        baseURL = "http://127.0.0.1:\(server.port)"
        box.value = self
    }

    deinit {
        stop()
    }

    /// Stops listening, closes every connection and ends waiting long polls. Idempotent.
    public func stop() {
        stopped.open()
        server.stop()
        let waiter = state.withLock { state -> PollWaiter? in
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.semaphore.signal()
    }

    /// TCP connections accepted so far (a client that reuses its connection keeps this at 1).
    public var connectionCount: Int { server.connectionCount }

    /// The highest `offset` a getUpdates has confirmed.
    public var confirmedOffset: Int64 { state.withLock { $0.confirmedOffset } }

    /// Updates queued and not yet confirmed.
    public var pendingUpdateCount: Int { state.withLock { $0.queue.count } }

    /// Group messages never delivered because privacy mode is on (`canReadAllGroupMessages: false`).
    public var hiddenByPrivacyModeCount: Int { state.withLock { $0.hiddenByPrivacyMode } }

    /// Every request received, oldest first.
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The requests for one method (compared case-insensitively, like Telegram).
    public func requests(for method: String) -> [RecordedRequest] {
        state.withLock { $0.requests.filter { $0.method.lowercased() == method.lowercased() } }
    }

    /// Every message accepted through `sendMessage`, oldest first.
    public var sentMessages: [SentMessage] { state.withLock { $0.sentMessages } }

    /// The messages accepted for one chat, oldest first.
    public func sentMessages(to chatID: Int64) -> [SentMessage] {
        state.withLock { $0.sentMessages.filter { $0.chatID == chatID } }
    }

    /// How many messages `sendMessage` accepted (cheaper than `sentMessages.count` for big benchmarks).
    public var sentMessageCount: Int { state.withLock { $0.sentMessages.count } }

    /// The current text and inline-button data of a message the bot sent (after its edits); nil if unknown or
    /// deleted.
    public func botMessage(chatID: Int64, messageID: Int64) -> (text: String, callbackData: [String])? {
        state.withLock { state in
            state.botMessages[chatID]?[messageID].map { ($0.text, Self.callbackData(in: $0.replyMarkup)) }
        }
    }

    /// The commands last set with `setMyCommands` for the default scope.
    public var commands: JSONValue { state.withLock { $0.commandsByScope["default"] ?? [] } }

    /// Every photo accepted through `sendPhoto`, oldest first (uploads with their bytes).
    public var sentPhotos: [SentPhoto] { state.withLock { $0.sentPhotos } }

    /// Every location accepted through `sendLocation`, oldest first.
    public var sentLocations: [SentLocation] { state.withLock { $0.sentLocations } }

    /// Whether the message was deleted through `deleteMessage`.
    public func isDeleted(chatID: Int64, messageID: Int64) -> Bool {
        state.withLock { $0.deletedMessages[chatID]?.contains(messageID) == true }
    }

    /// Marks `userID` as never having pressed Start: until they write to the bot, sending to their private chat
    /// fails with 403 "Forbidden: bot can't initiate conversation with a user", as with Telegram.
    public func setNeverStarted(userID: Int64, _ neverStarted: Bool = true) {
        state.withLock { state in
            if neverStarted { state.neverStarted.insert(userID) } else { state.neverStarted.remove(userID) }
        }
    }

    /// How long after a tap its callback query may be answered; later answers fail with 400 "query is too old
    /// and response timeout expired or query ID is invalid". Nil (the default): until it is answered once.
    public func setCallbackQueryLifetime(_ lifetime: Duration?) {
        state.withLock { $0.callbackQueryLifetime = lifetime?.timeInterval }
    }

    /// Makes the next `times` calls of `method` fail with `fault`, after the faults already queued for it.
    public func inject(_ fault: Fault, on method: String, times: Int = 1) {
        state.withLock { state in
            state.faults[method.lowercased(), default: []].append(contentsOf: repeatElement(fault, count: times))
        }
    }

    /// From now on, sending to (or editing in) `chatID` fails with 403 "Forbidden: bot was blocked by the user"
    /// (a user who blocked the bot).
    public func setForbidden(chatID: Int64, _ forbidden: Bool = true) {
        state.withLock { state in
            if forbidden { state.forbidden.insert(chatID) } else { state.forbidden.remove(chatID) }
        }
    }

    /// Makes `sendMessage` enforce Telegram's limits (off by default): at most `groupMessagesPerMinute` into one
    /// group per minute and `messagesPerSecond` overall, answering 429 with the seconds to wait as `retry_after`.
    public func enableRateLimits(groupMessagesPerMinute: Int = 20, messagesPerSecond: Int = 30) {
        state.withLock { $0.rateLimits = (groupMessagesPerMinute, messagesPerSecond) }
    }

    /// Forgets recorded requests and sent messages (queued updates, faults and chats stay).
    public func clearRecords() {
        state.withLock { state in
            state.requests.removeAll()
            state.sentMessages.removeAll()
        }
    }

    /// The bot's `User` object, as `getMe` answers it.
    var botUserJSON: JSONValue {
        [
            "id": .int(botID), "is_bot": true, "first_name": "Senani Test Bot", "username": .string(botUsername),
            "can_join_groups": true, "can_read_all_group_messages": .bool(canReadAllGroupMessages),
            "supports_inline_queries": false, "can_connect_to_business": false, "has_main_web_app": false,
        ]
    }
}

/// Lets the server's handler reach the fake without owning it.
private final class WeakBox: Sendable {
    private let reference = Mutex<WeakReference>(WeakReference())

    private struct WeakReference {
        weak var value: FakeBotAPI?
    }

    var value: FakeBotAPI? {
        get { reference.withLock { $0.value } }
        set { reference.withLock { $0.value = newValue } }
    }
}
