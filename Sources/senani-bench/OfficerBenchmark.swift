import Foundation
import SenaniStore
import SenaniTestSupport

/// The SHO must not wait behind his group's queue: with Telegram's limits on (20/min into a group, 30/s overall),
/// a burst of 100 tips into one group, the real `senani run` against the fake Bot API. Measures, per tip, the time
/// from the tip reaching Telegram to its SHO notification being sent, and, per tap, the time to its answer.
enum OfficerBenchmark {
    static func run(tips: Int = 100, taps: Int = 20) async throws -> [String] {
        let binary = BuiltProducts.path("senani")
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            return ["officers: \(binary) not found; run `swift build -c release --static-swift-stdlib` first"]
        }
        let directory = try TemporaryDirectory("senani-bench-officers")
        let database = directory.file("bench.sqlite")
        let store = try Store(path: database)
        let group: Int64 = -1_001_000_000_042
        let sho: Int64 = 4242
        try store.upsertDistrict(District(code: "BEN", name: "Bench"), at: Date())
        try store.upsertThana(Thana(code: "BEN-SADAR", districtCode: "BEN", name: "Sadar", chatID: group), at: Date())
        try store.upsertOfficer(Officer(telegramID: sho, role: .sho, thanaCode: "BEN-SADAR", name: "SHO"), at: Date())
        let fake = try FakeBotAPI()
        let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Templates").standardized.path
        let process = try ChildProcess(
            executable: binary,
            arguments: ["run", "--db", database, "--api-url", fake.baseURL, "--poll-timeout", "5", "--log-level", "warning"],
            environment: ["SENANI_BOT_TOKEN": fake.token, "SENANI_TEMPLATES": templates, "PATH": "/usr/bin:/bin"],
            directory: directory)
        defer { process.signal(SIGKILL) }
        try await fake.waitForRequests("getUpdates", count: 1, timeout: .seconds(30))

        // 100 tips within a minute into one group: a busy evening's burst.
        var sentAt: [String: Date] = [:]
        for index in 0..<tips {
            let marker = "ward \(index + 1000)"
            sentAt[marker] = Date()
            fake.sendGroupMessage(
                chatID: group, from: FakeUser(id: 9_000 + Int64(index), firstName: "I"),
                text: IntakeBenchmark.tip(index) + ", \(marker) me")
            try await Task.sleep(for: .milliseconds(590))
        }
        try await fake.waitUntil(timeout: .seconds(60), message: "every notice") { fake in
            fake.sentMessages(to: sho).filter { !$0.callbackData.isEmpty }.count >= tips
        }
        var latencies: [Double] = []
        for request in fake.requests(for: "sendMessage") where request.params["chat_id"]?.int64Value == sho {
            let text = request.params["text"]?.stringValue ?? ""
            guard let marker = sentAt.keys.first(where: { text.contains($0 + " ") }), let start = sentAt[marker] else { continue }
            latencies.append(request.time.timeIntervalSince(start))
        }
        let groupRepliesSoFar = fake.sentMessages(to: group).count

        // Taps while the group's replies are still queued behind its 20/min.
        var answerTimes: [Double] = []
        let notices = fake.sentMessages(to: sho).filter { !$0.callbackData.isEmpty }
        for notice in notices.prefix(taps) {
            guard let ack = notice.callbackData.first(where: { $0.hasPrefix("a|") }) else { continue }
            let start = Date()
            let query = fake.pressButton(chatID: sho, messageID: notice.messageID, from: FakeUser(id: sho, firstName: "SHO"), data: ack)
            try await fake.waitUntil(timeout: .seconds(30), message: "answer to \(query)") { fake in
                fake.requests(for: "answerCallbackQuery").contains { $0.params["callback_query_id"]?.stringValue == query }
            }
            if let answered = fake.requests(for: "answerCallbackQuery").first(where: { $0.params["callback_query_id"]?.stringValue == query }) {
                answerTimes.append(answered.time.timeIntervalSince(start))
            }
        }
        process.signal(SIGTERM)
        _ = try? await process.waitForExit(timeout: .seconds(20))
        return [
            "officers: \(tips) tips into one group within a minute, Telegram's limits on (20/min per group, 30/s overall, 3/s into one chat)",
            "  SHO notification after its tip: " + summary(latencies) + " (target: every one <= 3 s)",
            "  callback answer after a tap: " + summary(answerTimes) + " (target: <= 1 s)",
            "  group replies sent meanwhile: \(groupRepliesSoFar) of \(tips) (they catch up at 20 a minute)",
        ]
    }

    static func summary(_ values: [Double]) -> String {
        guard !values.isEmpty else { return "no samples" }
        let sorted = values.sorted()
        func at(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        return String(format: "p50 %.3f s, p95 %.3f s, max %.3f s (n=%d)", at(0.5), at(0.95), sorted.last ?? 0, sorted.count)
    }
}
