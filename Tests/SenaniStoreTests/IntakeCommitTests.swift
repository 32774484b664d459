import Foundation
import GRDB
import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

@Suite struct IntakeCommitTests {
    @Test func newReportsGetDensePerThanaRefsAndTheirRepliesCarryTheRef() async throws {
        let fixture = try StoreFixture()
        let batch = IntakeBatch(
            effects: [
                .newReport(tip(message: 10), followUp: replies([ack(message: 10)])),
                .newReport(tip(thana: "KHG-MUFASSIL", chat: -1002, message: 10, analysis: analysis(bits: 1)), followUp: replies([ack(chat: -1002, message: 10)])),
                .newReport(tip(message: 11, analysis: analysis(bits: ~0)), followUp: replies([ack(message: 11)])),
            ], nextOffset: 501)
        let summary = try await fixture.store.commit(batch, at: epoch)
        #expect(summary.newReports == ["KHG-SADAR-000001", "KHG-MUFASSIL-000001", "KHG-SADAR-000002"])
        #expect(try await fixture.store.nextOffset() == 501)

        let due = try await fixture.store.dueOutbox(now: epoch.addingTimeInterval(1))
        #expect(due.map(\.parameters["ref"]) == ["KHG-SADAR-000001", "KHG-MUFASSIL-000001", "KHG-SADAR-000002"])
        #expect(due.map(\.replyToMessageID) == [10, 10, 11])
        #expect(due.map(\.chatID) == [-1001, -1002, -1001])
    }

    @Test func replayingABatchChangesNothing() async throws {
        let fixture = try StoreFixture()
        let batch = IntakeBatch(effects: [.newReport(tip(message: 10), followUp: replies([ack(message: 10)]))], nextOffset: 7)
        _ = try await fixture.store.commit(batch, at: epoch)
        let replay = try await fixture.store.commit(batch, at: epoch)
        #expect(replay.replayed == 1)
        #expect(replay.newReports.isEmpty)
        #expect(try fixture.store.reports().count == 1)
        #expect(try fixture.store.outboxCounts().pending == 1)
    }

