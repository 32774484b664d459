import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// The time-driven duties in the real `senani` process: a reminder due while the bot was down fires once when it
/// starts, and never again after a kill or a restart; `senani digest` prints what `reports export` counts.
@Suite(.serialized) struct DigestProcessTests {
    static let sadar: Int64 = -1_001_234_567_890

    func start(_ cli: CLI, fake: FakeBotAPI, sla: String) throws -> ChildProcess {
        var environment = cli.environment
        environment["SENANI_BOT_TOKEN"] = fake.token
        environment["SENANI_TEMPLATES"] = MessageTemplates.locate(explicit: nil)
        return try ChildProcess(
            executable: BuiltProducts.path("senani"),
            arguments: ["run", "--db", cli.database, "--api-url", fake.baseURL, "--poll-timeout", "1", "--sla", sla],
            environment: environment, directory: cli.directory)
    }

    func queue(_ store: Store, _ texts: [String], at received: Date) async throws -> [String] {
        let analyzer = TipAnalyzer()
        let summary = try await store.commit(
            IntakeBatch(
                effects: texts.enumerated().map { index, text in
                    .newReport(
                        NewReport(
                            thanaCode: "KHG-SADAR", chatID: Self.sadar, messageID: Int64(index + 1), reporterUserID: 4242,
                            text: text, receivedAt: received, analysis: analyzer.analyze(text)), followUp: { _ in [] })
                }, nextOffset: 1), at: received)
        return summary.newReports
    }

    @Test func aReminderDueWhileTheBotWasDownFiresOnceAfterARestartAndNeverTwice() async throws {
        let cli = try CLI()
        try await cli.seed()
        try await cli.run(["officer", "add", "--telegram-id", "11", "--role", "sho", "--thana", "KHG-SADAR", "--name", "R. Kumar"])
        try await cli.run(["officer", "add", "--telegram-id", "21", "--role", "sp", "--district", "KHG", "--name", "SP Khagaria"])
        let store = try Store(path: cli.database)
        // Received 3 s ago while no bot ran: with liquor=3s, its reminder is already due, its escalation in 3 s.
        let refs = try await queue(
            store,
            ["Rampur tola me Ramesh ke ghar daru bik rahi hai, 20 peti rakhi hai", "Sonbarsa me mahua ki bhatti chal rahi hai roz raat"],
            at: Date().addingTimeInterval(-3))
        #expect(refs.count == 2)
        let sp = try #require(try store.officers().first { $0.telegramID == 21 })
        try await store.act(FactsRequest(actorID: 21, ref: refs[1]), at: Date()) { _ in
            Decision(mutations: [.acknowledge(ref: refs[1], by: sp)])
        }
        let fake = try FakeBotAPI()
        let reminders = { @Sendable (ref: String) in fake.sentMessages(to: 11).filter { $0.text.contains(ref) && $0.text.contains("Reminder") } }
        let escalations = { @Sendable (ref: String) in fake.sentMessages(to: 21).filter { $0.text.contains(ref) && $0.text.contains("Escalation") } }

        var process = try start(cli, fake: fake, sla: "liquor=3s")
        try await fake.waitUntil(timeout: .seconds(20), message: "the reminder") { _ in reminders(refs[0]).count == 1 }
        // Once its send is recorded (a kill between Telegram's answer and that record would send it again: the
        // outbox's one message in flight), ...
        try await waitUntil("the reminder recorded as sent", timeout: .seconds(10)) { try store.outboxCounts().pending == 0 }
        // Killed without warning, restarted: the firing was recorded with its message, so it is not repeated.
        process.signal(SIGKILL)
        _ = try await process.waitForExit()
        process = try start(cli, fake: fake, sla: "liquor=3s")
        try await fake.waitUntil(timeout: .seconds(20), message: "the escalation") { _ in escalations(refs[0]).count == 1 }
        try await fake.waitForRequests("getUpdates", count: fake.requests(for: "getUpdates").count + 2, timeout: .seconds(20))
        process.signal(SIGTERM)
        #expect(try await process.waitForExit(timeout: .seconds(20)) == 0)

        process = try start(cli, fake: fake, sla: "liquor=3s")
        try await fake.waitForRequests("getUpdates", count: fake.requests(for: "getUpdates").count + 2, timeout: .seconds(20))
        process.signal(SIGTERM)
        #expect(try await process.waitForExit(timeout: .seconds(20)) == 0)

        #expect(reminders(refs[0]).count == 1)
        #expect(escalations(refs[0]).count == 1)
        #expect(reminders(refs[1]).isEmpty && escalations(refs[1]).isEmpty)
        // Each once; on a slow start both can fall due in the same pass (and the same second).
        #expect(try store.timerFirings(ref: refs[0]).map(\.kind.rawValue).sorted() == ["escalation", "reminder"])
    }

