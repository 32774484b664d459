import Foundation
import SenaniBot
@testable import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// `reports export` in-process: the streaming writer, its formats, and IST timestamps by arithmetic.
@Suite struct ReportExportTests {
    @Test func istTimestampsAgreeWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Kolkata")!
        // From 1946: the wartime +06:30 of 1942–45 is history a report never has.
        var seconds: Int64 = -757_400_000
        while seconds < 4_200_000_000 {
            let date = Date(timeIntervalSince1970: TimeInterval(seconds))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d+05:30", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
            #expect(ReportFormats.istTimestamp(date) == expected)
            seconds += 7_777_777
        }
        #expect(ReportFormats.istTimestamp(Date(timeIntervalSince1970: 1_795_000_000.9)) == "2026-11-18T16:36:40+05:30")
    }

    static func report(text: String, ref: String = "KHG-SADAR-000001") -> Report {
        Report(
            ref: ref, thanaCode: "KHG-SADAR", districtCode: "KHG", category: .liquor, labels: [.liquor, .other],
            confidence: 0.934, status: .new, source: "group", text: text, receivedAt: Date(timeIntervalSince1970: 1_795_000_000),
            reporter: "R-abc123", chatID: -1001, messageID: 7, phones: ["+919876543210"], vehicles: [], places: ["Rampur, tola"],
            quantities: [], times: [], persons: [], booths: [], evidence: [], language: .hi, forwardOrigin: nil, duplicateOf: nil,
            repeatCount: 1, acknowledgedBy: nil, acknowledgedAt: nil, closedAt: nil, outcome: nil, resolution: nil,
            transferredFrom: nil, needsReview: false, version: 0, location: GeoPoint(latitude: 25.5, longitude: 86.4),
            media: [MediaRef(kind: "photo", fileID: "AgAD\"x")])
    }

    @Test func streamsJSONLinesInChunksThatParseBack() throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("out.jsonl")
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        let texts = ["दारू \"भट्ठी\", रात\nदस बजे", "=cmd|' /C calc'!A0", "plain", "tab\tand \u{2028} sep \\ back",
                     "\u{01}bell\u{1F} and \u{2029}", "\"", "ends in a quote \"", "\\"]
        let export = ReportExport(format: .jsonl, descriptor: handle.fileDescriptor, chunkSize: 64)
        for (index, text) in texts.enumerated() {
            #expect(export.append(Self.report(text: text, ref: "KHG-SADAR-00000\(index)")))
        }
        try export.finish()
        try handle.close()
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == texts.count && export.count == texts.count)
        for (line, text) in zip(lines, texts) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["text"] as? String == text)
            #expect(!line.contains("\u{2028}") && !line.contains("\u{2029}") && !line.contains("\u{01}"))
            #expect(object["received_at"] as? String == "2026-11-18T16:36:40+05:30")
            #expect((object["media"] as? [[String: String]])?.first?["file_id"] == "AgAD\"x")
        }
    }

    @Test func aFailedWriteStopsTheExportWithItsReason() throws {
        let export = ReportExport(format: .csv, descriptor: -1, chunkSize: 16)
        #expect(!export.append(Self.report(text: "x")))
        #expect(throws: ReportExport.WriteError.self) { try export.finish() }
    }

    /// A store with `count` reports, one a minute over one thana, through the import session.
    static func store(reports count: Int, in directory: TemporaryDirectory) throws -> Store {
        let store = try Store(path: directory.file("export.sqlite"))
        let start = Date(timeIntervalSince1970: 1_795_000_000)
        try store.upsertDistrict(District(code: "KHG", name: "Khagaria"), at: start)
        try store.upsertThana(Thana(code: "KHG-SADAR", districtCode: "KHG", name: "Sadar"), at: start)
        let analysis = TipAnalyzer().analyze("Rampur me daru bik rahi hai, \"Pintu\" bechta hai")
        try store.importReports(thana: "KHG-SADAR", at: start) { session in
            for n in 0..<count {
                _ = try session.add(NewReport(
                    thanaCode: "KHG-SADAR", chatID: -1001, messageID: Int64(n + 1), reporterUserID: 500,
                    text: "tip \(n): Rampur me daru, \"Pintu\"", receivedAt: start.addingTimeInterval(Double(n) * 60),
                    analysis: analysis))
            }
        }
        return store
    }

    /// Many batches through the two-thread writer: every report once, oldest first.
    /// (Off the cooperative pool: the export blocks its thread while the writer thread catches up.)
    @Test(.timeLimit(.minutes(1))) func runWritesEveryReportInOrder() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("out.jsonl")
        let count = try await offThePool {
            let store = try Self.store(reports: 1_200, in: directory)
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try #require(FileHandle(forWritingAtPath: path))
            defer { try? handle.close() }
            return try ReportExport.run(store: store, filter: ReportFilter(), format: .jsonl, descriptor: handle.fileDescriptor)
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(count == 1_200 && lines.count == 1_200)
        let texts = try lines.map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["text"] as? String
        }
        #expect(texts == (0..<1_200).map { "tip \($0): Rampur me daru, \"Pintu\"" })
    }

    /// A write that fails stops the reading too (the reader does not wait forever on a full queue) and says why.
    @Test(.timeLimit(.minutes(1))) func runStopsAtAFailedWrite() async throws {
        let directory = try TemporaryDirectory()
        let failure = try await offThePool { () -> ReportExport.WriteError? in
            let store = try Self.store(reports: 1_200, in: directory)
            do {
                try ReportExport.run(store: store, filter: ReportFilter(), format: .csv, descriptor: -1)
                return nil
            } catch let error as ReportExport.WriteError {
                return error
            }
        }
        #expect(failure?.code == EBADF)
    }
}
