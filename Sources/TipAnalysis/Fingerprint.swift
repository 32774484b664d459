/// A near-duplicate fingerprint of a message's normalised text.
///
/// Two tips are the same tip told again when their fingerprints are near; very short texts are never merged on
/// text alone, because "daru bik rahi hai" from two villages is two tips.
///
/// In JSON (and in `hexString`) it is one 16-hex-digit string, because a UInt64 does not survive JavaScript: the top
/// byte is the word count (capped at 255), the low 56 bits the SimHash, so a stored fingerprint loses nothing.
public struct Fingerprint: Sendable, Hashable, Codable {
    /// The SimHash bits (56 used, over character shingles of the normalised text).
    public var bits: UInt64
    /// Running words in the normalised text.
    public var wordCount: Int

    /// The SimHash bits a fingerprint uses.
    public static let hashMask: UInt64 = 0x00FF_FFFF_FFFF_FFFF
    /// Most differing bits between the same tip told twice; tuned in `FingerprintTests`.
    public static let maxDistance = 10
    /// Texts this short are never merged on text alone.
    public static let minWords = 9

    public init(bits: UInt64, wordCount: Int) {
        self.bits = bits & Fingerprint.hashMask
        self.wordCount = wordCount
    }

    /// Whether `other` is the same message told again.
    public func isNearDuplicate(of other: Fingerprint) -> Bool {
        guard wordCount >= Fingerprint.minWords, other.wordCount >= Fingerprint.minWords else { return false }
        // A much longer or shorter text is a different message even when one contains the other.
        let longer = max(wordCount, other.wordCount), shorter = min(wordCount, other.wordCount)
        guard shorter * 3 >= longer * 2 else { return false }
        return distance(to: other) <= Fingerprint.maxDistance
    }

    /// Differing SimHash bits.
    public func distance(to other: Fingerprint) -> Int {
        ((bits ^ other.bits) & Fingerprint.hashMask).nonzeroBitCount
    }

    /// Sixteen lower-case hex digits: word count byte, then the 56 hash bits.
    public var hexString: String {
        let packed = (UInt64(min(max(wordCount, 0), 255)) << 56) | (bits & Fingerprint.hashMask)
        let hex = String(packed, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Reads `hexString` back; nil unless exactly 16 hex digits.
    public init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.init(bits: value & Fingerprint.hashMask, wordCount: Int(value >> 56))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let hex = try container.decode(String.self)
        guard let value = Fingerprint(hex: hex) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "fingerprint must be 16 hex digits")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(hexString)
    }
}
