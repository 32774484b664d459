import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// Steps an officer takes in the running bot, and what he then sees.
extension RunningBot {
    /// Posts a tip in `chat` and waits for its report and the notification to `officer`.
    func tip(
        _ text: String = "Rampur tola me Ramesh ke ghar daru bik rahi hai, 20 peti rakhi hai, 9876543210 pe order",
        in chat: Int64 = RunningBot.sadar, from user: FakeUser = RunningBot.informant, notifying officer: Int64 = 11
    ) async throws -> (report: Report, notice: SentMessage) {
        let message = fake.sendGroupMessage(chatID: chat, from: user, text: text)
        let report = try await waitForReport(chat: chat, message: message)
        let notice = try await waitForNotice(of: report.ref, to: officer)
        return (report, notice)
    }

    func waitForReport(chat: Int64, message: Int64) async throws -> Report {
        var found: Report?
        try await SenaniTestSupport.waitUntil("the report of message \(message)") {
            found = try store.reports().first { $0.chatID == chat && $0.messageID == message }
            return found != nil
        }
        return try #require(found)
    }

    /// The notification of `ref` in `officer`'s chat.
    func waitForNotice(of ref: String, to officer: Int64) async throws -> SentMessage {
        try await fake.waitUntil(timeout: .seconds(30), message: "notice of \(ref) to \(officer)") { fake in
            fake.sentMessages(to: officer).contains { $0.text.contains(ref) && !$0.callbackData.isEmpty }
        }
        return try #require(fake.sentMessages(to: officer).first { $0.text.contains(ref) && !$0.callbackData.isEmpty })
    }

    /// The signed callback data of the button with `action` under `message`, as it is now (after edits).
    func data(_ action: String, under message: SentMessage) throws -> String {
        let current = fake.botMessage(chatID: message.chatID, messageID: message.messageID)?.callbackData ?? message.callbackData
        return try #require(current.first { $0.hasPrefix(action + "|") }, "no \(action) button in \(current)")
    }

    /// Taps `data` on `message` as `user`; returns the toast the bot answered with.
    @discardableResult
    func tap(_ data: String, on message: SentMessage, by user: FakeUser) async throws -> String {
        let query = fake.pressButton(chatID: message.chatID, messageID: message.messageID, from: user, data: data)
        try await fake.waitUntil(timeout: .seconds(30), message: "the answer to \(query)") { fake in
            fake.requests(for: "answerCallbackQuery").contains { $0.params["callback_query_id"]?.stringValue == query }
        }
        let answer = fake.requests(for: "answerCallbackQuery").first { $0.params["callback_query_id"]?.stringValue == query }
        return answer?.params["text"]?.stringValue ?? ""
    }

    /// Sends `/command` as `user` in `chat` (his private chat by default) and waits until it is handled.
    func command(_ text: String, by user: FakeUser, in chat: Int64? = nil) async throws {
        fake.sendCommand(chatID: chat ?? user.id, from: user, command: text)
        try await fake.waitUntilConsumed()
        try await SenaniTestSupport.waitUntil("the outbox to drain") { try store.outboxCounts().pending == 0 }
    }

    /// The latest text the bot sent to `chat`.
    func lastText(to chat: Int64) -> String {
        fake.sentMessages(to: chat).last?.text ?? ""
    }

    func report(_ ref: String) throws -> Report {
        try #require(try store.report(ref: ref))
    }
}
