import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// The daily digest in the running bot with a manual clock: sent once at its hour as text and an uploaded chart,
/// never twice across restarts, caught up once per missed day after downtime; `/digest` on demand, in scope only.
@Suite struct DigestDeliveryTests {
    /// Digest texts (not other messages) sent to `chat`, by the first part's title.
    func digests(_ bot: RunningBot, to chat: Int64) -> [SentMessage] {
        bot.fake.sentMessages(to: chat).filter { $0.text.contains("दैनिक सूचना सारांश") }
    }

    func settle(_ bot: RunningBot) async throws {
        try await waitUntil("the outbox to drain") { try bot.store.outboxCounts().pending == 0 }
        try await Task.sleep(for: .milliseconds(150))
        try await waitUntil("the outbox to drain") { try bot.store.outboxCounts().pending == 0 }
    }

    /// Now, or 09:00 IST today when it is earlier: a district created between midnight and its 08:00 owes the
    /// digest of the day before at 08:00 (its moment comes after the district), which this test does not expect.
    /// The fake Bot API dates messages by the real clock, so the start stays on today's IST date.
    static func afterTheMorningDigest() -> Date {
        let now = Date()
        return max(now, DigestDay(containing: now).start.addingTimeInterval(9 * 3600))
    }

    @Test func theDigestGoesOnceAtItsHourWithItsChartAndMissedDaysAreCaughtUpOnceEach() async throws {
        let clock = ManualClock(now: Self.afterTheMorningDigest())
        let bot = try await RunningBot.start(clock: clock)
        let (report, _) = try await bot.tip()
        let today = DigestDay(containing: clock.now())
        // Just before tomorrow 08:00 IST nothing goes; at 08:00 today's digest goes to the SPs privately (no digest chat).
        clock.advance(to: today.digestMoment(hour: 8).addingTimeInterval(-60))
        try await settle(bot)
        #expect(digests(bot, to: 21).isEmpty)
        clock.advance(to: today.digestMoment(hour: 8))
        try await bot.fake.waitUntil(message: "the digest to the SP") { _ in !digests(bot, to: 21).isEmpty && !digests(bot, to: 22).isEmpty }
        try await settle(bot)
        let digest = try #require(digests(bot, to: 21).first)
        #expect(digest.text.contains("Khagaria") && digest.text.contains(today.dayFirst))
        #expect(DigestComposer.plainText(digest.text).contains("Sadar: 1 ·"))
        #expect(!digest.text.contains(report.reporter))
        #expect(!digest.text.contains("देर से"))
        // The chart went as an uploaded PNG, accepted by the (multipart-parsing) fake Bot API.
        let photos = bot.fake.sentPhotos.filter { $0.chatID == 21 }
        #expect(photos.count == 1)
        let upload = try #require(photos.first?.upload)
        #expect(upload.data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(PNGSize(upload.data)?.width == 1000)
        #expect(photos.first?.caption?.contains("Khagaria") == true)
        #expect(try bot.store.recordedDigests(district: "KHG").map(\.day) == [today])
        try await bot.stop()

        // A restart the same morning sends nothing again.
        let second = try await RunningBot.start(fake: bot.fake, clock: clock, directory: bot.directory)
        try await settle(second)
        try await second.stop()
        #expect(digests(bot, to: 21).count == 1)

        // Down for three days: one digest per missed day, each once and marked late.
        clock.advance(to: today.advanced(by: 3).digestMoment(hour: 8).addingTimeInterval(3600))
        let third = try await RunningBot.start(fake: bot.fake, clock: clock, directory: bot.directory)
        try await bot.fake.waitUntil(message: "the missed digests") { _ in digests(bot, to: 21).count == 4 }
        try await settle(third)
        try await third.stop()
        let sent = digests(bot, to: 21)
        #expect(sent.count == 4)
        #expect(sent.dropFirst().allSatisfy { $0.text.contains("देर से") })
        #expect(sent.dropFirst().map { $0.text.contains(today.advanced(by: 1).dayFirst) } == [true, false, false])
        #expect(try third.store.recordedDigests(district: "KHG").map(\.day) == (0...3).map { today.advanced(by: $0) })
        #expect(try third.store.recordedDigests(district: "KHG").map(\.late) == [false, true, true, true])
        #expect(bot.fake.sentPhotos.filter { $0.chatID == 21 }.count == 4)
    }

    @Test func slashDigestAnswersInScopeOnlyAndPrivately() async throws {
        let bot = try await RunningBot.start()
        _ = try await bot.tip()
        let stranger = FakeUser(id: 999, firstName: "Stranger")
        try await bot.command("/digest", by: RunningBot.shoSadar)
        #expect(bot.lastText(to: 11).contains("Your role cannot do this"))
        try await bot.command("/digest PAT", by: RunningBot.spKhagaria)
        #expect(bot.lastText(to: 21).contains("outside your thana or district"))
        try await bot.command("/digest", by: stranger)
        #expect(bot.lastText(to: 999).contains("Only registered officers"))
        try await bot.command("/digest", by: RunningBot.admin)
        #expect(bot.lastText(to: 31).contains("/digest"))
        try await bot.command("/digest XYZ", by: RunningBot.admin)
        #expect(bot.lastText(to: 31).contains("No such district"))
        #expect(digests(bot, to: 21).isEmpty && digests(bot, to: 31).isEmpty)

        try await bot.command("/digest", by: RunningBot.spKhagaria)
        try await bot.fake.waitUntil(message: "the SP's digest") { _ in !digests(bot, to: 21).isEmpty }
        #expect(digests(bot, to: 21).first?.text.contains("Khagaria") == true)
        #expect(digests(bot, to: 21).first?.text.contains("IST तक") == true)
        try await bot.command("/digest PAT", by: RunningBot.admin)
        try await bot.fake.waitUntil(message: "the admin's digest") { _ in !digests(bot, to: 31).isEmpty }
        #expect(digests(bot, to: 31).first?.text.contains("Patna") == true)
        // In a group, the digest still goes privately and the group hears only that.
        try await bot.command("/digest", by: RunningBot.spKhagaria, in: RunningBot.sadar)
        try await bot.fake.waitUntil(message: "the second digest") { _ in digests(bot, to: 21).count == 2 }
        try await bot.stop()
        #expect(bot.fake.sentMessages(to: RunningBot.sadar).allSatisfy { !$0.text.contains("दैनिक सूचना सारांश") })
        #expect(bot.fake.sentPhotos.contains { $0.chatID == 21 && $0.upload != nil })
    }
}
