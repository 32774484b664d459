/// Reads one message as a duty officer would. Pure: no I/O, no clock; the same text gives the same analysis.
public struct TipAnalyzer: Sendable {
    public init() {}

    /// Placeholder decision until the full analysis lands (issue 3): a few unmistakable words make a tip.
    public func analyze(_ text: String) -> TipAnalysis {
        let lower = text.lowercased()
        let words: [(String, TipCategory)] = [
            ("daru", .liquor), ("दारू", .liquor), ("शराब", .liquor), ("sharab", .liquor), ("bhatti", .liquor),
            ("फरार", .wantedCriminal), ("farar", .wantedCriminal), ("wanted", .wantedCriminal),
            ("बूथ", .electionDisturbance), ("booth", .electionDisturbance),
        ]
        let hits = words.filter { lower.contains($0.0) }
        let labels = TipCategory.tipCategories.filter { category in hits.contains { $0.1 == category } }
        let wordCount = lower.split(whereSeparator: { $0.isWhitespace }).count
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in lower.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return TipAnalysis(
            isTip: !labels.isEmpty,
            category: labels.first ?? .none,
            labels: labels,
            confidence: labels.isEmpty ? 0.5 : 0.8,
            evidence: hits.map(\.0),
            language: lower.unicodeScalars.contains { (0x0900...0x097F).contains($0.value) } ? .hi : .en,
            fingerprint: Fingerprint(bits: hash, wordCount: wordCount)
        )
    }
}
