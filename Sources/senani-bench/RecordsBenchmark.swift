import Foundation
import SenaniStore
import SenaniTestSupport
import TipAnalysis

/// Records that leave the bot, through the real `senani` binary: `senani import` of a generated Telegram Desktop
/// export (messages/s, peak RSS), and `reports export` of a million reports as CSV and JSON lines (rows/s, peak
/// RSS, which must not grow with the count: it is measured for a tenth of the rows too).
enum RecordsBenchmark {
    static func run(importMessages: Int, exportReports: Int) async throws -> [String] {
        let binary = BuiltProducts.path("senani")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return ["records: \(binary) not found; run `swift build -c release --static-swift-stdlib` first"]
        }
        let directory = try TemporaryDirectory("senani-bench-records")
        var lines: [String] = []

        // Import.
        let export = directory.file("result.json")
        let size = try TelegramExportWriter().write(messages: importMessages, to: export)
        let importDB = directory.file("import.sqlite")
        let store = try Store(path: importDB)
        try store.upsertDistrict(District(code: "BEN", name: "Bench"), at: Date())
        try store.upsertThana(Thana(code: "BEN-T0", districtCode: "BEN", name: "Thana 0"), at: Date())
        let imported = try await measure(binary, ["import", "--db", importDB, "--thana", "BEN-T0", export], in: directory)
        let reports = try store.reports().count
        lines.append("import: \(importMessages) messages (\(size / 1_048_576) MB), \(reports) tips queued")
        lines.append(String(format: "  %.0f messages/s (%.2f s, both passes)", Double(importMessages) / imported.seconds, imported.seconds))
        lines.append("  peak RSS of senani import: \(imported.peakKB / 1024) MB; exit \(imported.status)")
        let again = try await measure(binary, ["import", "--db", importDB, "--thana", "BEN-T0", export], in: directory)
        lines.append(String(format: "  again (all already there): %.0f messages/s; peak RSS %d MB", Double(importMessages) / again.seconds, again.peakKB / 1024))

        // Export.
        // SENANI_BENCH_EXPORT_DB keeps the seeded database between runs (seeding a million takes a minute).
        let kept = ProcessInfo.processInfo.environment["SENANI_BENCH_EXPORT_DB"]
        let exportDB = kept ?? directory.file("export.sqlite")
        let start = Date(timeIntervalSince1970: 1_704_067_200)
        if !FileManager.default.fileExists(atPath: exportDB) {
            let seeding = try ContinuousClock().measure { try seed(exportDB, count: exportReports, from: start) }
            lines.append("export: \(exportReports) reports (seeded in \(seeding))")
        } else {
            lines.append("export: \(exportReports) reports (kept in \(exportDB))")
        }
        // The first tenth of the reports, by time: a smaller export must not need less memory.
        let tenth = ISO8601DateFormatter().string(from: start.addingTimeInterval(Double(exportReports / 10) * 60))
        for (format, until) in [("csv", nil), ("jsonl", nil), ("csv", tenth)] as [(String, String?)] {
            var arguments = ["reports", "export", "--db", exportDB, "--format", format]
            if let until { arguments += ["--until", until] }
            let rows = until == nil ? exportReports : exportReports / 10
            let result = try await measure(binary, arguments, in: directory)
            lines.append(
                String(format: "  %-5@ %8d rows: %.0f rows/s (%.2f s), %.0f MB/s, peak RSS %d MB; exit %d", format as NSString,
                       rows, Double(rows) / result.seconds, result.seconds, Double(result.bytes) / 1_048_576 / result.seconds,
                       result.peakKB / 1024, result.status))
        }
        return lines
    }

    struct Measured {
        var seconds: Double
        var peakKB: Int
        var status: Int32
        var bytes: Int64
    }

    /// Runs the binary with stdout into a byte-counting pipe, polling its peak RSS (VmHWM) until it exits.
    static func measure(_ binary: String, _ arguments: [String], in directory: TemporaryDirectory) async throws -> Measured {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.standardError
        let reader = pipe.fileHandleForReading
        let counter = Task.detached { () -> Int64 in
            var total: Int64 = 0
            var buffer = [UInt8](repeating: 0, count: 1 << 20)
            while true {
                let n = buffer.withUnsafeMutableBytes { read(reader.fileDescriptor, $0.baseAddress, $0.count) }
                if n <= 0 { return total }
                total += Int64(n)
            }
        }
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        try? pipe.fileHandleForWriting.close()
        var peak = 0
        while process.isRunning {
            peak = max(peak, IntakeBenchmark.residentKB(pid: process.processIdentifier, field: "VmHWM:"))
            try await Task.sleep(for: .milliseconds(5))
        }
        let elapsed = started.duration(to: clock.now)
        let bytes = await counter.value
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Measured(seconds: seconds, peakKB: peak, status: process.terminationStatus, bytes: bytes)
    }

    /// `count` reports over 40 thanas, one a minute, through the import session (one transaction): varied texts,
    /// analyses from a pool of a thousand real ones.
    static func seed(_ path: String, count: Int, from start: Date) throws {
        let store = try Store(path: path)
        try store.upsertDistrict(District(code: "BEN", name: "Bench"), at: Date())
        let thanas = (0..<40).map { "BEN-T\($0)" }
        for code in thanas { try store.upsertThana(Thana(code: code, districtCode: "BEN", name: code), at: Date()) }
        let analyzer = TipAnalyzer()
        let texts = (0..<1000).map { IntakeBenchmark.tip($0) + ", \"दारू\", 20 लीटर =SUM(A1)" }
        let analyses = texts.map(analyzer.analyze)
        for (index, code) in thanas.enumerated() {
            try store.importReports(thana: code, at: Date()) { session in
                var n = index
                while n < count {
                    let report = NewReport(
                        thanaCode: code, chatID: -1_001_000_000_000 - Int64(index), messageID: Int64(n + 1),
                        reporterUserID: Int64(10_000 + n % 5000), text: texts[n % 1000] + " \(n)",
                        receivedAt: start.addingTimeInterval(Double(n) * 60), analysis: analyses[n % 1000])
                    _ = try session.add(report)
                    n += thanas.count
                }
            }
        }
    }
}
