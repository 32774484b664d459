import Foundation

/// What an inline button asks: an action on a report, as the report was when the button was made.
public struct CallbackData: Sendable, Hashable {
    public var action: String
    public var ref: String
    /// The report's version when the button was made: a button from before the report moved on is stale.
    public var version: Int

    public init(action: String, ref: String, version: Int) {
        self.action = action
        self.ref = ref
        self.version = version
    }
}

/// Signs and checks callback data with the install's secret, so a button cannot be forged into another report
/// or another action, nor carried to another install. Data stays within Telegram's 64 bytes:
/// `a|KHG-SADAR-000123|2|` plus 11 characters of signature.
public struct CallbackSigner: Sendable {
    /// Telegram's limit on callback_data, in bytes.
    public static let limit = 64
    private let sign: @Sendable (String) -> [UInt8]

    /// - Parameter sign: a keyed MAC of its input (the store's `signature(of:purpose:)`).
    public init(sign: @escaping @Sendable (String) -> [UInt8]) {
        self.sign = sign
    }

    /// The button's callback_data, or nil when it would not fit in 64 bytes.
    public func encode(_ data: CallbackData) -> String? {
        let body = "\(data.action)|\(data.ref)|\(data.version)"
        let encoded = body + "|" + tag(body)
        return encoded.utf8.count <= Self.limit ? encoded : nil
    }

    /// The signature part of `encode(data)` alone (what a deep link carries), nil exactly when `encode` is.
    func signatureTag(_ data: CallbackData) -> String? {
        let body = "\(data.action)|\(data.ref)|\(data.version)"
        let tag = tag(body)
        return body.utf8.count + 1 + tag.utf8.count <= Self.limit ? tag : nil
    }

    /// The verified content of `raw`, or nil when it is not data this install signed.
    public func decode(_ raw: String) -> CallbackData? {
        guard raw.utf8.count <= Self.limit else { return nil }
        let parts = raw.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4, let version = Int(parts[2]), version >= 0, !parts[0].isEmpty, !parts[1].isEmpty
        else { return nil }
        let body = parts[0...2].joined(separator: "|")
        guard Self.constantTimeEqual(tag(body), parts[3]) else { return nil }
        return CallbackData(action: parts[0], ref: parts[1], version: version)
    }

    /// The first 8 bytes of the signature in unpadded base64url (RFC 4648 §5): 11 characters.
    private func tag(_ body: String) -> String {
        Self.base64URL(sign(body).prefix(8))
    }

    /// Written out rather than through Foundation's base64 and three replacements: every notice signs its buttons
    /// inside the intake transaction.
    static func base64URL(_ bytes: some Collection<UInt8>) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = buffer << 8 | UInt32(byte)
            bits += 8
            while bits >= 6 {
                bits -= 6
                out.append(alphabet[Int(buffer >> UInt32(bits) & 63)])
            }
        }
        if bits > 0 { out.append(alphabet[Int(buffer << UInt32(6 - bits) & 63)]) }
        return String(decoding: out, as: UTF8.self)
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
