import Dispatch
import Foundation
import Synchronization

/// Everything the fake server knows, guarded by `FakeBotAPI`'s mutex.
struct FakeBotAPIState {
    struct QueuedUpdate {
        var id: Int64
        var kind: String
        var json: Data
    }

    struct BotMessage {
        /// The text, or a photo's caption ("" without one).
        var text: String
        var replyMarkup: JSONValue?
        /// False for a photo or a location: editMessageText then fails as with Telegram.
        var hasText = true
    }

    /// A user's standing in a chat, as getChatMember reports it.
    struct Membership {
        var status: String
        var canDeleteMessages = true
    }

    var nextUpdateID: Int64 = 100_000
    /// Unconfirmed updates, in id order.
    var queue: [QueuedUpdate] = []
    /// How many leading `queue` entries are known to pass `allowedUpdates`, so each poll filters only new ones.
    var filteredPrefix = 0
    var confirmedOffset: Int64 = 0
    /// Group messages that privacy mode kept from the bot.
    var hiddenByPrivacyMode = 0
    /// The last `allowed_updates` given; Telegram remembers it across calls.
    var allowedUpdates: Set<String>? = nil
    /// The getUpdates currently waiting for updates, if any.
    var waiter: PollWaiter? = nil
    /// Counts getUpdates requests; a waiting one whose number is no longer the latest was superseded (409).
    var pollGeneration = 0
    var nextMessageID: [Int64: Int64] = [:]
    var chats: [Int64: JSONValue] = [:]
    var botMessages: [Int64: [Int64: BotMessage]] = [:]
    /// Callback queries that may still be answered, with when they were made.
    var callbackQueries: [String: Date] = [:]
    /// How long a callback query may be answered after the tap; nil: until answered.
    var callbackQueryLifetime: TimeInterval? = nil
    var nextCallbackQueryID = 1
    var migrated: [Int64: Int64] = [:]
    var forbidden: Set<Int64> = []
    var faults: [String: [Fault]] = [:]
    var requests: [RecordedRequest] = []
    var sentMessages: [SentMessage] = []
    /// Command menus by scope key (`default`, `all_private_chats`, `all_group_chats`, `chat:<id>`).
    var commandsByScope: [String: JSONValue] = [:]
    var sentPhotos: [SentPhoto] = []
    var sentLocations: [SentLocation] = []
    /// File ids the fake may be asked to send again: photos seen in updates or sent by the bot.
    var knownFileIDs: Set<String> = []
    var nextFileNumber = 1
    /// Users who never pressed Start: the bot cannot open a private chat with them.
    var neverStarted: Set<Int64> = []
    /// Memberships set by tests, by `my_chat_member` updates, or learned from group messages.
    var memberships: [Int64: [Int64: Membership]] = [:]
    /// The `User` objects seen in updates, for getChatMember answers.
    var users: [Int64: JSONValue] = [:]
    /// Incoming (not the bot's) message ids per chat, and the ids deleted so far.
    var userMessages: [Int64: Set<Int64>] = [:]
    var deletedMessages: [Int64: Set<Int64>] = [:]
    /// Telegram's send limits when enabled: (messages into one group per minute, messages overall per second).
    var rateLimits: (perGroupPerMinute: Int, perSecond: Int)? = nil
    var recentSends: [Date] = []
    var recentGroupSends: [Int64: [Date]] = [:]

    /// Nil when a message to `chatID` may go now; otherwise the whole seconds to wait (Telegram's retry_after).
    mutating func rateLimitDelay(for chatID: Int64, now: Date) -> Int? {
        guard let limits = rateLimits else { return nil }
        recentSends.removeAll { now.timeIntervalSince($0) >= 1 }
        var waits: [TimeInterval] = []
        if recentSends.count >= limits.perSecond, let oldest = recentSends.first {
            waits.append(1 - now.timeIntervalSince(oldest))
        }
        if chatID < 0 {
            var group = recentGroupSends[chatID, default: []]
            group.removeAll { now.timeIntervalSince($0) >= 60 }
            recentGroupSends[chatID] = group
            if group.count >= limits.perGroupPerMinute, let oldest = group.first {
                waits.append(60 - now.timeIntervalSince(oldest))
            }
        }
        guard let wait = waits.max() else { return nil }
        return max(1, Int(wait.rounded(.up)))
    }

    mutating func recordSend(to chatID: Int64, now: Date) {
        guard rateLimits != nil else { return }
        recentSends.append(now)
        if chatID < 0 { recentGroupSends[chatID, default: []].append(now) }
    }

    /// Drops updates below `offset` (they are confirmed).
    mutating func confirm(below offset: Int64) {
        let count = queue.firstIndex { $0.id >= offset } ?? queue.endIndex
        guard count > 0 else { return }
        queue.removeFirst(count)
        filteredPrefix = max(0, filteredPrefix - count)
    }

    /// Drops queued updates of kinds the bot did not ask for; Telegram does not even keep those.
    mutating func dropDisallowed() {
        guard filteredPrefix < queue.count else { return }
        let allowed = allowedUpdates
        let tail = queue[filteredPrefix...].filter { Self.isAllowed($0.kind, by: allowed) }
        queue.replaceSubrange(filteredPrefix..., with: tail)
        filteredPrefix = queue.count
    }

    mutating func takeMessageID(in chatID: Int64) -> Int64 {
        let id = nextMessageID[chatID, default: 1]
        nextMessageID[chatID] = id + 1
        return id
    }

    mutating func takeFault(for method: String) -> Fault? {
        let key = method.lowercased()
        guard var pending = faults[key], !pending.isEmpty else { return nil }
        let fault = pending.removeFirst()
        faults[key] = pending.isEmpty ? nil : pending
        return fault
    }

    /// Update kinds Telegram sends when `allowed_updates` was never given.
    static let defaultKinds: Set<String> = [
        "message", "edited_message", "channel_post", "edited_channel_post", "business_connection",
        "business_message", "edited_business_message", "deleted_business_messages", "inline_query",
        "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media",
        "poll", "poll_answer", "my_chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
    ]

    static func isAllowed(_ kind: String, by allowedUpdates: Set<String>?) -> Bool {
        if let allowedUpdates { allowedUpdates.contains(kind) } else { defaultKinds.contains(kind) }
    }
}

/// One waiting long poll. A newer getUpdates marks it conflicted and wakes it; an enqueued update wakes it.
final class PollWaiter: Sendable {
    let semaphore = DispatchSemaphore(value: 0)
    let conflicted = Atomic<Bool>(false)
}

/// A one-way latch: `wait(until:)` returns early once `open()` was called. Used so `stop()` ends injected delays.
final class Latch: @unchecked Sendable {
    // Safe: `isOpen` is only read or written while holding `condition`'s lock.
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until `deadline` or until opened; true when opened.
    @discardableResult
    func wait(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !isOpen {
            if !condition.wait(until: deadline) { return isOpen }
        }
        return true
    }
}
