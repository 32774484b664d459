import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import TelegramBotAPI
import Testing

/// SLA reminders and escalations in the running bot, with a manual clock: once each, none after an
/// acknowledgement, once (late) after downtime, never again after a restart.
@Suite struct SLATimerTests {
    static let liquorTip = "Rampur tola me Ramesh ke ghar daru bik rahi hai, 20 peti rakhi hai, 9876543210 pe order"
    static let otherLiquorTip = "Sonbarsa bazar me mahua ki bhatti chal rahi hai har raat, Pintu chala raha hai"

    func reminders(_ bot: RunningBot, to chat: Int64, _ ref: String) -> [SentMessage] {
        bot.fake.sentMessages(to: chat).filter { $0.text.contains(ref) && $0.text.contains("Reminder") }
    }

    func escalations(_ bot: RunningBot, to chat: Int64, _ ref: String) -> [SentMessage] {
        bot.fake.sentMessages(to: chat).filter { $0.text.contains(ref) && $0.text.contains("Escalation") }
    }

    /// Waits until the scheduler has done its pass for the clock's time and every queued message went out.
    func settle(_ bot: RunningBot, _ clock: ManualClock) async throws {
        try await waitUntil("the bot to settle") {
            let due = try await bot.store.dueTimers(now: clock.now(), sla: .standard)
            let pending = try bot.store.outboxCounts().pending
            return due.isEmpty && pending == 0
        }
        try await Task.sleep(for: .milliseconds(100))
    }

    @Test func aReminderAtTheSLAAndAnEscalationAtTwiceItOnceEachAndNoneWhenAcknowledged() async throws {
        let clock = ManualClock()
        let bot = try await RunningBot.start(clock: clock)
        let (open, _) = try await bot.tip(Self.liquorTip)
        let (acknowledged, _) = try await bot.tip(Self.otherLiquorTip)
        try await bot.command("/ack \(acknowledged.ref)", by: RunningBot.shoSadar)
        #expect(open.category == .liquor)

        clock.advance(to: open.receivedAt.addingTimeInterval(3590))
        try await settle(bot, clock)
        #expect(reminders(bot, to: 11, open.ref).isEmpty)

        clock.advance(to: open.receivedAt.addingTimeInterval(3600))
        try await bot.fake.waitUntil(message: "the reminder") { _ in !reminders(bot, to: 11, open.ref).isEmpty }
        let reminder = try #require(reminders(bot, to: 11, open.ref).first)
        #expect(reminder.callbackData.contains { $0.hasPrefix("a|") })
        #expect(!reminder.text.contains(open.reporter) && !reminder.text.contains("Ramesh"))
        #expect(escalations(bot, to: 21, open.ref).isEmpty)

        clock.advance(to: open.receivedAt.addingTimeInterval(7200))
        try await bot.fake.waitUntil(message: "the escalation") { _ in !escalations(bot, to: 21, open.ref).isEmpty }
        let escalation = try #require(escalations(bot, to: 21, open.ref).first)
        #expect(escalation.text.contains("Sadar") && escalation.text.contains("2 h"))
        #expect(!escalation.text.contains(open.reporter) && !escalation.text.contains("Ramesh") && !escalation.text.contains("daru"))
        #expect(escalation.callbackData.contains { $0.hasPrefix("a|") })

        clock.advance(by: .seconds(86_400))
        try await settle(bot, clock)
        try await bot.stop()
        // Restarted later on the same database: nothing fires again.
        clock.advance(by: .seconds(86_400))
        let again = try await RunningBot.start(fake: bot.fake, clock: clock, directory: bot.directory)
        try await settle(again, clock)
        try await again.stop()
        #expect(reminders(bot, to: 11, open.ref).count == 1)
        #expect(escalations(bot, to: 21, open.ref).count == 1)
        #expect(bot.fake.sentMessages.filter { $0.text.contains(acknowledged.ref) && ($0.text.contains("Reminder") || $0.text.contains("Escalation")) }.isEmpty)
        #expect(try again.store.timerFirings(ref: open.ref).map(\.kind) == [.reminder, .escalation])
        #expect(try again.store.timerFirings(ref: acknowledged.ref).isEmpty)
    }

    @Test func theEscalationsButtonAcknowledgesAndStopsWhatIsLeft() async throws {
        let clock = ManualClock()
        let bot = try await RunningBot.start(clock: clock)
        let (report, _) = try await bot.tip(Self.liquorTip)
        clock.advance(to: report.receivedAt.addingTimeInterval(3600))
        try await bot.fake.waitUntil(message: "the reminder") { _ in !reminders(bot, to: 11, report.ref).isEmpty }
        let reminder = try #require(reminders(bot, to: 11, report.ref).first)
        let toast = try await bot.tap(try bot.data("a", under: reminder), on: reminder, by: RunningBot.shoSadar)
        #expect(toast.contains(report.ref))
        try await waitUntil("acknowledged") { try bot.report(report.ref).status == .acknowledged }
        clock.advance(to: report.receivedAt.addingTimeInterval(20_000))
        try await settle(bot, clock)
        try await bot.stop()
        #expect(escalations(bot, to: 21, report.ref).isEmpty)
    }

    @Test func afterDowntimeTheTimersFireOnceMarkedLateAndATransferredReportKeepsItsClock() async throws {
        let clock = ManualClock()
        let bot = try await RunningBot.start(clock: clock)
        let (report, _) = try await bot.tip(Self.liquorTip)
        // Sent to the right thana after 20 minutes: its clock still runs from receipt.
        clock.advance(to: report.receivedAt.addingTimeInterval(1200))
        try await bot.command("/transfer \(report.ref) KHG-GOGRI", by: RunningBot.shoSadar)
        try await bot.stop()

        clock.advance(to: report.receivedAt.addingTimeInterval(5 * 3600))
        let again = try await RunningBot.start(fake: bot.fake, clock: clock, directory: bot.directory)
        try await again.fake.waitUntil(message: "the late reminder and escalation") { _ in
            !reminders(again, to: 12, report.ref).isEmpty && !escalations(again, to: 21, report.ref).isEmpty
        }
        try await settle(again, clock)
        try await again.stop()
        #expect(reminders(again, to: 12, report.ref).count == 1)
        #expect(reminders(again, to: 11, report.ref).isEmpty)
        #expect(reminders(again, to: 12, report.ref).first?.text.contains("Late") == true)
        #expect(try again.store.timerFirings(ref: report.ref).allSatisfy { $0.late })
    }
}
