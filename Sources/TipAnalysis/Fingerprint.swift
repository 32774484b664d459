/// A near-duplicate fingerprint of a message's normalised text.
///
/// Two tips are the same tip told again when their fingerprints are near; very short texts are never merged on
/// text alone, because "daru bik rahi hai" from two villages is two tips.
public struct Fingerprint: Sendable, Hashable, Codable {
    /// The 64 hash bits (SimHash over character shingles of the normalised text).
    public var bits: UInt64
    /// Running words in the normalised text.
    public var wordCount: Int

    public init(bits: UInt64, wordCount: Int) {
        self.bits = bits
        self.wordCount = wordCount
    }

    /// Whether `other` is the same message told again.
    public func isNearDuplicate(of other: Fingerprint) -> Bool {
        guard wordCount > 8, other.wordCount > 8 else { return false }
        return (bits ^ other.bits).nonzeroBitCount <= 3
    }
}
