import Foundation
import Logging
import SenaniBot
import SenaniStore
import SenaniTestSupport
import ServiceLifecycle
import TelegramBotAPI

/// The real bot (poller, sender, store, curl transport) running in-process against a fake Bot API.
struct RunningBot {
    static let sadar: Int64 = -1_001_000_000_001
    static let gogri: Int64 = -1_001_000_000_002
    static let patna: Int64 = -1_001_000_000_009
    static let informant = FakeUser(id: 7001, firstName: "Ramesh", username: "ramesh_k")
    /// SHO of KHG-SADAR, SHO of KHG-GOGRI, SP of KHG, admin, SHO of PAT-NAGAR, SP of PAT.
    static let shoSadar = FakeUser(id: 11, firstName: "R. Kumar")
    static let shoGogri = FakeUser(id: 12, firstName: "S. Singh")
    static let spKhagaria = FakeUser(id: 21, firstName: "SP Khagaria")
    static let admin = FakeUser(id: 31, firstName: "Admin")
    static let shoPatna = FakeUser(id: 13, firstName: "P. Yadav")
    static let spPatna = FakeUser(id: 22, firstName: "SP Patna")

    let fake: FakeBotAPI
    let directory: TemporaryDirectory
    let store: Store
    let logs: RecordingLogHandler.Recorder
    private let group: ServiceGroup
    let task: Task<Void, any Error>

    /// - Parameters:
    ///   - clock: the services' clock (a `ManualClock` for time-driven tests).
    ///   - directory: an earlier bot's folder, to restart on its database.
    static func start(
        fake: FakeBotAPI? = nil, token: String? = nil, clock: any SenaniClock = SystemClock(),
        directory reused: TemporaryDirectory? = nil, configure: (inout SenaniConfiguration) -> Void = { _ in }
    ) async throws -> RunningBot {
        let fake = try fake ?? FakeBotAPI()
        let directory = try reused ?? TemporaryDirectory("senani-bot")
        let store = try Store(path: directory.file("senani.sqlite"), busyTimeout: .seconds(2))
        // Set up at the services' time, as an admin would at the bot's "now" (a district's digests start then).
        let now = clock.now()
        try store.upsertDistrict(District(code: "KHG", name: "Khagaria"), at: now)
        try store.upsertThana(Thana(code: "KHG-SADAR", districtCode: "KHG", name: "Sadar", chatID: sadar), at: now)
        try store.upsertThana(Thana(code: "KHG-GOGRI", districtCode: "KHG", name: "Gogri", chatID: gogri), at: now)
        try store.upsertDistrict(District(code: "PAT", name: "Patna"), at: now)
        try store.upsertThana(Thana(code: "PAT-NAGAR", districtCode: "PAT", name: "Nagar", chatID: patna), at: now)
        let officers = [
            Officer(telegramID: 11, role: .sho, thanaCode: "KHG-SADAR", name: "R. Kumar"),
            Officer(telegramID: 12, role: .sho, thanaCode: "KHG-GOGRI", name: "S. Singh"),
            Officer(telegramID: 21, role: .sp, districtCode: "KHG", name: "SP Khagaria"),
            Officer(telegramID: 31, role: .admin, name: "Admin"),
            Officer(telegramID: 13, role: .sho, thanaCode: "PAT-NAGAR", name: "P. Yadav"),
            Officer(telegramID: 22, role: .sp, districtCode: "PAT", name: "SP Patna"),
        ]
        for officer in officers { try store.upsertOfficer(officer, at: now) }
        var configuration = SenaniConfiguration(
            databasePath: directory.file("senani.sqlite"), token: token ?? fake.token, apiURL: fake.baseURL,
            pollTimeout: 1, templatesDirectory: MessageTemplates.locate(explicit: nil),
            rateLimits: .init(overallPerSecond: 1000, perGroupPerMinute: 100_000, perPrivateChatPerSecond: 1000),
            backoff: Backoff(initial: .milliseconds(20), cap: .milliseconds(200)))
        configure(&configuration)
        let recorder = RecordingLogHandler.Recorder()
        let group = try await SenaniApplication.build(
            configuration: configuration, transport: CurlTransport(), clock: clock, logger: recorder.logger(level: .trace),
            gracefulShutdownSignals: [], store: store)
        let task = Task { try await group.run() }
        return RunningBot(fake: fake, directory: directory, store: store, logs: recorder, group: group, task: task)
    }

    private init(
        fake: FakeBotAPI, directory: TemporaryDirectory, store: Store, logs: RecordingLogHandler.Recorder,
        group: ServiceGroup, task: Task<Void, any Error>
    ) {
        self.fake = fake
        self.directory = directory
        self.store = store
        self.logs = logs
        self.group = group
        self.task = task
    }

    /// Graceful shutdown, as on SIGTERM; rethrows what the bot failed with.
    func stop() async throws {
        await group.triggerGracefulShutdown()
        try await task.value
    }

    func reports() throws -> [Report] { try store.reports() }
}
