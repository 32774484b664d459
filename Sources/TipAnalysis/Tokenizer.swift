/// One word, number or meaningful emoji of the cleaned text.
struct Token: Sendable {
    enum Kind: UInt8, Sendable { case latin, devanagari, number, alnum, emoji }
    var kind: Kind
    /// Scalar range in the cleaned text.
    var start: Int
    var end: Int
    /// Lower-cased and squeezed form (for language cues).
    var lower: String
    /// Folded matching key (see `Folding`).
    var key: String {
        didSet { hash = FNV.hash(key) }
    }
    /// FNV-1a of `key`, for set and table lookups.
    var hash: UInt64
    /// Whether a sentence break (newline, danda, `.`, `?`, `!`, `,`) separates this token from the previous one.
    var breakBefore: Bool
}

/// The cleaned text and its tokens: what every analysis stage reads.
struct Document: Sendable {
    var scalars: [Unicode.Scalar]
    var tokens: [Token]
    var hasQuestionMark: Bool
    var urlCount: Int

    init(_ text: String) {
        let cleaned = Normalizer.clean(text)
        scalars = cleaned
        var toks: [Token] = []
        toks.reserveCapacity(cleaned.count / 3 + 4)
        var i = 0
        var pendingBreak = false
        var question = false
        var urls = 0
        let n = cleaned.count
        // reused for every word: the folded scalars and the key's bytes
        var lowered: [Unicode.Scalar] = []
        var keyBytes: [UInt8] = []
        lowered.reserveCapacity(32)
        keyBytes.reserveCapacity(96)
        while i < n {
            let c = ScalarClass.of(cleaned[i])
            switch c {
            case .latin, .devanagari, .digit, .combining:
                var j = i + 1
                var hasLatin = c == .latin, hasDeva = c == .devanagari, hasDigit = c == .digit
                while j < n {
                    let cj = ScalarClass.of(cleaned[j])
                    if cj == .latin || cj == .combining { if hasDeva { break }; hasLatin = true }
                    else if cj == .devanagari { if hasLatin { break }; hasDeva = true }
                    else if cj == .digit { hasDigit = true }
                    else { break }
                    j += 1
                }
                // URLs carry no words an officer needs; skip to the next space.
                if hasLatin, j + 2 < n, cleaned[j] == ":", cleaned[j + 1] == "/", cleaned[j + 2] == "/" {
                    urls += 1
                    while j < n, ScalarClass.of(cleaned[j]) != .space, cleaned[j] != "\n" { j += 1 }
                    i = j
                    continue
                }
                // "www." lower-cased: a word of exactly w/W three times before the dot (no other scalar
                // lower-cases to "w"), checked without building a string for every word before a full stop
                if hasLatin, j - i >= 3, j < n, cleaned[j] == ".", i + 4 <= n, j == i + 3,
                    cleaned[i..<j].allSatisfy({ $0 == "w" || $0 == "W" }) {
                    urls += 1
                    while j < n, ScalarClass.of(cleaned[j]) != .space, cleaned[j] != "\n" { j += 1 }
                    i = j
                    continue
                }
                let slice = cleaned[i..<j]
                Folding.lowerSqueezed(slice, into: &lowered)
                let kind: Token.Kind
                // whether `keyBytes` is valid UTF-8 as it stands, so the key's hash can be taken from them
                var keyIsUTF8 = true
                if hasDeva {
                    kind = hasDigit ? .alnum : .devanagari
                    Folding.devanagariKey(lowered, into: &keyBytes)
                } else if hasLatin {
                    kind = hasDigit ? .alnum : .latin
                    Folding.latinKey(lowered, into: &keyBytes)
                    keyIsUTF8 = !keyBytes.contains { $0 >= 0x80 }
                } else {
                    kind = .number
                    keyBytes.removeAll(keepingCapacity: true)
                    for s in slice { UTF8Bytes.append(s, to: &keyBytes) }
                }
                let key = String(decoding: keyBytes, as: UTF8.self)
                let hash = keyIsUTF8 ? FNV.hash(keyBytes) : FNV.hash(key)
                // Devanagari has no case: its key serves as the lower-cased form and saves a string per word
                let lower = kind == .devanagari ? key : UTF8Bytes.string(lowered)
                toks.append(Token(kind: kind, start: i, end: j, lower: lower, key: key, hash: hash,
                                  breakBefore: pendingBreak))
                pendingBreak = false
                i = j
            case .emoji:
                if let k = EmojiSignal.key(cleaned[i]) {
                    toks.append(Token(kind: .emoji, start: i, end: i + 1, lower: k, key: k, hash: FNV.hash(k), breakBefore: pendingBreak))
                    pendingBreak = false
                }
                i += 1
            case .newline:
                pendingBreak = true
                i += 1
            case .punct:
                let s = cleaned[i]
                if s == "?" { question = true }
                if s == "." || s == "?" || s == "!" || s == "," || s == "|" || s == ";" || s.value == 0x0964 || s.value == 0x0965 {
                    pendingBreak = true
                }
                i += 1
            default:
                i += 1
            }
        }
        tokens = toks
        hasQuestionMark = question
        urlCount = urls
    }

    /// The cleaned text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String {
        UTF8Bytes.string(scalars[max(0, start)..<min(scalars.count, end)])
    }

    /// The cleaned text from token `a` through token `b`, as written.
    func text(tokens a: Int, _ b: Int) -> String {
        text(tokens[a].start, tokens[b].end)
    }
}
