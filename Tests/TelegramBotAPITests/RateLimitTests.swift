import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// Telegram's send limits, when a test turns them on.
@Suite struct RateLimitTests {
    @Test func groupAndOverallLimitsAnswer429WithRetryAfter() async throws {
        let fake = try FakeBotAPI()
        fake.enableRateLimits(groupMessagesPerMinute: 3, messagesPerSecond: 5)
        let api = TestKit.api(fake)
        for index in 0..<3 { _ = try await api.sendMessage(SendMessage(chatID: groupID, text: "m\(index)")) }
        let group = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendMessage(SendMessage(chatID: groupID, text: "one too many"))
        }
        #expect(group?.kind == .rateLimited)
        #expect((50...60).contains(group?.retryAfter ?? 0))
        _ = try await api.sendMessage(SendMessage(chatID: -1_000_777, text: "another group"))
        // Overall limit: private chats have no per-minute limit, so sending fast must hit 5 per second. (Bounded
        // loop instead of exactly six sends: on a loaded machine the first sends may leave the one-second window.)
        var overall: BotAPIError? = nil
        for index in 0..<200 where overall == nil {
            do {
                _ = try await api.sendMessage(SendMessage(chatID: 9_000 + Int64(index), text: "private"))
            } catch {
                overall = error
            }
        }
        #expect(overall?.kind == .rateLimited)
        #expect(overall?.retryAfter == 1)
    }
}
