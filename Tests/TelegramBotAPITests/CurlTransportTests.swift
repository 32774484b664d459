import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

#if canImport(Glibc)
import Glibc
#endif

/// The libcurl transport against the fake server: reuse, timeouts, faults, cancellation, token hygiene.
@Suite struct CurlTransportTests {
    @Test func reusesOneConnection() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        for _ in 0..<5 {
            let me = try await api.getMe()
            #expect(me.username == "SenaniTestBot")
            #expect(me.canReadAllGroupMessages == true)
        }
        #expect(fake.connectionCount == 1)
    }

    @Test func aConflictIsRetriedOnAFreshConnection() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        _ = try await api.getMe()
        fake.inject(.conflict, on: "getMe")
        await #expect(throws: BotAPIError.self) { try await api.getMe() }
        #expect(fake.connectionCount == 1)
        _ = try await api.getMe()
        #expect(fake.connectionCount == 2)
        _ = try await api.getMe()
        #expect(fake.connectionCount == 2)
    }

    @Test func concurrentCallsAllComplete() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        try await withThrowingTaskGroup(of: Message.self) { group in
            for index in 0..<12 {
                group.addTask { try await api.sendMessage(SendMessage(chatID: groupID, text: "n\(index)")) }
            }
            var ids: Set<Int64> = []
            for try await message in group { ids.insert(message.messageID) }
            #expect(ids.count == 12)
        }
        #expect(fake.connectionCount <= 4)
    }

    @Test func delayLongerThanTimeoutIsTransport() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.delay(.seconds(30)), on: "getMe")
        let api = TestKit.api(fake, requestTimeout: .milliseconds(300))
        let start = ContinuousClock.now
        let error = await TestKit.expectError { () async throws(BotAPIError) in try await api.getMe() }
        #expect(error?.kind == .transport)
        // Ends at the timeout, not when the stalled server answers (30 s); slack for a loaded 2-core machine.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func droppedConnectionIsTransport() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.dropConnection, on: "getMe")
        let api = TestKit.api(fake)
        let error = await TestKit.expectError { () async throws(BotAPIError) in try await api.getMe() }
        #expect(error?.kind == .transport)
        // The next call works on a new connection.
        _ = try await api.getMe()
    }

    @Test func invalidJSONIsInvalidResponse() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.invalidJSON, on: "getMe")
        let error = await TestKit.expectError { () async throws(BotAPIError) in try await TestKit.api(fake).getMe() }
        #expect(error?.kind == .invalidResponse)
    }

    @Test func htmlBadGatewayIsServer() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.serverError(status: 502), on: "sendMessage")
        let error = await TestKit.expectError { () async throws(BotAPIError) in
            try await TestKit.api(fake).sendMessage(SendMessage(chatID: groupID, text: "x"))
        }
        #expect(error?.kind == .server)
        #expect(error?.errorCode == 502)
        #expect(fake.sentMessages.isEmpty)
    }

    @Test func wrongTokenIsUnauthorized() async throws {
        let fake = try FakeBotAPI()
        let error = await TestKit.expectError { () async throws(BotAPIError) in
            try await TestKit.api(fake, token: "999:WRONG-token").getMe()
        }
        #expect(error?.kind == .unauthorized)
        fake.inject(.unauthorized, on: "getMe")
        let injected = await TestKit.expectError { () async throws(BotAPIError) in try await TestKit.api(fake).getMe() }
        #expect(injected?.kind == .unauthorized)
    }

    @Test func unknownMethodIsNotFound() async throws {
        let fake = try FakeBotAPI()
        let response = try await CurlTransport().post(
            url: "\(fake.baseURL)/bot\(fake.token)/noSuchMethod", body: Data("{}".utf8), timeout: .seconds(5),
            method: "noSuchMethod")
        #expect(response.status == 404)
        #expect(String(decoding: response.body, as: UTF8.self).contains(#""error_code":404"#))
    }

    @Test func rateLimitedCarriesRetryAfter() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.rateLimited(retryAfter: 7), on: "sendMessage", times: 2)
        let api = TestKit.api(fake)
        for _ in 0..<2 {
            let error = await TestKit.expectError { () async throws(BotAPIError) in
                try await api.sendMessage(SendMessage(chatID: groupID, text: "x"))
            }
            #expect(error?.kind == .rateLimited)
            #expect(error?.retryAfter == 7)
        }
        _ = try await api.sendMessage(SendMessage(chatID: groupID, text: "x"))
        #expect(fake.sentMessages.count == 1)
    }

    @Test func overlappingLongPollsConflict() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let first = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 10) }
        try await fake.waitForRequests("getUpdates", count: 1)
        let second = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 10) }
        let error = await TestKit.expectError(first)
        #expect(error?.kind == .conflict)
        fake.sendGroupMessage(chatID: groupID, from: alice, text: "after the conflict")
        let updates = try await second.value
        #expect(updates.count == 1)
    }

    @Test func longPollAnswersAsSoonAsAnUpdateArrives() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let start = ContinuousClock.now
        let poll = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 20) }
        try await fake.waitForRequests("getUpdates")
        fake.sendGroupMessage(chatID: groupID, from: alice, text: "दारू की भट्टी")
        let updates = try await poll.value
        #expect(ContinuousClock.now - start < .seconds(10))
        guard case .update(let update) = try #require(updates.first) else {
            Issue.record("not decoded")
            return
        }
        #expect(update.message?.text == "दारू की भट्टी")
    }

    @Test func cancellingALongPollThrowsCancelledQuickly() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let poll = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 30) }
        try await fake.waitForRequests("getUpdates")
        let start = ContinuousClock.now
        poll.cancel()
        let error = await TestKit.expectError(poll)
        #expect(error?.kind == .cancelled)
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func queuedCallBehindABusyWorkerCancelsAtOnce() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake, transport: CurlTransport(maxConcurrentTransfers: 1))
        let poll = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 30) }
        try await fake.waitForRequests("getUpdates")
        let queued = Task { () async throws(BotAPIError) in try await api.getMe() }
        let start = ContinuousClock.now
        queued.cancel()
        let error = await TestKit.expectError(queued)
        #expect(error?.kind == .cancelled)
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(fake.requests(for: "getMe").isEmpty)
        // The one worker, freed by the update, serves the next call.
        fake.sendPrivateMessage(from: alice, text: "wake")
        #expect(try await poll.value.count == 1)
        _ = try await api.getMe()
    }

    @Test func alreadyCancelledTaskNeverSends() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let task = Task { () async throws(BotAPIError) in
            withUnsafeCurrentTask { $0?.cancel() }
            return try await api.getMe()
        }
        let error = await TestKit.expectError(task)
        #expect(error?.kind == .cancelled)
        #expect(fake.requests.isEmpty)
    }

    @Test func connectionRefusedIsTransportWithoutToken() async throws {
        // A port bound but never listened on refuses connections, and stays ours while the test runs: a port that
        // was merely free could be taken meanwhile by a fake server of a test running in parallel.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound)
        let url = "http://127.0.0.1:\(UInt16(bigEndian: address.sin_port))"
        let api = BotAPI(
            configuration: BotAPIConfiguration(baseURL: url, token: TestKit.token, connectTimeout: .seconds(2)),
            transport: CurlTransport(), logger: TestKit.logger)
        let error = await TestKit.expectError { () async throws(BotAPIError) in try await api.getMe() }
        #expect(error?.kind == .transport)
    }

    @Test func curlMessagesNamingTheURLAreRedacted() async throws {
        // An unsupported scheme makes curl quote the URL; the token must not come through.
        let transport = CurlTransport()
        let error = await TestKit.expectError { () async throws(BotAPIError) in
            try await transport.post(
                url: "gopherz://example.invalid/bot\(TestKit.token)/getMe", body: Data(), timeout: .seconds(2),
                method: "getMe")
        }
        #expect(error?.kind == .transport)
        #expect(TokenRedaction.redact("x /bot123:ABC-def_9/getMe y", url: "") == "x /bot<redacted>/getMe y")
        #expect(!TokenRedaction.redactedURL("https://api.telegram.org/bot\(TestKit.token)/getMe").contains("TEST"))
    }

    @Test func shutdownFailsLaterCallsAsCancelled() async throws {
        let fake = try FakeBotAPI()
        let transport = CurlTransport()
        let api = TestKit.api(fake, transport: transport)
        _ = try await api.getMe()
        transport.shutdown()
        let error = await TestKit.expectError { () async throws(BotAPIError) in try await api.getMe() }
        #expect(error?.kind == .cancelled)
    }

    @Test func shutdownAbortsARunningLongPoll() async throws {
        let fake = try FakeBotAPI()
        let transport = CurlTransport()
        let api = TestKit.api(fake, transport: transport)
        let poll = Task { () async throws(BotAPIError) in try await api.getUpdates(offset: nil, timeout: 30) }
        try await fake.waitForRequests("getUpdates")
        let start = ContinuousClock.now
        transport.shutdown()
        let error = await TestKit.expectError(poll)
        #expect(error?.kind == .cancelled)
        #expect(ContinuousClock.now - start < .seconds(10))
    }
}
