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
            return ["intake: \(binary) not found; run `swift build -c release --static-swift-stdlib` first"]
        }
        let directory = try TemporaryDirectory("senani-bench")
        let database = directory.file("bench.sqlite")
        let store = try Store(path: database)
        try store.upsertDistrict(District(code: "BEN", name: "Bench"), at: Date())
        let chats = (0..<groups).map { -1_001_000_000_000 - Int64($0) }
        for (index, chat) in chats.enumerated() {
            try store.upsertThana(Thana(code: "BEN-T\(index)", districtCode: "BEN", name: "Thana \(index)", chatID: chat), at: Date())
            // Notifications on: every new report also queues its SHO's notice.
            try store.upsertOfficer(
                Officer(telegramID: 500 + Int64(index), role: .sho, thanaCode: "BEN-T\(index)", name: "SHO \(index)"), at: Date())
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
        let cpuAtStart = cpuSeconds(pid: process.pid)
        var peakKB = 0
        while fake.pendingUpdateCount > 0 {
            peakKB = max(peakKB, residentKB(pid: process.pid, field: "VmHWM:"))
            try await Task.sleep(for: .milliseconds(20))
            if clock.now - started > .seconds(300) { throw WaitTimeout(what: "intake of \(count) tips") }
        }
        let elapsed = firstPoll.duration(to: clock.now)
        let cpu = cpuSeconds(pid: process.pid) - cpuAtStart
        peakKB = max(peakKB, residentKB(pid: process.pid, field: "VmHWM:"))
        process.signal(SIGTERM)
        let status = try await process.waitForExit(timeout: .seconds(20))
        if status != 0 { print("senani run exited \(status); its stderr:\n\(process.stderr.suffix(3000))") }
        let all = try store.reports()
        let reports = all.count
        let duplicates = all.filter { $0.duplicateOf != nil }.count
        let queued = try store.outboxCounts()
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return [
            "intake: \(count) tips in batches of 100 across \(groups) groups, each with an SHO to notify",
            String(format: "  %.0f tips/s (%.2f s from first getUpdates to last offset confirmed)", Double(count) / seconds, seconds),
            "  reports committed: \(reports) (\(duplicates) linked as repeats); replies queued or sent: "
                + "\(queued.pending + queued.sent + queued.failed)",
            String(
                format: "  senani's own CPU: %.2f s, %.0f µs per tip, so %.0f tips per CPU-second "
                    + "(the rest of the wall time is the fake server's, on the same 2 cores)",
                cpu, cpu / Double(count) * 1e6, Double(count) / cpu),
            "  peak RSS of senani run: \(peakKB / 1024) MB (VmHWM); exit status after SIGTERM: \(status)",
        ]
    }

    /// Tips that differ in wording, not only in numbers, so the duplicate search scans the whole week as it does
    /// for real distinct tips (a repeat would end the scan early and flatter the figure).
    static func tip(_ index: Int) -> String {
        var generator = SplitMix(seed: UInt64(index))
        func pick(_ words: [String]) -> String { words[Int(generator.next() % UInt64(words.count))] }
        let places = ["Rampur", "Sonbarsa", "Parsa", "Kishanpur", "Bairiya", "Mahuli", "Chautham", "Gogri", "Beldaur",
                      "Alauli", "Pipra", "Maheshkhunt", "Pasraha", "Sherpur", "Raghunathpur", "Jhikatiya"]
        let landmarks = ["school ke peeche", "mandir ke paas", "pul ke neeche", "bandh par", "chowk par", "bazar me",
                         "nadi kinare", "dhaba ke paas", "masjid ke saamne", "panchayat bhawan ke paas"]
        let deeds = ["daru bik rahi hai", "mahua ki bhatti chal rahi hai", "angrezi sharab utar rahi hai",
                     "tadi bech raha hai", "farar aadmi chhupa hai", "vote ke liye paise baant rahe hain",
                     "booth par dhamki de rahe hain", "satta chal raha hai", "ganja bik raha hai", "katta bana raha hai"]
        let times = ["aaj raat", "kal subah", "abhi", "har shaam", "raat 11 baje", "dopahar me", "parson se"]
        let extras = ["pickup se maal aata hai", "do log bike par aate hain", "gaon wale darte hain", "police ko khabar nahi",
                      "naam mat batana", "photo bhej sakte hain", "kaafi dino se ho raha hai", "bachche bhi jaate hain",
                      "ek safed gaadi aati hai", "mukhiya ka aadmi hai"]
        return "\(pick(places)) \(pick(landmarks)) \(pick(times)) \(pick(deeds)), \(pick(extras)), \(pick(extras)). "
            + "\(pick(places)) wala \(pick(["Pintu", "Munna", "Raju", "Guddu", "Sonu", "Bablu", "Chhotu"])) \(index)"
    }

    /// A small deterministic generator, so every run of the benchmark sees the same tips.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
        mutating func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// User + system CPU time of a process, from `/proc/PID/stat` (clock ticks of 1/100 s).
    static func cpuSeconds(pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14 and stime 15 (1-based, in the whole line).
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / 100
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
