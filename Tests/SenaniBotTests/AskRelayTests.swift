import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// Point 2 and 4 of issue 10: `/ask` reaches the informant without naming the officer; his answer comes back
/// under the pseudonym only; the deep link opens the right report.
extension ConfidentialSuites {
    @Suite struct AskRelayTests {
        /// The `start=` token of the last link button sent to `chat`.
        static func startToken(in message: SentMessage) throws -> String {
            let markup = String(decoding: try #require(message.replyMarkup).jsonData, as: UTF8.self)
            let match = try #require(markup.firstMatch(of: /start=([A-Za-z0-9_\-]+)/), "no deep link in \(markup)")
            return String(match.1)
        }

        @Test func aGroupTipIsAskedInTheGroupAndAnsweredPrivatelyThroughTheLink() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            let (report, _) = try await bot.tip("Sonbarsa chowk par daru ki bhatti chal rahi hai", from: me)
            try await bot.settle()
            // The group reply invites the private channel with a link bound to the report.
            let reply = try bot.message(to: RunningBot.sadar, containing: report.ref)
            let replyToken = try Self.startToken(in: reply)
            #expect(replyToken.hasPrefix(report.ref + "_"))

            try await bot.command("/ask \(report.ref) kis ghar me bhatti hai?", by: RunningBot.shoSadar)
            let question = try bot.message(to: RunningBot.sadar, containing: "kis ghar me bhatti hai?")
            #expect(question.replyToMessageID == report.messageID)
            #expect(question.text.contains("sender of this message"))
            let token = try Self.startToken(in: question)
            #expect(bot.lastText(to: 11).contains(report.ref))

            // He opens the link: a private chat bound to that report; what he writes goes to the officer who asked.
            try await bot.privately("/start \(token)")
            #expect(bot.lastText(to: me.id).contains(report.ref))
            try await bot.privately("Mandir ke peeche wala ghar, neela darwaza")
            try await bot.settle()
            // The report's history, as an officer sees it, holds the question and the answer.
            try await bot.command("/show \(report.ref)", by: RunningBot.shoSadar)
            let shown = bot.lastText(to: 11)
            #expect(shown.contains("kis ghar me bhatti hai?") && shown.contains("neela darwaza"))
            try await bot.stop()
            let answer = try bot.message(to: 11, containing: "neela darwaza")
            #expect(answer.text.contains(report.ref) && answer.text.contains(report.reporter))
            #expect(!answer.text.contains("not the original informant"))
            let audit = try bot.store.audit(ref: report.ref)
            #expect(audit.contains { $0.action == "ask" && $0.detail == "kis ghar me bhatti hai?" && $0.actorID == 11 })
            #expect(audit.contains { $0.action == "informant.answer" && $0.detail == "Mandir ke peeche wala ghar, neela darwaza" })
            #expect(audit.allSatisfy { $0.actor != me.firstName && $0.actorID != me.id })
            bot.expectNoIdentityReachedOfficers()
            bot.expectNoOfficerNameReached(me.id)
            #expect(!bot.everythingSent(to: RunningBot.sadar).contains { $0.contains("R. Kumar") })
        }

        @Test func anAnswerInTheGroupAsAReplyToTheQuestionIsRelayedToo() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            let (report, _) = try await bot.tip("Parsa gaon me 20 peti sharab utari ja rahi hai", from: me)
            try await bot.command("/ask \(report.ref) kitne log the?", by: RunningBot.spKhagaria)
            let question = try bot.message(to: RunningBot.sadar, containing: "kitne log the?")
            bot.fake.sendGroupMessage(chatID: RunningBot.sadar, from: me, text: "teen log the", replyTo: question.messageID)
            try await bot.settle()
            try await bot.stop()
            let answer = try bot.message(to: 21, containing: "teen log the")
            #expect(answer.text.contains(report.reporter))
            #expect(try bot.reports().count == 1)
            bot.expectNoIdentityReachedOfficers()
        }

        @Test func aPrivateTipIsAskedPrivatelyAndTheAnswerComesBackUnderThePseudonym() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            try await bot.privately("/thana KHG-SADAR")
            try await bot.privately("Sonbarsa chowk par daru ki bhatti chal rahi hai, raat 9 baje")
            let report = try #require(try bot.reports().first)
            try await bot.command("/ask \(report.ref) bhatti kis ki hai?", by: RunningBot.shoSadar)
            let question = try bot.message(to: me.id, containing: "bhatti kis ki hai?")
            #expect(question.text.contains(report.ref))
            try await bot.privately("Pradhan ke bhai ki", replyTo: question.messageID)
            // Anything else he writes in the bound chat goes to the asker as well.
            bot.fake.sendPrivateMessage(from: me, text: nil, photo: true)
            try await bot.settle()
            try await bot.stop()
            let answer = try bot.message(to: 11, containing: "Pradhan ke bhai ki")
            #expect(answer.text.contains(report.reporter))
            #expect(bot.fake.sentPhotos.contains { $0.chatID == 11 })
            #expect(try bot.report(report.ref).media.count == 1)
            #expect(try bot.store.audit(ref: report.ref).filter { $0.action == "informant.answer" }.count == 2)
            bot.expectNoIdentityReachedOfficers()
            bot.expectNoOfficerNameReached(me.id)
        }

        @Test func aForgedOrForeignLinkBindsNothingAndOutsidersCannotAsk() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            let (report, _) = try await bot.tip("Sonbarsa chowk par daru ki bhatti chal rahi hai", from: me)
            try await bot.privately("/start \(report.ref)_AAAAAAAAAAA")
            #expect(bot.lastText(to: me.id).contains("does not lead"))
            try await bot.command("/ask \(report.ref) kaun hai?", by: RunningBot.shoPatna)
            #expect(!bot.fake.sentMessages(to: RunningBot.sadar).contains { $0.text.contains("kaun hai?") })
            try await bot.command("/ask \(report.ref)", by: RunningBot.shoSadar)
            #expect(bot.lastText(to: 11).contains("/ask REF"))
            try await bot.stop()
        }
    }
}
