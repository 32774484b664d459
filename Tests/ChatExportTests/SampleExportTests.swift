import Foundation
import Testing

@testable import ChatExport

/// The hand-made export of a thana group (Fixtures/make_sample_result.py) reads completely and right.
@Suite struct SampleExportTests {
    @Test func readsEveryMessageAndTheChat() throws {
        let reader = try ChatExportReader(path: ExportFiles.samplePath)
        #expect(reader.chat == ExportedChat(name: "Cyber Senani - Gogri Thana", type: "private_supergroup", id: 1_876_543_210))
        var messages: [ExportedMessage] = []
        while let message = try reader.next() { messages.append(message) }
        #expect(messages.count == 289)
        #expect(messages.filter(\.isService).count == 22)
        #expect(reader.messageCount == 289)
        #expect(reader.skippedCount == 0)
        #expect(reader.bytesRead == reader.fileSize)
        #expect(try reader.next() == nil)
        // The basic group's 18 messages come first; the supergroup's ids start again at 1.
        #expect(messages[17].action == "migrate_to_supergroup")
        #expect(messages[18].id == 1 && messages[18].action == "migrate_from_group")
        #expect(messages[18].fromID == "channel1876543210")
        #expect(Set(messages.map(\.id)).count == 289 - 18)
    }

    @Test func checksMessagesFieldByField() throws {
        let m = ExportFiles.read(ExportFiles.samplePath).messages
        #expect(m[0] == ExportedMessage(
            id: 1, isService: true, date: Date(timeIntervalSince1970: 1_703_743_065),
            fromName: "Manoj Kumar Singh (SHO Gogri)", fromID: "user5123409876", action: "create_group"))
        #expect(m[1].text == "स्वागत है — यह गोगरी थाना का साइबर सेनानी ग्रुप है। अपराध की सूचना यहां दें।")
        #expect(m[14].edited && m[14].id == 15)

        let tip = m[23]
        #expect(tip == ExportedMessage(
            id: 6, date: Date(timeIntervalSince1970: 1_705_256_964), fromName: "Sonu Rajak", fromID: "user5834104632",
            text: "@sho_gogri सर देखिए, बांध के पास भट्ठी चल रही है, संपर्क 9472 000 111", hasPhoto: true,
            photoPath: "photos/photo_1@14-01-2024_23-59-24.jpg"))
        #expect(m[26].replyToMessageID == 6)
        #expect(m[26].text == "टीम पहुंच गई है, 2 ड्रम लहन नष्ट किया गया")  // its reactions were skipped
        #expect(m[32].location == ExportedMessage.Location(latitude: 25.475031, longitude: 86.57312))
        #expect(m[39].hasPhoto && m[39].photoPath == nil && m[39].text.isEmpty)
        #expect(m[51].isForwarded && m[51].forwardedFrom == "Dainik Samachar Khagaria")
        #expect(m[57].isForwarded && m[57].forwardedFrom == nil)
        #expect(m[65].edited && !m[66].edited)
        #expect(m[72].mediaType == "voice_message" && !m[72].hasPhoto)
        #expect(m[80].mediaType == "sticker")
        #expect(m[86].fromName == nil && m[86].fromID == "user6998877665")
        #expect(m[93].fromID == "channel1876543210")
        #expect(m[101].text == "पहली लाइन\u{0B}दूसरी लाइन \u{2028} और 𝐁𝐨𝐥𝐝 😀 \"quoted\" back\\slash\ttab")
        #expect(m.contains { $0.text == "Help: /start dabaiye yahan zaroor ASI madam" })
        #expect(m.last?.text == "सभी सेनानियों का धन्यवाद। इस महीने 14 छापेमारी हुई। #GogriPolice")
    }

    /// Foundation's parser as an oracle (after turning Desktop's `\x0B` escapes into JSON's `\u000B`).
    @Test func agreesWithFoundationOnEveryMessage() throws {
        let text = String(decoding: ExportFiles.sample, as: UTF8.self).replacingOccurrences(of: "\\x", with: "\\u00")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let expected = try #require(root["messages"] as? [[String: Any]])
        let messages = ExportFiles.read(ExportFiles.samplePath).messages
        #expect(messages.count == expected.count)
        for (message, object) in zip(messages, expected) {
            #expect(message.id == object["id"] as? Int64 ?? Int64(object["id"] as! Int))
            #expect(message.isService == (object["type"] as? String == "service"))
            #expect(message.date.timeIntervalSince1970 == Double(object["date_unixtime"] as! String))
            #expect(message.fromID == (object["from_id"] as? String ?? object["actor_id"] as? String))
            #expect(message.hasPhoto == (object["photo"] != nil))
            #expect(message.isForwarded == (object["forwarded_from"] != nil))
            #expect(message.edited == (object["edited"] != nil))
            #expect(message.replyToMessageID == (object["reply_to_message_id"] as? Int).map(Int64.init))
            let flat: String
            if let parts = object["text"] as? [Any] {
                flat = parts.map { ($0 as? String) ?? (($0 as? [String: Any])?["text"] as? String ?? "") }.joined()
            } else {
                flat = object["text"] as? String ?? ""
            }
            #expect(message.text == flat, "message \(message.id)")
            // The local `date` is IST: the fallback reading gives the same instant.
            let local = Array((object["date"] as! String).utf8)
            #expect(local.withUnsafeBufferPointer(ExportDate.indianStandardTime) == message.date)
        }
    }

    /// Tiny chunks put every token, escape and multi-byte character across a chunk boundary somewhere.
    @Test(arguments: [16, 17, 31, 1000])
    func readsTheSameWithTinyChunks(chunkSize: Int) throws {
        let whole = ExportFiles.read(ExportFiles.samplePath).messages
        let chunked = ExportFiles.read(ExportFiles.samplePath, limits: .init(chunkSize: chunkSize))
        #expect(chunked.error == nil)
        #expect(chunked.messages == whole)
    }
}
