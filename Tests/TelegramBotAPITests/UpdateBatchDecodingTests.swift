import Foundation
import SenaniTestSupport
import Testing

@testable import TelegramBotAPI

/// No update in a getUpdates answer, however malformed, fails its neighbours, traps, or loses a tip it could keep.
@Suite struct UpdateBatchDecodingTests {
    /// A plain text message update with `update_id` spelled as given.
    static func message(id: String, text: String = "hi", extra: String = "") -> String {
        #"{"update_id":\#(id),"message":{"message_id":5,"date":1,"chat":{"id":7,"type":"private"},"text":"\#(text)"\#(extra)}}"#
    }

    static func batch(_ elements: [Data]) -> Data {
        var body = Data(#"{"ok":true,"result":["#.utf8)
        for (index, element) in elements.enumerated() {
            if index > 0 { body.append(UInt8(ascii: ",")) }
            body.append(element)
        }
        body.append(contentsOf: Array("]}".utf8))
        return body
    }

    static let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)

    /// Every poison kind of issue 6, each between good updates, with what must come out of it.
    static var poisonBatch: [Data] {
        var invalidUTF8 = Data(message(id: "8", text: "दारू ").utf8)
        let insertAt = invalidUTF8.firstRange(of: Data("दारू ".utf8))!.upperBound
        invalidUTF8.insert(contentsOf: [0xFF, 0xC3, 0x28], at: insertAt)
        return [
            Data(message(id: "1", text: "first").utf8),
            Data(message(id: "2", extra: #","x":\#(deep)"#).utf8),
            Data(message(id: "3", extra: #","x":NaN"#).utf8),
            Data(message(id: #""4""#).utf8),
            Data(message(id: "5.5").utf8),
            Data(message(id: "99999999999999999999").utf8),
            Data(message(id: "7", text: #"bhatti \ud800 gaon"#).utf8),
            invalidUTF8,
            Data(message(id: "9", extra: #","y":Infinity"#).utf8),
            Data(message(id: "10", text: "last").utf8),
        ]
    }

    @Test func poisonElementsDoNotFailTheirNeighbours() throws {
        let updates = try BotAPI.decodeUpdates(Self.batch(Self.poisonBatch))
        #expect(updates.map(\.updateID) == Array(1...10))
        func text(_ index: Int) -> String? {
            if case .update(let update) = updates[index] { update.message?.text } else { nil }
        }
        #expect(text(0) == "first")
        #expect(text(9) == "last")
        // Refused by JSONDecoder (depth, NaN, Infinity, id as a string, id with a fraction, id out of Int64):
        // skipped, with the id read leniently or, when unreadable, assumed from the position.
        for index in [1, 2, 3, 4, 5, 8] {
            guard case .undecodable = updates[index] else {
                Issue.record("update \(index) should be undecodable: \(updates[index])")
                continue
            }
        }
        if case .undecodable(_, let reason) = updates[5] { #expect(reason.contains("assumed 6")) }
        // Broken characters are repaired, so the tip is kept.
        #expect(text(6) == "bhatti \u{FFFD} gaon")
        #expect(text(7) == "दारू \u{FFFD}\u{FFFD}(")
    }

    @Test func lenientIDs() {
        func id(_ token: String) -> Int64? {
            Data(token.utf8).withUnsafeBytes { LenientUpdateID.parse($0) }
        }
        #expect(id("123") == 123)
        #expect(id(#""123""#) == 123)
        #expect(id("1.9") == 1)
        #expect(id("1e3") == 1000)
        #expect(id("9223372036854775806") == Int64.max - 1)
        #expect(id("9223372036854775807") == nil)
        #expect(id("99999999999999999999") == nil)
        #expect(id("-1") == nil)
        #expect(id(#""12a""#) == nil)
        #expect(id("null") == nil)
        #expect(id("1e400") == nil)
    }

    @Test func unreadableIDsAreAssumedFromTheOffsetOrTheNextID() throws {
        let noID = Data(#"{"message":{"message_id":"x"}}"#.utf8)
        let response = HTTPResponse(status: 200, body: Self.batch([noID, Data(Self.message(id: "42").utf8)]))
        #expect(try UpdateBatchDecoder.decode(response).map(\.updateID) == [41, 42])
        #expect(try UpdateBatchDecoder.decode(response, offset: 41).map(\.updateID) == [41, 42])
        let alone = HTTPResponse(status: 200, body: Self.batch([noID]))
        #expect(try UpdateBatchDecoder.decode(alone, offset: 500).map(\.updateID) == [500])
        // An id at the very top cannot be confirmed with `+ 1`: it is treated as unreadable.
        let top = Self.batch([Data(Self.message(id: "\(Int64.max)").utf8)])
        let decoded = try BotAPI.decodeUpdates(top)
        #expect(decoded.allSatisfy { $0.updateID < Int64.max })
        #expect(decoded.map(\.confirmingOffset) == [1])
    }

    @Test func scannerRespectsStringsAndEscapes() throws {
        let tricky = #"{"update_id":3,"message":{"message_id":5,"date":1,"chat":{"id":7,"type":"private"},"text":"a \"],[{\" \\ b"}}"#
        let body = #" { "description" : "x]" , "ok" : true , "result" : [ "# + tricky + " , " + Self.message(id: "4") + " ] } "
        let updates = try BotAPI.decodeUpdates(Data(body.utf8))
        #expect(updates.map(\.updateID) == [3, 4])
        if case .update(let update) = updates[0] { #expect(update.message?.text == #"a "],[{" \ b"#) }
        #expect(try BotAPI.decodeUpdates(Data(#"{"ok":true,"result":[]}"#.utf8)).isEmpty)
    }

    @Test func envelopeErrorsStillMap() {
        func kind(_ body: String, status: Int = 200) -> BotAPIError.Kind? {
            do {
                _ = try UpdateBatchDecoder.decode(HTTPResponse(status: status, body: Data(body.utf8)))
                return nil
            } catch {
                return error.kind
            }
        }
        #expect(kind(#"{"ok":false,"error_code":409,"description":"Conflict"}"#, status: 409) == .conflict)
        #expect(kind(#"{"ok":false,"error_code":429,"description":"Too Many","parameters":{"retry_after":-5}}"#) == .rateLimited)
        #expect(kind(#"{"ok":false,"error_code":401,"description":"Unauthorized"}"#, status: 401) == .unauthorized)
        #expect(kind("<html>502</html>", status: 502) == .server)
        #expect(kind(#"{"ok":true,"result":{}}"#) == .invalidResponse)
        #expect(kind(#"{"ok":true,"result":[1,}"#) == .invalidResponse)
        #expect(kind(#"{"ok":true,"result":[]} trailing"#) == .invalidResponse)
        #expect(kind(String(repeating: "[", count: 100_000)) == .invalidResponse)
        #expect(kind("") == .invalidResponse)
    }

    @Test func retryAfterIsBounded() throws {
        let body = #"{"ok":false,"error_code":429,"description":"Too Many","parameters":{"retry_after":-5}}"#
        do {
            _ = try BotAPI.decodeUpdates(Data(body.utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.retryAfter == 1)
        }
    }

    @Test func poisonBatchComesThroughTheFakeAndIsConfirmed() async throws {
        let fake = try FakeBotAPI()
        let api = TestKit.api(fake)
        let first = fake.nextUpdateID
        for (index, element) in Self.poisonBatch.enumerated() {
            // The fake serves the bytes verbatim; rewrite their ids to the fake's so offsets confirm them.
            let text = String(decoding: element, as: UTF8.self)
            var bytes = element
            if text.hasPrefix(#"{"update_id":\#(index + 1),"#) {
                let prefix = Data(#"{"update_id":\#(index + 1),"#.utf8)
                bytes.replaceSubrange(0..<prefix.count, with: Data(#"{"update_id":\#(first + Int64(index)),"#.utf8))
            }
            fake.enqueue(rawUpdate: bytes)
        }
        let updates = try await api.getUpdates(offset: nil, timeout: 0)
        #expect(updates.count == 10)
        let texts = updates.compactMap { if case .update(let update) = $0 { update.message?.text } else { nil } }
        #expect(texts.count == 4)
        #expect(texts.first == "first" && texts.last == "last")
        // Every id is usable for confirmation, and confirming the last skips the whole batch.
        #expect(updates.last?.updateID == first + 9)
        _ = try await api.getUpdates(offset: updates.last?.confirmingOffset, timeout: 0)
        #expect(fake.pendingUpdateCount == 0)
    }

    @Test func wholeRawAnswerThroughCurl() async throws {
        let fake = try FakeBotAPI()
        fake.inject(.rawBody(Self.batch(Self.poisonBatch)), on: "getUpdates")
        let updates = try await TestKit.api(fake).getUpdates(offset: 1, timeout: 0)
        #expect(updates.map(\.updateID) == Array(1...10))
        #expect(updates.filter { if case .update = $0 { true } else { false } }.count == 4)
    }

    @Test func decodingIsFastEnoughForIntake() throws {
        let elements = (0..<5_000).map { Data(Self.message(id: "\($0 + 1)", text: "दारू की भट्टी गाँव में \($0)").utf8) }
        let body = Self.batch(elements)
        let start = ContinuousClock.now
        let updates = try BotAPI.decodeUpdates(body)
        let elapsed = ContinuousClock.now - start
        #expect(updates.count == 5_000)
        // Generous for a debug build on a busy machine; release decodes 5,000 in a few tens of milliseconds.
        #expect(elapsed < .seconds(2), "5,000 updates took \(elapsed)")
    }
}