    @Test func digestPrintCountsWhatReportsExportListsForTheSameDayAndSendQueuesTextAndChart() async throws {
        let cli = try CLI()
        try await cli.seed()
        #expect(try await cli.run(["district", "add", "--code", "KHG", "--name", "Khagaria", "--digest-language", "en", "--digest-chat-id", "-1009876543210"]).status == 0)
        let bad = try await cli.run(["district", "add", "--code", "KHG", "--name", "Khagaria", "--digest-language", "fr"])
        #expect(bad.status == 2 && bad.stderr.split(separator: "\n").count == 1)
        let store = try Store(path: cli.database)
        let day = try #require(DigestDay("2026-11-24"))
        _ = try await queue(
            store,
            [
                "Rampur tola me Ramesh ke ghar daru bik rahi hai, 20 peti rakhi hai", "Sonbarsa me mahua ki bhatti chal rahi hai roz raat",
                "farar apradhi Guddu Yadav jiske upar inaam hai abhi Kishanpur me chhupa hai",
            ], at: day.start.addingTimeInterval(5 * 3600))

        let printed = try await cli.run(["digest", "--district", "KHG", "--date", "2026-11-24", "--print"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let exported = try await cli.run(["reports", "export", "--format", "jsonl", "--since", "2026-11-24", "--until", "2026-11-24"])
        let rows = try exported.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let labels: [(String, String)] = [
            ("liquor", "Liquor"), ("wanted_criminal", "Wanted criminal"), ("election_disturbance", "Election disturbance"), ("other", "Other"),
        ]
        for (category, label) in labels {
            let count = rows.filter { $0["category"] as? String == category && $0["district"] as? String == "KHG" }.count
            #expect(printed.stdout.contains("\(label): \(count) ("), "\(label) \(count) in\n\(printed.stdout)")
        }
        #expect(printed.stdout.contains("Total: \(rows.count) ("))
        #expect(printed.stdout.contains("• Sadar: \(rows.count) ·"))
        #expect(printed.stdout.contains("• Gogri (none in 7 days)"))
        #expect(!printed.stdout.contains("<b>"))

        let sent = try await cli.run(["digest", "--district", "KHG", "--date", "2026-11-24", "--send"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("queued"))
        let due = try await store.dueOutbox(now: Date().addingTimeInterval(60))
        #expect(due.allSatisfy { $0.chatID == -1_009_876_543_210 })
        #expect(due.contains { if case .pngUpload = $0.kind { true } else { false } })
        #expect(try store.recordedDigests(district: "KHG").map(\.day) == [day])
        for arguments in [["digest", "--district", "KHG"], ["digest", "--district", "KHG", "--print", "--date", "2026-02-30"], ["run", "--sla", "beer=1h"]] {
            let result = try await cli.run(arguments, environment: ["SENANI_BOT_TOKEN": "123456:TEST-fake-token"])
            #expect(result.status == 2 && result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        #expect(try await cli.run(["digest", "--district", "NOPE", "--print"]).status == 1)
    }
}
