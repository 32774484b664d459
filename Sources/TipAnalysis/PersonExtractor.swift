/// Finds named people where the writer marks a name: "राजू यादव नामक", "Pappu naam ka", "Ramesh S/O Suresh",
/// "पिता सुरेश", "मुन्ना उर्फ राकेश".
enum PersonExtractor {
    static let before: KeySet = WordSets.keys("नामक named")
    static let alias: KeySet = WordSets.keys("उर्फ urf urph alias")
    static let father: KeySet = WordSets.keys("पिता पिताजी पुत्र father")
    static let nameWords: KeySet = WordSets.keys("नाम nam name")
    static let genitive: KeySet = WordSets.keys("का की के ka ki ke")
    static let relation: KeySet = WordSets.keys("s d v")
    static let honorific: KeySet = WordSets.keys("श्री स्व स्वर्गीय स्वo shri sri late mr")

    static func extract(_ doc: Document, blocked: [Bool]) -> [String] {
        spans(doc, blocked: blocked).map(\.text)
    }

    /// Each found text with the tokens it spans.
    static func spans(_ doc: Document, blocked: [Bool]) -> [(text: String, tokens: ClosedRange<Int>)] {
        let t = doc.tokens
        var out: [String] = []
        var spans: [ClosedRange<Int>] = []
        func nameLike(_ k: Int) -> Bool {
            guard k >= 0, k < t.count, !blocked[k] else { return false }
            let kind = t[k].kind
            guard kind == .latin || kind == .devanagari else { return false }
            return !WordSets.stop.contains(t[k]) && !before.contains(t[k]) && !alias.contains(t[k])
                && !father.contains(t[k]) && t[k].key.hasTwoScalars
        }
        func back(_ i: Int, max: Int = 3) -> Int? {  // first token of the name that ends just before token i
            var k = i - 1
            var first: Int?
            var n = 0
            while n < max, nameLike(k) {
                if k + 1 < i, t[k + 1].breakBefore { break }
                first = k
                n += 1
                k -= 1
            }
            return first
        }
        func forward(_ i: Int, max: Int = 3) -> (Int, Int)? {  // the name starting at token i, honorifics skipped
            var k = i
            while k < t.count, honorific.contains(t[k]) { k += 1 }
            let first = k
            var n = 0
            while n < max, nameLike(k), k == first || !t[k].breakBefore { n += 1; k += 1 }
            return n > 0 ? (first, k - 1) : nil
        }
        func add(_ a: Int, _ b: Int) {
            let s = doc.text(tokens: a, b)
            if !out.contains(where: { TextSearch.contains($0, s) ?? $0.contains(s) }) {
                for k in out.indices.reversed() where TextSearch.contains(s, out[k]) ?? s.contains(out[k]) {
                    out.remove(at: k)
                    spans.remove(at: k)
                }
                out.append(s)
                spans.append(a...b)
            }
        }
        var i = 0
        while i < t.count {
            if before.contains(t[i]) {
                if let a = back(i) { add(a, i - 1) }
            } else if nameWords.contains(t[i]), i + 1 < t.count {
                if genitive.contains(t[i + 1]) {
                    if let a = back(i) { add(a, i - 1) }
                } else if case let (a, b)? = forward(i + 1) {
                    add(a, b)
                }
            } else if alias.contains(t[i]) {
                if let a = back(i, max: 2), case let (_, b)? = forward(i + 1, max: 2) { add(a, b) }
            } else if father.contains(t[i]) {
                if let a = back(i) { add(a, i - 1) }
                if case let (a, b)? = forward(i + 1) { add(a, b) }
            } else if relation.contains(t[i]) && i + 1 < t.count && t[i + 1].key == "o"
                        && doc.text(t[i].end, t[i + 1].start) == "/" {
                if let a = back(i) { add(a, i - 1) }
                if case let (a, b)? = forward(i + 2) { add(a, b) }
                i += 2
                continue
            }
            i += 1
        }
        return Array(zip(out, spans))
    }
}
