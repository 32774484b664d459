import Foundation
import Logging
@testable import SenaniBot
@testable import SenaniStore
import TelegramBotAPI
import Testing
import TipAnalysis

@Suite struct TextSplitterTests {
    @Test func shortTextIsOnePart() {
        #expect(TextSplitter.split("नमस्ते\nhello") == ["नमस्ते\nhello"])
    }

    @Test func longTextSplitsOnLinesWithinTheLimit() {
        let line = String(repeating: "क", count: 99)
        let text = Array(repeating: line, count: 100).joined(separator: "\n")
        let parts = TextSplitter.split(text, limit: 4096)
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { $0.utf16.count <= 4096 })
        #expect(parts.joined(separator: "\n") == text)
    }

    @Test func oneHugeLineIsCutBetweenCharacters() {
        let text = String(repeating: "👮🏽‍♂️", count: 2000)
        let parts = TextSplitter.split(text, limit: 4096)
        #expect(parts.allSatisfy { $0.utf16.count <= 4096 })
        #expect(parts.joined() == text)
    }
}

@Suite struct ReportFormatsTests {
    let report = Report(
        ref: "KHG-SADAR-000123", thanaCode: "KHG-SADAR", districtCode: "KHG", category: .liquor,
        labels: [.liquor, .electionDisturbance], confidence: 0.934, status: .new, source: "group", text: "=cmd|' daru, \"20 peti\"\nRampur",
        receivedAt: Date(timeIntervalSince1970: 1_795_000_000), reporter: "R-7f3a9c", chatID: -1_001_234_567_890,
        messageID: 42, phones: ["+919876543210"], vehicles: ["BR34AB1234"], places: ["Rampur"], quantities: ["20 peti"],
        times: [], persons: [], booths: [], evidence: ["daru"], language: .hinglish, forwardOrigin: nil, duplicateOf: nil,
        repeatCount: 1, acknowledgedBy: nil, acknowledgedAt: nil, closedAt: nil, outcome: nil, resolution: nil, transferredFrom: nil, needsReview: false, version: 0, location: nil,
        media: [])

    @Test func jsonHasTheInterfaceKeysWithNullsAndISTTimes() throws {
        let parsed = try JSONSerialization.jsonObject(with: Data(ReportFormats.json(report).utf8))
        let object = try #require(parsed as? [String: Any])
        for key in [
            "ref", "thana", "district", "category", "labels", "confidence", "status", "text", "received_at", "reporter",
            "chat_id", "message_id", "phones", "vehicles", "places", "quantities", "duplicate_of", "repeat_count",
            "acknowledged_by", "acknowledged_at", "closed_at", "resolution", "location", "media",
        ] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["received_at"] as? String == "2026-11-18T16:36:40+05:30")
        #expect(object["duplicate_of"] is NSNull)
        #expect(object["labels"] as? [String] == ["liquor", "election_disturbance"])
        #expect(object["confidence"] as? Double == 0.93)
    }

    @Test func csvQuotesAndDisarmsFormulas() {
        let row = ReportFormats.csvRow(report)
        #expect(row.hasPrefix("KHG-SADAR-000123,KHG-SADAR,KHG,liquor,liquor;election_disturbance,0.93,new,"))
        #expect(row.contains("\"'=cmd|' daru, \"\"20 peti\"\"\nRampur\""))
        #expect(row.contains(",+919876543210,"))
        #expect(ReportFormats.csvHeader() == "\u{FEFF}" + ReportFormats.columns.joined(separator: ","))
    }

    @Test func jsonKeysComeInTheInterfaceOrderAndCSVHasTheSameColumns() throws {
        let interfaceOrder = [
            "ref", "thana", "district", "category", "labels", "confidence", "status", "text", "received_at", "reporter",
            "source", "chat_id", "message_id", "phones", "vehicles", "places", "quantities", "duplicate_of",
            "repeat_count", "acknowledged_by", "acknowledged_at", "closed_at", "outcome", "resolution",
            "transferred_from", "needs_review", "location", "media",
        ]
        let json = ReportFormats.json(report)
        let positions = interfaceOrder.map { json.range(of: "\"\($0)\": ")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(Array(ReportFormats.columns.prefix(interfaceOrder.count)) == interfaceOrder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["source"] as? String == "group")
        #expect(object["needs_review"] as? Bool == false)
        #expect(object["outcome"] is NSNull && object["transferred_from"] is NSNull)
        #expect(ReportFormats.csvRow(report).hasSuffix(",hinglish"))
    }

    @Test func aPrivateTipsChatAndMessageIdsNeverLeave() throws {
        var tip = report
        tip.source = "private"
        tip.chatID = 7_001
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ReportFormats.json(tip).utf8)) as? [String: Any])
        #expect(object["chat_id"] is NSNull && object["message_id"] is NSNull)
        #expect(!ReportFormats.csvRow(tip).contains("7001"))
    }
}

