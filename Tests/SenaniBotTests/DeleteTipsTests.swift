import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// Point 3 of issue 10: with `--delete-tips on`, a stored tip is deleted from the group; without the rights, the
/// admin is told once and nothing fails.
extension ConfidentialSuites {
    @Suite struct DeleteTipsTests {
        @Test func aStoredTipIsDeletedWhenTheBotIsAnAdminAndTheReplySaysSo() async throws {
            let bot = try await RunningBot.start()
            try bot.store.setDeleteTips(thana: "KHG-SADAR", on: true, at: Date())
            bot.fake.setChatMember(chatID: RunningBot.sadar, userID: bot.fake.botID, status: "administrator")
            let (report, _) = try await bot.tip("Sonbarsa chowk par daru ki bhatti chal rahi hai")
            try await bot.fake.waitUntil(timeout: .seconds(30), message: "the tip deleted") { fake in
                fake.isDeleted(chatID: RunningBot.sadar, messageID: report.messageID)
            }
            try await bot.settle()
            try await bot.stop()
            let reply = try bot.message(to: RunningBot.sadar, containing: report.ref)
            #expect(reply.text.contains("removed from the group"))
            #expect(!reply.text.contains("Sonbarsa"))
            #expect(try bot.store.outboxCounts().failed == 0)
            #expect(bot.fake.sentMessages(to: 31).isEmpty)
        }

        @Test func withoutTheRightTheAdminIsToldOnceAndTipsAreStillQueued() async throws {
            let bot = try await RunningBot.start()
            try bot.store.setDeleteTips(thana: "KHG-SADAR", on: true, at: Date())
            let first = try await bot.tip("Sonbarsa chowk par daru ki bhatti chal rahi hai")
            try await waitUntil("the admin told") { !bot.fake.sentMessages(to: 31).isEmpty }
            let second = try await bot.tip("Parsa gaon me 20 peti sharab utari ja rahi hai, truck BR34AB1234")
            try await bot.settle()
            try await waitUntil("both deletions tried") { try bot.store.outboxCounts().failed == 2 }
            try await bot.stop()
            #expect(!bot.fake.isDeleted(chatID: RunningBot.sadar, messageID: first.report.messageID))
            #expect(!bot.fake.isDeleted(chatID: RunningBot.sadar, messageID: second.report.messageID))
            #expect(try bot.reports().count == 2)
            let notices = bot.fake.sentMessages(to: 31).filter { $0.text.contains("KHG-SADAR") }
            #expect(notices.count == 1)
            #expect(notices.first?.text.contains("admin") == true)
        }

        @Test func withoutTheSettingNothingIsDeleted() async throws {
            let bot = try await RunningBot.start()
            bot.fake.setChatMember(chatID: RunningBot.sadar, userID: bot.fake.botID, status: "administrator")
            let (report, _) = try await bot.tip("Sonbarsa chowk par daru ki bhatti chal rahi hai")
            try await bot.settle()
            try await bot.stop()
            #expect(!bot.fake.isDeleted(chatID: RunningBot.sadar, messageID: report.messageID))
            #expect(bot.fake.requests(for: "deleteMessage").isEmpty)
        }
    }
}
