import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

@Suite struct IntakeIntegrationTests {
    @Test func tipsFromTwoGroupsLandInTheirThanasWithOneReplyEach() async throws {
        let bot = try await RunningBot.start()
        let fake = bot.fake
        let first = fake.sendGroupMessage(
            chatID: RunningBot.sadar, from: RunningBot.informant, text: "Rampur tola me daru bik rahi hai, bhatti bhi chal rahi hai")
        fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "जय हिंद सर 🙏")
        let second = fake.sendGroupMessage(
            chatID: RunningBot.gogri, from: FakeUser(id: 7002, firstName: "Sita"), text: "फरार अपराधी पिंटू अभी गांव में आया है")
        fake.sendGroupMessage(chatID: RunningBot.sadar, from: FakeUser(id: 11, firstName: "SHO"), text: "daru wale ko pakad liya")

        let sent = try await fake.waitForSentMessages(count: 2)
        try await fake.waitUntilConsumed()
        try await bot.stop()

        let reports = try bot.reports()
        #expect(reports.map(\.thanaCode).sorted() == ["KHG-GOGRI", "KHG-SADAR"])
        #expect(reports.map(\.messageID).sorted() == [first, second].sorted())
        let replies = fake.sentMessages.filter { $0.replyToMessageID != nil }
        #expect(replies.count == 2)
        #expect(Set(replies.map { "\($0.chatID)/\($0.replyToMessageID!)" }) == ["\(RunningBot.sadar)/\(first)", "\(RunningBot.gogri)/\(second)"])
        for reply in sent where reply.replyToMessageID != nil {
            let report = try #require(reports.first { $0.messageID == reply.replyToMessageID && $0.chatID == reply.chatID })
            #expect(reply.text.contains(report.ref))
            #expect(!reply.text.contains("daru") && !reply.text.contains("पिंटू"), "the reply must not repeat the tip")
            #expect(reply.parseMode == "HTML")
        }
        #expect(reports.allSatisfy { !$0.reporter.contains("7001") && $0.reporter.hasPrefix("R-") })

