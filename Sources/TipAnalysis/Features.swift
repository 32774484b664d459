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
        let t = doc.tokens
        var previousWord: Int? = nil
        var key: [Unicode.Scalar] = []
        var padded: [Unicode.Scalar] = []
        key.reserveCapacity(32)
        padded.reserveCapacity(32)
        for (i, tok) in t.enumerated() {
            switch tok.kind {
            case .number:
                text.add("n:", String(min(tok.key.count, 12)).unicodeScalars[...])
                previousWord = nil
                continue
            case .emoji:
                text.add("w:", tok.key.unicodeScalars[...])
                previousWord = nil
                continue
            default:
                break
            }
            key.removeAll(keepingCapacity: true)
            key.append(contentsOf: tok.key.unicodeScalars)
            text.add("w:", key)
            if let p = previousWord, p == i - 1, !tok.breakBefore {
                text.add2("b:", Array(t[p].key.unicodeScalars), key)
            }
            previousWord = i
            // character n-grams with word boundaries: spelling variants and inflections share most of them
            padded.removeAll(keepingCapacity: true)
            padded.append("^")
            padded.append(contentsOf: key)
            padded.append("$")
            if padded.count > 24 { continue }
            for n in minGram...maxGram where padded.count >= n {
                for s in 0...(padded.count - n) { text.addGram(padded, s, n) }
            }
        }
        var v = text.finish(total: 4.0)
        var structural = Builder(named: named)
        var kinds: Set<LexKind> = []
        for hit in signals.hits {
            kinds.insert(hit.kind)
            structural.add("L:", hit.kind.rawValue.unicodeScalars[...])
            if hit.strong { structural.add("L:", (hit.kind.rawValue + "+").unicodeScalars[...]) }
        }
        // pairs of kinds: a linear model cannot see on its own that a crime word next to "seen now"/"hiding"
        // means a wanted person, or liquor next to vote-buying means an election tip
        let ordered = LexKind.allCases.filter(kinds.contains)
        for (a, x) in ordered.enumerated() {
            for y in ordered[(a + 1)...] { structural.add("P:", (x.rawValue + "&" + y.rawValue).unicodeScalars[...]) }
        }
        let flags: [(Bool, String)] = [
            (signals.hasPhone, "phone"), (signals.hasVehicle, "vehicle"), (signals.hasQuantity, "qty"),
            (signals.hasPlace, "place"), (signals.hasTime, "time"), (signals.hasBooth, "booth"),
            (signals.hasPerson, "person"), (doc.hasQuestionMark, "question"), (doc.urlCount > 0, "url"),
            (doc.scalars.first == "/", "command"),
        ]
        for (on, name) in flags where on { structural.add("X:", name.unicodeScalars[...]) }
        let words = t.count
        let bucket = words <= 2 ? "1" : words <= 5 ? "2" : words <= 10 ? "3" : words <= 25 ? "4" : "5"
        structural.add("X:len", bucket.unicodeScalars[...])
        let s = structural.finish(total: nil)
        v.ids += s.ids
        v.values += s.values
        if named { v.names = (v.names ?? []) + (s.names ?? []) }
        return v
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

        mutating func add2(_ prefix: StaticString, _ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) {
            var h = FNV.offset
            prefix.withUTF8Buffer { for x in $0 { FNV.add(&h, byte: x) } }
            for s in a { FNV.add(&h, s) }
            FNV.add(&h, byte: 0x20)
            for s in b { FNV.add(&h, s) }
            insert(h) { prefix.description + String(String.UnicodeScalarView(a)) + " " + String(String.UnicodeScalarView(b)) }
        }

        /// FNV state after "c:", so each n-gram hashes only its own scalars.
        static let gramSeed: UInt64 = {
            var h = FNV.offset
            for b in "c:".utf8 { FNV.add(&h, byte: b) }
            return h
        }()

        /// Adds the character n-gram `padded[start..<start+n]` (prefix "c:").
        @inline(__always)
        mutating func addGram(_ padded: [Unicode.Scalar], _ start: Int, _ n: Int) {
            var h = Builder.gramSeed
            for k in start..<(start + n) { FNV.add(&h, padded[k]) }
            insert(h) { "c:" + String(String.UnicodeScalarView(padded[start..<(start + n)])) }
        }

        private mutating func insert(_ h: UInt64, _ name: () -> String) {
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
            var ids = ids
            if names == nil {
                var seen = HashIndex(capacity: ids.count)
                ids = ids.filter { seen.insert($0, 0) }
            }
            let value = total.map { ids.isEmpty ? 0 : $0 / Double(ids.count).squareRoot() } ?? 0.6
            return FeatureVector(ids: ids, values: [Double](repeating: value, count: ids.count), names: names)
        }
    }
}
