import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// Command menus by scope, chat membership, and the refusals a bot meets in chats: Telegram's words, typed.
@Suite struct ChatMethodTests {
    @Test func commandMenusPerScope() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let everyone = [BotCommand(command: "start", description: "शुरू करें"), BotCommand(command: "help", description: "मदद")]
        let officer = everyone + [BotCommand(command: "pending", description: "Open reports")]
        try await api.setMyCommands(everyone)
        try await api.setMyCommands(everyone, scope: .allPrivateChats)
        try await api.setMyCommands([BotCommand(command: "register", description: "Bind this group")], scope: .allGroupChats)
        try await api.setMyCommands(officer, scope: .chat(chatID: alice.id), languageCode: "hi")
        #expect(fake.commands.arrayValue?.count == 2)
        #expect(fake.commands(for: .chat(chatID: alice.id)).arrayValue?.count == 3)
        #expect(try await api.getMyCommands(scope: .chat(chatID: alice.id)) == officer)
        #expect(try await api.getMyCommands(scope: .allGroupChats).map(\.command) == ["register"])
        try await api.deleteMyCommands(scope: .chat(chatID: alice.id))
        #expect(try await api.getMyCommands(scope: .chat(chatID: alice.id)).isEmpty)
        try await api.deleteMyCommands()
        #expect(fake.commands.arrayValue?.isEmpty == true)
        let invalid = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.setMyCommands([BotCommand(command: "Pending!", description: "x")])
        }
        #expect(invalid?.message == "Bad Request: BOT_COMMAND_INVALID")
        let problems = fake.validateRequests(against: try TestKit.apiJSON)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func chatMemberTellsWhetherTheBotIsAnAdmin() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let me = try await api.getMe()
        #expect(try await api.getChatMember(chatID: groupID, userID: me.id).status == "member")
        fake.changeBotMembership(chatID: groupID, by: alice, from: "member", to: "administrator")
        let admin = try await api.getChatMember(chatID: groupID, userID: me.id)
        #expect(admin.isAdministrator)
        #expect(admin.canDeleteOthersMessages)
        #expect(admin.user.id == me.id)
        fake.setChatMember(chatID: groupID, userID: me.id, status: "administrator", canDeleteMessages: false)
        #expect(try await api.getChatMember(chatID: groupID, userID: me.id).canDeleteOthersMessages == false)
        fake.sendGroupMessage(chatID: groupID, from: bob, text: "hello")
        let member = try await api.getChatMember(chatID: groupID, userID: bob.id)
        #expect(member.status == "member")
        #expect(member.user.firstName == bob.firstName)
        #expect(try await api.getChatMember(chatID: groupID, userID: 9_999).status == "left")
        for status in ["creator", "restricted", "kicked", "left"] {
            fake.setChatMember(chatID: groupID, userID: alice.id, status: status)
            #expect(try await api.getChatMember(chatID: groupID, userID: alice.id).status == status)
        }
        let problems = fake.validateRequests(against: try TestKit.apiJSON)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func editThatChangesNothingIsDistinguishable() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let sent = try await api.sendMessage(SendMessage(chatID: groupID, text: "KHG-1 new"))
        try await api.editMessageText(chatID: groupID, messageID: sent.messageID, text: "KHG-1 acknowledged")
        let same = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.editMessageText(chatID: groupID, messageID: sent.messageID, text: "KHG-1 acknowledged")
        }
        #expect(same?.isMessageNotModified == true)
        #expect(same?.errorCode == 400)
        #expect(
            same?.message
                == "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message"
        )
        let missing = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.editMessageText(chatID: groupID, messageID: 999, text: "x")
        }
        #expect(missing?.isMessageNotModified == false)
    }

    @Test func privateChatRefusals() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        fake.setNeverStarted(userID: alice.id)
        let notStarted = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendMessage(SendMessage(chatID: alice.id, text: "KHG-1 for you"))
        }
        #expect(notStarted?.kind == .forbidden)
        #expect(notStarted?.message == "Forbidden: bot can't initiate conversation with a user")
        #expect(notStarted?.isConversationNotStarted == true)
        // Writing to the bot (pressing Start) opens the chat.
        fake.sendPrivateMessage(from: alice, text: "/start")
        _ = try await api.sendMessage(SendMessage(chatID: alice.id, text: "KHG-1 for you"))

        fake.setForbidden(chatID: bob.id)
        let blocked = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendLocation(SendLocation(chatID: bob.id, latitude: 25, longitude: 85))
        }
        #expect(blocked?.isBlockedByUser == true)
        #expect(blocked?.isConversationNotStarted == false)
    }

    @Test func callbackQueriesMustBeFreshAndAnsweredOnce() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let sent = try await api.sendMessage(
            SendMessage(
                chatID: alice.id, text: "KHG-1",
                replyMarkup: InlineKeyboardMarkup([[InlineKeyboardButton(text: "Ack", callbackData: "ack:KHG-1")]])))
        let query = fake.pressButton(chatID: alice.id, messageID: sent.messageID, from: alice, data: "ack:KHG-1")
        let updates = try await api.getUpdates(offset: nil, timeout: 0)
        guard case .update(let update) = try #require(updates.first) else { throw CancellationError() }
        #expect(update.callbackQuery?.id == query)
        #expect(update.callbackQuery?.from.id == alice.id)
        #expect(update.callbackQuery?.message?.messageID == sent.messageID)
        try await api.answerCallbackQuery(id: query, text: "Acknowledged")
        let twice = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.answerCallbackQuery(id: query)
        }
        #expect(twice?.message == "Bad Request: query is too old and response timeout expired or query ID is invalid")

        fake.setCallbackQueryLifetime(.milliseconds(50))
        let old = fake.pressButton(chatID: alice.id, messageID: sent.messageID, from: alice, data: "ack:KHG-1")
        try await Task.sleep(for: .milliseconds(150))
        let tooOld = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.answerCallbackQuery(id: old)
        }
        #expect(tooOld?.kind == .badRequest)
    }

    @Test func deleteMessageFollowsTelegramsRules() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let tip = fake.sendGroupMessage(chatID: groupID, from: alice, text: "दारू की भट्टी")
        let reply = try await api.sendMessage(SendMessage(chatID: groupID, text: "KHG-1"))
        // The bot's own message may always go; another member's only when the bot is an admin.
        try await api.deleteMessage(chatID: groupID, messageID: reply.messageID)
        #expect(fake.isDeleted(chatID: groupID, messageID: reply.messageID))
        let notAdmin = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.deleteMessage(chatID: groupID, messageID: tip)
        }
        #expect(notAdmin?.message == "Bad Request: message can't be deleted")
        fake.changeBotMembership(chatID: groupID, by: alice, from: "member", to: "administrator")
        try await api.deleteMessage(chatID: groupID, messageID: tip)
        #expect(fake.isDeleted(chatID: groupID, messageID: tip))
        let again = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.deleteMessage(chatID: groupID, messageID: tip)
        }
        #expect(again?.message == "Bad Request: message to delete not found")
        let unknown = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.deleteMessage(chatID: groupID, messageID: 10_000)
        }
        #expect(unknown?.message == "Bad Request: message to delete not found")
        // In a private chat the bot may delete what the user sent it.
        let privateTip = fake.sendPrivateMessage(from: bob, text: "गुप्त सूचना")
        try await api.deleteMessage(chatID: bob.id, messageID: privateTip)
    }
}
