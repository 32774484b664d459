import Foundation
import GRDB
@testable import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// The writer's in-memory repeat candidates link exactly what the SQL search over the database would: after a
/// change made by another process, after an edit of the first telling, and after a transaction that failed.
@Suite struct RepeatCandidatesTests {
    static let text = "Rampur school ke peeche aaj raat daru bik rahi hai, Pintu ka aadmi pickup se maal laata hai"
    static let other = "Sonbarsa chowk par har shaam ganja bik raha hai, do log bike par aate hain, naam Guddu"

    func commit(_ store: Store, _ reports: [NewReport], offset: Int64) async throws -> IntakeSummary {
        try await store.commit(
            IntakeBatch(effects: reports.map { .newReport($0, followUp: replies([])) }, nextOffset: offset), at: epoch)
    }

    func told(_ text: String, thana: String = "KHG-SADAR", chat: Int64 = -1001, message: Int64, minutes: Double) -> NewReport {
        tip(
            thana: thana, chat: chat, message: message, user: 1000 + message, text: text,
            at: epoch.addingTimeInterval(minutes * 60), analysis: TipAnalyzer().analyze(text))
    }

    @Test func aFirstTellingMovedByAnotherProcessIsNoLongerACandidateWhereItWas() async throws {
        let fixture = try StoreFixture()
        let first = try await commit(fixture.store, [told(Self.text, message: 1, minutes: 0)], offset: 2)
        let repeated = try await commit(fixture.store, [told(Self.text, message: 2, minutes: 1)], offset: 3)
        #expect(repeated.duplicates.count == 1)
        let ref = try #require(first.newReports.first)
        // Another process (the CLI, an officer's transfer) moves the first telling to the other thana.
        let elsewhere = try DatabaseQueue(path: fixture.directory.file("senani.sqlite"))
        try await elsewhere.write { db in
            try db.execute(sql: "UPDATE reports SET thana_code = 'KHG-MUFASSIL' WHERE ref = ?", arguments: [ref])
        }
        // In Sadar only a repeat is left, and a repeat is never an original: the next telling is new.
        let again = try await commit(fixture.store, [told(Self.text, message: 3, minutes: 2)], offset: 4)
        #expect(again.newReports.count == 1 && again.duplicates.isEmpty)
        // In Mufassil the moved first telling is found.
        let there = try await commit(
            fixture.store, [told(Self.text, thana: "KHG-MUFASSIL", chat: -1002, message: 4, minutes: 3)], offset: 5)
        #expect(there.duplicates.count == 1)
        #expect(try fixture.store.report(ref: try #require(there.duplicates.first))?.duplicateOf == ref)
    }

    @Test func aFirstTellingInsertedByAnotherProcessIsFound() async throws {
        let fixture = try StoreFixture()
        // Warm the copy for Sadar, with a report that repeats nothing.
        _ = try await commit(fixture.store, [told(Self.other, message: 1, minutes: 0)], offset: 2)
        // Another process (an import, a second store on the file) inserts a first telling: no trigger tells of it.
        let elsewhere = try Store(path: fixture.directory.file("senani.sqlite"))
        let theirs = try await commit(elsewhere, [told(Self.text, message: 2, minutes: 1)], offset: 3)
        let ref = try #require(theirs.newReports.first)
        // Then this process inserts a report without a key (no search, so no look at the database) before the repeat.
        let keyless = tip(message: 3, user: 77, text: "photo", at: epoch.addingTimeInterval(90), analysis: analysis())
        #expect(keyless.analysis.repeatKey.bytes.isEmpty)
        let repeated = try await commit(
            fixture.store, [keyless, told(Self.text, message: 4, minutes: 2)], offset: 5)
        #expect(try fixture.store.report(ref: try #require(repeated.duplicates.first))?.duplicateOf == ref)
        // And the other way round, after this process inserted the newest report.
        let third = "Parsa bandh par kal subah angrezi sharab utar rahi hai, ek safed gaadi aati hai, Bablu ka maal"
        let ours = try await commit(fixture.store, [told(third, message: 5, minutes: 3)], offset: 6)
        let back = try await commit(elsewhere, [told(third, message: 6, minutes: 4)], offset: 7)
        #expect(try elsewhere.report(ref: try #require(back.duplicates.first))?.duplicateOf == ours.newReports.first)
    }

    @Test func anEditedFirstTellingIsComparedByItsNewWords() async throws {
        let fixture = try StoreFixture()
        let first = try await commit(fixture.store, [told(Self.text, message: 1, minutes: 0)], offset: 2)
        let ref = try #require(first.newReports.first)
        let edited = told(Self.other, message: 1, minutes: 0)
        _ = try await fixture.store.commit(
            IntakeBatch(effects: [.editReport(edited, followUp: replies([]))], nextOffset: 3), at: epoch)
        let oldWords = try await commit(fixture.store, [told(Self.text, message: 2, minutes: 1)], offset: 4)
        #expect(oldWords.newReports.count == 1, "the old words no longer match the edited first telling")
        let newWords = try await commit(fixture.store, [told(Self.other, message: 3, minutes: 2)], offset: 5)
        #expect(try fixture.store.report(ref: try #require(newWords.duplicates.first))?.duplicateOf == ref)
    }

    @Test func aReportFromAFailedTransactionIsNeverAnOriginal() async throws {
        let fixture = try StoreFixture()
        // Warm the copy for Sadar, then fail a batch after its first report was inserted (an unknown thana).
        _ = try await commit(fixture.store, [told(Self.other, message: 1, minutes: 0)], offset: 2)
        await #expect(throws: StoreError.self) {
            _ = try await commit(
                fixture.store,
                [told(Self.text, message: 2, minutes: 1), told(Self.text, thana: "NOWHERE", message: 3, minutes: 1)],
                offset: 4)
        }
        #expect(try fixture.store.reports().count == 1)
        // Another process changes something once, so the database's epoch reads as the failed batch left the copy's.
        let elsewhere = try DatabaseQueue(path: fixture.directory.file("senani.sqlite"))
        try await elsewhere.write { db in try db.execute(sql: "UPDATE repeat_epoch SET n = n + 1") }
        let next = try await commit(fixture.store, [told(Self.text, message: 4, minutes: 2)], offset: 5)
        #expect(next.newReports.count == 1 && next.duplicates.isEmpty)
        // And within one transaction, an earlier report of the batch is found as SQL would find it.
        let third = "Parsa bandh par kal subah angrezi sharab utar rahi hai, ek safed gaadi aati hai, Bablu ka maal"
        let batch = try await commit(
            fixture.store, [told(third, message: 5, minutes: 3), told(third, message: 6, minutes: 4)], offset: 7)
        #expect(batch.newReports.count == 1 && batch.duplicates.count == 1)
    }
}
