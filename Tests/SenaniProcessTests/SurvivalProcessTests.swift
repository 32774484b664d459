import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import Testing

/// What only a real process shows: crafted updates never trap it, a held lock never stops it from exiting, and
/// the signals an operator's tools send are handled from the first moment.
@Suite(.serialized) struct SurvivalProcessTests {
    func start(_ cli: CLI, fake: FakeBotAPI, extra: [String] = []) throws -> ChildProcess {
        var environment = cli.environment
        environment["SENANI_BOT_TOKEN"] = fake.token
        environment["SENANI_TEMPLATES"] = MessageTemplates.locate(explicit: nil)
        return try ChildProcess(
            executable: BuiltProducts.path("senani"),
            arguments: ["run", "--db", cli.database, "--api-url", fake.baseURL, "--poll-timeout", "1",
                        "--group-sends-per-minute", "100000"] + extra,
            environment: environment, directory: cli.directory)
    }

    static let group: Int64 = -1_001_234_567_890

    /// A `/start` whose command entity is empty, negative or past the text; an id at the top of Int64.
    static func poison(_ index: Int, chat: Int64) -> Data {
        let lengths = [0, -3, 9_999, Int.min]
        let chatType = chat < 0 ? "supergroup" : "private"
        let json = """
            {"update_id": 0, "message": {"message_id": \(500 + index), "date": 1795000000,
             "chat": {"id": \(chat), "type": "\(chatType)", "title": "g"},
             "from": {"id": 77\(index), "is_bot": false, "first_name": "X"},
             "text": "/start", "entities": [{"type": "bot_command", "offset": 0, "length": \(lengths[index % 4])}]}}
            """
        return Data(json.utf8)
    }

    @Test func craftedCommandsNeitherCrashNorHoldBackTheTipsBehindThem() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        for index in 0..<4 {
            fake.enqueue(rawUpdate: Self.poison(index, chat: index % 2 == 0 ? Self.group : 4242))
        }
        fake.enqueue(rawUpdate: Data(#"{"update_id": 9223372036854775807, "message": {"message_id": 1}}"#.utf8))
        let tip = fake.sendGroupMessage(chatID: Self.group, from: FakeUser(id: 5, firstName: "I"), text: "Rampur me daru ki bhatti chal rahi hai")
        let process = try start(cli, fake: fake)
        let store = try Store(path: cli.database)
        try await waitUntil("the tip behind the poison", timeout: .seconds(20)) {
            try store.reports().contains { $0.messageID == tip }
        }
        try await fake.waitUntilConsumed(timeout: .seconds(20))
        #expect(process.isRunning)
        process.signal(SIGTERM)
        #expect(try await process.waitForExit() == 0, "stderr: \(process.stderr)")
    }

    @Test func sigtermWhileAnotherProcessHoldsTheLockExitsZeroWithinFiveSecondsAndLosesNothing() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        var process = try start(cli, fake: fake)
        try await fake.waitForRequests("getUpdates")
        let lock = try WriteLockHolder(path: cli.database)
        var ids: [Int64] = []
        for index in 0..<5 {
            ids.append(fake.sendGroupMessage(chatID: Self.group, from: FakeUser(id: 60 + Int64(index), firstName: "I"), text: RunProcessTests.tip(index)))
        }
        try await waitUntil("the lock noticed", timeout: .seconds(20)) { process.stderr.contains("database locked") }
        let clock = ContinuousClock()
        let signalled = clock.now
        process.signal(SIGTERM)
        let status = try await process.waitForExit(timeout: .seconds(10))
        #expect(status == 0, "stderr: \(process.stderr)")
        #expect(clock.now - signalled < .seconds(5))
        try lock.release()

        // The batch in hand was never confirmed: the next start takes it.
        process = try start(cli, fake: fake)
        let store = try Store(path: cli.database)
        try await waitUntil("the 5 tips after the restart", timeout: .seconds(20)) { try store.reports().count == 5 }
        process.signal(SIGTERM)
        #expect(try await process.waitForExit() == 0)
        #expect(try store.reports().map(\.messageID).sorted() == ids.sorted())
    }

    @Test func sigtermInTheFirstMomentsStopsCleanly() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        // From the moment main runs (the dynamic loader's first ~30 ms are before any code of ours).
        for delay in [100, 150, 250] {
            let process = try start(cli, fake: fake)
            if delay > 0 { try await Task.sleep(for: .milliseconds(delay)) }
            process.signal(SIGTERM)
            let status = try await process.waitForExit(timeout: .seconds(10))
            // Killed by the signal's default action, the status would be 15 with no clean stop.
            #expect(status == 0, "SIGTERM after \(delay) ms: status \(status), stderr: \(process.stderr)")
        }
    }

    @Test func sighupIsIgnoredWithALogLine() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        let process = try start(cli, fake: fake)
        try await fake.waitForRequests("getUpdates")
        process.signal(SIGHUP)
        try await waitUntil("the SIGHUP log line", timeout: .seconds(10)) { process.stderr.contains("SIGHUP ignored") }
        #expect(process.isRunning)
        let tip = fake.sendGroupMessage(chatID: Self.group, from: FakeUser(id: 5, firstName: "I"), text: RunProcessTests.tip(3))
        let store = try Store(path: cli.database)
        try await waitUntil("a tip after SIGHUP", timeout: .seconds(10)) { try store.reports().contains { $0.messageID == tip } }
        process.signal(SIGTERM)
        #expect(try await process.waitForExit() == 0)
    }
}
