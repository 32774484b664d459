import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// An informant of the confidential channel, and what officers and he received.
extension RunningBot {
    /// Someone with a long, unmistakable id, name and username, so a leak of any of them shows.
    static let whistleblower = FakeUser(id: 5_550_123_987, firstName: "Sukhdev", lastName: "Paswan", username: "sukh_secret_77")
    static let officerIDs: Set<Int64> = [11, 12, 21, 31, 13, 22]
    static let officerNames = ["R. Kumar", "S. Singh", "SP Khagaria", "Admin", "P. Yadav", "SP Patna"]

    /// Sends `text` privately and waits for the bot to have answered it (a message to him, or a report).
    @discardableResult
    func privately(_ text: String, from user: FakeUser = RunningBot.whistleblower, replyTo: Int64? = nil) async throws -> Int64 {
        let id = fake.sendPrivateMessage(from: user, text: text, replyTo: replyTo)
        try await settle()
        return id
    }

    /// Waits until every update was taken and the outbox is empty.
    func settle() async throws {
        try await fake.waitUntilConsumed()
        try await SenaniTestSupport.waitUntil("the outbox to drain") { try store.outboxCounts().pending == 0 }
    }

    /// The latest message to `user` whose text contains `needle`.
    func message(to chat: Int64, containing needle: String) throws -> SentMessage {
        try #require(fake.sentMessages(to: chat).last { $0.text.contains(needle) }, "no message to \(chat) with \(needle)")
    }

    /// Everything the bot sent into officers' chats: texts, captions and keyboards, as JSON.
    func everythingSentToOfficers() -> [String] {
        fake.requests.filter { request in
            guard let chat = request.params["chat_id"]?.int64Value else { return false }
            return Self.officerIDs.contains(chat)
        }.map { String(decoding: JSONValue.object($0.params).jsonData, as: UTF8.self) }
    }

    /// Everything the bot sent into `user`'s private chat.
    func everythingSent(to user: Int64) -> [String] {
        fake.requests.filter { $0.params["chat_id"]?.int64Value == user }
            .map { String(decoding: JSONValue.object($0.params).jsonData, as: UTF8.self) }
    }

    /// No text, caption or keyboard an officer got names `user`.
    func expectNoIdentityReachedOfficers(_ user: FakeUser = RunningBot.whistleblower) {
        let sent = everythingSentToOfficers()
        #expect(!sent.isEmpty)
        for text in sent {
            #expect(!text.contains(String(user.id)), "id in \(text)")
            #expect(!text.contains(user.firstName), "name in \(text)")
            if let last = user.lastName { #expect(!text.contains(last), "name in \(text)") }
            if let username = user.username { #expect(!text.contains(username), "username in \(text)") }
        }
    }

    /// No officer's name in anything `user` got.
    func expectNoOfficerNameReached(_ user: Int64) {
        for text in everythingSent(to: user) {
            for name in Self.officerNames { #expect(!text.contains(name), "officer name in \(text)") }
        }
    }

    /// The signed callback data of the thana button for `code` in the latest list sent to `user`.
    func thanaButton(_ code: String, for user: Int64 = RunningBot.whistleblower.id) throws -> (SentMessage, String) {
        let list = try #require(fake.sentMessages(to: user).last { !$0.callbackData.isEmpty }, "no thana list")
        let current = fake.botMessage(chatID: user, messageID: list.messageID)?.callbackData ?? list.callbackData
        return (list, try #require(current.first { $0.hasPrefix("ts|\(code)|") }, "no button for \(code) in \(current)"))
    }
}
