import Foundation
import SenaniTestSupport
import TipAnalysis

/// Repeat linking on generated tips (the tests' generator, `RepeatCorpus` in SenaniTestSupport): distinct tips from shared
/// templates linked to another (target <= 0.5%), true repeats linked (target >= 90%), with the old text-only SimHash
/// rule beside it, and the cost of one comparison on stored blobs.
func repeatBenchmark() -> [String] {
    let analyzer = TipAnalyzer()
    var lines: [String] = []
    for (name, overlap, fixed) in [("word overlap <= 0.6", RepeatCorpus.maxOverlap, false),
                                   ("same wording, other facts", 1.0, true)] {
        let corpus = RepeatCorpus(distinct: 1_200, repeats: 400, seed: 9, maxOverlap: overlap, fixedWording: fixed)
        let analyses = corpus.distinct.map { analyzer.analyze($0) }
        var judged = Set<Int>(), simhash = Set<Int>(), textOnly = Set<Int>()
        for i in analyses.indices {
            for j in (i + 1)..<analyses.count {
                if RepeatJudge.isRepeat(analyses[i], of: analyses[j]) { judged.formUnion([i, j]) }
                if analyses[i].fingerprint.isNearDuplicate(of: analyses[j].fingerprint) { simhash.formUnion([i, j]) }
                if RepeatJudge.similarity(analyses[i].repeatKey, analyses[j].repeatKey) >= RepeatJudge.minSimilarity {
                    textOnly.formUnion([i, j])
                }
            }
        }
        var linked = 0, linkedSimHash = 0
        for (a, b) in corpus.repeats {
            let x = analyzer.analyze(a), y = analyzer.analyze(b)
            if RepeatJudge.isRepeat(x, of: y) { linked += 1 }
            if x.fingerprint.isNearDuplicate(of: y.fingerprint) { linkedSimHash += 1 }
        }
        func pct(_ n: Int, _ d: Int) -> String { String(format: "%.2f%%", Double(n) * 100 / Double(max(d, 1))) }
        lines.append("  \(corpus.distinct.count) distinct tips, \(name):")
        lines.append("    linked to another        \(pct(judged.count, analyses.count))   (target <= 0.5%; text similarity alone \(pct(textOnly.count, analyses.count)), old SimHash rule \(pct(simhash.count, analyses.count)))")
        lines.append("    \(corpus.repeats.count) true repeats linked \(pct(linked, corpus.repeats.count))   (target >= 90%; old SimHash rule \(pct(linkedSimHash, corpus.repeats.count)))")
    }
    // cost of one comparison, as the store's SQLite function would call it
    let keys = RepeatCorpus(distinct: 500, repeats: 0, seed: 3).distinct.map { analyzer.analyze($0).repeatKey }
    let bytes = keys.map(\.bytes.count)
    let clock = ContinuousClock()
    var hits = 0, count = 0
    let elapsed = clock.measure {
        for a in keys {
            for b in keys {
                a.bytes.withUnsafeBytes { pa in b.bytes.withUnsafeBytes { pb in if RepeatJudge.isRepeat(pa, pb) { hits += 1 } } }
                count += 1
            }
        }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    lines.append("  repeat key size           mean \(bytes.reduce(0, +) / max(bytes.count, 1)) bytes, max \(bytes.max() ?? 0)")
    lines.append("  one comparison            \(String(format: "%.0f", seconds / Double(count) * 1e9)) ns   (\(hits) self-matches of \(keys.count))")
    return lines
}
