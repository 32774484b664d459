import Foundation
import Testing

@testable import SenaniStore

@Suite struct JSONListTests {
    @Test func stringListsRoundTripThroughAJSONDecoder() throws {
        let tricky = ["", "\"quoted\" \\ back", "line\nbreak\ttab\r", "\u{1}\u{1f}", "दारू 🍻", "‮rtl", "{\"a\":1}"]
        for values in [[], ["one"], tricky] {
            let text = JSONList.encode(values)
            #expect(try JSONDecoder().decode([String].self, from: Data(text.utf8)) == values)
        }
    }

    @Test func theDirectReaderGivesWhatTheEncoderWrote() {
        let tricky = ["", "\"quoted\" \\ back", "line\nbreak\ttab\r", "\u{1}\u{1f}", "दारू 🍻", "‮rtl", "{\"a\":1}", "a,b;c"]
        for values in [[], ["one"], ["BR34AB1234", "+919876543210"], tricky] {
            #expect(JSONList.strings(JSONList.encode(values)) == values)
        }
        #expect(JSONList.strings(nil) == [])
        #expect(JSONList.strings(" [ \"a\" , \"b\" ] ") == ["a", "b"])
        #expect(JSONList.strings("[\"a\\/b\", \"\\u0926\"]") == ["a/b", "द"])
        // Not a list of strings: JSONDecoder decides, and a broken value is no list rather than a crash.
        #expect(JSONList.strings("[1, 2]") == [])
        #expect(JSONList.strings("[\"open") == [])
        #expect(JSONList.strings("") == [])
    }
}
