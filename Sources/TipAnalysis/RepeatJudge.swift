/// Whether a new tip is an earlier one told again (forwarded, copied, retyped), so it joins the earlier report
/// (`duplicate_of`, `repeat_count`) instead of the SHO's queue.
///
/// Two tips are the same tip only if their content words are near (Jaccard similarity of the `RepeatKey` word
/// sets at least `minSimilarity`) AND their extracted facts do not conflict: when both name a phone, a vehicle mark,
/// a person, a booth or a place, and the two sides share none of that kind, they are different tips whatever the
/// text distance (templates: "wanted man A hiding in village X" is not "wanted man B hiding in village Y").
/// Short texts (fewer than `minWords` content words) also need a fact in common: "daru bik rahi hai" from two
/// senders is two tips.
///
/// Pure and allocation-free on the blob path, so the store can call it from an SQLite function over a week of a
/// thana's reports.
public enum RepeatJudge {
    /// Least Jaccard similarity of content words; tuned with `RepeatCorpus` in `RepeatJudgeTests`.
    public static let minSimilarity = 0.7
    /// Fewer content words than this need a shared fact as well.
    public static let minWords = 5

    /// Whether `a` repeats `b` (symmetric).
    public static func isRepeat(_ a: TipAnalysis, of b: TipAnalysis) -> Bool {
        isRepeat(a.repeatKey, of: b.repeatKey)
    }

    /// Whether the message with key `a` repeats the one with key `b` (symmetric).
    public static func isRepeat(_ a: RepeatKey, of b: RepeatKey) -> Bool {
        a.bytes.withUnsafeBytes { pa in b.bytes.withUnsafeBytes { pb in isRepeat(pa, pb) } }
    }

    /// The same on raw blobs, e.g. `sqlite3_value_blob`/`sqlite3_value_bytes` of two `repeat_key` columns.
    /// A malformed or empty blob is never a repeat.
    public static func isRepeat(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        guard let x = View(a), let y = View(b), x.wordCount > 0, y.wordCount > 0 else { return false }
        let facts = compareFacts(x, y)
        if facts.conflict { return false }
        if min(x.wordCount, y.wordCount) < minWords && !facts.shared { return false }
        return similarity(x, y) >= minSimilarity
    }

    /// Estimated Jaccard similarity of the two content-word sets, 0...1 (exact when both have <= 64 words).
    public static func similarity(_ a: RepeatKey, _ b: RepeatKey) -> Double {
        a.bytes.withUnsafeBytes { pa in
            b.bytes.withUnsafeBytes { pb in
                guard let x = View(pa), let y = View(pb) else { return 0 }
                return similarity(x, y)
            }
        }
    }

    /// Whether the facts of `a` and `b` conflict (some kind named on both sides with nothing in common).
    public static func factsConflict(_ a: RepeatKey, _ b: RepeatKey) -> Bool {
        a.bytes.withUnsafeBytes { pa in
            b.bytes.withUnsafeBytes { pb in
                guard let x = View(pa), let y = View(pb) else { return false }
                return compareFacts(x, y).conflict
            }
        }
    }

    /// A parsed view of a blob, no copies.
    struct View {
        let raw: UnsafeRawBufferPointer
        let wordCount: Int
        let words: Int
        let facts: Int

        init?(_ raw: UnsafeRawBufferPointer) {
            guard raw.count >= 4, raw[0] == RepeatKey.version else { return nil }
            let w = Int(raw[2]), f = Int(raw[3])
            guard raw.count == 4 + 4 * (w + f) else { return nil }
            self.raw = raw
            wordCount = Int(raw[1])
            words = w
            facts = f
        }

        @inline(__always)
        func value(_ i: Int) -> UInt32 {
            let o = 4 + 4 * i
            return UInt32(raw[o]) | UInt32(raw[o + 1]) << 8 | UInt32(raw[o + 2]) << 16 | UInt32(raw[o + 3]) << 24
        }

        @inline(__always) func word(_ i: Int) -> UInt32 { value(i) }
        @inline(__always) func fact(_ i: Int) -> UInt32 { value(words + i) }
        /// Whether all the message's content words are stored (not a truncated sketch).
        var complete: Bool { words == wordCount || (wordCount == 255 && words < RepeatKey.maxWords) }
    }

    static func similarity(_ x: View, _ y: View) -> Double {
        if x.complete && y.complete {
            // exact: merge the two ascending lists
            var i = 0, j = 0, both = 0
            while i < x.words && j < y.words {
                let a = x.word(i), b = y.word(j)
                if a == b { both += 1; i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
            }
            let union = x.words + y.words - both
            return union == 0 ? 0 : Double(both) / Double(union)
        }
        // bottom-k estimate: among the k smallest hashes of the union, the share that both sides hold
        let k = min(x.words, y.words)
        var i = 0, j = 0, seen = 0, both = 0
        while seen < k && (i < x.words || j < y.words) {
            let a = i < x.words ? x.word(i) : UInt32.max, b = j < y.words ? y.word(j) : UInt32.max
            if i < x.words && j < y.words && a == b { both += 1; i += 1; j += 1 } else if j >= y.words || (i < x.words && a < b) { i += 1 } else { j += 1 }
            seen += 1
        }
        return seen == 0 ? 0 : Double(both) / Double(seen)
    }

    /// Per fact kind: named on both sides with nothing shared is a conflict; anything shared counts as shared.
    static func compareFacts(_ x: View, _ y: View) -> (conflict: Bool, shared: Bool) {
        var inX: UInt8 = 0, inY: UInt8 = 0, common: UInt8 = 0
        for i in 0..<x.facts { inX |= 1 << UInt8(x.fact(i) >> 29) }
        for j in 0..<y.facts { inY |= 1 << UInt8(y.fact(j) >> 29) }
        var i = 0, j = 0
        while i < x.facts && j < y.facts {
            let a = x.fact(i), b = y.fact(j)
            if a == b { common |= 1 << UInt8(a >> 29); i += 1; j += 1 } else if a < b { i += 1 } else { j += 1 }
        }
        let named = inX & inY
        return ((named & ~common) != 0, common != 0)
    }
}
