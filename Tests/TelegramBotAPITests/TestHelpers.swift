import Foundation
import Logging
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// Shared helpers: fixtures from the bundle, a client wired to a fake server, timing.
enum TestKit {
    static let token = "123456:TEST-fake-token"

    static func fixtureURL(_ path: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(path)
    }

    static func fixture(_ path: String) throws -> Data {
        try Data(contentsOf: fixtureURL(path))
    }

    static func fixtureNames(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixtureURL(folder).path)
            .filter { $0.hasSuffix(".json") }.sorted()
    }

    static var apiJSON: Data { get throws { try fixture("api.json") } }

    static let logger = Logger(label: "senani.tests", factory: { _ in SwiftLogNoOpLogHandler() })

    /// A client for `fake` over a fresh CurlTransport.
    static func api(
        _ fake: FakeBotAPI, token: String? = nil, requestTimeout: Duration = .seconds(5),
        transport: CurlTransport? = nil
    ) -> BotAPI {
        let configuration = BotAPIConfiguration(
            baseURL: fake.baseURL, token: token ?? fake.token, connectTimeout: .seconds(2),
            requestTimeout: requestTimeout, longPollGrace: .seconds(2))
        return BotAPI(configuration: configuration, transport: transport ?? CurlTransport(), logger: logger)
    }

    /// Runs `body`, expects a BotAPIError, and checks it never shows the token.
    static func expectError<T>(
        _ body: () async throws(BotAPIError) -> T, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> BotAPIError? {
        do {
            _ = try await body()
            Issue.record("expected a BotAPIError", sourceLocation: sourceLocation)
            return nil
        } catch {
            #expect(!"\(error)".contains(token), "token leaked: \(error)", sourceLocation: sourceLocation)
            #expect(!"\(error)".contains("TEST-fake-token"), sourceLocation: sourceLocation)
            return error
        }
    }

    /// Awaits `task`, expects it to fail with a BotAPIError, and checks the error never shows the token.
    static func expectError<T>(
        _ task: Task<T, any Error>, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> BotAPIError? {
        switch await task.result {
        case .success:
            Issue.record("expected a BotAPIError", sourceLocation: sourceLocation)
            return nil
        case .failure(let error as BotAPIError):
            #expect(!"\(error)".contains("TEST-fake-token"), "token leaked: \(error)", sourceLocation: sourceLocation)
            return error
        case .failure(let error):
            Issue.record("expected a BotAPIError, got \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }
}

let alice = FakeUser(id: 5_001, firstName: "Alice", username: "alice")
let bob = FakeUser(id: 5_002, firstName: "राम", username: nil)
let groupID: Int64 = -1_001_234_567_890
