import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// Every request the client sends names a real Bot API method with real parameters of the right types.
@Suite struct ConformanceTests {
    @Test func everyMethodMatchesTheSpec() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let tip = fake.sendGroupMessage(chatID: groupID, from: alice, text: "tip")
        _ = try await api.getMe()
        _ = try await api.getUpdates(offset: 100_000, limit: 50, timeout: 0)
        let markup = InlineKeyboardMarkup([[InlineKeyboardButton(text: "Ack", callbackData: "ack:1")]])
        let sent = try await api.sendMessage(
            SendMessage(
                chatID: groupID, text: "<b>KHG-1</b>", replyParameters: ReplyParameters(messageID: tip),
                replyMarkup: markup, disableNotification: true, messageThreadID: 7))
        try await api.editMessageText(chatID: groupID, messageID: sent.messageID, text: "edited", replyMarkup: markup)
        try await api.editMessageReplyMarkup(chatID: groupID, messageID: sent.messageID, replyMarkup: nil)
        let query = fake.pressButton(chatID: groupID, messageID: sent.messageID, from: alice, data: "ack:1")
        try await api.answerCallbackQuery(id: query, text: "done", showAlert: true)
        try await api.deleteMessage(chatID: groupID, messageID: sent.messageID)
        try await api.setMyCommands([BotCommand(command: "ack", description: "Acknowledge a report")])
        try await api.setMyCommands(
            [BotCommand(command: "pending", description: "Open reports")], scope: .chat(chatID: alice.id),
            languageCode: "en")
        _ = try await api.getMyCommands(scope: .allPrivateChats)
        try await api.deleteMyCommands(scope: .allGroupChats)
        let link = InlineKeyboardMarkup([[InlineKeyboardButton(text: "Tip privately", url: "https://t.me/SenaniTestBot?start=KHG")]])
        let photo = try await api.sendPhoto(
            SendPhoto(
                chatID: groupID, photo: .png(MediaMethodTests.png), caption: "chart",
                replyParameters: ReplyParameters(messageID: tip), replyMarkup: link, disableNotification: true,
                messageThreadID: 7))
        let fileID = try #require(photo.photo?.last?.fileID)
        _ = try await api.sendPhoto(
            SendPhoto(chatID: groupID, photo: .fileID(fileID), caption: "again", replyMarkup: markup, messageThreadID: 7))
        _ = try await api.sendLocation(
            SendLocation(
                chatID: alice.id, latitude: 25.6, longitude: 85.1, horizontalAccuracy: 50,
                replyParameters: ReplyParameters(messageID: 1), replyMarkup: markup, disableNotification: true))
        _ = try await api.getChatMember(chatID: groupID, userID: alice.id)

        let methods = Set(fake.requests.map(\.method))
        #expect(
            methods == [
                "getMe", "getUpdates", "sendMessage", "editMessageText", "editMessageReplyMarkup",
                "answerCallbackQuery", "deleteMessage", "setMyCommands", "getMyCommands", "deleteMyCommands",
                "sendPhoto", "sendLocation", "getChatMember",
            ])
        let problems = fake.validateRequests(against: try TestKit.apiJSON)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func validatorCatchesMistakes() throws {
        let conformance = try BotAPIConformance(apiJSON: try TestKit.apiJSON)
        #expect(conformance.problems(method: "sendMesage", params: [:]).count == 1)
        let problems = conformance.problems(
            method: "sendMessage",
            params: [
                "chat_id": 5, "text": 3, "colour": "red",
                "reply_parameters": ["message_id": "x"],
                "reply_markup": ["inline_keyboard": [[["text": "a", "callback_data": 1]]]],
            ])
        #expect(problems.contains { $0.contains("sendMessage.text") })
        #expect(problems.contains { $0.contains("colour") })
        #expect(problems.contains { $0.contains("reply_parameters") })
        #expect(problems.contains { $0.contains("reply_markup") })
        #expect(conformance.problems(method: "sendMessage", params: ["chat_id": 5]).contains { $0.contains("required") })
        #expect(conformance.problems(method: "getUpdates", params: ["allowed_updates": ["message"], "timeout": 30]).isEmpty)
        #expect(!conformance.problems(in: ["update_id": 1, "mesage": [:]], ofType: "Update").isEmpty)
        #expect(!conformance.problems(in: ["update_id": 1, "message": ["message_id": "7"]], ofType: "Update", requireAll: false).isEmpty)
    }
}

/// The Codable types spell Telegram's field names and types as api.json does: every fixture, decoded and encoded
/// again, is a valid (partial) Update.
@Suite struct TypeConformanceTests {
    @Test func reencodedFixturesMatchTheSpec() throws {
        let conformance = try BotAPIConformance(apiJSON: try TestKit.apiJSON)
        var problems: [String] = []
        for name in try TestKit.fixtureNames(in: "updates") {
            let update = try JSONDecoder().decode(Update.self, from: try TestKit.fixture("updates/\(name)"))
            let value = try #require(JSONValue(json: try JSONEncoder().encode(update)))
            problems += conformance.problems(in: value, ofType: "Update", requireAll: false).map { "\(name): \($0)" }
        }
        #expect(problems.isEmpty, "\(problems)")
    }

    /// The fake's answers are valid Bot API objects too, so the client is tested against Telegram's shapes.
    @Test func fakeAnswersMatchTheSpec() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let conformance = try BotAPIConformance(apiJSON: try TestKit.apiJSON)
        let photo = try await api.sendPhoto(SendPhoto(chatID: groupID, photo: .png(MediaMethodTests.png), caption: "c"))
        let location = try await api.sendLocation(SendLocation(chatID: groupID, latitude: 1, longitude: 2))
        for message in [photo, location] {
            let value = try #require(JSONValue(json: try JSONEncoder().encode(message)))
            #expect(conformance.problems(in: value, ofType: "Message").isEmpty)
        }
        fake.changeBotMembership(chatID: groupID, by: alice, to: "administrator")
        let member = try await api.getChatMember(chatID: groupID, userID: fake.botID)
        let value = try #require(JSONValue(json: try JSONEncoder().encode(member)))
        #expect(conformance.problems(in: value, ofType: "ChatMember", requireAll: false).isEmpty)
    }

    @Test func getMeAnswerIsAUser() async throws {
        let fake = try FakeBotAPI()
        let me = try await TestKit.api(fake).getMe()
        let conformance = try BotAPIConformance(apiJSON: try TestKit.apiJSON)
        let value = try #require(JSONValue(json: try JSONEncoder().encode(me)))
        #expect(conformance.problems(in: value, ofType: "User").isEmpty)
    }
}
