/// Finds Indian vehicle registration marks (`BR 34 AB 1234`, `br-01-pa-4321`, `BR 1 P 2345`, `22 BH 1234 AA`,
/// `बीआर 01 पीजे 4321`) and returns them upper case without spaces or dashes. Only real state codes count.
enum VehicleExtractor {
    static let stateCodes: Set<String> = [
        "AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN", "GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL",
        "LA", "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "OR", "PB", "PY", "RJ", "SK", "TN", "TR", "TS", "UK",
        "UP", "UA", "WB",
    ]

    /// Devanagari spellings of the Latin letter names, longest first so डब्ल्यू wins over डी.
    static let letterNames: [([Unicode.Scalar], Character)] = {
        let pairs: [(String, Character)] = [
            ("डब्ल्यू", "W"), ("डब्लू", "W"), ("डबल्यू", "W"), ("क्यू", "Q"), ("क्यु", "Q"), ("एक्स", "X"), ("वाई", "Y"),
            ("जेड", "Z"), ("ज़ेड", "Z"), ("एफ", "F"), ("एच", "H"), ("आई", "I"), ("एल", "L"), ("एम", "M"), ("एन", "N"),
            ("एस", "S"), ("आर", "R"), ("बी", "B"), ("पी", "P"), ("जे", "J"), ("सी", "C"), ("डी", "D"), ("जी", "G"),
            ("के", "K"), ("टी", "T"), ("यू", "U"), ("वी", "V"), ("ई", "E"), ("ओ", "O"), ("ए", "A"),
        ]
        return pairs.map { (Array($0.0.unicodeScalars), $0.1) }.sorted { $0.0.count > $1.0.count }
    }()

    struct Run {
        enum Kind { case letters, digits }
        var kind: Kind
        var start: Int
        var end: Int
        var text: String
        /// `text.count`, kept so the scan can pass over runs that cannot start a mark without counting Characters.
        var length: Int
        /// Whether the original letters were upper case (lower-case `up`, `ka` are usually words, not marks).
        var upper: Bool
        /// 0: no gap to the previous run, 1: a space/dash/dot, 2: anything else (a barrier).
        var gap: Int
    }

    static func runs(_ s: [Unicode.Scalar]) -> [Run] {
        var runs: [Run] = []
        runs.reserveCapacity(s.count / 3 + 4)
        var i = 0
        let n = s.count
        var lastEnd = -10
        var bytes: [UInt8] = []  // reused for each run's text
        bytes.reserveCapacity(8)
        func gap(_ start: Int) -> Int {
            if start == lastEnd { return 0 }
            if start - lastEnd <= 3 && s[lastEnd..<start].allSatisfy({ $0 == " " || $0 == "-" || $0 == "." || $0.value == 0x2013 }) {
                return 1
            }
            return 2
        }
        while i < n {
            let c = ScalarClass.of(s[i])
            var j = i + 1
            switch c {
            // runs longer than 4 can never be part of a mark: keep their place, skip their text
            case .digit:
                while j < n, ScalarClass.of(s[j]) == .digit { j += 1 }
                let text = j - i <= 4 ? UTF8Bytes.string(s[i..<j]) : "#####"
                runs.append(Run(kind: .digits, start: i, end: j, text: text, length: min(j - i, 5), upper: true, gap: gap(i)))
                lastEnd = j
            case .latin:
                while j < n, s[j].isASCII, ScalarClass.of(s[j]) == .latin { j += 1 }
                if j - i <= 4, s[i].isASCII {
                    // ASCII letters: upper-cased byte by byte, as `uppercased()` would
                    bytes.removeAll(keepingCapacity: true)
                    var upper = true
                    for k in i..<j {
                        var b = UInt8(truncatingIfNeeded: s[k].value)
                        if b >= 0x61 && b <= 0x7A {
                            b -= 0x20
                            upper = false
                        }
                        bytes.append(b)
                    }
                    runs.append(Run(kind: .letters, start: i, end: j, text: String(decoding: bytes, as: UTF8.self),
                                    length: j - i, upper: upper, gap: gap(i)))
                } else if j - i <= 4 {
                    let text = UTF8Bytes.string(s[i..<j])
                    let upper = text.uppercased()
                    runs.append(Run(kind: .letters, start: i, end: j, text: upper, length: upper.count, upper: upper == text,
                                    gap: gap(i)))
                } else {
                    runs.append(Run(kind: .letters, start: i, end: j, text: "#####", length: 5, upper: false, gap: gap(i)))
                }
                lastEnd = j
            case .devanagari:
                while j < n, ScalarClass.of(s[j]) == .devanagari { j += 1 }
                if let letters = spelled(s[i..<j]) {
                    runs.append(Run(kind: .letters, start: i, end: j, text: letters, length: letters.count, upper: true,
                                    gap: gap(i)))
                    lastEnd = j
                } else {
                    lastEnd = -10
                }
            default:
                break
            }
            i = j
        }
        return runs
    }

