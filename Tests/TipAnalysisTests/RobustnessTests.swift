import Foundation
import Testing
@testable import TipAnalysis

@Suite struct RobustnessTests {
    let analyzer = TipAnalyzer()

    @Test(arguments: [
        "", " ", "\n\n", "🙏🙏🙏", "🍺", "https://bit.ly/3xFreeRecharge", "\u{0000}\u{0001}\u{0007}", "\u{202E}\u{200F}abc",
        "\u{FFFD}\u{FFFD}", "????", "/start", ".", "१२३", "\u{093C}\u{094D}\u{0902}", "a\u{0301}\u{0301}\u{0301}",
    ])
    func oddInputGivesAValidNonTip(_ text: String) throws {
        let a = analyzer.analyze(text)
        #expect(!a.isTip)
        #expect(a.category == .none)
        #expect(a.labels.isEmpty)
        #expect((0...1).contains(a.confidence))
        _ = try JSONEncoder().encode(a)
    }

    @Test func invalidUtf8IsRepairedNotFatal() {
        let bytes: [UInt8] = [0x64, 0x61, 0xED, 0xA0, 0x80, 0x72, 0x75, 0xFF, 0xFE]
        let text = String(decoding: bytes, as: UTF8.self)
        _ = analyzer.analyze(text)
    }

    @Test func hundredKilobytesInLinearTime() {
        let line = "गांव रामपुर में दारू बिक रही है 9876543210 BR 34 AB 1234 50 लीटर आज रात 10 बजे। "
        let big = String(repeating: line, count: 100_000 / line.utf8.count + 1)
        let small = String(repeating: line, count: 10)
        let clock = ContinuousClock()
        let tSmall = clock.measure { _ = analyzer.analyze(small) }
        let tBig = clock.measure { _ = analyzer.analyze(big) }
        let a = analyzer.analyze(big)
        #expect(a.phones == ["+919876543210"])
        // ~120x the text must take far less than 120^2 x the time (allowing a debug build's noise)
        #expect(tBig < tSmall * 2000 + .seconds(5))
    }

    @Test func longNoiseWithoutSpaces() {
        let noise = String(repeating: "a", count: 50_000) + String(repeating: "9", count: 50_000) + String(repeating: "अ", count: 20_000)
        let a = analyzer.analyze(noise)
        #expect(a.phones.isEmpty)
    }

    @Test func deterministic() throws {
        let text = "Raju naam ka aadmi Shiv mandir ke paas 20 peti sharab bech raha hai kal subah 9876543210"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // key order of an unsorted encoder varies between dictionaries
        let a = try encoder.encode(analyzer.analyze(text))
        let b = try encoder.encode(TipAnalyzer().analyze(text))
        #expect(a == b)
        #expect(analyzer.analyze(text) == TipAnalyzer().analyze(text))
    }

    @Test func jsonKeysMatchTheInterface() throws {
        let a = analyzer.analyze("गांव में दारू बिक रही है")
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(a)) as! [String: Any]
        for key in ["is_tip", "category", "labels", "confidence", "evidence", "phones", "vehicles", "places", "quantities",
                    "language", "times", "persons", "booths", "fingerprint"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        #expect(object["fingerprint"] is String)
    }
}
