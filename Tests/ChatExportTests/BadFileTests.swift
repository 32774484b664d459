import ChatExport
import Foundation
import SenaniTestSupport
import Testing

/// A bad file is one error naming the place, and the reader never ends cleanly on it.
@Suite struct BadFileTests {
    @Test func missingFileAndFolder() throws {
        let missing = ExportFiles.read("/nonexistent/result.json")
        #expect(missing.error?.kind == .notFound)
        #expect(missing.error?.description == "result.json: cannot open: No such file or directory")
        let folder = try TemporaryDirectory("chat-export")
        #expect(ExportFiles.read(folder.path).error?.kind == .unreadable)
    }

    @Test(arguments: ["", "   \n\t ", "\u{FEFF}"])
    func emptyFileIsNotAnExport(content: String) throws {
        let error = try #require(try ExportFiles.read(json: content).error)
        #expect(error.kind == .notAnExport)
        #expect(error.description == "result.json: not a Telegram Desktop chat export at byte \(content.utf8.count): the file is empty")
    }

    @Test func otherFilesAreNotExports() throws {
        let cases: [(String, String)] = [
            ("<!DOCTYPE html><html>", "HTML"),
            ("[1, 2, 3]", "an array"),
            ("hello", "does not start with '{'"),
            ("{\"ok\": true, \"result\": [{\"update_id\": 1}]}", "no \"messages\" array"),
            ("{\"about\": \"Here is the data you requested\", \"personal_information\": {\"user_id\": 1}, \"chats\": {\"list\": []}}",
             "full-account export"),
            ("{\"name\": \"x\", \"messages\": {\"id\": 1}}", "\"messages\" is not an array"),
            (ExportFiles.export("[1]"), "not an object"),
            (ExportFiles.export("{\"type\": \"message\", \"date_unixtime\": \"1\"}"), "without an \"id\""),
            (ExportFiles.export("{\"id\": 1.5, \"type\": \"message\"}"), "\"id\" is not a whole number"),
            (ExportFiles.export("{\"id\": 9223372036854775808, \"type\": \"message\"}"), "\"id\" is not a whole number"),
            (ExportFiles.export("{\"id\": 7, \"type\": \"message\", \"text\": 5}"), "\"text\" is not a string or an array"),
            (ExportFiles.export("{\"id\": 7, \"type\": \"message\", \"text\": \"\"}"), "has no readable date"),
        ]
        for (json, detail) in cases {
            let error = try #require(try ExportFiles.read(json: json).error, "\(json)")
            #expect(error.kind == .notAnExport, "\(json)")
            #expect(error.detail.contains(detail), "\(error.description)")
        }
    }

    /// Every strict prefix of a good export is an error at the end of the file, never a clean end.
    @Test func everyTruncationIsAnError() throws {
        let sample = ExportFiles.sample
        var cuts = Array(stride(from: 1, to: sample.count, by: 997))
        cuts += (1...40).map { sample.count - $0 }
        let folder = try TemporaryDirectory("chat-export")
        let path = folder.file("result.json")
        for cut in cuts {
            try sample.prefix(cut).write(to: URL(fileURLWithPath: path))
            let read = ExportFiles.read(path)
            let error = try #require(read.error, "cut at \(cut)")
            #expect(error.kind == .malformed || error.kind == .notAnExport, "cut at \(cut): \(error)")
            if error.kind == .malformed {
                #expect(error.byteOffset == Int64(cut), "cut at \(cut): \(error)")
                #expect(error.detail.contains("ends"), "cut at \(cut): \(error)")
            }
        }
    }

    @Test func aBadTokenMidwayNamesItsByteAndMessage() throws {
        var bytes = [UInt8](ExportFiles.sample)
        // In message 84 (the supergroup's), break the comma after "type".
        let marker = Array("\"id\": 84,\n   \"type\": \"message\",".utf8)
        let at = try #require(Self.find(marker, in: bytes)) + marker.count - 1
        bytes[at] = UInt8(ascii: ";")
        let read = try ExportFiles.read(bytes: Data(bytes))
        let error = try #require(read.error)
        #expect(error.kind == .malformed)
        #expect(error.byteOffset == Int64(at))
        #expect(error.messageID == 84)
        #expect(error.description == "result.json: malformed JSON at byte \(at) (message 84): expected ',' or '}', found ';'")
        #expect(read.messages.count == 18 + 83)  // everything before it was read; nothing after
    }

