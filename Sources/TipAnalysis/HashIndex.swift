/// An open-addressing map from 64-bit FNV hashes to small integers. The keys are already well mixed, so this skips
/// `Hasher` (SipHash), which dominated lookups in the model table, the word sets and the lexicon.
struct HashIndex: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 8) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 31)) & mask }

    /// The value stored for `key`, or nil.
    @inline(__always)
    func get(_ key: UInt64) -> Int32? {
        var i = HashIndex.slot(key, mask)
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return v }
            i = (i + 1) & mask
        }
    }

    /// Looks up every one of `keys` and writes the found ones, in order, as (position in `keys`, value) pairs into
    /// `found` (room for `keys.count`); returns how many. The probes are independent, so the processor overlaps
    /// their cache misses, which one lookup at a time between other work cannot.
    func get(_ keys: [UInt64], found: UnsafeMutableBufferPointer<(Int, Int32)>) -> Int {
        let mask = self.mask
        var n = 0
        self.keys.withUnsafeBufferPointer { table in
            values.withUnsafeBufferPointer { values in
                for (k, key) in keys.enumerated() {
                    var i = HashIndex.slot(key, mask)
                    while true {
                        let v = values[i]
                        if v < 0 { break }
                        if table[i] == key {
                            found[n] = (k, v)
                            n += 1
                            break
                        }
                        i = (i + 1) & mask
                    }
                }
            }
        }
        return n
    }

    /// Stores `value` (>= 0) for `key`; returns false when `key` was already present (the old value stays).
    @discardableResult
    mutating func insert(_ key: UInt64, _ value: Int32) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        var i = HashIndex.slot(key, mask)
        while values[i] >= 0 {
            if keys[i] == key { return false }
            i = (i + 1) & mask
        }
        keys[i] = key
        values[i] = value
        count += 1
        return true
    }

    private mutating func grow() {
        var bigger = HashIndex(capacity: keys.count)
        for i in keys.indices where values[i] >= 0 { bigger.insert(keys[i], values[i]) }
        self = bigger
    }

    /// Bytes held by the table.
    var bytes: Int { keys.count * 12 }
}
