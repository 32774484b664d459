extension RepeatJudge {
    /// A repeat key read once, for comparing one key with many (the store's candidates of a thana's week): the
    /// blob's little-endian values become arrays, and the kinds of facts a mask.
    public struct Prepared: Sendable {
        let wordCount: Int
        /// The word hashes, then the fact hashes, each ascending (one array: a week of candidates is kept).
        let values: [UInt32]
        let wordsEnd: Int
        /// Bit `k` set when a fact of kind `k` is named.
        let kinds: UInt8
        let complete: Bool

        /// Nil for a malformed or empty key, which is never a repeat (as with the blob).
        public init?(_ key: [UInt8]) {
            let parsed: (Int, [UInt32], [UInt32], Bool)? = key.withUnsafeBytes { raw in
                guard let view = View(raw), view.wordCount > 0 else { return nil }
                return (view.wordCount, (0..<view.words).map(view.word), (0..<view.facts).map(view.fact), view.complete)
            }
            guard let (wordCount, words, facts, complete) = parsed else { return nil }
            self.wordCount = wordCount
            values = words + facts
            wordsEnd = words.count
            self.complete = complete
            kinds = facts.reduce(0) { $0 | 1 << UInt8($1 >> 29) }
        }
    }

    /// `isRepeat` on prepared keys: the same answer as on their blobs (checked on the repeat corpus in
    /// RepeatJudgeTests), with the cheapest tests first.
    public static func isRepeat(_ x: Prepared, _ y: Prepared) -> Bool {
        if x.complete && y.complete {
            // Exact Jaccard is at most the smaller set over the larger.
            let small = min(x.wordsEnd, y.wordsEnd), large = max(x.wordsEnd, y.wordsEnd)
            if large > 0 && Double(small) / Double(large) < minSimilarity { return false }
        }
        var common: UInt8 = 0
        let named = x.kinds & y.kinds
        if named != 0 || min(x.wordCount, y.wordCount) < minWords {
            x.values.withUnsafeBufferPointer { xs in
                y.values.withUnsafeBufferPointer { ys in
                    let a = UnsafeBufferPointer(rebasing: xs[x.wordsEnd...]), b = UnsafeBufferPointer(rebasing: ys[y.wordsEnd...])
                    var i = 0, j = 0
                    while i < a.count && j < b.count {
                        if a[i] == b[j] {
                            common |= 1 << UInt8(a[i] >> 29)
                            i += 1
                            j += 1
                        } else if a[i] < b[j] {
                            i += 1
                        } else {
                            j += 1
                        }
                    }
                }
            }
            if named & ~common != 0 { return false }
            if min(x.wordCount, y.wordCount) < minWords && common == 0 { return false }
        }
        return x.values.withUnsafeBufferPointer { xs in
            y.values.withUnsafeBufferPointer { ys in
                similarity(
                    UnsafeBufferPointer(rebasing: xs[..<x.wordsEnd]), complete: x.complete,
                    UnsafeBufferPointer(rebasing: ys[..<y.wordsEnd]), complete: y.complete)
            }
        } >= minSimilarity
    }

    private static func similarity(
        _ x: UnsafeBufferPointer<UInt32>, complete xComplete: Bool, _ y: UnsafeBufferPointer<UInt32>, complete yComplete: Bool
    ) -> Double {
        if xComplete && yComplete {
            var i = 0, j = 0, both = 0
            while i < x.count && j < y.count {
                let a = x[i], b = y[j]
                if a == b { both += 1; i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
            }
            let union = x.count + y.count - both
            return union == 0 ? 0 : Double(both) / Double(union)
        }
        let k = min(x.count, y.count)
        var i = 0, j = 0, seen = 0, both = 0
        while seen < k && (i < x.count || j < y.count) {
            let a = i < x.count ? x[i] : UInt32.max, b = j < y.count ? y[j] : UInt32.max
            if i < x.count && j < y.count && a == b { both += 1; i += 1; j += 1 } else if j >= y.count || (i < x.count && a < b) { i += 1 } else { j += 1 }
            seen += 1
        }
        return seen == 0 ? 0 : Double(both) / Double(seen)
    }
}
