import Foundation
import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

@Suite struct CLITests {
    @Test func negativeChatIDsWorkInBothSpellings() async throws {
        let cli = try CLI()
        try await cli.seed()
        let thanas = try Store(path: cli.database).thanas()
        #expect(thanas.map(\.chatID) == [-1_001_234_567_891, -1_001_234_567_890])
    }

    @Test func badArgumentsGiveOneLineExit2AndLeaveTheDatabaseUnchanged() async throws {
        let cli = try CLI()
        try await cli.seed()
        let before = try Store(path: cli.database).thanas()
        let cases: [[String]] = [
            ["thana", "add", "--code", "KHG-X", "--district", "KHG"],
            ["thana", "add", "--code", "KHG-X", "--district", "KHG", "--name", "X", "--chat-id", "minus-five"],
            ["officer", "add", "--telegram-id", "5", "--role", "boss", "--name", "X"],
            ["district", "add", "--code", "PAT", "--name", "Patna", "--digest-hour", "25"],
            ["reports", "export", "--format", "xml"],
            ["reports", "list", "--status", "lost"],
            ["reports", "export", "--format", "jsonl", "--since", "yesterday"],
            ["run", "--log-level", "loud"],
            ["no-such-command"],
        ]
        for arguments in cases {
            let result = try await cli.run(arguments, environment: ["SENANI_BOT_TOKEN": "123456:TEST-fake-token"])
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
        }
        // Refused by the store: a runtime error, still one line and nothing written.
        let unknown = try await cli.run(["thana", "add", "--code", "PAT-X", "--district", "PAT", "--name", "X"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "senani: no district PAT; add it first with `senani district add`\n")
        #expect(try Store(path: cli.database).thanas() == before)
    }

    @Test func runWithoutATokenSaysHowToGetOne() async throws {
        let cli = try CLI()
        let result = try await cli.run(["run"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("@BotFather"))
        #expect(result.stderr.contains("SENANI_BOT_TOKEN"))
    }

    @Test func exportIsJSONLinesOrCSVWithAHeader() async throws {
        let cli = try CLI()
        try await cli.seed()
        let store = try Store(path: cli.database)
        let analyzer = TipAnalyzer()
        let texts = ["Rampur tola me daru bik rahi hai, 20 peti, BR 34 AB 1234", "फरार अपराधी पिंटू ससुराल में छिपा है"]
        _ = try await store.commit(
            IntakeBatch(
                effects: texts.enumerated().map { index, text in
                    .newReport(
                        NewReport(
                            thanaCode: "KHG-SADAR", chatID: -1_001_234_567_890, messageID: Int64(index + 1),
                            reporterUserID: 987_654_321, text: text, receivedAt: Date(timeIntervalSince1970: 1_795_000_000),
                            analysis: analyzer.analyze(text)), followUp: { _ in [] })
                }, nextOffset: 10), at: Date())

        let jsonl = try await cli.run(["reports", "export", "--format", "jsonl"])
        #expect(jsonl.status == 0)
        let lines = jsonl.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["ref"] as? String == "KHG-SADAR-000001")
        #expect(first["thana"] as? String == "KHG-SADAR")
        #expect(first["district"] as? String == "KHG")
        #expect(first["chat_id"] as? Int64 == -1_001_234_567_890)
        #expect((first["reporter"] as? String)?.hasPrefix("R-") == true)
        #expect(!jsonl.stdout.contains("987654321"))

        let csv = try await cli.run(["reports", "export", "--format", "csv"])
        // The byte-order mark that makes Excel read Devanagari (String drops it when decoding, so look at bytes).
        let raw = try await cli.runRaw(["reports", "export", "--format", "csv"])
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(csv.stdout.hasSuffix("\r\n") && csv.stdout.contains("ref,thana,district,category,"))
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)

        let none = try await cli.run(["reports", "export", "--format", "jsonl", "--since", "2027-01-01"])
        #expect(none.status == 0 && none.stdout.isEmpty)

        let table = try await cli.run(["reports", "list", "--thana", "KHG-SADAR"])
        #expect(table.stdout.contains("KHG-SADAR-000002"))
        #expect(table.stdout.contains("2 reports"))
    }

    @Test func classifyAnalysesAnArgumentOrJSONLinesFromStdin() async throws {
        let cli = try CLI()
        let one = try await cli.run(["classify", "Rampur me daru bik rahi hai, call 98765 43210"])
        #expect(one.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        #expect(object["is_tip"] as? Bool == true)
        #expect(object["category"] as? String == "liquor")

        let many = try await cli.run(["classify"], stdin: "{\"text\": \"जय हिंद\"}\n{\"text\": \"daru bhatti chal rahi hai\"}\n")
        #expect(many.status == 0)
        #expect(many.stdout.split(separator: "\n").count == 2)

        let bad = try await cli.run(["classify"], stdin: "not json\n")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("line 1"))
    }

    @Test func backupWritesACopyOnce() async throws {
        let cli = try CLI()
        try await cli.seed()
        let copy = cli.directory.file("copy.sqlite")
        #expect(try await cli.run(["backup", "--to", copy]).status == 0)
        #expect(try Store(path: copy).thanas().count == 2)
        #expect(try await cli.run(["backup", "--to", copy]).status == 1)
    }
}
