/// The buffer that holds the string in hand.
extension JSONPullTokenizer {
    @inline(__always)
    mutating func appendToScratch(_ bytes: UnsafePointer<UInt8>, count: Int) {
        if scratchCount + count > scratchCapacity { growScratch(toHold: scratchCount + count) }
        (scratchBase + scratchCount).initialize(from: bytes, count: count)
        scratchCount += count
    }

    @inline(__always)
    mutating func appendToScratch(_ byte: UInt8) {
        if scratchCount == scratchCapacity { growScratch(toHold: scratchCount + 1) }
        scratchBase[scratchCount] = byte
        scratchCount += 1
    }

    private mutating func growScratch(toHold count: Int) {
        scratchStorage.grow(toHold: count, keeping: scratchCount)
        scratchBase = scratchStorage.base
        scratchCapacity = scratchStorage.capacity
    }

    /// Gives back the memory of a large string once its message is done.
    mutating func shrinkScratch() {
        guard scratchCapacity > 1 << 20 else { return }
        scratchStorage.reset()
        scratchBase = scratchStorage.base
        scratchCapacity = scratchStorage.capacity
        scratchCount = 0
    }
}

/// The memory behind `JSONPullTokenizer.scratch`: managed by hand, because an Array's uniqueness checks and
/// growth paths cost a sixth of the reading time for a buffer that is refilled for every string.
final class ScratchStorage {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    private static let initialCapacity = 4096

    init() {
        capacity = Self.initialCapacity
        base = .allocate(capacity: capacity)
    }

    func grow(toHold count: Int, keeping used: Int) {
        var newCapacity = capacity
        while newCapacity < count { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.initialize(from: base, count: used)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    func reset() {
        base.deallocate()
        capacity = Self.initialCapacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }
}
