import ChatExport
import Foundation
import SenaniTestSupport
import Testing

/// The generator behind the benchmark writes exports the reader reads completely (the benchmark's numbers mean
/// something only if every message was read).
@Suite struct GeneratedExportTests {
    @Test func generatedExportReadsBack() throws {
        let folder = try TemporaryDirectory("chat-export")
        let path = folder.file("result.json")
        let size = try TelegramExportWriter().write(messages: 5_000, to: path)
        let reader = try ChatExportReader(path: path)
        var messages: [ExportedMessage] = []
        while let message = try reader.next() { messages.append(message) }
        #expect(reader.fileSize == size && reader.bytesRead == size)
        #expect(messages.count == 5_000)
        #expect(messages.map(\.id) == Array(1...5_000))
        #expect(messages.filter(\.isService).count == (0..<5_000).filter { $0 % 97 == 13 }.count)
        #expect(messages.contains { $0.text == "@sho_thana सर देखिए, बांध के पास भट्ठी चल रही है, संपर्क 9472 000 111" })
        #expect(messages.contains { $0.location != nil } && messages.contains { $0.photoPath != nil })
        #expect(zip(messages, messages.dropFirst()).allSatisfy { $0.date < $1.date })
    }

    @Test func localDatesAreIST() {
        #expect(TelegramExportWriter.localDate(1_709_268_302) == "2024-03-01T10:15:02")
        #expect(TelegramExportWriter.localDate(0) == "1970-01-01T05:30:00")
    }
}
