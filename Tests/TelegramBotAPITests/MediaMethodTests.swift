import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// sendPhoto (by file id and as a multipart upload) and sendLocation, against the fake as against Telegram.
@Suite struct MediaMethodTests {
    /// A 3×2 PNG: signature and IHDR are all the fake reads; the rest only has to arrive intact.
    static let png: Data = {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8) + [0, 0, 0, 3, 0, 0, 0, 2, 8, 6, 0, 0, 0, 0x12, 0x34, 0x56, 0x78]
        // Bytes a careless multipart writer would break: CR LF, dashes, NUL and 0xFF.
        bytes += [0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF] + (0..<4096).map { UInt8($0 % 251) }
        return Data(bytes)
    }()

    @Test func uploadedPNGArrivesByteForByte() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let tip = fake.sendGroupMessage(chatID: groupID, from: alice, text: "tip")
        let markup = InlineKeyboardMarkup([[InlineKeyboardButton(text: "Open", url: "https://t.me/SenaniTestBot?start=KHG-1")]])
        let message = try await api.sendPhoto(
            SendPhoto(
                chatID: groupID, photo: .png(Self.png, fileName: "digest.png"), caption: "<b>दैनिक सारांश</b>",
                replyParameters: ReplyParameters(messageID: tip), replyMarkup: markup, disableNotification: true))
        #expect(message.chat.id == groupID)
        #expect(message.messageID > tip)
        #expect(message.caption == "<b>दैनिक सारांश</b>")
        let sizes = try #require(message.photo)
        #expect(sizes.last?.width == 3 && sizes.last?.height == 2)

        let sent = try #require(fake.sentPhotos.first)
        #expect(sent.upload?.data == Self.png)
        #expect(sent.upload?.fileName == "digest.png")
        #expect(sent.upload?.contentType == "image/png")
        #expect(sent.caption == "<b>दैनिक सारांश</b>")
        #expect(sent.parseMode == "HTML")
        #expect(sent.replyToMessageID == tip)
        #expect(sent.replyMarkup?["inline_keyboard"]?.arrayValue?.first?.arrayValue?.first?["url"]?.stringValue == "https://t.me/SenaniTestBot?start=KHG-1")
        #expect(fake.requests(for: "sendPhoto").first?.files["photo"]?.data == Self.png)

        // The photo Telegram now holds goes again by its id, as JSON.
        let again = try await api.sendPhoto(SendPhoto(chatID: alice.id, photo: .fileID(sent.resultFileID)))
        #expect(again.photo?.isEmpty == false)
        #expect(fake.sentPhotos.last?.fileID == sent.resultFileID)
        let problems = fake.validateRequests(against: try TestKit.apiJSON)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func photoRefusalsAreTelegrams() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        func refusal(_ request: SendPhoto) async -> String? {
            await TestKit.expectError { () async throws(BotAPIError) in try await api.sendPhoto(request) }?.message
        }
        #expect(await refusal(SendPhoto(chatID: groupID, photo: .fileID("nope"))) == "Bad Request: wrong file_id or the file is temporarily unavailable")
        #expect(await refusal(SendPhoto(chatID: groupID, photo: .png(Data("not a png".utf8)))) == "Bad Request: IMAGE_PROCESS_FAILED")
        #expect(await refusal(SendPhoto(chatID: groupID, photo: .png(Data()))) == "Bad Request: file must be non-empty")
        let long = String(repeating: "x", count: 1025)
        #expect(await refusal(SendPhoto(chatID: groupID, photo: .png(Self.png), caption: long)) == "Bad Request: message caption is too long")
        fake.setForbidden(chatID: alice.id)
        #expect(await refusal(SendPhoto(chatID: alice.id, photo: .png(Self.png))) == "Forbidden: bot was blocked by the user")
        // A photo that came in an update can be sent on by its id.
        fake.sendPrivateMessage(from: bob, text: nil, caption: "bhatti", photo: true)
        let incoming = try await api.getUpdates(offset: nil, timeout: 0)
        guard case .update(let update) = try #require(incoming.last) else { throw CancellationError() }
        let fileID = try #require(update.message?.photo?.last?.fileID)
        _ = try await api.sendPhoto(SendPhoto(chatID: groupID, photo: .fileID(fileID), caption: "forwarded"))
        #expect(fake.sentPhotos.count == 1)
    }

    @Test func uploadIsCancellableAndNeverShowsTheToken() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.delay(.seconds(20)), on: "sendPhoto")
        let api = TestKit.api(fake, requestTimeout: .seconds(30))
        let upload = Task { () async throws(BotAPIError) in
            try await api.sendPhoto(SendPhoto(chatID: groupID, photo: .png(Self.png)))
        }
        try await fake.waitForRequests("sendPhoto")
        let start = ContinuousClock.now
        upload.cancel()
        let error = await TestKit.expectError(Task { try await upload.value })
        #expect(error?.kind == .cancelled)
        #expect(ContinuousClock.now - start < .seconds(5))
        // A transport failure names the method, not the URL with its token.
        let unreachable = BotAPI(
            configuration: BotAPIConfiguration(baseURL: "http://127.0.0.1:1", token: TestKit.token, connectTimeout: .seconds(2)),
            transport: CurlTransport(), logger: TestKit.logger)
        let failed = await TestKit.expectError { () async throws(BotAPIError) in
            try await unreachable.sendPhoto(SendPhoto(chatID: groupID, photo: .png(Self.png)))
        }
        #expect(failed?.kind == .transport)
    }

    @Test func locationIsSentAndRecorded() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let notification = try await api.sendMessage(SendMessage(chatID: alice.id, text: "KHG-1"))
        let message = try await api.sendLocation(
            SendLocation(
                chatID: alice.id, latitude: 25.59, longitude: 85.14,
                replyParameters: ReplyParameters(messageID: notification.messageID),
                replyMarkup: InlineKeyboardMarkup([[InlineKeyboardButton(text: "Ack", callbackData: "ack:1")]])))
        #expect(message.location?.latitude == 25.59)
        #expect(message.messageID == notification.messageID + 1)
        let sent = try #require(fake.sentLocations.first)
        #expect(sent.longitude == 85.14)
        #expect(sent.replyToMessageID == notification.messageID)
        // A location has no text to edit, as with Telegram.
        let edit = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.editMessageText(chatID: alice.id, messageID: message.messageID, text: "x")
        }
        #expect(edit?.message == "Bad Request: there is no text in the message to edit")
        let wrong = await TestKit.expectError { () async throws(BotAPIError) in
            try await api.sendLocation(SendLocation(chatID: alice.id, latitude: 91, longitude: 0))
        }
        #expect(wrong?.kind == .badRequest)
        let problems = fake.validateRequests(against: try TestKit.apiJSON)
        #expect(problems.isEmpty, "\(problems)")
    }
}
