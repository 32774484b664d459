/// What a lexicon phrase says about a message.
enum LexKind: String, Sendable, CaseIterable {
    case liquor, wanted, election, other, sale, tip, presence, seen, urgent, request
    case police, campaign, helpline, notice, news, greeting, ok, question, opinion, job, schedule, civic, past

    /// A distinct bit index per kind (fewer than 64 kinds).
    var bit: Int { LexKind.allCases.firstIndex(of: self)! }

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
        var candidates: [(LexEntry, Int)] = []
        for i in tokens.indices {
            candidates.removeAll(keepingCapacity: true)
            if let k = exactIndex.get(tokens[i].hash) {
                let list = lists[Int(k)]
                for e in list { if let end = match(e, at: i, tokens) { candidates.append((e, end)) } }
            }
            if tokens[i].kind == .devanagari || tokens[i].kind == .latin {
                // the FNV state after n scalars is the hash of the n-scalar prefix: one pass finds every stem
                var h = FNV.offset
                var n = 0
                for scalar in tokens[i].key.unicodeScalars {
                    FNV.add(&h, scalar)
                    n += 1
                    if n > maxPrefixLength { break }
                    if n >= 2, let k = prefixIndex.get(h) {
                        let list = lists[Int(k)]
                        for e in list { if let end = match(e, at: i, tokens) { candidates.append((e, end)) } }
                    }
                }
            }
            guard !candidates.isEmpty else { continue }
            var bestTokens = 0, bestLength = 0
            for (e, end) in candidates {
                if end - i > bestTokens || (end - i == bestTokens && e.scalarLength > bestLength) {
                    bestTokens = end - i
                    bestLength = e.scalarLength
                }
            }
            var seen: UInt64 = 0  // LexKind bits: one hit per kind at this start
            for (e, end) in candidates where end - i == bestTokens && e.scalarLength == bestLength {
                let bit: UInt64 = 1 << UInt64(e.kind.bit)
                if seen & bit == 0 {
                    seen |= bit
                    hits.append(LexHit(kind: e.kind, strong: e.strong, start: i, end: end))
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
