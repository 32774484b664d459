/// What a lexicon phrase says about a message.
enum LexKind: String, Sendable, CaseIterable {
    case liquor, wanted, election, other, sale, tip, presence, seen, urgent, request
    case police, campaign, helpline, notice, news, greeting, ok, question, opinion, job, schedule, civic, past

    /// Every kind in declaration order (`allCases` builds a new array on each call).
    static let all = allCases

    /// A distinct bit index per kind (fewer than 64 kinds): its place in `all`.
    var bit: Int { LexKind.all.firstIndex(of: self)! }

    /// The tip category this kind is evidence for, if any.
    var category: TipCategory? {
        switch self {
        case .liquor: return .liquor
        case .wanted: return .wantedCriminal
        case .election: return .electionDisturbance
        case .other: return .other
        default: return nil
        }
    }
}

/// A set of lexicon kinds as the bits of one word (`LexKind.bit`): membership without hashing an enum.
struct LexKindSet: Sendable, ExpressibleByArrayLiteral {
    var bits: UInt64 = 0

    init(arrayLiteral kinds: LexKind...) {
        for k in kinds { bits |= 1 << UInt64(k.bit) }
    }

    @inline(__always) func contains(_ kind: LexKind) -> Bool { bits & (1 << UInt64(kind.bit)) != 0 }
}

/// One phrase of the lexicon, as folded keys.
struct LexEntry: Sendable {
    var kind: LexKind
    var strong: Bool
    /// Folded keys of the phrase's words; `prefix[i]` says word i matches any word starting with it.
    var keys: [String]
    /// FNV hashes of `keys`.
    var hashes: [UInt64]
    var prefix: [Bool]
    var scalarLength: Int
}

/// A lexicon phrase found in a message: tokens `start..<end`.
struct LexHit: Sendable {
    var kind: LexKind
    var strong: Bool
    var start: Int
    var end: Int
}

/// The curated lexicon compiled for matching. Built once from `lexiconSource`.
struct Lexicon: Sendable {
    static let shared = Lexicon(source: lexiconSource)

    private var exactIndex = HashIndex()
    private var prefixIndex = HashIndex()
    /// Entry lists the indexes point into.
    private var lists: [[LexEntry]] = []
    private var maxPrefixLength = 0

    /// Rough size of the compiled tables.
    var approximateBytes: Int {
        lists.reduce(0) { $0 + $1.count } * 128 + exactIndex.bytes + prefixIndex.bytes
    }

    init(source: String) {
        for line in source.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var head = line[..<colon].trimmingSpaces
            let strong = head.hasSuffix("+")
            if strong { head = String(head.dropLast()) }
            guard let kind = LexKind(rawValue: head) else { continue }
            for phrase in line[line.index(after: colon)...].split(separator: ",") {
                guard let entry = Lexicon.entry(String(phrase).trimmingSpaces, kind: kind, strong: strong) else { continue }
                if entry.prefix[0] {
                    Lexicon.add(entry, to: &prefixIndex, &lists)
                    maxPrefixLength = max(maxPrefixLength, entry.keys[0].unicodeScalars.count)
                } else {
                    Lexicon.add(entry, to: &exactIndex, &lists)
                }
            }
        }
    }

    private static func add(_ entry: LexEntry, to index: inout HashIndex, _ lists: inout [[LexEntry]]) {
        if let k = index.get(entry.hashes[0]) {
            lists[Int(k)].append(entry)
        } else {
            index.insert(entry.hashes[0], Int32(lists.count))
            lists.append([entry])
        }
    }

    private static func entry(_ phrase: String, kind: LexKind, strong: Bool) -> LexEntry? {
        if phrase.hasPrefix("<") {
            return LexEntry(kind: kind, strong: strong, keys: [phrase], hashes: [FNV.hash(phrase)], prefix: [false], scalarLength: 1)
        }
        let doc = Document(phrase)
        guard !doc.tokens.isEmpty else { return nil }
        let keys = doc.tokens.map(\.key)
        let prefix = doc.tokens.map { $0.end < doc.scalars.count && doc.scalars[$0.end] == "*" }
        let length = keys.reduce(0) { $0 + $1.unicodeScalars.count }
        return LexEntry(kind: kind, strong: strong, keys: keys, hashes: keys.map { FNV.hash($0) }, prefix: prefix,
                        scalarLength: length)
    }

    /// All phrases found in `doc`. At each start token only the longest phrases are kept, so शराबबंदी (policy talk)
    /// hides the शराब* stem inside it.
    func matches(in doc: Document) -> [LexHit] {
        var hits: [LexHit] = []
        let tokens = doc.tokens
        // what a matched entry leaves to decide by: plain values, so collecting them retains no entry's arrays
        struct Candidate {
            var kind: LexKind
            var strong: Bool
            var scalarLength: Int
            var end: Int
        }
        var candidates: [Candidate] = []
        func collect(_ list: Int32, at i: Int) {
            for e in lists[Int(list)] {
                if let end = match(e, at: i, tokens) {
                    candidates.append(Candidate(kind: e.kind, strong: e.strong, scalarLength: e.scalarLength, end: end))
                }
            }
        }
        for i in tokens.indices {
            candidates.removeAll(keepingCapacity: true)
            if let k = exactIndex.get(tokens[i].hash) { collect(k, at: i) }
            if tokens[i].kind == .devanagari || tokens[i].kind == .latin {
                // the FNV state after n scalars is the hash of the n-scalar prefix: one pass over the key's UTF-8
                // finds every stem (a scalar is complete where the next one's lead byte begins, or at the end)
                var h = FNV.offset
                var n = 0
                var started = false
                for b in tokens[i].key.utf8 {
                    if b & 0xC0 != 0x80 && started {
                        n += 1
                        if n > maxPrefixLength { break }
                        if n >= 2, let k = prefixIndex.get(h) { collect(k, at: i) }
                    }
                    started = true
                    FNV.add(&h, byte: b)
                }
                if started && n < maxPrefixLength {
                    n += 1
                    if n >= 2, let k = prefixIndex.get(h) { collect(k, at: i) }
                }
            }
            guard !candidates.isEmpty else { continue }
            var bestTokens = 0, bestLength = 0
            for c in candidates {
                if c.end - i > bestTokens || (c.end - i == bestTokens && c.scalarLength > bestLength) {
                    bestTokens = c.end - i
                    bestLength = c.scalarLength
                }
            }
            var seen: UInt64 = 0  // LexKind bits: one hit per kind at this start
            for c in candidates where c.end - i == bestTokens && c.scalarLength == bestLength {
                let bit: UInt64 = 1 << UInt64(c.kind.bit)
                if seen & bit == 0 {
                    seen |= bit
                    hits.append(LexHit(kind: c.kind, strong: c.strong, start: i, end: c.end))
                }
            }
        }
        return hits
    }

    private func match(_ e: LexEntry, at i: Int, _ tokens: [Token]) -> Int? {
        guard i + e.keys.count <= tokens.count else { return nil }
        for (k, key) in e.keys.enumerated() {
            let t = tokens[i + k]
            if k > 0 && t.breakBefore { return nil }
            if e.prefix[k] {
                if k > 0 && !t.key.unicodeScalars.starts(with: key.unicodeScalars) { return nil }
            } else if t.hash != e.hashes[k] {
                return nil
            }
        }
        return i + e.keys.count
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
