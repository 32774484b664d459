import Foundation
import SenaniBot
import SenaniStore
import SenaniTestSupport
import Testing
import TipAnalysis

/// Records that leave the bot, through the real binary: import with and without a terminal, CSV that survives a
/// round trip (and Excel), and a backup taken under load that restores with nothing missing.
@Suite(.serialized) struct RecordsProcessTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ChatExportTests/Fixtures/sample_result.json").standardized.path

    @Test func importShowsAProgressBarOnATerminalAndOnlyTheSummaryOtherwise() async throws {
        let cli = try CLI()
        try await cli.seed()
        // stdout a file: the summary alone.
        let plain = try await cli.run(["import", "--thana", "KHG-GOGRI", Self.sample])
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout.hasPrefix("imported sample_result.json into KHG-GOGRI"))
        #expect(plain.stdout.contains("messages read   289"))
        #expect(!plain.stdout.contains("\r") && !plain.stdout.contains("importing [") && !plain.stdout.contains("\u{1B}"))
        let queued = try Store(path: cli.database).reports().count
        #expect(queued > 60)

        // stdout a pseudo-terminal (util-linux `script`): the bar, redrawn in place, then the same summary.
        let command = [BuiltProducts.path("senani"), "import", "--db", cli.database, "--thana", "KHG-GOGRI", Self.sample]
            .map { "'\($0)'" }.joined(separator: " ")
        let terminal = try ChildProcess(
            executable: "/usr/bin/script", arguments: ["-q", "-e", "-c", command, "/dev/null"],
            environment: cli.environment.merging(["TERM": "xterm"]) { _, new in new }, directory: cli.directory)
        #expect(try await terminal.waitForExit(timeout: .seconds(60)) == 0, "\(terminal.stderr)")
        let shown = terminal.stdout
        #expect(shown.contains("\r\u{1B}[K") && shown.contains("importing [##############################] 100%"), "\(shown)")
        #expect(shown.contains("already there   \(queued)"))
        // Same file twice: same reports.
        #expect(try Store(path: cli.database).reports().count == queued)
    }

    @Test func aMalformedExportIsOneLineNamingThePlaceAndChangesNothing() async throws {
        let cli = try CLI()
        try await cli.seed()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.sample))
        let path = cli.directory.file("result.json")
        try bytes.prefix(bytes.count * 3 / 4).write(to: URL(fileURLWithPath: path))
        let before = try Store(path: cli.database).audit()
        let result = try await cli.run(["import", "--thana", "KHG-GOGRI", path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("senani: result.json: malformed JSON at byte "), "\(result.stderr)")
        #expect(result.stderr.contains("message ") && result.stderr.split(separator: "\n").count == 1)
        #expect(try Store(path: cli.database).reports().isEmpty)
        #expect(try Store(path: cli.database).audit() == before)
        let missing = try await cli.run(["import", "--thana", "KHG-GOGRI", cli.directory.file("nope.json")])
        #expect(missing.status == 1 && missing.stderr.contains("nope.json"))
        let usage = try await cli.run(["import", Self.sample])
        #expect(usage.status == 2)
    }

    /// RFC 4180, read back strictly: quoted cells may hold commas, doubled quotes and line breaks.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        cell.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.unicodeScalars.append(c)
                }
            } else if c == "\"" && cell.isEmpty {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\r" && chars.first == "\n" {
                chars.removeFirst()
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
            } else {
                cell.unicodeScalars.append(c)
            }
        }
        if !cell.isEmpty || !row.isEmpty { rows.append(row + [cell]) }
        return rows
    }

    @Test func csvRoundTripsDevanagariCommasQuotesNewlinesAndDisarmsFormulas() async throws {
        let cli = try CLI()
        try await cli.seed()
        let texts = [
            "रामपुर टोला में दारू बिक रही है, 20 लीटर, \"भट्ठी\" पोखर के पास",
            "Rampur tola me daru bik rahi hai,\nraat 10 baje\r\nbhatti chal rahi hai, BR 34 AB 1234",
            "=HYPERLINK(\"http://x.invalid\",\"daru bhatti yahan\") sharab bik rahi hai Rampur me",
            "@SUM(1+1) farar apradhi Pintu sasural me chhupa hai aaj raat",
            "+91 98765 43210 pe call karo, daru ki home delivery hoti hai Rampur me",
            "-daru- bik rahi hai Sonbarsa chowk par roj shaam, \"\"double\"\" quotes",
        ]
        let store = try Store(path: cli.database)
        let analyzer = TipAnalyzer()
        _ = try await store.commit(
            IntakeBatch(
                effects: texts.enumerated().map { index, text in
                    .newReport(
                        NewReport(
                            thanaCode: "KHG-SADAR", chatID: -1_001_234_567_890, messageID: Int64(index + 1),
                            reporterUserID: 4242, text: text,
                            receivedAt: Date(timeIntervalSince1970: 1_795_000_000 + Double(index) * 3600),
                            analysis: analyzer.analyze(text)), followUp: { _ in [] })
                }, nextOffset: 10), at: Date())
        let reports = try store.reports()
        #expect(reports.count == texts.count)

        let raw = try await cli.runRaw(["reports", "export", "--format", "csv"])
        #expect(raw.starts(with: [0xEF, 0xBB, 0xBF]))
        let rows = Self.parseCSV(String(decoding: raw.dropFirst(3), as: UTF8.self))
        #expect(rows.first == ReportFormats.columns)
        #expect(rows.count == texts.count + 1)
        let column = { (name: String) in ReportFormats.columns.firstIndex(of: name)! }
        for (row, report) in zip(rows.dropFirst(), reports) {
            #expect(row.count == ReportFormats.columns.count)
            let text = row[column("text")]
            if let first = report.text.unicodeScalars.first, "=@+-".unicodeScalars.contains(first) {
                // A formula never runs in Excel: shown as text, behind a leading apostrophe.
                #expect(text == "'" + report.text)
            } else {
                #expect(text == report.text)
            }
            #expect(row[column("ref")] == report.ref)
            #expect(row[column("received_at")] == ReportFormats.istTimestamp(report.receivedAt))
            #expect(row[column("phones")].split(separator: ";").map { String($0).trimmingCharacters(in: ["'"]) } == report.phones)
            #expect(row[column("chat_id")] == "-1001234567890")
        }

        let jsonl = try await cli.runRaw(["reports", "export", "--format", "jsonl"])
        let objects = try jsonl.split(separator: UInt8(ascii: "\n")).map {
            try #require(try JSONSerialization.jsonObject(with: Data($0)) as? [String: Any])
        }
        #expect(objects.compactMap { $0["text"] as? String } == texts)

        // --since/--until: IST dates (whole days) and ISO timestamps, with or without a zone.
        func count(_ extra: [String]) async throws -> Int {
            let result = try await cli.run(["reports", "export", "--format", "jsonl"] + extra)
            #expect(result.status == 0, "\(extra): \(result.stderr)")
            return result.stdout.split(separator: "\n").count
        }
        let first = ReportFormats.istTimestamp(reports[0].receivedAt)  // 2026-11-18T16:36:40+05:30
        #expect(try await count(["--since", String(first.prefix(10)), "--until", String(first.prefix(10))]) == texts.count)
        #expect(try await count(["--since", "2026-11-19"]) == 0)
        #expect(try await count(["--since", first]) == texts.count)
        #expect(try await count(["--since", "2026-11-18T11:06:41Z"]) == texts.count - 1)
        #expect(try await count(["--until", "2026-11-18T18:36:40"]) == 2)
    }

    func startBot(_ cli: CLI, fake: FakeBotAPI) throws -> ChildProcess {
        var environment = cli.environment
        environment["SENANI_BOT_TOKEN"] = fake.token
        environment["SENANI_TEMPLATES"] = MessageTemplates.locate(explicit: nil)
        return try ChildProcess(
            executable: BuiltProducts.path("senani"),
            arguments: ["run", "--db", cli.database, "--api-url", fake.baseURL, "--poll-timeout", "1",
                        "--group-sends-per-minute", "100000"],
            environment: environment, directory: cli.directory)
    }

    /// The README's restore drill, step by step, after a backup taken while `senani run` takes tips.
    @Test func aBackupUnderLoadHoldsEveryCommittedReportAndRestores() async throws {
        let cli = try CLI()
        try await cli.seed()
        let fake = try FakeBotAPI()
        let informant = FakeUser(id: 4242, firstName: "Informant")
        var bot = try startBot(cli, fake: fake)
        // Tips keep coming until the test has seen the bot take more after the backup.
        let producer = Task {
            var index = 0
            while !Task.isCancelled {
                fake.sendGroupMessage(
                    chatID: RunProcessTests.groups[index % 2], from: informant, text: RunProcessTests.tip(index))
                index += 1
                try? await Task.sleep(for: .milliseconds(3))
            }
        }
        let store = try Store(path: cli.database)
        try await waitUntil("reports before the backup", timeout: .seconds(60)) { try store.reports().count >= 60 }
        // Everything committed before the backup begins must be in it.
        let before = Set(try store.reports().map(\.ref))
        let copy = cli.directory.file("backups/senani-1.sqlite")
        try FileManager.default.createDirectory(atPath: cli.directory.file("backups"), withIntermediateDirectories: true)
        let backup = try await cli.run(["backup", "--to", copy])
        #expect(backup.status == 0, "\(backup.stderr)")
        let after = try store.reports().count
        try await waitUntil("the bot taking tips after the backup", timeout: .seconds(60)) {
            try store.reports().count >= after + 20
        }
        producer.cancel()
        await producer.value

        #expect(try Store.integrityCheck(path: copy) == ["ok"])
        #expect(!FileManager.default.fileExists(atPath: copy + "-wal"))
        let saved = Set(try Store(path: copy).reports().map(\.ref))
        #expect(before.isSubset(of: saved), "missing: \(before.subtracting(saved).sorted().prefix(5))")

        // Restore drill: stop, set the live files aside, copy the backup back, start.
        bot.signal(SIGTERM)
        #expect(try await bot.waitForExit() == 0)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: cli.database + suffix) {
            try FileManager.default.moveItem(atPath: cli.database + suffix, toPath: cli.database + suffix + ".old")
        }
        try FileManager.default.copyItem(atPath: copy, toPath: cli.database)
        let polls = fake.requests(for: "getUpdates").count
        bot = try startBot(cli, fake: fake)
        try await fake.waitForRequests("getUpdates", count: polls + 2, timeout: .seconds(30))
        let restored = try Store(path: cli.database)
        // Everything in the backup is back (tips still waiting at Telegram come in on top).
        #expect(saved.isSubset(of: Set(try restored.reports().map(\.ref))))
        #expect(try Store.integrityCheck(path: cli.database) == ["ok"])
        bot.signal(SIGTERM)
        #expect(try await bot.waitForExit() == 0)
    }

    /// deploy/senani-backup.service prunes to the newest 14 copies: its own shell line, run on twenty files.
    @Test func theBackupTimerKeepsTheNewestFourteen() async throws {
        let unit = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../deploy/senani-backup.service").standardized.path
        let text = try String(contentsOfFile: unit, encoding: .utf8)
        let exec = try #require(text.split(separator: "\n").first { $0.hasPrefix("ExecStart=") })
        let prune = try #require(exec.range(of: "ls -1t")).lowerBound
        let line = String(exec[prune...].dropLast())  // the closing quote of sh -c '…'
        let directory = try TemporaryDirectory()
        let backups = directory.file("backups")
        try FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
        for day in 1...20 {
            let path = backups + "/senani-202611\(day < 10 ? "0" : "")\(day)T023000Z.sqlite"
            _ = FileManager.default.createFile(atPath: path, contents: Data("x".utf8))
            try FileManager.default.setAttributes(
                [.modificationDate: Date(timeIntervalSince1970: 1_795_000_000 + Double(day) * 86_400)], ofItemAtPath: path)
        }
        let shell = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", line.replacingOccurrences(of: "/var/lib/senani/backups", with: backups)],
            environment: ["PATH": "/usr/bin:/bin"], directory: directory)
        #expect(try await shell.waitForExit() == 0, "\(shell.stderr)")
        let kept = try FileManager.default.contentsOfDirectory(atPath: backups).sorted()
        #expect(kept.count == 14)
        #expect(kept.first == "senani-20261107T023000Z.sqlite" && kept.last == "senani-20261120T023000Z.sqlite")
    }
}