    /// Whether a Devanagari scalar (by `value - 0x900`) starts a letter name: a table, not a hashed set, since every
    /// Devanagari word of every message asks.
    static let initials: [Bool] = {
        var table = [Bool](repeating: false, count: 0x80)
        for (name, _) in letterNames { table[Int(name[0].value) - 0x900] = true }
        return table
    }()

    /// Latin letters of a Devanagari word made only of letter names (बीआर -> BR), else nil.
    static func spelled(_ w: ArraySlice<Unicode.Scalar>) -> String? {
        // letter names start with one of these; checking first avoids work on ordinary words
        guard w.count <= 24, let head = w.first, (0x900..<0x980).contains(head.value),
            initials[Int(head.value) - 0x900] else { return nil }
        let word = w.filter { $0.value != 0x093C }
        var out = ""
        var i = 0
        outer: while i < word.count {
            for (name, letter) in letterNames where i + name.count <= word.count {
                if word[i..<(i + name.count)].elementsEqual(name) {
                    // a name must end on a syllable boundary: not followed by a vowel sign or virama
                    if i + name.count < word.count, isSign(word[i + name.count]) { continue }
                    out.append(letter)
                    i += name.count
                    continue outer
                }
            }
            return nil
        }
        return out.isEmpty || out.count > 3 ? nil : out
    }

    private static func isSign(_ s: Unicode.Scalar) -> Bool { (0x093A...0x094F).contains(s.value) || (0x0900...0x0903).contains(s.value) }

    /// Marks found, and the scalar ranges they cover (so the phone scanner skips their digits).
    static func extract(_ s: [Unicode.Scalar]) -> (marks: [String], ranges: [Range<Int>]) {
        let rs = runs(s)
        var marks: [String] = []
        var ranges: [Range<Int>] = []
        var r = 0
        while r < rs.count {
            // every mark starts with two letters (a state code) or two digits (a Bharat series year)
            if rs[r].length != 2 {
                r += 1
                continue
            }
            if let (mark, end) = match(rs, r) {
                if !marks.contains(mark) { marks.append(mark) }
                ranges.append(rs[r].start..<rs[end].end)
                r = end + 1
            } else {
                r += 1
            }
        }
        return (marks, ranges)
    }

    private static func match(_ rs: [Run], _ r: Int) -> (String, Int)? {
        func at(_ k: Int) -> Run? { k < rs.count && (k == r || rs[k].gap < 2) ? rs[k] : nil }
        guard let first = at(r) else { return nil }
        // Bharat series: 22 BH 1234 AA
        if first.kind == .digits, first.text.count == 2, let bh = at(r + 1), bh.kind == .letters, bh.text == "BH",
            let num = at(r + 2), num.kind == .digits, num.text.count == 4, let tail = at(r + 3), tail.kind == .letters,
            (1...2).contains(tail.text.count)
        {
            return (first.text + "BH" + num.text + tail.text, r + 3)
        }
        guard first.kind == .letters, first.text.count == 2, stateCodes.contains(first.text),
            let district = at(r + 1), district.kind == .digits, (1...2).contains(district.text.count)
        else { return nil }
        var k = r + 2
        var series = ""
        var seriesUpper = true
        var tight = district.gap == 0
        if let s = at(k), s.kind == .letters, (1...3).contains(s.text.count) {
            series = s.text
            seriesUpper = s.upper
            tight = tight && s.gap == 0
            k += 1
        }
        guard let number = at(k), number.kind == .digits, (1...4).contains(number.text.count) else { return nil }
        tight = tight && number.gap == 0
        if let next = at(k + 1), next.gap == 0, next.kind == .letters { return nil }  // 1234abc: not a mark
        if series.isEmpty {
            guard number.text.count == 4, district.text.count == 2, first.upper || tight else { return nil }
        } else if number.text.count < 4 {
            guard (first.upper && seriesUpper) || tight else { return nil }
        } else {
            guard first.upper || tight || seriesUpper == first.upper else { return nil }
        }
        return (first.text + district.text + series + number.text, k)
    }
}
