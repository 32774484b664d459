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
