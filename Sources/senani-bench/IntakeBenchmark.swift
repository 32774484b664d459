import Foundation
import SenaniStore
import SenaniTestSupport

/// End to end: the real `senani run` process against a local fake Bot API holding `count` tips.
/// Measures tips/s from the first getUpdates to the last offset confirmed (every report committed with its queued
/// reply), and the process's peak resident memory.
enum IntakeBenchmark {
    static func run(count: Int = 20_000, groups: Int = 10) async throws -> [String] {
        let binary = BuiltProducts.path("senani")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return ["intake: \(binary) not found; run `swift build -c release` first"]
        }
        let directory = try TemporaryDirectory("senani-bench")
        let database = directory.file("bench.sqlite")
        let store = try Store(path: database)
        try store.upsertDistrict(District(code: "BEN", name: "Bench"))
        let chats = (0..<groups).map { -1_001_000_000_000 - Int64($0) }
        for (index, chat) in chats.enumerated() {
            try store.upsertThana(Thana(code: "BEN-T\(index)", districtCode: "BEN", name: "Thana \(index)", chatID: chat))
        }
        let fake = try FakeBotAPI()
        for index in 0..<count {
            fake.sendGroupMessage(
                chatID: chats[index % groups], from: FakeUser(id: Int64(10_000 + index % 500), firstName: "I"),
                text: tip(index))
        }

        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Templates").standardized.path
        let clock = ContinuousClock()
        let started = clock.now
        let process = try ChildProcess(
            executable: binary,
            arguments: ["run", "--db", database, "--api-url", fake.baseURL, "--poll-timeout", "1", "--log-level", "warning"],
            environment: ["SENANI_BOT_TOKEN": fake.token, "SENANI_TEMPLATES": templates, "PATH": "/usr/bin:/bin"]
                .merging(ProcessInfo.processInfo.environment.filter { $0.key.hasPrefix("SWIFT_BACKTRACE") }) { _, new in new },
            directory: directory)
        try await fake.waitForRequests("getUpdates", count: 1, timeout: .seconds(30))
        let firstPoll = clock.now
        var peakKB = 0
        while fake.pendingUpdateCount > 0 {
            peakKB = max(peakKB, residentKB(pid: process.pid, field: "VmHWM:"))
            try await Task.sleep(for: .milliseconds(20))
            if clock.now - started > .seconds(300) { throw WaitTimeout(what: "intake of \(count) tips") }
        }
        let elapsed = firstPoll.duration(to: clock.now)
        peakKB = max(peakKB, residentKB(pid: process.pid, field: "VmHWM:"))
        process.signal(SIGTERM)
        let status = try await process.waitForExit(timeout: .seconds(20))
        if status != 0 { print("senani run exited \(status); its stderr:\n\(process.stderr.suffix(3000))") }
        let reports = try store.reports().count
        let queued = try store.outboxCounts()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return [
            "intake: \(count) tips in batches of 100 across \(groups) groups",
            String(format: "  %.0f tips/s (%.2f s from first getUpdates to last offset confirmed)", Double(count) / seconds, seconds),
            "  reports committed: \(reports); replies queued or sent: \(queued.pending + queued.sent + queued.failed)",
            "  peak RSS of senani run: \(peakKB / 1024) MB (VmHWM); exit status after SIGTERM: \(status)",
        ]
    }

    static func tip(_ index: Int) -> String {
        let villages = ["Rampur", "Sonbarsa", "Parsa", "Kishanpur", "Bairiya", "Mahuli", "Chautham", "Gogri"]
        let lines = [
            "\(villages[index % 8]) tola me daru bik rahi hai, aaj raat 10 baje gaadi aayegi BR 34 AB \(1000 + index % 9000)",
            "ग्राम \(villages[index % 8]) में महुआ दारू की भट्ठी चल रही है, 20 लीटर रोज बनता है, फोन 98765 \(10000 + index % 89999)",
            "फरार अपराधी \(villages[index % 8]) टोला में ससुराल में छिपा है, रात में आता है",
            "booth no \(index % 300) par kuch log vote ke liye paise baant rahe hain, \(villages[index % 8]) school ke paas",
        ]
        return lines[index % lines.count] + " #\(index)"
    }

    /// A `/proc/PID/status` memory field in kB, or 0 when unavailable.
    static func residentKB(pid: Int32, field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix(field) {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
        }
        return 0
    }
}
