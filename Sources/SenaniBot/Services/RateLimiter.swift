/// Telegram's sending limits as a pure state machine: it is told what was sent and what Telegram answered,
/// and says when the next message to a chat may go. Times are seconds on any monotonic timeline.
public struct RateLimiter: Sendable {
    /// How many messages may go in a sliding window.
    public struct Limits: Sendable, Hashable {
        public var overallPerSecond: Int
        public var perGroupPerMinute: Int
        public var perPrivateChatPerSecond: Int

        public init(overallPerSecond: Int, perGroupPerMinute: Int, perPrivateChatPerSecond: Int) {
            self.overallPerSecond = overallPerSecond
            self.perGroupPerMinute = perGroupPerMinute
            self.perPrivateChatPerSecond = perPrivateChatPerSecond
        }

        /// Telegram's published limits: about 30 messages/s overall and 20/min into one group. Into one private chat
        /// Telegram asks for about 1/s but allows short bursts; 3 in any second lets an SHO's notifications keep up
        /// with a busy group (a tip every few seconds, each with a photo or pin), and a 429 still pauses everything.
        public static let telegram = Limits(overallPerSecond: 30, perGroupPerMinute: 20, perPrivateChatPerSecond: 3)
    }

    public let limits: Limits
    private var overall: [Double] = []
    private var perChat: [Int64: [Double]] = [:]
    private var pausedUntil: Double = 0

    public init(limits: Limits) {
        self.limits = limits
    }

    /// The earliest time at or after `now` when a message to `chatID` may be sent.
    public func earliestSend(to chatID: Int64, now: Double) -> Double {
        var earliest = max(now, pausedUntil)
        earliest = max(earliest, Self.nextFree(overall, limit: limits.overallPerSecond, window: 1, now: now))
        let (limit, window) = chatLimit(chatID)
        earliest = max(earliest, Self.nextFree(perChat[chatID] ?? [], limit: limit, window: window, now: now))
        return earliest
    }

    /// The earliest time at or after `now` when any message may go (a 429 pause, or the overall limit).
    public func earliestAnySend(now: Double) -> Double {
        max(now, pausedUntil, Self.nextFree(overall, limit: limits.overallPerSecond, window: 1, now: now))
    }

    /// Records a message that went out at `time`.
    public mutating func recordSend(to chatID: Int64, at time: Double) {
        overall.append(time)
        overall.removeAll { $0 <= time - 1 }
        let window = chatLimit(chatID).window
        perChat[chatID, default: []].append(time)
        perChat[chatID]?.removeAll { $0 <= time - window }
        // Forget chats that have been quiet for a full window, so the table does not grow without end.
        if perChat.count > 1000 {
            perChat = perChat.filter { chat, times in times.contains { $0 > time - chatLimit(chat).window } }
        }
    }

    /// Records a call that counts against the overall limit only (an edit).
    public mutating func recordOverall(at time: Double) {
        overall.append(time)
        overall.removeAll { $0 <= time - 1 }
    }

    /// Telegram answered 429: nothing at all goes out until `retryAfter` seconds from `now`.
    public mutating func pause(retryAfter: Double, now: Double) {
        pausedUntil = max(pausedUntil, now + retryAfter)
    }

    private func chatLimit(_ chatID: Int64) -> (limit: Int, window: Double) {
        chatID < 0 ? (limits.perGroupPerMinute, 60) : (limits.perPrivateChatPerSecond, 1)
    }

    private static func nextFree(_ times: [Double], limit: Int, window: Double, now: Double) -> Double {
        let recent = times.filter { $0 > now - window }
        guard recent.count >= max(limit, 1) else { return now }
        // The window frees a place when the oldest send that still counts leaves it.
        return recent[recent.count - max(limit, 1)] + window
    }
}