    @Test func theOffsetNeverMovesBack() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(IntakeBatch(effects: [], nextOffset: 90), at: epoch)
        _ = try await fixture.store.commit(IntakeBatch(effects: [], nextOffset: 40), at: epoch)
        #expect(try await fixture.store.nextOffset() == 90)
    }

    @Test func aFailingEffectRollsBackTheWholeBatchAndItsOffset() async throws {
        let fixture = try StoreFixture()
        let batch = IntakeBatch(
            effects: [
                .newReport(tip(message: 1), followUp: replies([ack(message: 1)])),
                .newReport(tip(thana: "NO-SUCH", chat: -9, message: 2), followUp: replies([])),
            ], nextOffset: 3)
        await #expect(throws: StoreError.self) { try await fixture.store.commit(batch, at: epoch) }
        #expect(try fixture.store.reports().isEmpty)
        #expect(try fixture.store.outboxCounts().pending == 0)
        #expect(try await fixture.store.nextOffset() == nil)
    }

    @Test func aRepeatedTipIsLinkedToTheFirstAndGrowsItsCount() async throws {
        let fixture = try StoreFixture()
        let text = "Rampur tola me Pintu Yadav ke ghar roz raat daru bikti hai, 20 peti godown me rakhi hai, 9876543210"
        let analyzer = TipAnalyzer()
        let first = tip(message: 1, text: text, analysis: analyzer.analyze(text))
        let forwarded = "Forwarded as received\n" + text + " 🙏 sir please action"
        let again = tip(message: 2, user: 777, text: forwarded, at: epoch.addingTimeInterval(3600), analysis: analyzer.analyze(forwarded))
        let typo = text.replacingOccurrences(of: "bikti", with: "bikta")
        let third = tip(message: 3, user: 778, text: typo, at: epoch.addingTimeInterval(7200), analysis: analyzer.analyze(typo))
        _ = try await fixture.store.commit(IntakeBatch(effects: [.newReport(first, followUp: replies([ack(message: 1)]))], nextOffset: 2), at: epoch)
        let summary = try await fixture.store.commit(
            IntakeBatch(effects: [.newReport(again, followUp: replies([ack(message: 2)])), .newReport(third, followUp: replies([]))], nextOffset: 3), at: epoch)
        #expect(summary.duplicates == ["KHG-SADAR-000002", "KHG-SADAR-000003"])

        let original = try #require(try fixture.store.report(ref: "KHG-SADAR-000001"))
        #expect(original.repeatCount == 3)
        #expect(original.status == .new)
        let repeatReport = try #require(try fixture.store.report(ref: "KHG-SADAR-000002"))
        #expect(repeatReport.duplicateOf == "KHG-SADAR-000001")
        #expect(repeatReport.status == .closed)
        let reply = try await fixture.store.dueOutbox(now: Date()).last
        #expect(reply?.parameters["duplicate_of"] == "KHG-SADAR-000001")
    }

    @Test func shortTextsAndOtherThanasAndOldTipsAreNotMerged() async throws {
        let fixture = try StoreFixture()
        let analyzer = TipAnalyzer()
        let short = "daru bik rahi hai"
        let long = "Sonbarsa chowk ke paas Munna Singh ki dukan me roz sham angrezi sharab bikti hai, bike se delivery"
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .newReport(tip(message: 1, text: short, analysis: analyzer.analyze(short)), followUp: replies([])),
                    .newReport(tip(message: 2, text: short, analysis: analyzer.analyze(short)), followUp: replies([])),
                    .newReport(tip(message: 3, text: long, analysis: analyzer.analyze(long)), followUp: replies([])),
                    .newReport(tip(thana: "KHG-MUFASSIL", chat: -1002, message: 3, text: long, analysis: analyzer.analyze(long)), followUp: replies([])),
                    .newReport(tip(message: 4, text: long, at: epoch.addingTimeInterval(8 * 86400), analysis: analyzer.analyze(long)), followUp: replies([])),
                ], nextOffset: 9), at: epoch)
        #expect(try fixture.store.reports().allSatisfy { $0.duplicateOf == nil })
    }

    @Test func anEditUpdatesOnlyANewReport() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(IntakeBatch(effects: [.newReport(tip(message: 1), followUp: replies([]))], nextOffset: 2), at: epoch)
        _ = try await fixture.store.commit(
            IntakeBatch(effects: [.editReport(tip(message: 1, text: "daru bik rahi hai, 20 peti"), followUp: replies([]))], nextOffset: 3), at: epoch)
        #expect(try fixture.store.report(ref: "KHG-SADAR-000001")?.text == "daru bik rahi hai, 20 peti")

        // An edit that turns chatter into a tip queues it, with its reply.
        let summary = try await fixture.store.commit(
            IntakeBatch(effects: [.editReport(tip(message: 5, analysis: analysis(bits: 77)), followUp: replies([ack(message: 5)]))], nextOffset: 4), at: epoch)
        #expect(summary.newReports == ["KHG-SADAR-000002"])
        #expect(summary.queuedMessages == 1)
    }

    @Test func aLonePhotoPassesOverNewerTipsOfOthersAndImportsButNotOverTheWindow() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .newReport(tip(message: 10, user: 555, at: epoch.addingTimeInterval(-1200)), followUp: replies([])),
                    .newReport(tip(message: 50, user: 555, at: epoch), followUp: replies([])),
                    .newReport(tip(message: 60, user: 777, at: epoch.addingTimeInterval(30)), followUp: replies([])),
                    .newReport(tip(chat: -1002, message: 70, user: 555, at: epoch.addingTimeInterval(40)), followUp: replies([])),
                ], nextOffset: 2), at: epoch)
        // A basic group's export numbers messages by the exporting account: imported history may sit anywhere among
        // the bot's ids, above the photo or between it and the tip.
        let elsewhere = try DatabaseQueue(path: fixture.directory.file("senani.sqlite"))
        try await elsewhere.write { db in
            for message in [55, 480_000] {
                try db.execute(
                    sql: """
                        INSERT INTO reports (ref, thana_code, category, labels, confidence, status, text, received_at,
                            reporter, chat_id, message_id, fingerprint, word_count, updated_at, source, outcome)
                        VALUES (?, 'KHG-SADAR', 'liquor', '[]', 0.9, 'closed', 'old', ?, 'R', -1001, ?, 0, 1, 0, 'import',
                            'imported')
                        """,
                    arguments: ["KHG-SADAR-90\(message)", Int64(epoch.timeIntervalSince1970) - 86_400 * 300, message])
            }
        }
        let photo = MediaRef(kind: "photo", fileID: "AgAD-photo")
        let late = MediaRef(kind: "photo", fileID: "AgAD-late")
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .attachToRecent(chatID: -1001, messageID: 61, reporterUserID: 555, at: epoch.addingTimeInterval(60), media: [photo], location: nil, followUp: { _, _, _ in [] }),
                    // Eleven minutes after his tip, with only the older one before it: nothing to attach to.
                    .attachToRecent(chatID: -1001, messageID: 62, reporterUserID: 555, at: epoch.addingTimeInterval(660), media: [late], location: nil, followUp: { _, _, _ in [] }),
                ], nextOffset: 3), at: epoch)
        let reports = try fixture.store.reports()
        let media = Dictionary(uniqueKeysWithValues: reports.map { ($0.messageID, $0.media) })
        #expect(media[50] == [photo])
        #expect(media[10] == [] && media[60] == [] && media[70] == [] && media[55] == [] && media[480_000] == [])
    }

    @Test func aLonePhotoOrPinAttachesToTheInformantsRecentTip() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(IntakeBatch(effects: [.newReport(tip(message: 1), followUp: replies([]))], nextOffset: 2), at: epoch)
        let photo = MediaRef(kind: "photo", fileID: "AgAD-photo")
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .attachToRecent(chatID: -1001, messageID: 2, reporterUserID: 555, at: epoch.addingTimeInterval(60), media: [photo], location: nil, followUp: { _, _, _ in [] }),
                    .attachToRecent(
                        chatID: -1001, messageID: 3, reporterUserID: 555, at: epoch.addingTimeInterval(90), media: [],
                        location: GeoPoint(latitude: 25.5, longitude: 86.48), followUp: { _, _, _ in [] }),
                    // Someone else's photo, and one long after, belong to no report.
                    .attachToRecent(chatID: -1001, messageID: 4, reporterUserID: 999, at: epoch.addingTimeInterval(60), media: [MediaRef(kind: "photo", fileID: "x")], location: nil, followUp: { _, _, _ in [] }),
                    .attachToRecent(chatID: -1001, messageID: 5, reporterUserID: 555, at: epoch.addingTimeInterval(3600), media: [MediaRef(kind: "photo", fileID: "late")], location: nil, followUp: { _, _, _ in [] }),
                ], nextOffset: 3), at: epoch)
        let report = try #require(try fixture.store.report(ref: "KHG-SADAR-000001"))
        #expect(report.media == [photo])
        #expect(report.location == GeoPoint(latitude: 25.5, longitude: 86.48))
    }

    @Test func theInformantIsStoredOnlyAsAStablePseudonym() async throws {
        let fixture = try StoreFixture()
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .newReport(tip(message: 1, user: 424_242_424), followUp: replies([])),
                    .newReport(tip(message: 2, user: 424_242_424, analysis: analysis(bits: 3)), followUp: replies([])),
                    .newReport(tip(message: 3, user: 1, analysis: analysis(bits: 0xf0f0_0000)), followUp: replies([])),
                ], nextOffset: 4), at: epoch)
        let reports = try fixture.store.reports()
        #expect(reports[0].reporter == reports[1].reporter)
        #expect(reports[0].reporter != reports[2].reporter)
        // 40 bits shown: two informants of a state never share one.
        #expect(reports[0].reporter.wholeMatch(of: /R-[0-9a-f]{10}/) != nil)
        // The raw id is nowhere in the database file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.directory.file("senani.sqlite")))
            + ((try? Data(contentsOf: URL(fileURLWithPath: fixture.directory.file("senani.sqlite-wal")))) ?? Data())
        #expect(bytes.range(of: Data("424242424".utf8)) == nil)
    }
}
