import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import Testing

/// Whatever Telegram sends, the bot keeps going: every fixture, a poison update, a huge message, odd fields.
@Suite struct UpdateSurvivalTests {
    static var fixtures: [Data] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../TelegramBotAPITests/Fixtures/updates").standardized
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".json") }.sorted().compactMap {
            try? Data(contentsOf: folder.appendingPathComponent($0))
        }
    }

    @Test func everyFixturePoisonAndOddityIsSurvivedAndTheNextTipStillArrives() async throws {
        let fixtures = Self.fixtures
        #expect(fixtures.count >= 100)
        let bot = try await RunningBot.start()
        let fake = bot.fake
        for data in fixtures {
            guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            // The fake numbers updates itself so the offsets stay in order.
            object.removeValue(forKey: "update_id")
            fake.enqueue(update: object)
        }
        // A poison update: the right id, a message that cannot be one.
        fake.enqueue(update: ["message": ["message_id": "not a number", "chat": 5]])
        fake.enqueue(update: ["message": NSNull()])
        fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: String(repeating: "दारू बिक रही है रामपुर में। ", count: 400))
        fake.enqueue(update: [
            "message": [
                "message_id": 77, "date": 1_795_000_000, "chat": ["id": RunningBot.sadar, "type": "supergroup", "title": NSNull()],
                "from": ["id": 7001, "is_bot": false, "first_name": "R"],
                "sticker": ["file_id": "CAAC", "file_unique_id": "u", "type": "regular", "width": 512, "height": 512, "is_animated": false, "is_video": false],
            ]
        ])
        let last = fake.sendGroupMessage(chatID: RunningBot.gogri, from: RunningBot.informant, text: "Parsa tola me mahua daru ki bhatti chal rahi hai")
        try await fake.waitUntil(timeout: .seconds(20), message: "the last tip's reply") { fake in
            fake.sentMessages.contains { $0.replyToMessageID == last && $0.chatID == RunningBot.gogri }
        }
        try await fake.waitUntilConsumed()
        try await bot.stop()
        let reports = try bot.reports()
        #expect(reports.contains { $0.messageID == last })
        #expect(reports.contains { $0.text.utf16.count > 10_000 })
        #expect(bot.logs.contains("does not decode"))
    }
}
