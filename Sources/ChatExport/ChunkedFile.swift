#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open file and its one read buffer: with the message being built, all the memory a reader holds, whatever the
/// file's size. Reads are blocking `read(2)` calls: run a reader on a thread of its own, not in an async task.
final class ChunkedFile {
    let path: String
    let descriptor: Int32
    let buffer: UnsafeMutablePointer<UInt8>
    let capacity: Int
    let size: Int64

    init(path: String, chunkSize: Int) throws(ChatExportError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw ChatExportError(
                code == ENOENT || code == ENOTDIR ? .notFound : .unreadable, path: path, byteOffset: 0,
                detail: Self.describe(errno: code))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw ChatExportError(.unreadable, path: path, byteOffset: 0, detail: Self.describe(errno: code))
        }
        guard (info.st_mode & S_IFMT) != S_IFDIR else {
            close(fd)
            throw ChatExportError(.unreadable, path: path, byteOffset: 0, detail: "is a folder, not a file")
        }
        descriptor = fd
        size = Int64(info.st_size)
        capacity = max(chunkSize, 16)
        buffer = .allocate(capacity: capacity)
    }

    /// Fills the buffer from the current file position: the count read, 0 at the end of the file.
    func fill(atOffset offset: Int64) throws(ChatExportError) -> Int {
        while true {
            let count = read(descriptor, buffer, capacity)
            if count >= 0 { return count }
            let code = errno
            if code == EINTR { continue }
            throw ChatExportError(.unreadable, path: path, byteOffset: offset, detail: Self.describe(errno: code))
        }
    }

    static func describe(errno code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
    }
}
