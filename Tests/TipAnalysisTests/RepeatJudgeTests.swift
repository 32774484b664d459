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

    /// The prepared form answers exactly as the blob form, on every pair of the repeat corpus (distinct tips of
    /// shared templates, true repeats, same wording with other facts) and on damaged keys.
    @Test func preparedKeysJudgeExactlyAsBlobs() async throws {
        let analyzer = analyzer
        let mismatches = try await offThePool { () -> Int in
            var keys: [[UInt8]] = []
            for corpus in [
                RepeatCorpus(distinct: 150, repeats: 60), RepeatCorpus(distinct: 150, repeats: 60, seed: 11, maxOverlap: 1, fixedWording: true),
            ] {
                keys += corpus.distinct.map { analyzer.analyze($0).repeatKey.bytes }
                keys += corpus.repeats.flatMap { [analyzer.analyze($0.0).repeatKey.bytes, analyzer.analyze($0.1).repeatKey.bytes] }
            }
            var generator = SplitMix(5)
            for index in 0..<60 {
                var damaged = keys[index]
                if !damaged.isEmpty { damaged[Int(generator.next() % UInt64(damaged.count))] ^= UInt8(truncatingIfNeeded: generator.next() | 1) }
                keys.append(damaged)
            }
            keys += [[], [1], [1, 0, 0, 0], [1, 3, 1, 0, 1, 2, 3, 4], [2, 3, 1, 0, 1, 2, 3, 4]]
            let prepared = keys.map(RepeatJudge.Prepared.init)
            var mismatches = 0
            var linked = 0
            for i in keys.indices {
                for j in keys.indices where i != j {
                    let blob = keys[i].withUnsafeBytes { a in keys[j].withUnsafeBytes { b in RepeatJudge.isRepeat(a, b) } }
                    let fast = prepared[i].flatMap { x in prepared[j].map { RepeatJudge.isRepeat(x, $0) } } ?? false
                    if blob != fast { mismatches += 1 }
                    if blob { linked += 1 }
                }
            }
            #expect(linked > 100, "the corpus must hold pairs that are repeats, or the check proves little")
            return mismatches
        }
        #expect(mismatches == 0)
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

@Suite struct BucketTests {
    /// The packed counts give the same sum of minimums as counting one by one.
    @Test func packedMinimumsMatchCounting() {
        var generator = SplitMix(3)
        for _ in 0..<2_000 {
            var a = Buckets(), b = Buckets()
            var ca = [Int](repeating: 0, count: 64), cb = [Int](repeating: 0, count: 64)
            let na = Int(generator.next() % 65), nb = Int(generator.next() % 65)
            // Sometimes all in one bucket, to reach counts of 64.
            let narrow = generator.next() % 4 == 0
            for _ in 0..<na { let k = narrow ? 5 : Int(generator.next() % 64); a.add(k); ca[k] += 1 }
            for _ in 0..<nb { let k = narrow ? 5 : Int(generator.next() % 64); b.add(k); cb[k] += 1 }
            #expect(a.sumOfMinimums(b) == zip(ca, cb).map { min($0, $1) }.reduce(0, +))
        }
    }
}
