import Foundation
import SenaniTestSupport
import Testing

/// The fake's own JSON reader and writer agree with Foundation and keep Integer, Float and Boolean apart.
@Suite struct JSONValueTests {
    @Test func parsesTypesExactly() throws {
        let text = #"{"a":1,"b":-2.5,"c":true,"d":null,"e":"x\"\\\/\n\u0928\ud83d\ude00","f":[1,2e3,{}],"g":9007199254740993}"#
        let value = try #require(JSONValue(json: Data(text.utf8)))
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(-2.5))
        #expect(value["c"] == .bool(true))
        #expect(value["d"] == .null)
        #expect(value["e"] == .string("x\"\\/\nन😀"))
        #expect(value["f"] == [1, .double(2000), [:]])
        #expect(value["g"] == .int(9_007_199_254_740_993))
    }

    @Test func rejectsInvalidJSON() {
        for text in ["", "{", "{\"ok\":tru", "[1,]", "{\"a\" 1}", "\"\u{1}\"", "01x", "{} {}"] {
            let parsed: JSONValue? = JSONValue(json: Data(text.utf8))
            #expect(parsed.map { _ in true } == nil, "\(text) parsed as \(String(describing: parsed))")  // not `== nil`: that is `.null`
        }
    }

    @Test func roundTripsThroughFoundation() throws {
        let value: JSONValue = [
            "text": "दारू \"quoted\" \n\t\u{1}", "n": -1_001_234_567_890, "f": 25.6, "ok": false, "list": [nil, "x"],
        ]
        let data = value.jsonData
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        #expect(JSONValue(json: data) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }

    @Test func everyFixtureRoundTrips() throws {
        for name in try TestKit.fixtureNames(in: "updates") {
            let data = try TestKit.fixture("updates/\(name)")
            let fast = try #require(JSONValue(json: data), "\(name)")
            #expect(fast == (try JSONDecoder().decode(JSONValue.self, from: data)), "\(name)")
            #expect(JSONValue(json: fast.jsonData) == fast)
        }
    }
}
