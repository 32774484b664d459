/// The model's view of a message: hashed feature ids with values. Text features (words, word pairs, character
/// n-grams of folded words) share a total weight so long messages do not shout; structural features (lexicon kinds,
/// extracted phones/vehicles/places, question marks) count one each.
struct FeatureVector: Sendable {
    var ids: [UInt64] = []
    var values: [Double] = []
    /// Feature names, only when asked for (training writes them into the generated weights file).
    var names: [String]? = nil
}

/// What the extractors and the lexicon found, as the model sees it.
struct Signals: Sendable {
    var hits: [LexHit]
    var hasPhone: Bool
    var hasVehicle: Bool
    var hasQuantity: Bool
    var hasPlace: Bool
    var hasTime: Bool
    var hasBooth: Bool
    var hasPerson: Bool
}

enum Features {
    static let minGram = 2
    static let maxGram = 4

    static func vector(_ doc: Document, _ signals: Signals, named: Bool = false) -> FeatureVector {
        var text = Builder(named: named)
        text.ids.reserveCapacity(doc.scalars.count * 4 + 16)
        let t = doc.tokens
        var previousWord: Int? = nil
        // FNV state after "b:", the previous word's key and a space: the next word's pair continues from it
        var pairState = FNV.offset
        // the word as "^key$" in UTF-8, and where each of its scalars starts (then one past the end): n-grams hash
        // straight from these bytes
        var padded: [UInt8] = []
        var starts: [Int] = []
        padded.reserveCapacity(96)
        starts.reserveCapacity(32)
        for i in t.indices {
            switch t[i].kind {
            case .number:
                text.add("n:", String(min(t[i].key.count, 12)).unicodeScalars[...])
                previousWord = nil
                continue
            case .emoji:
                text.add("w:", t[i].key.unicodeScalars[...])
                previousWord = nil
                continue
            default:
                break
            }
            let key = t[i].key
            // one pass over the key's UTF-8 feeds the word's id, its pair with the previous word, the state the next
            // pair starts from, and "^key$" for the character n-grams
            var word = Structural.wordSeed
            var pair = pairState
            var next = Structural.pairSeed
            padded.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            starts.append(0)
            padded.append(UInt8(ascii: "^"))
            for b in key.utf8 {
                FNV.add(&word, byte: b)
                FNV.add(&pair, byte: b)
                FNV.add(&next, byte: b)
                if b & 0xC0 != 0x80 { starts.append(padded.count) }
                padded.append(b)
            }
            text.insert(word) { "w:" + key }
            if let p = previousWord, p == i - 1, !t[i].breakBefore {
                text.insert(pair) { "b:" + t[p].key + " " + key }
            }
            FNV.add(&next, byte: 0x20)
            pairState = next
            previousWord = i
            // character n-grams with word boundaries: spelling variants and inflections share most of them
            starts.append(padded.count)
            padded.append(UInt8(ascii: "$"))
            starts.append(padded.count)
            let count = starts.count - 1
            if count > 24 { continue }
            for n in minGram...maxGram where count >= n {
                for s in 0...(count - n) { text.addGram(padded, from: starts[s], to: starts[s + n]) }
            }
        }
        var v = text.finish(total: 4.0)
        var structural = Builder(named: named)
        var kinds: UInt64 = 0  // LexKind bits
        for hit in signals.hits {
            let bit = hit.kind.bit
            kinds |= 1 << UInt64(bit)
            structural.insert(Structural.kind[bit]) { "L:" + hit.kind.rawValue }
            if hit.strong { structural.insert(Structural.strongKind[bit]) { "L:" + hit.kind.rawValue + "+" } }
        }
        // pairs of kinds: a linear model cannot see on its own that a crime word next to "seen now"/"hiding"
        // means a wanted person, or liquor next to vote-buying means an election tip
        let all = LexKind.all
        for a in all.indices where kinds & (1 << UInt64(a)) != 0 {
            for b in (a + 1)..<all.count where kinds & (1 << UInt64(b)) != 0 {
                structural.insert(Structural.pair[a * all.count + b]) { "P:" + all[a].rawValue + "&" + all[b].rawValue }
            }
        }
        let flags = [
            signals.hasPhone, signals.hasVehicle, signals.hasQuantity, signals.hasPlace, signals.hasTime,
            signals.hasBooth, signals.hasPerson, doc.hasQuestionMark, doc.urlCount > 0, doc.scalars.first == "/",
        ]
        for (k, on) in flags.enumerated() where on {
            structural.insert(Structural.flag[k]) { "X:" + Structural.flagNames[k] }
        }
        let words = t.count
        let bucket = words <= 2 ? 1 : words <= 5 ? 2 : words <= 10 ? 3 : words <= 25 ? 4 : 5
        structural.insert(Structural.length[bucket - 1]) { "X:len" + String(bucket) }
        let s = structural.finish(total: nil)
        v.ids += s.ids
        v.values += s.values
        if named { v.names = (v.names ?? []) + (s.names ?? []) }
        return v
    }

