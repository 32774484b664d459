import Foundation
import Testing
@testable import TipAnalysis

@Suite struct FingerprintTests {
    let analyzer = TipAnalyzer()
    func fp(_ s: String) -> Fingerprint { analyzer.analyze(s).fingerprint }

    let tip = "हमारे गांव रामपुर में शिव मंदिर के पीछे रमेश यादव के घर में रोज रात महुआ दारू की भट्ठी चलती है, 50 लीटर रोज बनता है"

    @Test func theSameTipToldAgainIsADuplicate() {
        let original = fp(tip)
        let variants = [
            "Forwarded\n" + tip,
            "[23/11, 10:42 pm] Ramesh: " + tip,
            tip + " 🙏🙏🍺",
            tip + " sir please action lijiye",
            tip.replacingOccurrences(of: "भट्ठी", with: "भट्टी"),
            tip.replacingOccurrences(of: "रोज रात", with: "रोज़ रात"),
            "Fwd: " + tip.replacingOccurrences(of: ",", with: "") + " 🙏",
        ]
        for v in variants {
            #expect(original.isNearDuplicate(of: fp(v)), "distance \(original.distance(to: fp(v))): \(v)")
        }
    }

    @Test func differentTipsAreNot() {
        let original = fp(tip)
        let others = [
            "हमारे गांव रामपुर में स्कूल के पास सुरेश पासवान के घर में गांजा बिकता है, शाम को लड़के आते हैं",
            "रामपुर गांव में फरार अपराधी मुकेश सिंह अपने ससुराल में छिपा है, रात में ही निकलेगा, जल्दी आइए",
            "बेलौर गांव में दुर्गा मंदिर के पास सोनू साह के घर में देसी शराब की पेटियां रखी हैं, रात में बिकती हैं",
            "हमारे गांव रामपुर में शिव मंदिर के पीछे बूथ पर कब्जा करने की धमकी दी जा रही है, लोग डरे हुए हैं",
        ]
        for o in others {
            #expect(!original.isNearDuplicate(of: fp(o)), "distance \(original.distance(to: fp(o))): \(o)")
        }
    }

    @Test func shortTextsAreNeverMerged() {
        #expect(!fp("daru bik rahi hai").isNearDuplicate(of: fp("daru bik rahi hai")))
        #expect(!fp("गांव में दारू बिक रही है सर जी").isNearDuplicate(of: fp("गांव में दारू बिक रही है सर जी")))
    }

    @Test func encodesAsSixteenHexDigits() throws {
        let f = fp(tip)
        let data = try JSONEncoder().encode(f)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.count == 18)
        let inner = json.dropFirst().dropLast()
        #expect(inner.allSatisfy { $0.isHexDigit })
        #expect(try JSONDecoder().decode(Fingerprint.self, from: data) == f)
        #expect(Fingerprint(hex: f.hexString) == f)
        #expect(Fingerprint(hex: "xyz") == nil)
    }
}
