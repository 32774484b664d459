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
        _ = try await api.sendMessage(SendMessage(chatID: alice.id, text: "private"))
        let overall = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendMessage(SendMessage(chatID: bob.id, text: "sixth this second"))
        }
        #expect(overall?.kind == .rateLimited)
        #expect(overall?.retryAfter == 1)
        #expect(fake.sentMessages.count == 5)
    }
}
