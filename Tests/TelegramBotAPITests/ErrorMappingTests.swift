import Foundation
import Testing

@testable import TelegramBotAPI

/// Telegram's error envelopes (fixtures and hand-made ones) map to the right `BotAPIError.Kind`.
@Suite struct ErrorMappingTests {
    private func mapped(status: Int, body: Data) -> BotAPIError? {
        do {
            let _: Bool = try BotAPI.unwrap(HTTPResponse(status: status, body: body), method: "sendMessage")
            return nil
        } catch {
            return error
        }
    }

    private func mapped(status: Int, fixture: String) throws -> BotAPIError? {
        mapped(status: status, body: try TestKit.fixture("responses/\(fixture)"))
    }

    @Test func tooManyRequestsIsRateLimitedWithRetryAfter() throws {
        let error = try #require(try mapped(status: 429, fixture: "too_many_requests.json"))
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfter == 14)
        #expect(error.errorCode == 429)
        #expect(error.isTransient)
    }

    @Test func tooLongIsBadRequest() throws {
        let error = try #require(try mapped(status: 400, fixture: "too_long.json"))
        #expect(error.kind == .badRequest)
        #expect(error.message == "Bad Request: message is too long")
        #expect(!error.isTransient)
    }

    @Test func deactivatedUserIsForbidden() throws {
        let error = try #require(try mapped(status: 403, fixture: "user_deactivated.json"))
        #expect(error.kind == .forbidden)
    }

    @Test func wrongFileIDIsBadRequest() throws {
        #expect(try mapped(status: 400, fixture: "wrong_file_id.json")?.kind == .badRequest)
    }

    @Test func migrationCarriesTheNewChatID() throws {
        let body = Data(
            #"{"ok":false,"error_code":400,"description":"Bad Request: group chat was upgraded to a supergroup chat","parameters":{"migrate_to_chat_id":-1001234567890}}"#
                .utf8)
        let error = try #require(mapped(status: 400, body: body))
        #expect(error.kind == .chatMigrated)
        #expect(error.migrateToChatID == -1_001_234_567_890)
    }

    @Test(arguments: [
        (401, "Unauthorized", BotAPIError.Kind.unauthorized),
        (404, "Not Found", .notFound),
        (409, "Conflict: terminated by other getUpdates request", .conflict),
        (500, "Internal Server Error", .server),
    ])
    func envelopeCodes(code: Int, description: String, kind: BotAPIError.Kind) {
        let body = Data(#"{"ok":false,"error_code":\#(code),"description":"\#(description)"}"#.utf8)
        #expect(mapped(status: code, body: body)?.kind == kind)
    }

    @Test func htmlGatewayErrorIsServer() {
        #expect(mapped(status: 502, body: Data("<html>502 Bad Gateway</html>".utf8))?.kind == .server)
    }

    @Test func garbageIsInvalidResponse() {
        #expect(mapped(status: 200, body: Data("{\"ok\":tru".utf8))?.kind == .invalidResponse)
    }

    @Test func successfulFixtureDecodes() throws {
        struct Member: Decodable { var status: String }
        let members: [Member] = try BotAPI.unwrap(
            HTTPResponse(status: 200, body: try TestKit.fixture("responses/chat_members.json")), method: "x")
        #expect(members.map(\.status) == ["administrator", "creator"])
    }
}
