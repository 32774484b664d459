import Foundation
import GRDB

/// SQL functions that keep an informant's private chat id out of every column in plain text:
///
/// - `senani_seal_chat(id)`: the id sealed with AES-256-GCM under the install key (a BLOB, a fresh nonce each time);
/// - `senani_unseal_chat(blob)`: the id back, or NULL when the blob was sealed under another key;
/// - `senani_chat_token(id)`: a keyed hash of the id in [-2^63, -2^62), where no Telegram chat id lies, for the
///   columns that need a stable number for one informant's chat (uniqueness, per-chat limits).
///
/// Registered on every connection, so the store's static SQL helpers can use them without carrying the key.
struct SealingFunctions: Sendable {
    let sealingKey: [UInt8]
    let tokenKey: HMACKey

    init(key: InstallKey) {
        sealingKey = key.derived("seal")
        tokenKey = HMACKey(key.derived("chat-token"))
    }

    static let context = "senani chat id"

    func seal(_ chatID: Int64) -> [UInt8] {
        AESGCM.seal(Self.bytes(chatID), key: sealingKey, context: Self.context)
    }

    func unseal(_ sealed: [UInt8]) -> Int64? {
        guard let plain = AESGCM.open(sealed, key: sealingKey, context: Self.context), plain.count == 8 else { return nil }
        return Int64(bitPattern: plain.reduce(0) { $0 << 8 | UInt64($1) })
    }

    func token(_ chatID: Int64) -> Int64 {
        let mac = tokenKey.mac(Self.bytes(chatID))
        let bits = mac.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int64.min + Int64(bits & 0x3FFF_FFFF_FFFF_FFFF)
    }

    /// Whether `chatID` is a token rather than a real chat.
    static func isToken(_ chatID: Int64) -> Bool { chatID < -(1 << 62) }

    private static func bytes(_ value: Int64) -> [UInt8] {
        let bits = UInt64(bitPattern: value)
        return (0..<8).map { UInt8(truncatingIfNeeded: bits >> UInt64(56 - $0 * 8)) }
    }

    func register(in db: Database) {
        db.add(
            function: DatabaseFunction("senani_seal_chat", argumentCount: 1, pure: false) { values in
                guard let id = Int64.fromDatabaseValue(values[0]) else { return nil }
                return Data(seal(id))
            })
        db.add(
            function: DatabaseFunction("senani_unseal_chat", argumentCount: 1, pure: true) { values in
                guard let data = Data.fromDatabaseValue(values[0]) else { return nil }
                return unseal(Array(data))
            })
        db.add(
            function: DatabaseFunction("senani_chat_token", argumentCount: 1, pure: true) { values in
                Int64.fromDatabaseValue(values[0]).map(token)
            })
    }
}

extension Store {
    /// What stands for an informant's private chat in `reports.chat_id` and `outbox.chat_id`.
    func chatToken(_ chatID: Int64) -> Int64 { SealingFunctions(key: key.key).token(chatID) }
}