    @Test func errorsBetweenMessagesNameThePreviousOne() throws {
        let json = ExportFiles.export(ExportFiles.message(id: 5) + " " + ExportFiles.message(id: 6))
        let error = try #require(try ExportFiles.read(json: json).error)
        #expect(error.messageID == nil && error.previousMessageID == 5)
        #expect(error.description.contains("(after message 5): expected ',' or ']', found '{'"))
    }

    @Test func malformedTokens() throws {
        let cases: [(String, String)] = [
            ("\"text\": \"a\\qb\"", "unknown escape '\\q'"),
            ("\"text\": \"a\\u12G4\"", "bad hex digit 'G'"),
            ("\"text\": \"tab\tinside\"", "unescaped control character byte 0x09"),
            ("\"text\": tru", "expected 'true', found '}'"),
            ("\"text\": -", "expected a digit in a number"),
            ("\"text\": 1.e5", "expected a digit after '.'"),
            ("\"text\": 'single'", "expected a value, found '''"),
            ("\"text\" \"x\"", "expected ':' after a key"),
            ("text: 1", "expected a quoted key, found 't'"),
            ("\"text\": \"x\",}", "expected a quoted key, found '}'"),
            ("\"x\": [1,]", "expected a value, found ']'"),
            ("\"x\": [1 2]", "expected ',' or ']', found '2'"),
            ("\"x\": \(String(repeating: "7", count: 70))", "a number longer than 64 characters"),
        ]
        for (fields, detail) in cases {
            let error = try #require(try ExportFiles.read(json: ExportFiles.export(ExportFiles.message(id: 9, fields))).error)
            #expect(error.kind == .malformed, "\(fields)")
            #expect(error.messageID == 9, "\(fields)")
            #expect(error.detail.contains(detail), "\(fields): \(error)")
        }
        let trailing = try #require(try ExportFiles.read(json: ExportFiles.export("") + " }").error)
        #expect(trailing.kind == .malformed && trailing.detail.contains("after the end of the top-level value"))
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000)
        let error = try #require(try ExportFiles.read(json: ExportFiles.export(ExportFiles.message(id: 3, "\"x\": \(deep)"))).error)
        #expect(error.kind == .malformed)
        #expect(error.detail == "nesting deeper than 64 levels")
        #expect(error.messageID == 3)
        // 60 levels inside a message (depth 3) is within the limit, and skipped.
        let nested = String(repeating: "[", count: 60) + String(repeating: "]", count: 60)
        let fine = try ExportFiles.read(json: ExportFiles.export(ExportFiles.message(id: 3, "\"x\": \(nested), \"text\": \"ok\"")))
        #expect(fine.error == nil && fine.messages.first?.text == "ok")
    }

    @Test func aHugeMessageIsTooLargeAndNeverBuffered() throws {
        let limits = ChatExportReader.Limits(maxMessageBytes: 100_000, chunkSize: 4096)
        let big = String(repeating: "दारू ", count: 20_000)  // 320 KB
        let json = ExportFiles.export(ExportFiles.message(id: 1) + "," + ExportFiles.message(id: 2, "\"text\": \"\(big)\""))
        let read = try ExportFiles.read(json: json, limits: limits)
        let error = try #require(read.error)
        #expect(error.kind == .tooLarge)
        #expect(error.messageID == 2)
        #expect(error.byteOffset == Int64(json.utf8.firstRange(of: "{\"id\": 2".utf8)!.lowerBound.utf16Offset(in: json)))
        #expect(error.description.hasPrefix("result.json: message too large at byte"))
        #expect(read.messages.map(\.id) == [1])
        // The same message under the default limit (16 MB) reads.
        let fine = try ExportFiles.read(json: json, limits: .init(chunkSize: 4096))
        #expect(fine.messages.last?.text.count == big.count)
    }

    @Test func anErrorIsFinal() throws {
        let folder = try TemporaryDirectory("chat-export")
        let path = folder.file("result.json")
        try Data(ExportFiles.export(ExportFiles.message(id: 1, "\"text\": \"a\\q\"")).utf8).write(to: URL(fileURLWithPath: path))
        let reader = try ChatExportReader(path: path)
        var first: ChatExportError?
        do { _ = try reader.next() } catch { first = error }
        var second: ChatExportError?
        do { _ = try reader.next() } catch { second = error }
        #expect(first != nil && first == second)
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }
}
