import Foundation
import SenaniStore
import SenaniTestSupport
import Testing

@Suite struct OutboxTests {
    @Test func aSentRowIsNeverDueAgainAndAFailedOneKeepsItsReason() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [.send(OutboxDraft(chatID: -1001, template: "help")), .send(OutboxDraft(chatID: 42, template: "start"))],
                nextOffset: 1), at: epoch)
        let due = try await fixture.store.dueOutbox(now: epoch)
        #expect(due.count == 2)
        try await fixture.store.markSent(id: due[0].id, messageID: 900, at: epoch)
        try await fixture.store.markFailed(id: due[1].id, reason: "sendMessage: forbidden (403): bot was blocked", at: epoch)
        #expect(try await fixture.store.dueOutbox(now: epoch.addingTimeInterval(3600)).isEmpty)
        #expect(try fixture.store.outboxCounts() == OutboxCounts(pending: 0, sent: 1, failed: 1))
    }

    @Test func aRescheduledRowWaitsItsTurn() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(
            IntakeBatch(effects: [.send(OutboxDraft(chatID: -1001, template: "help"))], nextOffset: 1), at: epoch)
        let row = try #require(try await fixture.store.dueOutbox(now: epoch).first)
        try await fixture.store.reschedule(id: row.id, notBefore: epoch.addingTimeInterval(30), error: "server (502)")
        #expect(try await fixture.store.dueOutbox(now: epoch.addingTimeInterval(29)).isEmpty)
        let later = try await fixture.store.dueOutbox(now: epoch.addingTimeInterval(30))
        #expect(later.first?.attempts == 1)
        #expect(try await fixture.store.nextOutboxDue() == epoch.addingTimeInterval(30))
    }

    @Test func theNextDueTimeIsTheEarliestOfEitherPriority() async throws {
        let fixture = try StoreFixture()
        #expect(try await fixture.store.nextOutboxDue() == nil)
        var answer = OutboxDraft(chatID: 42, template: "callback_done")
        answer.kind = .callbackAnswer(queryID: "q1")
        _ = try await fixture.store.commit(
            IntakeBatch(effects: [.send(OutboxDraft(chatID: -1001, template: "help")), .send(answer)], nextOffset: 1),
            at: epoch)
        let rows = try await fixture.store.dueOutbox(now: epoch)
        #expect(rows.count == 2)
        let (first, second) = (rows[0], rows[1])
        #expect(first.template == "callback_done", "the answer goes first: priority 0")
        try await fixture.store.reschedule(id: first.id, notBefore: epoch.addingTimeInterval(50), error: "server (502)")
        try await fixture.store.reschedule(id: second.id, notBefore: epoch.addingTimeInterval(20), error: "server (502)")
        #expect(try await fixture.store.nextOutboxDue() == epoch.addingTimeInterval(20))
        try await fixture.store.markSent(id: second.id, messageID: 1, at: epoch)
        #expect(try await fixture.store.nextOutboxDue() == epoch.addingTimeInterval(50))
        try await fixture.store.markSent(id: first.id, messageID: 2, at: epoch)
        #expect(try await fixture.store.nextOutboxDue() == nil)
    }

    @Test func migrationMovesTheBindingAndQueuedMessagesOnce() async throws {
        let fixture = try StoreFixture()
        try fixture.store.upsertDistrict(District(code: "KHG", name: "Khagaria", digestChatID: -1001), at: epoch)
        _ = try await fixture.store.commit(
            IntakeBatch(effects: [.send(OutboxDraft(chatID: -1001, template: "help"))], nextOffset: 1), at: epoch)
        let summary = try await fixture.store.commit(
            IntakeBatch(
                effects: [.migrateChat(from: -1001, to: -100_123_456_789), .migrateChat(from: -1001, to: -100_123_456_789)],
                nextOffset: 3), at: epoch)
        #expect(summary.migratedChats == 1)
        #expect(try fixture.store.thanas().first { $0.code == "KHG-SADAR" }?.chatID == -100_123_456_789)
        #expect(try await fixture.store.dueOutbox(now: epoch).map(\.chatID) == [-100_123_456_789])
        #expect(try fixture.store.districts().first?.digestChatID == -100_123_456_789)
        let context = try await fixture.store.intakeContext()
        #expect(context.thanaByChat[-100_123_456_789] == "KHG-SADAR")
        #expect(context.thanaByChat[-1001] == nil)
    }
}