@Suite struct MessageTemplatesTests {
    static var directory: String { MessageTemplates.locate(explicit: nil) }

    @Test func everyTemplateRendersHindiFirstThenEnglish() async throws {
        let templates = try await MessageTemplates(directory: Self.directory)
        for name in MessageTemplates.required where !MessageTemplates.singleLanguage.contains(name) {
            let values = [
                "ref": "KHG-SADAR-000001", "thana": "KHG-GOGRI", "count": "0", "reason_not_officer": "1",
                "status_new": "1", "status_acknowledged": "1", "cat_liquor": "1", "outcome_action_taken": "1", "officer": "1",
            ]
            let text = try #require(templates.render(name, values))
            let devanagari = text.unicodeScalars.firstIndex { (0x0900...0x097F).contains($0.value) }
            let latin = text.unicodeScalars.firstIndex { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
            #expect(devanagari != nil && latin != nil, "\(name) needs both Hindi and English")
        }
    }

    @Test func valuesAreHTMLEscaped() async throws {
        let templates = try await MessageTemplates(directory: Self.directory)
        let text = try #require(templates.render("group_ack", ["ref": "<b>&x</b>"]))
        #expect(text.contains("&lt;b&gt;&amp;x&lt;/b&gt;"))
    }

    @Test func aMissingFolderIsAClearError() async {
        await #expect(throws: TemplateError.self) { try await MessageTemplates(directory: "/nonexistent") }
    }
}

@Suite struct SecretsTests {
    /// ServiceLifecycle names services by printing them, and an error printed a whole service with its API
    /// configuration: none of these may show the token.
    @Test func printingAConfigurationOrTheAPINeverShowsTheToken() {
        let token = "123456:SECRET-token-value"
        let api = BotAPI(
            configuration: BotAPIConfiguration(baseURL: "http://127.0.0.1:9", token: token), transport: CurlTransport(),
            logger: Logger(label: "test"))
        let configuration = SenaniConfiguration(databasePath: "/tmp/x.sqlite", token: token, templatesDirectory: "/tmp")
        for text in [String(describing: api), String(reflecting: api), "\(api.configuration)", "\(configuration)", String(reflecting: configuration)] {
            #expect(!text.contains("SECRET"), "\(text)")
        }
    }
}

@Suite struct CallbackTagTests {
    /// The hand-written base64url is byte for byte Foundation's base64 with `+/` → `-_` and no padding, so the
    /// buttons and deep links already sent keep verifying.
    @Test func base64URLMatchesFoundationsBase64() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...20 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
                let expected = Data(bytes).base64EncodedString()
                    .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                    .replacingOccurrences(of: "=", with: "")
                #expect(CallbackSigner.base64URL(bytes) == expected)
            }
        }
        #expect(CallbackSigner.base64URL([0xFB, 0xFF]) == "-_8")
    }
}

@Suite struct ISTTests {
    /// The arithmetic gives what Calendar in Asia/Kolkata gives, for any moment from 1970 to 2100.
    @Test func plainArithmeticMatchesTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Kolkata")!
        var generator = SystemRandomNumberGenerator()
        var moments: [Double] = [0, 18_599, 18_600, 951_782_400 - 19_800, 1_795_000_000.9]
        for _ in 0..<3_000 { moments.append(Double(Int64.random(in: 0...4_102_444_800, using: &generator))) }
        for seconds in moments {
            let date = Date(timeIntervalSince1970: seconds)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "?" }
            let expected = "\(two(c.day))-\(two(c.month))-\(c.year ?? 0) \(two(c.hour)):\(two(c.minute))"
            #expect(IST.format(date) == expected, "\(seconds)")
            #expect(IST.time(date) == "\(two(c.hour)):\(two(c.minute))")
            #expect(
                ReportFormats.istTimestamp(date)
                    == "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))T\(two(c.hour)):\(two(c.minute)):\(two(c.second))+05:30")
        }
    }
}

extension CallbackTagTests {
    /// A deep link's tag is the last part of the same data's callback_data, and is refused exactly when it is.
    @Test func deepLinkTagsAreTheCallbackDataSignature() {
        let signer = CallbackSigner(sign: { Array(("k:" + $0).utf8) + Array(repeating: 7, count: 32) })
        for ref in ["KHG-000001", "BEN-T12-000123", String(repeating: "X", count: 49), String(repeating: "X", count: 50)] {
            let data = CallbackData(action: "L", ref: ref, version: 0)
            #expect(signer.signatureTag(data) == signer.encode(data).map { String($0.split(separator: "|").last!) }, "\(ref)")
        }
    }
}
