import CCrypto

/// SHA-256 and HMAC-SHA-256 (FIPS 180-4, RFC 2104) from libcrypto, checked against the FIPS and RFC 4231 vectors
/// in SenaniStoreTests.
enum SHA256 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = message.withUnsafeBufferPointer { m in senani_sha256(m.baseAddress, m.count, &out) }
        precondition(ok == 1, "libcrypto SHA-256 failed")
        return out
    }

    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = key.withUnsafeBufferPointer { k in
            message.withUnsafeBufferPointer { m in
                senani_hmac_sha256(k.baseAddress, Int32(k.count), m.baseAddress, m.count, &out)
            }
        }
        precondition(ok == 1, "libcrypto HMAC failed")
        return out
    }
}

/// An HMAC-SHA-256 key made ready once (the install key's pseudonym and signing keys are used for every tip and
/// every button): the same bytes as `SHA256.hmac(key:message:)`, a fraction of the cost.
final class HMACKey: @unchecked Sendable {  // the context is only copied, never changed, after init
    private let context: OpaquePointer

    init(_ key: [UInt8]) {
        let context = key.withUnsafeBufferPointer { senani_hmac_key_new($0.baseAddress, $0.count) }
        guard let context else { preconditionFailure("libcrypto HMAC key setup failed") }
        self.context = context
    }

    func mac(_ message: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 32)
        let ok = message.withUnsafeBufferPointer { m in senani_hmac_keyed(context, m.baseAddress, m.count, &out) }
        precondition(ok == 1, "libcrypto HMAC failed")
        return out
    }

    deinit { senani_hmac_key_free(context) }
}

/// AES-256-GCM: what a relay must keep of an informant (his private chat's id) is stored only sealed with the
/// install key, so a copy of the database without the key file reveals nothing.
enum AESGCM {
    static let nonceLength = 12
    static let tagLength = 16

    /// nonce ‖ ciphertext ‖ tag, with a fresh random nonce.
    static func seal(_ plain: [UInt8], key: [UInt8], context: String) -> [UInt8] {
        precondition(key.count == 32, "AES-256 needs a 32-byte key")
        let nonce = randomBytes(nonceLength)
        let aad = Array(context.utf8)
        var cipher = [UInt8](repeating: 0, count: plain.count)
        var tag = [UInt8](repeating: 0, count: tagLength)
        let ok = senani_aes256gcm_seal(key, nonce, aad, Int32(aad.count), plain, Int32(plain.count), &cipher, &tag)
        precondition(ok == 1, "libcrypto AES-GCM failed")
        return nonce + cipher + tag
    }

    /// The plain bytes, or nil when `sealed` was not made with `key` and `context` (or was altered).
    static func open(_ sealed: [UInt8], key: [UInt8], context: String) -> [UInt8]? {
        guard key.count == 32, sealed.count >= nonceLength + tagLength else { return nil }
        let nonce = Array(sealed.prefix(nonceLength))
        let cipher = Array(sealed.dropFirst(nonceLength).dropLast(tagLength))
        let tag = Array(sealed.suffix(tagLength))
        let aad = Array(context.utf8)
        var plain = [UInt8](repeating: 0, count: cipher.count)
        let ok = senani_aes256gcm_open(key, nonce, aad, Int32(aad.count), cipher, Int32(cipher.count), tag, &plain)
        return ok == 1 ? plain : nil
    }
}

/// `count` bytes from the system's CSPRNG.
func randomBytes(_ count: Int) -> [UInt8] {
    var out = [UInt8](repeating: 0, count: count)
    precondition(senani_random_bytes(&out, Int32(count)) == 1, "libcrypto RAND_bytes failed")
    return out
}

extension Array where Element == UInt8 {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    init?(hex: String) {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self = bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
