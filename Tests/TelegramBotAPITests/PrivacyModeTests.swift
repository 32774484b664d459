import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// Privacy mode as Telegram applies it to groups.
@Suite struct PrivacyModeTests {
    @Test func onlyCommandsRepliesAndMentionsReachABotInPrivacyMode() async throws {
        let fake = try FakeBotAPI(canReadAllGroupMessages: false)
        let api = TestKit.api(fake)
        #expect(try await api.getMe().canReadAllGroupMessages == false)
        let sent = try await api.sendMessage(SendMessage(chatID: groupID, text: "Report KHG-1"))
        fake.sendGroupMessage(chatID: groupID, from: alice, text: "plain tip")
        fake.sendGroupMessage(chatID: groupID, from: alice, text: nil, photo: true)
        fake.sendCommand(chatID: groupID, from: alice, command: "pending")
        fake.sendGroupMessage(chatID: groupID, from: alice, text: "hey @SenaniTestBot look")
        fake.sendGroupMessage(chatID: groupID, from: alice, text: "reply", replyTo: sent.messageID)
        fake.migrateGroup(from: groupID, to: -1_009_999)
        fake.sendPrivateMessage(from: alice, text: "private tip")
        let texts = try await api.getUpdates(offset: nil, timeout: 0).compactMap { incoming -> String? in
            guard case .update(let update) = incoming, let message = update.message else { return nil }
            return message.text ?? (message.migrateToChatID != nil ? "migrate_to" : "migrate_from")
        }
        #expect(texts == ["/pending", "hey @SenaniTestBot look", "reply", "migrate_to", "migrate_from", "private tip"])
        #expect(fake.hiddenByPrivacyModeCount == 2)
    }
}
