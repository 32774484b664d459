import Foundation
import TelegramBotAPI

/// getUpdates decoding alone: a full batch of 100 group tips, as Telegram sends them.
enum DecodeBenchmark {
    static func body(batch: Int = 100) -> Data {
        var parts: [String] = []
        for index in 0..<batch {
            let text = IntakeBenchmark.tip(index).replacingOccurrences(of: "\"", with: "\\\"")
            parts.append(
                #"{"update_id":\#(900_000 + index),"message":{"message_id":\#(index + 1),"from":{"id":\#(10_000 + index),"is_bot":false,"first_name":"Informant","username":"user\#(index)","language_code":"hi"},"chat":{"id":-1001000000000,"title":"Cyber Senani Thana","type":"supergroup"},"date":1795000000,"text":"\#(text)"}}"#)
        }
        return Data(("{\"ok\":true,\"result\":[" + parts.joined(separator: ",") + "]}").utf8)
    }

    static func run() throws -> [String] {
        let data = body()
        let clock = ContinuousClock()
        var best = Duration.seconds(100)
        for _ in 0..<300 {
            let started = clock.now
            let updates = try BotAPI.decodeUpdates(data)
            precondition(updates.count == 100)
            best = min(best, started.duration(to: clock.now))
        }
        let micros = Double(best.components.attoseconds) / 1e12 + Double(best.components.seconds) * 1e6
        return [String(format: "  a batch of 100 updates (%d bytes): %.2f ms, %.1f µs per update (best of 300)", data.count, micros / 1000, micros / 100)]
    }
}
