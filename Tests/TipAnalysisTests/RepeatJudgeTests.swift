import Foundation
import SenaniTestSupport
import Testing
@testable import TipAnalysis

/// Repeat linking on generated tips (`RepeatCorpus`): distinct tips from shared templates must stay apart, the same
/// tip forwarded again must be linked.
@Suite struct RepeatJudgeTests {
    let analyzer = TipAnalyzer()

    /// Share of distinct tips linked to any other, and share of true repeats linked.
    static func rates(_ corpus: RepeatCorpus, _ analyzer: TipAnalyzer) -> (falseLinks: Double, linked: Double, examples: [String]) {
        let keys = corpus.distinct.map { analyzer.analyze($0).repeatKey }
        var linkedTips = Set<Int>()
        var examples: [String] = []
        for i in keys.indices {
            for j in (i + 1)..<keys.count where RepeatJudge.isRepeat(keys[i], of: keys[j]) {
                linkedTips.insert(i)
                linkedTips.insert(j)
                if examples.count < 5 { examples.append("false link: \(corpus.distinct[i]) <-> \(corpus.distinct[j])") }
            }
        }
        var linked = 0
        for (a, b) in corpus.repeats {
            if RepeatJudge.isRepeat(analyzer.analyze(a), of: analyzer.analyze(b)) {
                linked += 1
            } else if examples.count < 12 {
                examples.append("missed repeat: \(a) <-> \(b)")
            }
        }
        return (Double(linkedTips.count) / Double(keys.count), Double(linked) / Double(corpus.repeats.count), examples)
    }

    @Test func generatedTipsAreLinkedOnlyWhenRepeated() async throws {
        let corpus = RepeatCorpus()
        #expect(corpus.distinct.count >= 1_000)
        #expect(corpus.repeats.count >= 300)
        let analyzer = analyzer
        let r = try await offThePool { Self.rates(corpus, analyzer) }
        print("repeat linking: \(corpus.distinct.count) distinct tips, \(String(format: "%.2f", r.falseLinks * 100))% linked to another (bar <= 0.5%); \(corpus.repeats.count) true repeats, \(String(format: "%.1f", r.linked * 100))% linked (bar >= 90%)")
        r.examples.forEach { print("  " + $0) }
        #expect(r.falseLinks <= 0.005)
        #expect(r.linked >= 0.90)
    }

    /// Tips of one template in the same words, differing only in person, village, phone, vehicle, booth: the facts
    /// keep them apart even where the text alone is near.
    @Test func sameWordingOtherFactsAreDifferentTips() async throws {
        let corpus = RepeatCorpus(distinct: 1_000, repeats: 300, seed: 11, maxOverlap: 1, fixedWording: true)
        let analyzer = analyzer
        let r = try await offThePool { Self.rates(corpus, analyzer) }
        print("same wording, other facts: \(String(format: "%.2f", r.falseLinks * 100))% of \(corpus.distinct.count) linked to another; \(String(format: "%.1f", r.linked * 100))% of \(corpus.repeats.count) true repeats linked")
        r.examples.prefix(6).forEach { print("  " + $0) }
        #expect(r.falseLinks <= 0.005)
        #expect(r.linked >= 0.90)
    }

    let tip = "हमारे गांव रामपुर में शिव मंदिर के पीछे रमेश यादव के घर में रोज रात महुआ दारू की भट्ठी चलती है, 50 लीटर रोज बनता है"

    @Test func forwardedCopiesAreRepeats() {
        let original = analyzer.analyze(tip)
        for v in [
            "Forwarded as received\n" + tip, "*URGENT*\n" + tip + " 🙏🙏", tip + " sir please action lijiye",
            tip.replacingOccurrences(of: "भट्ठी", with: "भट्टी"),
            "रोज रात महुआ दारू की भट्ठी चलती है, 50 लीटर रोज बनता है। हमारे गांव रामपुर में शिव मंदिर के पीछे रमेश यादव के घर में",
        ] {
            #expect(RepeatJudge.isRepeat(original, of: analyzer.analyze(v)), "\(v)")
        }
    }

    @Test func conflictingFactsAreDifferentTips() {
        let a = analyzer.analyze("फरार अपराधी मुकेश यादव नामक व्यक्ति अभी ग्राम रामपुर में अपने ससुराल में छिपा है, उसका नंबर 9876543210 है, रात में निकलेगा")
        let samePersonOtherPhone = analyzer.analyze("फरार अपराधी मुकेश यादव नामक व्यक्ति अभी ग्राम रामपुर में अपने ससुराल में छिपा है, उसका नंबर 9123456780 है, रात में निकलेगा")
        let otherPerson = analyzer.analyze("फरार अपराधी सुरेश पासवान नामक व्यक्ति अभी ग्राम रामपुर में अपने ससुराल में छिपा है, उसका नंबर 9876543210 है, रात में निकलेगा")
        let otherVillage = analyzer.analyze("फरार अपराधी मुकेश यादव नामक व्यक्ति अभी ग्राम बेलवा में अपने ससुराल में छिपा है, उसका नंबर 9876543210 है, रात में निकलेगा")
        #expect(RepeatJudge.isRepeat(a, of: a))
        #expect(!RepeatJudge.isRepeat(a, of: samePersonOtherPhone))
        #expect(!RepeatJudge.isRepeat(a, of: otherPerson))
        #expect(!RepeatJudge.isRepeat(a, of: otherVillage))
        let booth = analyzer.analyze("booth no 45 ke paas Rakesh ke log paisa baant rahe hai voters ko, abhi jaldi aaiye sir")
        let otherBooth = analyzer.analyze("booth no 46 ke paas Rakesh ke log paisa baant rahe hai voters ko, abhi jaldi aaiye sir")
        #expect(!RepeatJudge.isRepeat(booth, of: otherBooth))
    }

    @Test func shortTextsNeedASharedFact() {
        #expect(!RepeatJudge.isRepeat(analyzer.analyze("daru bik rahi hai"), of: analyzer.analyze("daru bik rahi hai")))
        let a = analyzer.analyze("Rampur gaon me daru bik rahi hai")
        #expect(RepeatJudge.isRepeat(a, of: analyzer.analyze("Fwd: Rampur gaon me daru bik rahi hai 🙏")))
        #expect(!RepeatJudge.isRepeat(a, of: analyzer.analyze("Belwa gaon me daru bik rahi hai")))
    }

    @Test func keysRoundTripAndBadBlobsNeverMatch() throws {
        let a = analyzer.analyze(tip)
        #expect(a.repeatKey.bytes.count <= 388)
        #expect(RepeatKey(hex: a.repeatKey.hexString) == a.repeatKey)
        let json = try JSONEncoder().encode(a)
        #expect(try JSONDecoder().decode(TipAnalysis.self, from: json) == a)
        #expect(!RepeatJudge.isRepeat(RepeatKey(), of: RepeatKey()))
        #expect(!RepeatJudge.isRepeat(RepeatKey(bytes: [1, 2, 3]), of: a.repeatKey))
        var truncated = a.repeatKey.bytes
        truncated.removeLast()
        #expect(!RepeatJudge.isRepeat(RepeatKey(bytes: truncated), of: a.repeatKey))
    }

    /// senani-bench carries a copy of the generator; it must not drift.
}
