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
        /// How many word hashes fall in each of 64 buckets (by their low bits): two sets cannot share more words
        /// than the sum of the smaller count of each bucket, which bounds their Jaccard similarity from above
        /// without merging them.
        let buckets: Buckets

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
            var buckets = Buckets()
            for word in words { buckets.add(Int(word & 63)) }
            self.buckets = buckets
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
            // At most `shared` words in common (at most 64, so the byte sum cannot wrap); the similarity grows with
            // the words in common, so if even that many fall short, the exact count does too.
            let shared = x.buckets.sumOfMinimums(y.buckets)
            let union = x.wordsEnd + y.wordsEnd - shared
            if union <= 0 || Double(shared) / Double(union) < minSimilarity { return false }
        }
        let named = x.kinds & y.kinds
        let short = min(x.wordCount, y.wordCount) < minWords
        return x.values.withUnsafeBufferPointer { xs in
            y.values.withUnsafeBufferPointer { ys in
                guard let a = xs.baseAddress, let b = ys.baseAddress else { return false }
                if named != 0 || short {
                    var common: UInt8 = 0
                    var i = x.wordsEnd, j = y.wordsEnd
                    while i < xs.count && j < ys.count {
                        let p = a[i], q = b[j]
                        if p == q {
                            common |= 1 << UInt8(p >> 29)
                            i += 1
                            j += 1
                        } else if p < q {
                            i += 1
                        } else {
                            j += 1
                        }
                    }
                    if named & ~common != 0 { return false }
                    if short && common == 0 { return false }
                }
                return similarity(a, x.wordsEnd, complete: x.complete, b, y.wordsEnd, complete: y.complete) >= minSimilarity
            }
        }
    }

    private static func similarity(
        _ x: UnsafePointer<UInt32>, _ xCount: Int, complete xComplete: Bool, _ y: UnsafePointer<UInt32>, _ yCount: Int,
        complete yComplete: Bool
    ) -> Double {
        if xComplete && yComplete {
            var i = 0, j = 0, both = 0
            while i < xCount && j < yCount {
                let a = x[i], b = y[j]
                if a == b { both += 1; i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
            }
            let union = xCount + yCount - both
            return union == 0 ? 0 : Double(both) / Double(union)
        }
        let k = min(xCount, yCount)
        var i = 0, j = 0, seen = 0, both = 0
        while seen < k && (i < xCount || j < yCount) {
            let a = i < xCount ? x[i] : UInt32.max, b = j < yCount ? y[j] : UInt32.max
            if i < xCount && j < yCount && a == b { both += 1; i += 1; j += 1 } else if j >= yCount || (i < xCount && a < b) { i += 1 } else { j += 1 }
            seen += 1
        }
        return seen == 0 ? 0 : Double(both) / Double(seen)
    }
}

/// 64 counts of at most 64, a byte each, packed eight to a word: the per-bucket minimum and the sum are a few
/// word operations (SIMD64<UInt8> was not vectorised here and made the comparison ten times slower).
struct Buckets: Sendable {
    private var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0
    private var w4: UInt64 = 0, w5: UInt64 = 0, w6: UInt64 = 0, w7: UInt64 = 0

    mutating func add(_ bucket: Int) {
        let one = UInt64(1) << UInt64((bucket & 7) * 8)
        switch bucket >> 3 {
        case 0: w0 &+= one
        case 1: w1 &+= one
        case 2: w2 &+= one
        case 3: w3 &+= one
        case 4: w4 &+= one
        case 5: w5 &+= one
        case 6: w6 &+= one
        default: w7 &+= one
        }
    }

    /// Σ over buckets of min(self, other), each count below 128 and the total at most 64.
    func sumOfMinimums(_ other: Buckets) -> Int {
        Int(
            Self.minSum(w0, other.w0) + Self.minSum(w1, other.w1) + Self.minSum(w2, other.w2) + Self.minSum(w3, other.w3)
                + Self.minSum(w4, other.w4) + Self.minSum(w5, other.w5) + Self.minSum(w6, other.w6)
                + Self.minSum(w7, other.w7))
    }

    @inline(__always)
    private static func minSum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        // Per byte: high bit set where a >= b (no borrow crosses bytes, as every count is below 128).
        let aAtLeastB = ((a | high) &- b) & high
        let mask = (aAtLeastB >> 7) &* 0xFF
        let minimum = (b & mask) | (a & ~mask)
        // The sum of the eight bytes lands in the top byte (it is at most 64, so no byte overflows).
        return (minimum &* 0x0101_0101_0101_0101) >> 56
    }
}
