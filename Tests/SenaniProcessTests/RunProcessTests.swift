import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import Testing

/// `senani run` as a real process against the fake Bot API: what only a process can show.
@Suite(.serialized) struct RunProcessTests {
    static let groups: [Int64] = [-1_001_234_567_890, -1_001_234_567_891]

    func start(_ cli: CLI, fake: FakeBotAPI, token: String? = nil, extra: [String] = []) throws -> ChildProcess {
        var environment = cli.environment
        environment["SENANI_BOT_TOKEN"] = token ?? fake.token
        environment["SENANI_TEMPLATES"] = MessageTemplates.locate(explicit: nil)
        return try ChildProcess(
            executable: BuiltProducts.path("senani"),
            arguments: ["run", "--db", cli.database, "--api-url", fake.baseURL, "--group-sends-per-minute", "100000"] + extra,
            environment: environment, directory: cli.directory)
    }

    static func tip(_ index: Int) -> String {
        let villages = ["Rampur", "Sonbarsa", "Parsa", "Kishanpur", "Bairiya", "Mahuli", "Chautham", "Gogri", "Beldaur", "Alauli"]
        let goods = ["daru", "desi sharab", "mahua daru", "angrezi sharab", "tadi"]
        let times = ["aaj raat", "kal subah", "abhi", "har shaam"]
        return "\(villages[index % 10]) tola \(index) me \(goods[index % 5]) bik rahi hai \(times[index % 4]), bhatti chal rahi hai"
    }

    @Test func killedMidStreamAndRestartedItLosesAndDuplicatesNothing() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        let informant = FakeUser(id: 4242, firstName: "Informant")
        var process = try start(cli, fake: fake, extra: ["--poll-timeout", "1"])

        let producer = Task {
            for index in 0..<200 {
                fake.sendGroupMessage(chatID: Self.groups[index % 2], from: informant, text: Self.tip(index))
                try await Task.sleep(for: .milliseconds(4))
            }
        }
        let store = try Store(path: cli.database)
        try await waitUntil("some reports before the kill") { try store.reports().count >= 40 }
        process.signal(SIGKILL)
        try await process.waitForExit()
        try await producer.value

        process = try start(cli, fake: fake, extra: ["--poll-timeout", "1"])
        try await waitUntil("200 reports and every reply", timeout: .seconds(60)) {
            let replied = Set(fake.sentMessages.compactMap { message in message.replyToMessageID.map { "\(message.chatID)/\($0)" } })
            return try store.reports().count == 200 && replied.count == 200
        }
        process.signal(SIGTERM)
        #expect(try await process.waitForExit() == 0)

        let reports = try store.reports()
        #expect(reports.count == 200)
        #expect(Set(reports.map { "\($0.chatID)/\($0.messageID)" }).count == 200)
        let replies = fake.sentMessages.filter { $0.replyToMessageID != nil }
        #expect(replies.count <= 201, "at most the one reply in flight may go twice, got \(replies.count)")
        #expect(try store.outboxCounts().pending == 0)
    }

    @Test func sigtermDuringALongPollExitsZeroQuicklyWithTheOffsetCommitted() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        let process = try start(cli, fake: fake, extra: ["--poll-timeout", "30"])
        for index in 0..<3 {
            fake.sendGroupMessage(chatID: Self.groups[0], from: FakeUser(id: 99, firstName: "A"), text: Self.tip(index))
        }
        try await fake.waitForSentMessages(count: 3)
        // The poll that confirms the last offset is the one now held open for 30 s.
        try await fake.waitUntilConsumed()
        #expect(fake.requests(for: "getUpdates").last?.params["timeout"]?.int64Value == 30)

        let clock = ContinuousClock()
        let start = clock.now
        process.signal(SIGTERM)
        let status = try await process.waitForExit(timeout: .seconds(10))
        let elapsed = clock.now - start
        #expect(status == 0, "stderr: \(process.stderr)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
        let offset = try await Store(path: cli.database).nextOffset()
        #expect(offset == fake.confirmedOffset)
        #expect(try Store(path: cli.database).reports().count == 3)
    }

    @Test func aWrongTokenExitsOneWithAClearMessage() async throws {
        let cli = try CLI()
        let fake = try FakeBotAPI()
        let process = try start(cli, fake: fake, token: "999999:WRONG-secret-value", extra: ["--log-level", "trace"])
        let status = try await process.waitForExit(timeout: .seconds(15))
        #expect(status == 1)
        #expect(process.stderr.contains("BotFather"))
        #expect(!(process.stderr + process.stdout).contains("WRONG-secret-value"))
    }

    @Test func theTokenAppearsInNoOutputEvenAtTraceLevel() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        fake.inject(.serverError(status: 502), on: "getUpdates")
        fake.inject(.dropConnection, on: "getUpdates")
        fake.inject(.rateLimited(retryAfter: 1), on: "sendMessage")
        fake.inject(.badRequest("Bad Request: chat not found"), on: "sendMessage")
        let process = try start(cli, fake: fake, extra: ["--log-level", "trace", "--poll-timeout", "1"])
        for index in 0..<3 {
            fake.sendGroupMessage(chatID: Self.groups[1], from: FakeUser(id: 98, firstName: "B"), text: Self.tip(index))
        }
        try await fake.waitForSentMessages(count: 2, timeout: .seconds(20))
        process.signal(SIGTERM)
        #expect(try await process.waitForExit() == 0)
        let output = process.stdout + process.stderr
        #expect(output.contains("trace"), "trace lines expected")
        let secret = String(fake.token.split(separator: ":")[1])
        #expect(!output.contains(secret))
    }
}
