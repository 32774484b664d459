import ChatExport
import Foundation
import SenaniTestSupport

/// Reading a large Telegram Desktop export (`senani import`): messages/s, MB/s, and this process's peak resident
/// memory while reading, which must not grow with the file. The file is written first (so it is in the page cache:
/// this measures parsing, not the disk), then the peak is reset through /proc/self/clear_refs.
enum ChatExportBenchmark {
    /// Writes `count` generated messages to a temporary file and reads them. With `file`, reads that file when it
    /// exists (a real export, or one kept from an earlier run), else writes the generated export there and keeps it.
    static func run(messages count: Int, file: String? = nil) throws -> [String] {
        let folder = try TemporaryDirectory("senani-bench-export")
        let path = file ?? folder.file("result.json")
        let existing = file.flatMap { FileManager.default.fileExists(atPath: $0) ? $0 : nil }
        let clock = ContinuousClock()
        var size: Int64 = 0
        var writing = Duration.zero
        if existing == nil {
            writing = try clock.measure { size = try TelegramExportWriter().write(messages: count, to: path) }
        } else {
            size = Int64((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
        let pid = getpid()
        let reset = (try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)) != nil
        let peakBefore = IntakeBenchmark.residentKB(pid: pid, field: "VmHWM:")
        let rssBefore = IntakeBenchmark.residentKB(pid: pid, field: "VmRSS:")

        var read = 0
        var textBytes = 0
        var photos = 0
        let reading = try clock.measure {
            let reader = try ChatExportReader(path: path)
            while let message = try reader.next() {
                read += 1
                textBytes &+= message.text.utf8.count
                if message.hasPhoto { photos += 1 }
            }
        }
        let peakAfter = IntakeBenchmark.residentKB(pid: pid, field: "VmHWM:")
        let seconds = Double(reading.components.seconds) + Double(reading.components.attoseconds) / 1e18
        let megabytes = Double(size) / 1_048_576
        return [
            "chat export (\(read) messages, \(Int(megabytes)) MB"
                + (existing == nil ? " written in \(writing)" : " from \(path)") + "; \(photos) photos, \(textBytes) text bytes)",
            "  read                      \(format(seconds)) s",
            "  messages/s                \(Int(Double(read) / seconds))",
            "  MB/s                      \(format(megabytes / seconds))",
            "  RSS before reading        \(rssBefore / 1024) MB",
            "  peak RSS while reading    \(peakAfter / 1024) MB (VmHWM\(reset ? ", reset before reading" : ", not resettable: since start"); was \(peakBefore / 1024) MB)",
        ]
    }

    private static func format(_ x: Double) -> String { String((x * 100).rounded() / 100) }
}
