import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// The fake behaves like Telegram: getUpdates offsets and filters, message ids, migrations, blocked chats, builders.
@Suite struct FakeBotAPITests {
    private func updates(_ incoming: [IncomingUpdate]) -> [Update] {
        incoming.compactMap { if case .update(let update) = $0 { update } else { nil } }
    }

    @Test func offsetConfirmsAndLimitBounds() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        for index in 0..<5 { fake.sendGroupMessage(chatID: groupID, from: alice, text: "m\(index)") }
        let firstTwo = try await api.getUpdates(offset: nil, limit: 2, timeout: 0)
        #expect(firstTwo.map(\.updateID) == [100_000, 100_001])
        // Without a new offset nothing is confirmed: the same updates come again.
        #expect(try await api.getUpdates(offset: nil, limit: 2, timeout: 0).map(\.updateID) == [100_000, 100_001])
        let rest = try await api.getUpdates(offset: 100_002, timeout: 0)
        #expect(rest.count == 3)
        #expect(fake.confirmedOffset == 100_002)
        #expect(fake.pendingUpdateCount == 3)
        #expect(try await api.getUpdates(offset: 100_005, timeout: 0).isEmpty)
        #expect(fake.pendingUpdateCount == 0)
        let ids = updates(rest).compactMap { $0.message?.messageID }
        #expect(ids == [3, 4, 5])
    }

    @Test func negativeOffsetKeepsTheLastUpdates() async throws {
        let fake = try FakeBotAPI()
        for index in 0..<5 { fake.sendPrivateMessage(from: alice, text: "m\(index)") }
        let batch = try await TestKit.api(fake).getUpdates(offset: -2, timeout: 0)
        #expect(batch.map(\.updateID) == [100_003, 100_004])
        #expect(fake.pendingUpdateCount == 2)
    }

    @Test func emptyLongPollWaitsItsTimeout() async throws {
        let fake = try FakeBotAPI()
        let start = ContinuousClock.now
        #expect(try await TestKit.api(fake).getUpdates(offset: nil, timeout: 1).isEmpty)
        #expect(ContinuousClock.now - start >= .milliseconds(900))
    }

    @Test func allowedUpdatesFilter() async throws {
        let fake = try FakeBotAPI()
        fake.enqueue(["chat_member": ["chat": ["id": -5, "type": "group"]]])
        fake.enqueue(update: ["poll": ["id": "1"]])
        fake.sendGroupMessage(chatID: groupID, from: alice, text: "kept")
        let batch = try await TestKit.api(fake).getUpdates(offset: nil, timeout: 0, allowedUpdates: ["message"])
        #expect(batch.count == 1)
        #expect(updates(batch).first?.message?.text == "kept")
    }

    @Test func explicitUpdateIDsAreKept() async throws {
        let fake = try FakeBotAPI()
        fake.enqueue(json: try TestKit.fixture("updates/message.json"))
        let next = fake.sendPrivateMessage(from: alice, text: "hi")
        let batch = try await TestKit.api(fake).getUpdates(offset: nil, timeout: 0)
        // An explicit id is kept; later ids still come from the fake's own increasing counter.
        #expect(batch.map(\.updateID) == [1, 100_000])
        #expect(next == 1)
    }

    @Test func buildersMatchTelegramShapes() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let photoID = fake.sendGroupMessage(
            chatID: groupID, from: bob, text: nil, caption: "भट्टी", photo: true, location: (25.6, 85.1),
            forwardedFrom: .channel(chatID: -100_777, title: "News", messageID: 9))
        fake.sendPrivateMessage(from: alice, text: "tip", forwardedFrom: .user(bob))
        fake.sendCommand(chatID: groupID, from: alice, command: "ack@SenaniTestBot KHG-1")
        fake.sendCommand(chatID: groupID, from: alice, command: "/शिकायत हाँ")
        fake.editGroupMessage(chatID: groupID, messageID: photoID, from: bob, text: "edited")
        fake.changeBotMembership(chatID: groupID, by: alice)
        let sent = try await api.sendMessage(SendMessage(chatID: groupID, text: "Report KHG-1"))
        let queryID = fake.pressButton(chatID: groupID, messageID: sent.messageID, from: alice, data: "ack:KHG-1")
        let batch = updates(try await api.getUpdates(offset: nil, timeout: 0))
        #expect(batch.count == 7)

        let photo = try #require(batch[0].message)
        #expect(photo.messageID == photoID)
        #expect(photo.chat.type == .supergroup)
        #expect(photo.caption == "भट्टी")
        #expect(photo.photo?.count == 3)
        #expect(photo.location?.latitude == 25.6)
        #expect(photo.forwardOrigin?.type == "channel")
        #expect(photo.forwardOrigin?.chat?.id == -100_777)
        #expect(batch[1].message?.chat.type == .private)
        #expect(batch[1].message?.forwardOrigin?.senderUser?.id == bob.id)

        let command = try #require(batch[2].message?.command)
        #expect(command.name == "ack")
        #expect(command.mention == "SenaniTestBot")
        #expect(command.arguments == "KHG-1")
        #expect(batch[3].message?.command?.name == "शिकायत")
        #expect(batch[3].message?.command?.arguments == "हाँ")

        #expect(batch[4].editedMessage?.text == "edited")
        #expect(batch[4].editedMessage?.messageID == photoID)
        #expect(batch[5].myChatMember?.newChatMember.status == "member")
        let query = try #require(batch[6].callbackQuery)
        #expect(query.id == queryID)
        #expect(query.data == "ack:KHG-1")
        #expect(query.message?.messageID == sent.messageID)
        #expect(query.message?.text == "Report KHG-1")
        try await api.answerCallbackQuery(id: queryID, text: "ok")
        // Message ids in a chat increase across incoming and sent messages.
        #expect(sent.messageID > photoID)
    }

    @Test func sendMessageIsRecorded() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let tip = fake.sendGroupMessage(chatID: groupID, from: alice, text: "tip")
        let markup = InlineKeyboardMarkup([
            [InlineKeyboardButton(text: "Ack", callbackData: "ack:1"), InlineKeyboardButton(text: "Close", callbackData: "close:1")]
        ])
        let message = try await api.sendMessage(
            SendMessage(chatID: groupID, text: "<b>KHG-1</b>", replyParameters: ReplyParameters(messageID: tip), replyMarkup: markup))
        #expect(message.chat.id == groupID)
        #expect(message.text == "<b>KHG-1</b>")
        let sent = try await fake.waitForSentMessages(count: 1)
        #expect(sent[0].replyToMessageID == tip)
        #expect(sent[0].callbackData == ["ack:1", "close:1"])
        #expect(sent[0].parseMode == "HTML")
        #expect(sent[0].messageID == message.messageID)
        #expect(fake.sentMessages(to: groupID).count == 1)
        #expect(fake.sentMessages(to: alice.id).isEmpty)
        try await api.editMessageText(
            chatID: groupID, messageID: message.messageID, text: "KHG-1 acknowledged", replyMarkup: markup)
        let notModified = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.editMessageText(
                chatID: groupID, messageID: message.messageID, text: "KHG-1 acknowledged", replyMarkup: markup)
        }
        #expect(notModified?.kind == .badRequest)
        #expect(fake.botMessage(chatID: groupID, messageID: message.messageID)?.text == "KHG-1 acknowledged")
        try await api.editMessageReplyMarkup(chatID: groupID, messageID: message.messageID, replyMarkup: nil)
        #expect(fake.botMessage(chatID: groupID, messageID: message.messageID)?.callbackData == [])
        try await api.deleteMessage(chatID: groupID, messageID: message.messageID)
        #expect(fake.botMessage(chatID: groupID, messageID: message.messageID) == nil)
        let tooLong = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendMessage(SendMessage(chatID: groupID, text: String(repeating: "x", count: 4097)))
        }
        #expect(tooLong?.message == "Bad Request: message is too long")
    }

    @Test func migrationLikeTelegram() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let oldID: Int64 = -4_001
        let newID: Int64 = -1_009_876_543_210
        fake.sendGroupMessage(chatID: oldID, from: alice, text: "before")
        fake.migrateGroup(from: oldID, to: newID)
        let batch = updates(try await api.getUpdates(offset: nil, timeout: 0))
        #expect(batch.count == 3)
        #expect(batch[1].message?.chat.id == oldID)
        #expect(batch[1].message?.migrateToChatID == newID)
        #expect(batch[2].message?.chat.id == newID)
        #expect(batch[2].message?.chat.type == .supergroup)
        #expect(batch[2].message?.migrateFromChatID == oldID)
        let error = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendMessage(SendMessage(chatID: oldID, text: "hello"))
        }
        #expect(error?.kind == .chatMigrated)
        #expect(error?.migrateToChatID == newID)
        _ = try await api.sendMessage(SendMessage(chatID: newID, text: "hello"))
    }

    @Test func blockedChatIsForbidden() async throws {
        let fake = try FakeBotAPI()
        fake.setForbidden(chatID: alice.id)
        let error = await TestKit.expectError { () async throws(BotAPIError) in
            try await TestKit.api(fake).sendMessage(SendMessage(chatID: alice.id, text: "hello"))
        }
        #expect(error?.kind == .forbidden)
        #expect(error?.message == "Forbidden: bot was blocked by the user")
    }

    @Test func injectedFaultsAreConsumedInOrder() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        fake.inject(.badRequest("Bad Request: chat not found"), on: "sendMessage")
        fake.inject(.forbidden("Forbidden: bot was kicked from the group chat"), on: "sendMessage")
        fake.inject(.chatMigrated(to: -100_5), on: "sendMessage")
        fake.inject(.conflict, on: "getUpdates")
        var kinds: [BotAPIError.Kind] = []
        for _ in 0..<3 {
            let error = await TestKit.expectError { () async throws(BotAPIError) in
                try await api.sendMessage(SendMessage(chatID: groupID, text: "x"))
            }
            kinds.append(error?.kind ?? .server)
        }
        #expect(kinds == [.badRequest, .forbidden, .chatMigrated])
        let conflict = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.getUpdates(offset: nil, timeout: 0)
        }
        #expect(conflict?.kind == .conflict)
        _ = try await api.sendMessage(SendMessage(chatID: groupID, text: "x"))
    }

    @Test func unknownCallbackQueryIsRefused() async throws {
        let fake = try FakeBotAPI()
        let error = await TestKit.expectError { () async throws(BotAPIError) in
            try await TestKit.api(fake).answerCallbackQuery(id: "nope")
        }
        #expect(error?.kind == .badRequest)
    }

    @Test func waitUntilTimesOutClearly() async throws {
        let fake = try FakeBotAPI()
        fake.sendPrivateMessage(from: alice, text: "x")
        try await fake.waitUntil(timeout: .seconds(1)) { $0.pendingUpdateCount == 1 }
        try await fake.waitUntil(timeout: .seconds(1), { $0.pendingUpdateCount == 1 })
        await #expect(throws: FakeBotAPIWaitTimeout.self) {
            try await fake.waitForSentMessages(count: 1, timeout: .milliseconds(50))
        }
    }

    @Test func stopEndsAWaitingLongPoll() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let poll = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 30) }
        try await fake.waitForRequests("getUpdates")
        let start = ContinuousClock.now
        fake.stop()
        _ = await poll.result
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func abandonedLongPollReleasesTheFake() async throws {
        weak var released: FakeBotAPI?
        do {
            let fake = try FakeBotAPI()
            released = fake
            let api = TestKit.api(fake)
            let poll = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 30) }
            try await fake.waitForRequests("getUpdates")
            poll.cancel()
            _ = await poll.result
        }
        // The server notices the hung-up client within a slice and lets go of the fake, which stops in deinit.
        let deadline = ContinuousClock.now + .seconds(3)
        while released != nil, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(released == nil)
    }

    @Test func manyUpdatesFlowQuickly() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        for index in 0..<1_000 { fake.sendGroupMessage(chatID: groupID, from: alice, text: "tip \(index)") }
        let batchIDs = fake.enqueue(
            batch: (0..<1_000).map { index in
                [
                    "message": [
                        "message_id": .int(Int64(5_000 + index)), "date": 1_700_000_000, "text": "bulk",
                        "chat": ["id": .int(groupID), "type": "supergroup", "title": "Bulk"],
                    ]
                ]
            })
        #expect(batchIDs.first == 101_000 && batchIDs.last == 101_999)
        var offset: Int64? = nil
        var count = 0
        let start = ContinuousClock.now
        while count < 2_000 {
            let batch = try await api.getUpdates(offset: offset, timeout: 1)
            count += batch.count
            offset = batch.last.map { $0.updateID + 1 } ?? offset
        }
        #expect(count == 2_000)
        // Bounded, not hanging: a loaded 2-core run of the whole suite can take a few seconds here.
        #expect(ContinuousClock.now - start < .seconds(30))
    }
}
