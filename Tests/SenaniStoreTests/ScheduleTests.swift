import Foundation
@testable import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// The due computation without I/O: SLA settings, timer moments, digest days and catch-up.
@Suite struct ScheduleTests {
    @Test func slaSettingsParseWithUnitsAndKeepDefaultsForCategoriesLeftOut() throws {
        let sla = try SLA.parse("liquor=2s,election_disturbance=20m, other=6h")
        #expect(sla.seconds(for: .liquor) == 2)
        #expect(sla.seconds(for: .electionDisturbance) == 1200)
        #expect(sla.seconds(for: .other) == 6 * 3600)
        #expect(sla.seconds(for: .wantedCriminal) == 30 * 60)
        #expect(SLA.standard.description == "election_disturbance=15m,wanted_criminal=30m,liquor=1h,other=4h")
        for bad in ["liquor", "liquor=", "liquor=5", "liquor=0m", "liquor=-5m", "liquor=5d", "beer=1h", "none=1h", "=1h"] {
            #expect(throws: SLAError.self, "\(bad)") { try SLA.parse(bad) }
        }
    }

    @Test func istDaysHaveExactBoundsAndParseStrictly() throws {
        let day = try #require(DigestDay("2026-11-24"))
        #expect(day.description == "2026-11-24" && day.dayFirst == "24-11-2026")
        // Midnight IST is 18:30 UTC the day before.
        #expect(day.start == ISO8601DateFormatter().date(from: "2026-11-23T18:30:00Z"))
        #expect(DigestDay(containing: day.start) == day)
        #expect(DigestDay(containing: day.end.addingTimeInterval(-1)) == day)
        #expect(DigestDay(containing: day.end) == day.advanced(by: 1))
        #expect(day.digestMoment(hour: 8) == ISO8601DateFormatter().date(from: "2026-11-25T02:30:00Z"))
        for bad in ["2026-02-30", "2026-13-01", "26-11-2024", "2026-1-1", "yesterday"] { #expect(DigestDay(bad) == nil, "\(bad)") }
    }

    @Test func timersAreDueAtTheSLAAndAtTwiceIt() {
        let received = Date(unixSeconds: 1_000_000)
        let sla = SLA.standard
        #expect(Schedule.timerDue(receivedAt: received, category: .liquor, kind: .reminder, sla: sla) == Date(unixSeconds: 1_003_600))
        #expect(Schedule.timerDue(receivedAt: received, category: .liquor, kind: .escalation, sla: sla) == Date(unixSeconds: 1_007_200))
        let facts = ScheduleFacts(oldestAwaiting: [
            .reminder: [.other: received, .electionDisturbance: received.addingTimeInterval(600)],
            .escalation: [.liquor: received],
        ])
        // Election disturbance: 600 s + 15 min, before everything else.
        #expect(Schedule.nextDue(facts, sla: sla, now: received) == Date(unixSeconds: 1_001_500))
        #expect(Schedule.nextDue(ScheduleFacts(), sla: sla, now: received) == nil)
    }

    @Test func theDigestOfADayIsDueAtItsHourNextDayOnceAndCatchUpIsAtMostSevenDays() throws {
        let day = try #require(DigestDay("2026-11-24"))
        let moment = day.digestMoment(hour: 8)
        let district = DistrictSchedule(code: "KHG", digestHour: 8, since: day.start.addingTimeInterval(-30 * 86_400))
        var facts = ScheduleFacts(districts: [district])
        #expect(Schedule.dueDigests(facts, now: moment.addingTimeInterval(-1)).last?.day == day.advanced(by: -1))
        let due = Schedule.dueDigests(facts, now: moment)
        #expect(due.count == 7)
        #expect(due.last == DueDigest(district: "KHG", day: day, dueAt: moment, late: false))
        #expect(due.dropLast().allSatisfy { $0.late })
        // Recorded days are never due again; the next due moment is the following day's.
        facts.districts[0].recorded = Set((0..<10).map { day.advanced(by: -$0) })
        #expect(Schedule.dueDigests(facts, now: moment.addingTimeInterval(60)).isEmpty)
        #expect(Schedule.nextDue(facts, sla: .standard, now: moment.addingTimeInterval(60)) == day.advanced(by: 1).digestMoment(hour: 8))
        // Three days down: three digests, oldest first, all late.
        let later = day.advanced(by: 3).digestMoment(hour: 8).addingTimeInterval(5 * 60)
        let missed = Schedule.dueDigests(facts, now: later)
        #expect(missed.map(\.day) == [1, 2, 3].map { day.advanced(by: $0) })
        #expect(missed.allSatisfy { $0.late })
        // Nothing from before the district existed.
        let young = DistrictSchedule(code: "NEW", digestHour: 8, since: moment.addingTimeInterval(-3600))
        #expect(Schedule.dueDigests(ScheduleFacts(districts: [young]), now: later).count == 4)
    }
}

/// SLA timers in the store: each fires once, in the transaction that queues its messages.
@Suite struct TimerStoreTests {
    func newReport(_ fixture: StoreFixture, message: Int64, category: TipCategory = .liquor, at: Date) async throws -> String {
        let summary = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .newReport(
                        tip(message: message, text: "tip \(message)", at: at, analysis: analysis(category: category, bits: UInt64(message), words: 3)),
                        followUp: { _ in [] })
                ], nextOffset: message), at: at)
        return try #require(summary.newReports.first)
    }

    func compose(_ timer: DueTimer) -> [OutboxDraft] {
        [OutboxDraft(chatID: 42, template: "sla_\(timer.kind.rawValue)", parameters: ["ref": timer.report.ref, "late": timer.late ? "1" : ""])]
    }

    @Test func eachTimerFiresOnceAndNeverForAnAcknowledgedReport() async throws {
        let fixture = try StoreFixture()
        try fixture.store.upsertOfficer(Officer(telegramID: 11, role: .sho, thanaCode: "KHG-SADAR", name: "SHO"), at: epoch)
        let open = try await newReport(fixture, message: 1, at: epoch)
        let acknowledged = try await newReport(fixture, message: 2, at: epoch)
        let sho = try #require(try fixture.store.officers().first)
        try await fixture.store.act(FactsRequest(actorID: 11, ref: acknowledged), at: epoch.addingTimeInterval(60)) { _ in
            Decision(mutations: [.acknowledge(ref: acknowledged, by: sho)])
        }
        let sla = SLA.standard
        #expect(try await fixture.store.nextTimerDue(sla: sla, now: epoch) == epoch.addingTimeInterval(3600))
        #expect(try await fixture.store.fireDueTimers(now: epoch.addingTimeInterval(3599), sla: sla, compose: compose).isEmpty)
        let first = try await fixture.store.fireDueTimers(now: epoch.addingTimeInterval(3600), sla: sla, compose: compose)
        #expect(first == [FiredTimer(ref: open, kind: .reminder, late: false, messages: 1)])
        #expect(try await fixture.store.fireDueTimers(now: epoch.addingTimeInterval(3700), sla: sla, compose: compose).isEmpty)
        #expect(try await fixture.store.nextTimerDue(sla: sla, now: epoch) == epoch.addingTimeInterval(7200))
        let second = try await fixture.store.fireDueTimers(now: epoch.addingTimeInterval(7200), sla: sla, compose: compose)
        #expect(second.map(\.kind) == [.escalation])
        #expect(try await fixture.store.fireDueTimers(now: epoch.addingTimeInterval(90_000), sla: sla, compose: compose).isEmpty)
        #expect(try await fixture.store.nextTimerDue(sla: sla, now: epoch) == nil)
        #expect(try fixture.store.timerFirings(ref: acknowledged).isEmpty)
        #expect(try fixture.store.outboxCounts().pending == 2)
        #expect(try fixture.store.audit(ref: open).map(\.action) == ["sla.reminder", "sla.escalation"])
    }

    @Test func afterDowntimeBothFireOnceMarkedLate() async throws {
        let fixture = try StoreFixture()
        let ref = try await newReport(fixture, message: 1, category: .electionDisturbance, at: epoch)
        let fired = try await fixture.store.fireDueTimers(now: epoch.addingTimeInterval(86_400), sla: .standard, compose: compose)
        #expect(fired.map(\.kind) == [.reminder, .escalation])
        #expect(fired.allSatisfy { $0.late && $0.ref == ref })
        #expect(try fixture.store.timerFirings(ref: ref).count == 2)
    }
}
