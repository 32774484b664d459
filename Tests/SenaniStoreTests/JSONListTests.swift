import Foundation
import Testing

@testable import SenaniStore

@Suite struct JSONListTests {
    @Test func stringListsRoundTripThroughAJSONDecoder() throws {
        let tricky = [
            "", "\"quoted\" \\ back", "line\nbreak\ttab\r", "\u{1}\u{1f}\u{7f}", "दारू 🍻", "‮rtl", "{\"a\":1}",
            "sep \u{2028} and \u{2029}", "ends in \\", "\"", "नगर–₹ \u{2026}",
        ]
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

@Suite struct FastJSONTests {
    @Test func stringListsReadBackExactlyAndOddOnesFallBackToJSONDecoder() {
        let lists: [[String]] = [[], ["Rampur"], ["दारू", "a \"quoted\" word", "back\\slash", "line\nbreak\ttab"], ["\u{1}"]]
        for list in lists {
            let decoded: [String] = JSONList.decode(JSONList.encode(list))
            #expect(decoded == list)
        }
        #expect(JSONList.decodeStrings(#"["a\u0041"]"#) == nil)
        let fallback: [String] = JSONList.decode(#"["a\u0041"]"#)
        #expect(fallback == ["aA"])
    }

    @Test func parametersAreAJSONObject() throws {
        let parameters = ["ref": "KHG-1", "text": "दारू \"20 peti\"\n<b>", "": ""]
        let text = JSONList.encode(parameters)
        #expect(try JSONDecoder().decode([String: String].self, from: Data(text.utf8)) == parameters)
    }
}

@Suite struct OutboxButtonJSONTests {
    /// The direct writer and JSONDecoder agree on every kind of button, labels and values with anything in them.
    @Test func rowsRoundTripThroughAJSONDecoder() throws {
        var valued = OutboxButton(text: "label_count", action: "r", version: 3, ref: "KHG-SADAR-000001",
                                  values: ["n": "2", "q": "\"क\"\n\\"])
        valued.url = nil
        let rows: [[[OutboxButton]]] = [
            [],
            [[OutboxButton(text: "btn_ack", action: "a", version: 0)]],
            [
                [OutboxButton(text: "✅ \"ok\"", data: "x|1\u{2028}"), valued],
                [OutboxButton(text: "open", url: "https://t.me/SenaniBot?start=abc")],
            ],
        ]
        for keyboard in rows {
            let text = OutboxButton.json(keyboard)
            #expect(try JSONDecoder().decode([[OutboxButton]].self, from: Data(text.utf8)) == keyboard)
        }
    }
}

