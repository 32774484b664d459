import ChatExport
import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// `senani import` in-process: the realistic sample export of a thana group (Tests/ChatExportTests/Fixtures).
/// Imports block (file reads, one long transaction), so each runs on a thread of its own, one test at a time: the
/// cooperative pool stays free for the suites that run alongside.
@Suite(.serialized) struct ChatImportTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ChatExportTests/Fixtures/sample_result.json").standardized.path
    /// The Bot API id of the sample's supergroup (`"id": 1876543210`).
    static let chat: Int64 = -1_001_876_543_210
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    struct Fixture {
        let directory: TemporaryDirectory
        let store: Store

        init() throws {
            directory = try TemporaryDirectory()
            store = try Store(path: directory.file("senani.sqlite"))
            try store.upsertDistrict(District(code: "KHG", name: "Khagaria"), at: now)
            try store.upsertThana(Thana(code: "KHG-GOGRI", districtCode: "KHG", name: "Gogri", chatID: chat), at: now)
            // The SHO who created the group: his announcements are the police side.
            try store.upsertOfficer(
                Officer(telegramID: 5_123_409_876, role: .sho, thanaCode: "KHG-GOGRI", name: "SHO Gogri"), at: now)
        }

        func run(_ path: String = ChatImportTests.sample) async throws -> ImportSummary {
            let store = store
            return try await offPool { try ChatImport.run(path: path, thana: "KHG-GOGRI", store: store, at: ChatImportTests.now) }
        }
    }

    @Test func importsTheSampleAsClosedPastReportsAndTheSameAgain() async throws {
        let fixture = try Fixture()
        let first = try await fixture.run()
        #expect(first.messagesRead == 289)
        #expect(first.chatID == Self.chat)
        #expect(first.tipsQueued > 60)
        #expect(first.alreadyThere == 0)
        #expect(first.skipped[.service] == 22)
        #expect(first.skipped[.fromOfficer] ?? 0 > 10)
        #expect(first.skipped[.notATip] ?? 0 > 50)
        #expect(first.skipped[.asGroupOrChannel] == 1)
        #expect(first.tipsQueued + first.skippedTotal == 289)
        let reports = try fixture.store.reports()
        #expect(reports.count == first.tipsQueued)
        for report in reports {
            #expect(report.source == "import" && report.status == .closed && report.outcome == .imported)
            #expect(report.chatID == Self.chat && !report.needsReview)
            #expect(report.reporter.hasPrefix("R-") && report.reporter.count == 12)
        }
        // Original dates, oldest first: the first tip is the old basic group's, under a negative message id.
        #expect(try #require(reports.first).messageID < 0)
        #expect(reports.contains { $0.messageID < 0 } && reports.contains { $0.messageID > 0 })
        let tip = try #require(reports.first { $0.messageID == 6 })
        #expect(tip.receivedAt == Date(timeIntervalSince1970: 1_705_256_964))
        #expect(tip.text.hasPrefix("@sho_gogri सर देखिए"))
        #expect(tip.phones == ["+919472000111"])
        // Nothing to send: past tips notify nobody.
        #expect(try fixture.store.outboxCounts() == OutboxCounts())
        // No names: the senders' display names never reach a report or an export line.
        let lines = reports.map(ReportFormats.json).joined(separator: "\n")
        for name in ["Sonu Rajak", "Priya Bharti", "Manoj Kumar Singh", "5834104632"] { #expect(!lines.contains(name)) }

        let second = try await fixture.run()
        #expect(second.tipsQueued == 0 && second.alreadyThere == first.tipsQueued)
        #expect(try fixture.store.reports() == reports)
        let audit = try fixture.store.audit().filter { $0.action == "import" }
        #expect(audit.count == 2 && audit.allSatisfy { $0.actor == "cli" })
        #expect(audit[0].detail?.contains("\(first.tipsQueued) tips queued") == true)
    }

    /// A small export: the old basic group's two messages, the migration, then the supergroup's, ids from 1 again.
    static func smallExport() -> String {
        func message(_ id: Int, _ time: Int, _ user: String, _ text: String, service: String? = nil) -> String {
            let head = "{\"id\": \(id), \"type\": \"\(service == nil ? "message" : "service")\", "
                + "\"date\": \"2024-01-01T10:00:00\", \"date_unixtime\": \"\(time)\", "
            if let service {
                return head + "\"actor\": \"Someone\", \"actor_id\": \"\(user)\", \"action\": \"\(service)\", \"text\": \"\"}"
            }
            return head + "\"from\": \"Ramesh Yadav\", \"from_id\": \"\(user)\", \"text\": \(TelegramExportWriter.quote(text))}"
        }
        let tip = "सर हमारे गांव बलुआही में रोज शाम को देसी दारू बिकती है, पोखर के पास वाले घर में, 20 लीटर रोज"
        let messages = [
            message(1, 1_704_100_000, "user111", tip),
            message(2, 1_704_100_100, "user222", "जय हिंद सर 🙏"),
            message(3, 1_704_100_200, "user111", "", service: "migrate_to_supergroup"),
            message(1, 1_704_100_300, "channel1876543210", "", service: "migrate_from_group"),
            message(2, 1_704_200_000, "user333", tip),
            message(3, 1_704_300_000, "user444", "Sir Booth no 47 pe kal kabza karne ki planning hai, bahar ke ladke bulaye gaye hain"),
        ]
        return "{\"name\": \"Cyber Senani - Gogri Thana\", \"type\": \"private_supergroup\", \"id\": 1876543210, "
            + "\"messages\": [" + messages.joined(separator: ",\n") + "]}"
    }

    @Test func linksRepeatsAsLiveIntakeDoesAndKeysTheOldGroupBelowZero() async throws {
        let fixture = try Fixture()
        let path = fixture.directory.file("small.json")
        try Self.smallExport().write(toFile: path, atomically: true, encoding: .utf8)
        let summary = try await fixture.run(path)
        #expect(summary.messagesRead == 6 && summary.tipsQueued == 3 && summary.repeats == 1)
        let reports = try fixture.store.reports()
        #expect(reports.map(\.messageID) == [-1, 2, 3])
        #expect(reports.map(\.receivedAt.timeIntervalSince1970) == [1_704_100_000, 1_704_200_000, 1_704_300_000])
        #expect(reports[1].duplicateOf == reports[0].ref && reports[0].repeatCount == 2)
        #expect(reports[0].reporter != reports[1].reporter)
        #expect(reports[2].category == .electionDisturbance)
        #expect(try await fixture.run(path).alreadyThere == 3)
        #expect(try fixture.store.reports() == reports)
    }

    @Test func aTipTheBotTookLiveIsAlreadyThere() async throws {
        let fixture = try Fixture()
        let text = "@sho_gogri सर देखिए, बांध के पास भट्ठी चल रही है, संपर्क 9472 000 111"
        _ = try await fixture.store.commit(
            IntakeBatch(
                effects: [
                    .newReport(
                        NewReport(
                            thanaCode: "KHG-GOGRI", chatID: Self.chat, messageID: 6, reporterUserID: 5_834_104_632,
                            text: text, receivedAt: Date(timeIntervalSince1970: 1_705_256_964),
                            analysis: TipAnalyzer().analyze(text)), followUp: { _ in [] })
                ], nextOffset: 1), at: Self.now)
        let summary = try await fixture.run()
        #expect(summary.alreadyThere == 1)
        let reports = try fixture.store.reports()
        #expect(reports.count == summary.tipsQueued + 1)
        #expect(reports.filter { $0.messageID == 6 && $0.chatID == Self.chat }.map(\.source) == ["group"])
    }

    @Test func aMalformedFileLeavesTheDatabaseUnchanged() async throws {
        let fixture = try Fixture()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let before = try fixture.store.audit()
        // Broken late in the file: a reader that imported as it went would have stored most of it by then.
        var broken = bytes
        let place = broken.count * 9 / 10
        broken.replaceSubrange(place..<place + 1, with: Data("\u{0}".utf8))
        let cut = bytes.prefix(bytes.count - 200)
        for (name, data) in [("broken.json", broken), ("cut.json", Data(cut))] {
            let path = fixture.directory.file(name)
            try data.write(to: URL(fileURLWithPath: path))
            let error = try await #require(throws: ChatExportError.self) { try await fixture.run(path) }
            #expect(error.byteOffset > Int64(bytes.count / 2), "\(error)")
            #expect(error.description.hasPrefix(name) && error.description.contains("byte"))
            #expect(!error.description.contains("\n"))
            #expect(try fixture.store.reports().isEmpty)
            #expect(try fixture.store.audit() == before)
        }
        // The sequence did not move either: the first real import starts at 000001.
        _ = try await fixture.run()
        #expect(try fixture.store.reports().first?.ref == "KHG-GOGRI-000001")
    }

    @Test func refusesExportsThatAreNotAGroupAndUnknownThanas() async throws {
        let fixture = try Fixture()
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
            .replacingOccurrences(of: "\"type\": \"private_supergroup\"", with: "\"type\": \"personal_chat\"")
        let path = fixture.directory.file("personal.json")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = try await #require(throws: ChatImportError.self) { try await fixture.run(path) }
        #expect(error.message.contains("personal_chat"))
        let store = fixture.store
        await #expect(throws: StoreError.self) {
            try await Self.offPool { try ChatImport.run(path: Self.sample, thana: "KHG-NOWHERE", store: store, at: Self.now) }
        }
        #expect(try fixture.store.reports().isEmpty)
    }

    /// Blocking work on its own thread, never a cooperative one.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }

    @Test func messageKeysKeepTheChatsOwnIdsAndMoveEarlierRunsBelowZero() {
        #expect(ChatImport.messageKey(id: 42, segmentsAfter: 0) == 42)
        #expect(ChatImport.messageKey(id: 42, segmentsAfter: 1) == -42)
        #expect(ChatImport.messageKey(id: 42, segmentsAfter: 2) == -(1 << 32) - 42)
    }
}