    /// The ids of the structural features, hashed once rather than rebuilt from their names for every message.
    enum Structural {
        /// FNV states after "w:" and after "b:", where a word's id and a word pair's start.
        static let wordSeed = seed("w:")
        static let pairSeed = seed("b:")
        /// "L:kind", by `LexKind.bit`.
        static let kind = LexKind.all.map { FNV.hash("L:" + $0.rawValue) }
        /// "L:kind+" (a strong phrase), by `LexKind.bit`.
        static let strongKind = LexKind.all.map { FNV.hash("L:" + $0.rawValue + "+") }
        /// "P:a&b" at `a.bit * count + b.bit`, for a before b.
        static let pair: [UInt64] = LexKind.all.flatMap { a in LexKind.all.map { b in FNV.hash("P:" + a.rawValue + "&" + b.rawValue) } }
        /// The flags' names, in the order `vector` lists them.
        static let flagNames = ["phone", "vehicle", "qty", "place", "time", "booth", "person", "question", "url", "command"]
        static let flag = flagNames.map { FNV.hash("X:" + $0) }
        /// "X:len1" ... "X:len5".
        static let length = (1...5).map { FNV.hash("X:len" + String($0)) }

        private static func seed(_ prefix: String) -> UInt64 {
            var h = FNV.offset
            for b in prefix.utf8 { FNV.add(&h, byte: b) }
            return h
        }
    }

    /// Collects unique feature ids (and names when training).
    struct Builder {
        var ids: [UInt64] = []
        var names: [String]? = nil
        var seen: Set<UInt64> = []

        init(named: Bool) {
            if named { names = [] }
        }

        mutating func add<C: Collection>(_ prefix: StaticString, _ part: C) where C.Element == Unicode.Scalar {
            var h = FNV.offset
            prefix.withUTF8Buffer { for b in $0 { FNV.add(&h, byte: b) } }
            for s in part { FNV.add(&h, s) }
            insert(h) { prefix.description + String(String.UnicodeScalarView(part)) }
        }

        /// FNV state after "c:", so each n-gram hashes only its own scalars.
        static let gramSeed: UInt64 = {
            var h = FNV.offset
            for b in "c:".utf8 { FNV.add(&h, byte: b) }
            return h
        }()

        /// Adds the character n-gram whose UTF-8 is `padded[start..<end]` (prefix "c:").
        @inline(__always)
        mutating func addGram(_ padded: [UInt8], from start: Int, to end: Int) {
            var h = Builder.gramSeed
            for k in start..<end { FNV.add(&h, byte: padded[k]) }
            insert(h) { "c:" + String(decoding: padded[start..<end], as: UTF8.self) }
        }

        /// Adds the feature `h`; `name` is its name, asked for only when training.
        @inline(__always)
        mutating func insert(_ h: UInt64, _ name: () -> String) {
            if names == nil {
                ids.append(h)  // duplicates are removed once in `finish`
                return
            }
            guard seen.insert(h).inserted else { return }
            ids.append(h)
            names?.append(name())
        }

        /// Values: `total / sqrt(count)` each when `total` is given (text features), else 1.
        func finish(total: Double?) -> FeatureVector {
            let ids = names == nil ? Builder.unique(ids) : ids
            let value = total.map { ids.isEmpty ? 0 : $0 / Double(ids.count).squareRoot() } ?? 0.6
            return FeatureVector(ids: ids, values: [Double](repeating: value, count: ids.count), names: names)
        }

        /// `ids` without repeats, first occurrences in order. An open-addressing set of the ids themselves (FNV
        /// values are well mixed) with 0 as the empty slot, so the rare id 0 is tracked apart.
        static func unique(_ ids: [UInt64]) -> [UInt64] {
            var size = 16
            while size < ids.count * 2 { size <<= 1 }
            let mask = size - 1
            var out: [UInt64] = []
            out.reserveCapacity(ids.count)
            var sawZero = false
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size) { slots in
                slots.initialize(repeating: 0)
                for id in ids {
                    if id == 0 {
                        if !sawZero { sawZero = true; out.append(0) }
                        continue
                    }
                    var i = Int(truncatingIfNeeded: id ^ (id >> 31)) & mask
                    while true {
                        let k = slots[i]
                        if k == id { break }
                        if k == 0 {
                            slots[i] = id
                            out.append(id)
                            break
                        }
                        i = (i + 1) & mask
                    }
                }
            }
            return out
        }
    }
}
