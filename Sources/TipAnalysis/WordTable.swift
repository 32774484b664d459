/// A small read-only map from words to values, looked up by FNV hash and then confirmed by comparing the word, so it
/// answers exactly as a `Dictionary<String, Value>` would (the words are ASCII or NFC, where equal bytes is equal
/// strings) without SipHash on every lookup.
struct WordTable<Value: Sendable>: Sendable {
    private var index: HashIndex
    private var words: [String] = []
    private var values: [Value] = []

    init(_ entries: [String: Value]) {
        index = HashIndex(capacity: entries.count)
        // sorted, so the table is laid out the same in every process
        for (word, value) in entries.sorted(by: { $0.key < $1.key }) {
            let h = FNV.hash(word)
            precondition(index.get(h) == nil, "two words of a WordTable share an FNV hash")
            index.insert(h, Int32(words.count))
            words.append(word)
            values.append(value)
        }
    }

    /// The value for `word`, or nil.
    @inline(__always)
    subscript(word: String) -> Value? {
        guard let k = index.get(FNV.hash(word)) else { return nil }
        let i = Int(k)
        return words[i] == word ? values[i] : nil
    }
}
