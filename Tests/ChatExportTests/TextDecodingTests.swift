import ChatExport
import Foundation
import Testing

/// Strings, numbers and the message fields that have more than one form.
@Suite struct TextDecodingTests {
    private func text(_ literal: String) throws -> String? {
        try ExportFiles.read(json: ExportFiles.export(ExportFiles.message(id: 1, "\"text\": \(literal)"))).messages.first?.text
    }

    @Test func escapesAndSurrogates() throws {
        #expect(try text(#""\"\\\/\b\f\n\r\t""#) == "\"\\/\u{08}\u{0C}\n\r\t")
        #expect(try text(#""\u0926\u093E\u0930\u0942 \u00e9 \u0000""#) == "दारू é \u{0}")
        #expect(try text(#""\ud83d\ude4f\uD83C\uDDEE\uD83C\uDDF3""#) == "🙏🇮🇳")
        #expect(try text(#""a\ud83db""#) == "a\u{FFFD}b")  // lone high surrogate
        #expect(try text(#""a\ude4fb""#) == "a\u{FFFD}b")  // lone low surrogate
        #expect(try text(#""\ud83d\u0041""#) == "\u{FFFD}A")  // high, then not a low one
        #expect(try text(#""\ud83d\ud83d\ude4f""#) == "\u{FFFD}🙏")  // high, then a whole pair
        #expect(try text(#""\ud83d\n""#) == "\u{FFFD}\n")
        #expect(try text(#""\x0B\x1F""#) == "\u{0B}\u{1F}")  // Desktop's own escape for control characters
    }

    @Test func invalidUTF8BecomesReplacementCharacters() throws {
        var bytes = Array(ExportFiles.export(ExportFiles.message(id: 1, "\"text\": \"a@@b\\u00e9\"")).utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "@"))!
        bytes[at] = 0xFF  // never valid
        bytes[at + 1] = 0xE0  // a truncated three-byte sequence
        let read = try ExportFiles.read(bytes: Data(bytes))
        #expect(read.messages.first?.text == "a\u{FFFD}\u{FFFD}bé")
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let read = try ExportFiles.read(bytes: Data([0xEF, 0xBB, 0xBF] + Array(ExportFiles.export(ExportFiles.message(id: 4)).utf8)))
        #expect(read.error == nil && read.messages.map(\.id) == [4])
    }

    @Test func entityArraysAreJoined() throws {
        let parts = #"["Call ", {"type": "phone", "text": "+91 94318 00000"}, " or see ", {"type": "text_link", "text": "this", "href": "https://x.invalid"}, {"type": "mention_name", "text": " Rekha", "user_id": 6011223344}, ""]"#
        #expect(try text(parts) == "Call +91 94318 00000 or see this Rekha")
        #expect(try text("[]") == "")
        #expect(try text("null") == "")
    }

    @Test func numbersAndOptionalForms() throws {
        let json = ExportFiles.export("""
            {"id": 9007199254740993, "type": "message", "date": "2019-05-01T09:30:00", "from": null, "from_id": 123456789,
             "forwarded_from": null, "reply_to_message_id": 12, "edited": "2019-05-01T09:31:00",
             "location_information": {"latitude": 2.5e1, "longitude": -86.573120, "accuracy": [1, {"a": null}]},
             "text": "", "unknown": {"deep": [true, false, null, -0, 1E-3, "x"]}},
            {"id": 10, "type": "unsupported"},
            {"id": 11, "type": "service", "date_unixtime": "1709268302", "actor": "A", "actor_id": "user5", "action": "pin_message", "message_id": 10, "text": ""}
            """)
        let reader = try ExportFiles.read(json: json)
        #expect(reader.error == nil)
        let m = reader.messages
        #expect(m.map(\.id) == [9_007_199_254_740_993, 11])
        // No date_unixtime: `date` is read as IST.
        #expect(m[0].date == Date(timeIntervalSince1970: 1_556_683_200))
        #expect(m[0].fromName == nil && m[0].fromID == "user123456789")
        #expect(m[0].isForwarded && m[0].forwardedFrom == nil && m[0].edited)
        #expect(m[0].location == ExportedMessage.Location(latitude: 25, longitude: -86.57312))
        #expect(m[1].isService && m[1].action == "pin_message" && m[1].fromName == "A")
    }

    @Test func chatFieldsAfterMessagesAreRead() throws {
        let json = #"{"messages": [], "name": "Late", "id": -5, "type": "private_group"}"#
        let read = try ExportFiles.read(json: json)
        #expect(read.error == nil)
        #expect(read.chat == ExportedChat(name: "Late", type: "private_group", id: -5))
    }
}
