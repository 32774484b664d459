import Foundation
@testable import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing
import TipAnalysis

/// Possible tips reach the SHO gathered for review; his verdicts are kept as training examples; repeats are
/// linked only when their facts agree; someone who speaks to the bot is never ignored.
// One at a time: a dozen running bots at once only starve each other on a 2-core machine.
@Suite(.serialized) struct ReviewFlowTests {
    /// Stores a message as the router would after the analysis said "possible tip".
    func possibleTip(_ bot: RunningBot, message: Int64, text: String) async throws {
        var analysis = TipAnalyzer().analyze(text)
        analysis.decision = .possibleTip
        analysis.isTip = false
        analysis.category = .none
        analysis.suggestedCategory = .liquor
        let report = NewReport(
            thanaCode: "KHG-SADAR", chatID: RunningBot.sadar, messageID: message, reporterUserID: 7001, text: text,
            receivedAt: Date(), analysis: analysis)
        _ = try await bot.store.commit(IntakeBatch(effects: [.newReport(report, followUp: GroupTip.followUp)], nextOffset: 1), at: Date())
        // Wakes the sender, as the poller's own commits do.
        bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "जय हिंद सर")
    }

    @Test func possibleTipsAreGatheredForReviewAndTheVerdictsBecomeTrainingExamples() async throws {
        let bot = try await RunningBot.start()
        try await bot.fake.waitForRequests("getUpdates")
        try await possibleTip(bot, message: 50_001, text: "Rampur me kuch log raat ko aate jaate hain, shak hai")
        try await possibleTip(bot, message: 50_002, text: "Sonbarsa school ke peeche raat ko gaadi rukti hai")
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the review message") { fake in
            fake.sentMessages(to: 11).contains { $0.text.contains("Possible tips") }
        }
        let reviews = bot.fake.sentMessages(to: 11).filter { $0.text.contains("Possible tips") }
        let reports = try bot.reports()
        #expect(reports.allSatisfy { $0.needsReview && $0.category == .liquor })
        // Both in one message (gathered), with ✅ and ❌ for each; no ordinary notice for a possible tip.
        #expect(reviews.count == 1)
        #expect(reviews[0].text.contains(reports[0].ref) && reviews[0].text.contains(reports[1].ref))
        #expect(reviews[0].callbackData.count == 4)
        #expect(!bot.fake.sentMessages(to: 11).contains { !$0.callbackData.isEmpty && $0.text.contains("New tip") })
        // Each still got the ordinary group reply.
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "both group replies") { fake in
            fake.sentMessages(to: RunningBot.sadar).filter { $0.text.contains(reports[0].ref) || $0.text.contains(reports[1].ref) }.count == 2
        }

        let confirm = try #require(reviews[0].callbackData.first { $0.hasPrefix("t|\(reports[0].ref)|") })
        let reject = try #require(reviews[0].callbackData.first { $0.hasPrefix("n|\(reports[1].ref)|") })
        try await bot.tap(confirm, on: reviews[0], by: RunningBot.shoSadar)
        try await bot.tap(reject, on: reviews[0], by: RunningBot.shoSadar)
        // A confirmed tip now gets the ordinary notice with its buttons.
        _ = try await bot.waitForNotice(of: reports[0].ref, to: 11)
        try await bot.stop()
        let confirmed = try bot.report(reports[0].ref)
        let rejected = try bot.report(reports[1].ref)
        #expect(!confirmed.needsReview && confirmed.status == .new)
        #expect(!rejected.needsReview && rejected.status == .closed && rejected.outcome == .notPoliceMatter)
        let corrections = try bot.store.corrections()
        #expect(corrections.map(\.isTip) == [true, false])
        #expect(corrections.map(\.category) == ["liquor", "none"])
        let line = CorpusFormat.line(corrections[0])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["is_tip"] as? Bool == true && object["category"] as? String == "liquor")
        #expect(!line.contains("7001") && !line.contains("Ramesh") && !line.contains("R. Kumar"))
    }

    @Test func aPossibleTipCannotBeReviewedTwiceOrByAnotherThana() async throws {
        let bot = try await RunningBot.start()
        try await bot.fake.waitForRequests("getUpdates")
        try await possibleTip(bot, message: 50_003, text: "Parsa pul ke paas der raat tak gaadi ruki rehti hai")
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the review message") { fake in
            fake.sentMessages(to: 11).contains { $0.text.contains("Possible tips") }
        }
        let review = try #require(bot.fake.sentMessages(to: 11).first { $0.text.contains("Possible tips") })
        let confirm = try #require(review.callbackData.first { $0.hasPrefix("t|") })
        let refused = try await bot.tap(confirm, on: review, by: RunningBot.shoGogri)
        #expect(refused.contains("⛔"))
        try await bot.tap(confirm, on: review, by: RunningBot.shoSadar)
        let again = try await bot.tap(try #require(review.callbackData.first { $0.hasPrefix("n|") }), on: review, by: RunningBot.shoSadar)
        try await bot.stop()
        #expect(!again.contains("⛔"))
        #expect(try bot.store.corrections().count == 1)
        #expect(try bot.reports().first?.status == .new)
    }

    @Test func anOfficerCorrectsACategoryFromTheFullReport() async throws {
        let bot = try await RunningBot.start()
        let (report, notice) = try await bot.tip()
        try await bot.tap(try bot.data("d", under: notice), on: notice, by: RunningBot.shoSadar)
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the full report") { fake in
            fake.sentMessages(to: 11).contains { $0.text.contains("Report details") }
        }
        let full = try #require(bot.fake.sentMessages(to: 11).last { $0.text.contains("Report details") })
        try await bot.tap(try bot.data("g", under: full), on: full, by: RunningBot.shoSadar)
        try await bot.fake.waitUntil(timeout: .seconds(30), message: "the category buttons") { fake in
            fake.botMessage(chatID: 11, messageID: full.messageID)?.callbackData.contains { $0.hasPrefix("k3|") } == true
        }
        try await bot.tap(try bot.data("k3", under: full), on: full, by: RunningBot.shoSadar)
        try await waitUntil("recategorized") { try bot.report(report.ref).category == .electionDisturbance }
        try await bot.stop()
        #expect(try bot.store.corrections().map(\.category) == ["election_disturbance"])
        #expect(try bot.store.audit(ref: report.ref).contains { $0.action == "category" && $0.before == "liquor" })
    }

    @Test func distinctTipsWithOtherFactsAreNotLinkedButAForwardedCopyIs() async throws {
        let bot = try await RunningBot.start()
        let first = "Rampur tola me Pintu Yadav ke ghar me daru bikti hai, 20 peti godown me, number 9876543210 pe order hota hai"
        let other = "Rampur tola me Pintu Yadav ke ghar me daru bikti hai, 20 peti godown me, number 9123456780 pe order hota hai"
        let again = "Forwarded as received 🙏🙏\n" + first + " sir please action lijiye"
        var ids: [Int64] = []
        for text in [first, other, again] {
            ids.append(bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: text))
            _ = try await bot.waitForReport(chat: RunningBot.sadar, message: ids.last!)
        }
        try await bot.stop()
        let reports = try bot.reports().sorted { $0.messageID < $1.messageID }
        #expect(reports[1].duplicateOf == nil, "a different phone is a different tip")
        #expect(reports[2].duplicateOf == reports[0].ref)
        #expect(try bot.report(reports[0].ref).repeatCount == 2)
    }

    @Test func someoneWhoSpeaksToTheBotGetsAskedForDetailsOnceAnHour() async throws {
        let bot = try await RunningBot.start()
        for _ in 0..<3 {
            bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: RunningBot.informant, text: "@SenaniTestBot sir suniye")
        }
        bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: FakeUser(id: 7002, firstName: "Sita"), text: "@SenaniTestBot namaste")
        try await bot.fake.waitUntilConsumed()
        try await waitUntil("the outbox drained") { try bot.store.outboxCounts().pending == 0 }
        try await bot.stop()
        let asks = bot.fake.sentMessages(to: RunningBot.sadar).filter { $0.text.contains("what is happening") }
        #expect(asks.count == 2)
        #expect(try bot.reports().isEmpty)
    }
}
