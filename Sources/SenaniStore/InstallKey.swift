import Foundation

/// The install's secret: 32 random bytes in a key file outside the database (never in a backup or an export).
/// Pseudonyms, button signatures and the sealed chat ids are all derived from it, each under its own label, so
/// anyone holding a copy of the database but not this file can neither name an informant nor read his chat id.
public struct InstallKey: Sendable {
    let bytes: [UInt8]

    /// What a database was opened with: the key and where it came from.
    public struct Loaded: Sendable {
        public var key: InstallKey
        public var path: String
        /// The file did not exist and was written now (mode 0600).
        public var created: Bool
        /// The file does not exist and was not created: the key is a throwaway one for this process only.
        public var ephemeral: Bool
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// A fresh random key.
    static func random() -> InstallKey { InstallKey(bytes: randomBytes(32)) }

    /// `senani.sqlite` → `senani.key` in the same folder (the default when no key file is named).
    public static func defaultPath(forDatabase path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let base = url.deletingPathExtension().lastPathComponent
        return url.deletingLastPathComponent().appendingPathComponent(base + ".key").path
    }

    /// A key derived for one purpose.
    func derived(_ label: String) -> [UInt8] {
        SHA256.hmac(key: bytes, message: Array("senani/\(label)/v1".utf8))
    }

    /// A check value that tells whether a database was used with this key, and says nothing about the key.
    var check: String { String(derived("key-check").hexString.prefix(16)) }

    /// Reads the key at `path`; when there is no such file, a throwaway key that `persist` can write there.
    static func load(path: String) throws(StoreError) -> Loaded {
        if FileManager.default.fileExists(atPath: path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw StoreError(.invalidArgument, "cannot read the key file \(path) (permissions?)")
            }
            let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = [UInt8](hex: text), bytes.count >= 32 else {
                throw StoreError(
                    .invalidArgument, "the key file \(path) must hold at least 64 hex digits (32 random bytes)")
            }
            return Loaded(key: InstallKey(bytes: bytes), path: path, created: false, ephemeral: false)
        }
        return Loaded(key: random(), path: path, created: false, ephemeral: true)
    }

    /// Writes a throwaway key to its path, mode 0600, refusing to replace a file that appeared meanwhile.
    static func persist(_ loaded: Loaded) throws(StoreError) -> Loaded {
        guard loaded.ephemeral else { return loaded }
        let path = loaded.path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else {
            throw StoreError(.invalidArgument, "cannot create the key file \(path): \(String(cString: strerror(errno)))")
        }
        let text = Array((loaded.key.bytes.hexString + "\n").utf8)
        let written = text.withUnsafeBufferPointer { write(descriptor, $0.baseAddress, $0.count) }
        let synced = fsync(descriptor)
        close(descriptor)
        guard written == text.count, synced == 0 else {
            unlink(path)
            throw StoreError(.invalidArgument, "cannot write the key file \(path)")
        }
        return Loaded(key: loaded.key, path: path, created: true, ephemeral: false)
    }
}