        // Everything the running bot sent names a real Bot API method with real parameters.
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../TelegramBotAPITests/Fixtures/api.json").standardized
        #expect(fake.validateRequests(against: try Data(contentsOf: spec)) == [])
        #expect(Set(fake.requests.map(\.method)).isSuperset(of: ["getMe", "getUpdates", "sendMessage", "setMyCommands"]))
    }

    @Test func a429IsHonouredAndEveryReplyArrives() async throws {
        let bot = try await RunningBot.start()
        let fake = bot.fake
        fake.inject(.rateLimited(retryAfter: 1), on: "sendMessage")
        for village in ["Rampur", "Sonbarsa", "Parsa"] {
            fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "\(village) me daru bik rahi hai")
        }
        try await fake.waitUntil(timeout: .seconds(15), message: "3 group replies") { fake in
            fake.sentMessages.filter { $0.chatID == RunningBot.sadar }.count == 3
        }
        try await bot.stop()
        // The group's three replies and the 429 in front of them; the SHO's notifications go to his own chat.
        let sends = fake.requests(for: "sendMessage").filter { $0.params["chat_id"]?.int64Value == RunningBot.sadar }
        #expect(sends.count == 4)
        let gap = sends[1].time.timeIntervalSince(sends[0].time)
        #expect(gap >= 0.95, "the send after a 429 with retry_after=1 came after \(gap) s")
        #expect(Set(fake.sentMessages.compactMap(\.replyToMessageID)).count == 3)
        #expect(bot.logs.contains("slow down"))
    }

    @Test func serverErrorsDropsAndGarbageLoseNothing() async throws {
        let bot = try await RunningBot.start()
        let fake = bot.fake
        fake.inject(.serverError(status: 502), on: "getUpdates")
        fake.inject(.dropConnection, on: "getUpdates")
        fake.inject(.invalidJSON, on: "getUpdates")
        fake.inject(.delay(.milliseconds(300)), on: "getUpdates")
        fake.inject(.serverError(status: 500), on: "sendMessage")
        fake.inject(.dropConnection, on: "sendMessage")
        fake.inject(.invalidJSON, on: "sendMessage")
        var ids: [Int64] = []
        for village in ["Rampur", "Sonbarsa", "Parsa", "Kishanpur", "Bairiya"] {
            ids.append(fake.sendGroupMessage(chatID: RunningBot.gogri, from: RunningBot.informant, text: "\(village) chowk par daru ki bhatti chal rahi hai"))
        }
        try await fake.waitUntil(timeout: .seconds(20), message: "5 replies") { fake in
            Set(fake.sentMessages.compactMap(\.replyToMessageID)).count == 5
        }
        try await waitUntil("the SHO's notifications too", timeout: .seconds(20)) { try bot.store.outboxCounts().pending == 0 }
        try await bot.stop()
        #expect(try bot.reports().map(\.messageID).sorted() == ids)
        #expect(try bot.store.outboxCounts().pending == 0)
    }

    @Test func aConflictWarnsBacksOffAndRecovers() async throws {
        let bot = try await RunningBot.start()
        bot.fake.inject(.conflict, on: "getUpdates", times: 2)
        bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "Rampur me daru bik rahi hai")
        try await bot.fake.waitForSentMessages(count: 1)
        try await bot.stop()
        #expect(bot.logs.contains("409"))
        #expect(try bot.reports().count == 1)
    }

    @Test func aRevokedTokenStopsTheBotWithAClearError() async throws {
        let fake = try FakeBotAPI()
        let bot = try await RunningBot.start(fake: fake, token: "999999:WRONG-token-value")
        await #expect(throws: SenaniError.self) { try await bot.task.value }
        do {
            try await bot.task.value
        } catch {
            #expect("\(error)".contains("BotFather"))
            #expect(!"\(error)".contains("WRONG-token-value"))
        }
    }

    @Test func theBindingFollowsAGroupThatBecameASupergroup() async throws {
        let bot = try await RunningBot.start()
        let fake = bot.fake
        let newID: Int64 = -1_009_999_000_001
        fake.migrateGroup(from: RunningBot.sadar, to: newID)
        try await fake.waitUntilConsumed()
        try await waitUntil("rebinding") { try bot.store.thanas().first { $0.code == "KHG-SADAR" }?.chatID == newID }
        let message = fake.sendGroupMessage(chatID: newID, from: RunningBot.informant, text: "naye group me: daru bik rahi hai Rampur me")
        let sent = try await fake.waitForSentMessages(count: 1)
        try await bot.stop()
        #expect(sent.first?.chatID == newID)
        #expect(try bot.reports().first?.thanaCode == "KHG-SADAR")
        #expect(try bot.reports().first?.messageID == message)
    }

    @Test func aSendAnsweredWithMigrateToChatIDGoesToTheNewGroup() async throws {
        let bot = try await RunningBot.start()
        let fake = bot.fake
        let newID: Int64 = -1_009_999_000_002
        fake.inject(.chatMigrated(to: newID), on: "sendMessage")
        fake.sendGroupMessage(chatID: RunningBot.gogri, from: RunningBot.informant, text: "Sonbarsa me bhatti chal rahi hai, daru bik rahi hai")
        try await fake.waitUntil(timeout: .seconds(30), message: "the group reply") { fake in
            fake.sentMessages.contains { $0.chatID < 0 }
        }
        let sent = fake.sentMessages
        try await bot.stop()
        #expect(sent.map(\.chatID).filter { $0 < 0 } == [newID])
        #expect(try bot.store.thanas().first { $0.code == "KHG-GOGRI" }?.chatID == newID)
    }

    @Test func aRefusedSendIsGivenUpWithItsReason() async throws {
        let bot = try await RunningBot.start()
        bot.fake.inject(.forbidden("Forbidden: bot was kicked from the supergroup chat"), on: "sendMessage")
        bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "Rampur me daru bik rahi hai")
        try await waitUntil("the row to fail") { try bot.store.outboxCounts().failed == 1 }
        try await bot.stop()
        #expect(bot.fake.sentMessages.filter { $0.chatID < 0 }.isEmpty)
        #expect(try bot.reports().count == 1)
    }

    @Test func privacyModeIsReportedAtStartUp() async throws {
        let bot = try await RunningBot.start(fake: try FakeBotAPI(canReadAllGroupMessages: false))
        try await bot.fake.waitForRequests("getUpdates")
        try await bot.stop()
        #expect(bot.logs.contains("privacy mode is on"))
        #expect(bot.logs.contains("admin"))
    }

    @Test func theCommandMenuIsPublishedInBothLanguages() async throws {
        let bot = try await RunningBot.start()
        let request = try #require(try await bot.fake.waitForRequests("setMyCommands").first)
        try await bot.stop()
        let commands = request.params["commands"]?.arrayValue ?? []
        let names: [String] = commands.compactMap { $0["command"]?.stringValue }
        #expect(names.contains("help"))
        #expect(commands.allSatisfy { ($0["description"]?.stringValue ?? "").contains("/") })
    }

    @Test func aTipForwardedAgainIsLinkedToTheFirstAndTheReplySaysSo() async throws {
        let bot = try await RunningBot.start()
        let fake = bot.fake
        let tip = "Rampur ke uttar tola me Ramesh Yadav ke ghar me roz raat daru bikti hai, 20 peti godown me rakhi hai, "
            + "bike wale ladke delivery karte hain"
        fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: tip)
        try await fake.waitForSentMessages(count: 1)
        fake.sendGroupMessage(
            chatID: RunningBot.sadar, from: FakeUser(id: 7003, firstName: "Other"), text: "Forwarded\n" + tip + " 🙏",
            forwardedFrom: .hiddenUser(name: "Someone"))
        try await fake.waitUntil(timeout: .seconds(30), message: "two group replies") { fake in
            fake.sentMessages.filter { $0.chatID == RunningBot.sadar }.count == 2
        }
        let sent = fake.sentMessages.filter { $0.chatID == RunningBot.sadar }
        try await bot.stop()
        let reports = try bot.reports()
        #expect(reports.count == 2)
        #expect(reports[1].duplicateOf == reports[0].ref)
        #expect(reports[0].repeatCount == 2)
        #expect(reports[1].forwardOrigin == "hidden_user")
        #expect(try bot.store.reports(ReportFilter(status: .new)).map(\.ref) == [reports[0].ref])
        #expect(sent[1].text.contains(reports[0].ref))
    }
}
