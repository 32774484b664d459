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
