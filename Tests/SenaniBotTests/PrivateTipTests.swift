import Foundation
@testable import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// Point 1 of issue 10: a citizen tips privately; the bot asks the thana once, remembers it, replies privately.
extension ConfidentialSuites {
    @Suite struct PrivateTipTests {
        static let liquor = "Sonbarsa chowk par daru ki bhatti chal rahi hai, raat 9 baje"
        static let wanted = "Parsa gaon me 20 peti sharab utari ja rahi hai, truck BR34AB1234"

        @Test func aPrivateTipAsksTheThanaByButtonsThenQueuesItPrivately() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            let tipID = try await bot.privately(Self.liquor)
            #expect(try bot.reports().isEmpty)
            let (list, data) = try bot.thanaButton("KHG-SADAR")
            #expect(list.text.contains("थाने") && list.text.contains("police station"))
            try await bot.tap(data, on: list, by: me)
            try await bot.settle()

            let report = try #require(try bot.reports().first)
            #expect(report.source == "private" && report.thanaCode == "KHG-SADAR" && report.text == Self.liquor)
            #expect(report.messageID == tipID && report.chatID != me.id)
            let ack = try bot.message(to: me.id, containing: report.ref)
            #expect(ack.text.contains("Sadar"))
            _ = try await bot.waitForNotice(of: report.ref, to: 11)
            // The export: source private, no chat or message id.
            let line = ReportFormats.json(report)
            #expect(line.contains("\"source\": \"private\"") && line.contains("\"chat_id\": null") && line.contains("\"message_id\": null"))
            #expect(!line.contains(String(me.id)))

            // The choice is remembered: the next tip is queued at once.
            try await bot.privately(Self.wanted)
            try await bot.stop()
            let reports = try bot.reports()
            #expect(reports.count == 2 && reports.allSatisfy { $0.thanaCode == "KHG-SADAR" && $0.source == "private" })
            #expect(reports[0].reporter == reports[1].reporter)
            bot.expectNoIdentityReachedOfficers()
        }

        @Test func aTypedDevanagariNameOrALatinNameOrACodeNamesTheThana() async throws {
            let bot = try await RunningBot.start()
            let devanagari = FakeUser(id: 5_550_000_001, firstName: "A")
            let latin = FakeUser(id: 5_550_000_002, firstName: "B")
            let code = FakeUser(id: 5_550_000_003, firstName: "C")
            try await bot.privately(Self.liquor, from: devanagari)
            try await bot.privately("सदर", from: devanagari)
            try await bot.privately(Self.liquor, from: latin)
            try await bot.privately("gogri", from: latin)
            try await bot.privately(Self.liquor, from: code)
            try await bot.privately("PAT-NAGAR", from: code)
            // A later change of thana with /thana.
            try await bot.privately("/thana KHG-GOGRI", from: code)
            try await bot.privately(Self.wanted, from: code)
            try await bot.stop()
            let thanas = try bot.reports().map(\.thanaCode)
            #expect(thanas == ["KHG-SADAR", "KHG-GOGRI", "PAT-NAGAR", "KHG-GOGRI"])
            #expect(bot.lastText(to: devanagari.id).contains("KHG-SADAR-000001"))
        }

        @Test func aTypedNameThatFitsSeveralThanasNarrowsTheButtons() {
            let thanas = [
                Thana(code: "KHG-SADAR", districtCode: "KHG", name: "Sadar"),
                Thana(code: "PAT-SADAR", districtCode: "PAT", name: "Sadar"),
                Thana(code: "KHG-GOGRI", districtCode: "KHG", name: "Gogri"),
                Thana(code: "KHG-MUFASSIL", districtCode: "KHG", name: "Mufassil"),
            ]
            #expect(ThanaMatcher.matches("सदर", in: thanas).map(\.code) == ["KHG-SADAR", "PAT-SADAR"])
            #expect(ThanaMatcher.matches("sadar", in: thanas).count == 2)
            #expect(ThanaMatcher.matches("khg-sadar", in: thanas).map(\.code) == ["KHG-SADAR"])
            #expect(ThanaMatcher.matches("गोगरी", in: thanas).map(\.code) == ["KHG-GOGRI"])
            #expect(ThanaMatcher.matches("मुफस्सिल", in: thanas).map(\.code) == ["KHG-MUFASSIL"])
            #expect(ThanaMatcher.matches("Patna zila", in: thanas).isEmpty)
        }

        @Test func chatterIsAskedForWhatWhereWhenAndAPhotoJoinsTheTip() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            try await bot.privately("namaste sir")
            #expect(bot.lastText(to: me.id).contains("where"))
            try await bot.privately("/thana sadar")
            try await bot.privately(Self.liquor)
            bot.fake.sendPrivateMessage(from: me, text: nil, photo: true)
            try await bot.settle()
            try await bot.stop()
            let report = try #require(try bot.reports().first)
            #expect(report.media.count == 1)
            #expect(try bot.reports().count == 1)
            #expect(!bot.fake.sentPhotos.filter { $0.chatID == 11 }.isEmpty)
        }

        @Test func aFloodingInformantIsAskedToSlowDownOnceAndNothingIsLost() async throws {
            let bot = try await RunningBot.start()
            let me = RunningBot.whistleblower
            try await bot.privately("/thana KHG-SADAR")
            let villages = ["Rampur", "Sonbarsa", "Parsa", "Kishanpur", "Bairiya", "Mahesh Khunt", "Gogri Jamalpur", "Alauli", "Beldaur", "Chautham"]
            for (index, village) in villages.enumerated() {
                bot.fake.sendPrivateMessage(from: me, text: "\(village) me daru ki bhatti chal rahi hai, \(index + 2) log hain, BR34AB12\(10 + index)")
            }
            try await bot.settle()
            try await bot.stop()
            let reports = try bot.reports()
            // Every tip is kept (a repeat is kept too, linked to the first telling).
            #expect(reports.count == villages.count)
            for village in villages { #expect(reports.contains { $0.text.hasPrefix(village + " ") }) }
            let slowDowns = bot.fake.sentMessages(to: me.id).filter { $0.text.contains("wait a little") }
            #expect(slowDowns.count == 1)
            #expect(bot.fake.sentMessages(to: me.id).count <= Store.burstLimit + 2)
        }
    }
}

extension ConfidentialSuites.PrivateTipTests {
    @Test func aPrivateTipsterHearsOfAcknowledgementAndClosingPrivately() async throws {
        let bot = try await RunningBot.start()
        let me = RunningBot.whistleblower
        try await bot.privately("/thana KHG-SADAR")
        try await bot.privately(Self.liquor)
        let report = try #require(try bot.reports().first)
        try await bot.command("/ack \(report.ref)", by: RunningBot.shoSadar)
        try await bot.command("/close \(report.ref) action_taken raided at night", by: RunningBot.shoSadar)
        try await bot.stop()
        let updates = bot.fake.sentMessages(to: me.id).filter { $0.text.contains(report.ref) }
        #expect(updates.contains { $0.text.contains("being acted on") })
        #expect(updates.contains { $0.text.contains("finished") })
        #expect(!bot.everythingSent(to: me.id).contains { $0.contains("raided") })
        bot.expectNoOfficerNameReached(me.id)
    }
}
