import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// Every real Update payload decodes, or is skipped cleanly, and the kinds Senani handles keep their fields.
@Suite struct FixtureDecodingTests {
    /// Each fixture wrapped in a getUpdates envelope, decoded the way the client decodes a batch.
    private func incoming(_ name: String) throws -> IncomingUpdate {
        var body = Data(#"{"ok":true,"result":["#.utf8)
        body.append(try TestKit.fixture("updates/\(name)"))
        body.append(contentsOf: Array("]}".utf8))
        return try #require(try BotAPI.decodeUpdates(body).first)
    }

    private func update(_ name: String) throws -> Update {
        guard case .update(let update) = try incoming(name) else {
            Issue.record("\(name) did not decode")
            throw CancellationError()
        }
        return update
    }

    @Test func everyFixtureDecodesOrIsSkippedCleanly() throws {
        let names = try TestKit.fixtureNames(in: "updates")
        #expect(names.count >= 100)
        var undecodable: [String] = []
        for name in names {
            if case .undecodable = try incoming(name) { undecodable.append(name) }
        }
        // The update kinds Senani handles must never be skipped.
        let handled = undecodable.filter { name in
            ["message", "edited_message", "callback_query", "my_chat_member"].contains { name.hasPrefix($0) }
        }
        #expect(handled.isEmpty, "undecodable: \(handled)")
        // Unhandled kinds decode as an Update with every field nil, so today all 105 decode; a regression shows here.
        #expect(undecodable.isEmpty, "undecodable: \(undecodable)")
    }

    @Test func allFixturesComeThroughTheFakeInOrder() async throws {
        let fake = try FakeBotAPI()
        let names = try TestKit.fixtureNames(in: "updates")
        var kinds: Set<String> = []
        for name in names {
            guard case .object(var update) = JSONValue(json: try TestKit.fixture("updates/\(name)")) else {
                Issue.record("\(name) is not an object")
                continue
            }
            update["update_id"] = nil  // the fixtures reuse ids; the fake numbers them in order
            kinds.formUnion(update.keys)
            fake.enqueue(update)
        }
        let api = TestKit.api(fake)
        var received: [IncomingUpdate] = []
        var offset: Int64? = nil
        while received.count < names.count {
            let batch = try await api.getUpdates(offset: offset, timeout: 0, allowedUpdates: kinds.sorted())
            if batch.isEmpty { break }
            #expect(batch.count <= 100)
            received += batch
            offset = batch.last!.updateID + 1
        }
        #expect(received.count == names.count)
        #expect(received.map(\.updateID) == received.map(\.updateID).sorted())
        _ = try await api.getUpdates(offset: offset, timeout: 0, allowedUpdates: kinds.sorted())
        #expect(fake.pendingUpdateCount == 0)
    }

    @Test func message() throws {
        let message = try #require(try update("message.json").message)
        #expect(message.messageID == 123)
        #expect(message.text == "Ciao")
        #expect(message.from?.firstName == "Mario")
        #expect(message.chat.type == .private)
    }

    @Test func editedMessage() throws {
        let message = try #require(try update("edited_message.json").editedMessage)
        #expect(message.editDate != nil)
        #expect(message.text != nil)
    }

    @Test func callbackQuery() throws {
        let query = try #require(try update("callback_query.json").callbackQuery)
        #expect(!query.id.isEmpty)
        #expect(query.data != nil)
        #expect(try update("callback_query_without_message.json").callbackQuery?.message == nil)
        let inaccessible = try #require(try update("callback_query_inaccessible_message.json").callbackQuery)
        #expect(inaccessible.message?.date == 0)
    }

    @Test func migration() throws {
        let to = try #require(try update("migrate_to_chat_id.json").message)
        #expect(to.migrateToChatID != nil)
        let from = try #require(try update("migrate_from_chat_id.json").message)
        #expect(from.migrateFromChatID != nil)
    }

    @Test func photoLocationForward() throws {
        let photo = try #require(try update("photo.json").message?.photo)
        #expect(!photo.isEmpty)
        #expect(photo.last!.width >= photo.first!.width)
        let location = try #require(try update("location.json").message?.location)
        #expect(location.latitude != 0 || location.longitude != 0)
        let origin = try #require(try update("message_forward_origin.json").message?.forwardOrigin)
        #expect(!origin.type.isEmpty)
    }

    @Test func myChatMember() throws {
        let change = try #require(try update("my_chat_member.json").myChatMember)
        #expect(!change.newChatMember.status.isEmpty)
        #expect(change.newChatMember.user.id != 0)
        #expect(change.chat.id != 0)
    }

    @Test func commandEntities() throws {
        let message = try #require(try update("command.json").message)
        #expect(message.command != nil)
    }

    @Test func poisonUpdateDoesNotStallTheBatch() throws {
        let body = Data(
            #"{"ok":true,"result":[{"update_id":1,"message":{"message_id":"oops"}},{"update_id":2,"message":{"message_id":5,"date":1,"chat":{"id":1,"type":"private"},"text":"hi"}}]}"#
                .utf8)
        let raw = try BotAPI.decodeUpdates(body)
        #expect(raw.count == 2)
        guard case .undecodable(let id, _) = raw[0] else {
            Issue.record("first should be undecodable")
            return
        }
        #expect(id == 1)
        guard case .update(let update) = raw[1] else {
            Issue.record("second should decode")
            return
        }
        #expect(update.message?.text == "hi")
    }
}
