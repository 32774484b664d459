import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A tiny blocking-socket HTTP/1.1 server for tests: one listener thread and one thread per connection,
/// keep-alive, `Content-Length` bodies. Just enough HTTP for a Bot API client (libcurl) and nothing more.
final class HTTPServer: Sendable {
    typealias Handler = @Sendable (HTTPRequestHead) -> HTTPServerAction

    /// The bound port on 127.0.0.1.
    let port: UInt16
    private let listenFD: Int32
    private let handler: Handler
    private let state = Mutex(State())

    private struct State {
        var stopped = false
        var openConnections: Set<Int32> = []
        var acceptedCount = 0
    }

    /// TCP connections accepted so far.
    var connectionCount: Int { state.withLock { $0.acceptedCount } }

    var isStopped: Bool { state.withLock { $0.stopped } }

    init(handler: @escaping Handler) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPServerError.socket("socket", errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            let code = errno
            close(fd)
            throw HTTPServerError.socket("bind/listen", code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listenFD = fd
        self.port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "fake-bot-api-listener"
        thread.start()
    }

    /// Stops accepting, and shuts down every open connection so that blocked threads return.
    func stop() {
        let connections = state.withLock { state -> Set<Int32> in
            guard !state.stopped else { return [] }
            state.stopped = true
            // Shutting down (not closing) wakes the thread blocked in accept/recv; it closes its own descriptor.
            shutdown(listenFD, Int32(SHUT_RDWR))
            return state.openConnections
        }
        for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        defer { close(listenFD) }
        while true {
            let fd = accept(listenFD, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.openConnections.insert(fd)
                state.acceptedCount += 1
                return true
            }
            guard accepted else {
                close(fd)
                return
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(fd) }
            thread.name = "fake-bot-api-connection"
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            state.withLock { _ = $0.openConnections.remove(fd) }
            close(fd)
        }
        var connection = Connection(fd: fd)
        while let request = connection.readRequest() {
            if request.expectContinue, !connection.write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8)) { return }
            guard var head = connection.readBody(of: request) else { return }
            head.isPeerClosed = { Connection.isPeerClosed(fd) }
            switch handler(head) {
            case .drop:
                return
            case .respond(let status, let contentType, let body):
                let data = HTTPWire.response(
                    status: status, contentType: contentType, body: body, keepAlive: request.keepAlive)
                guard connection.write(data), request.keepAlive, !isStopped else { return }
            }
        }
    }
}

/// Why the fake server could not start.
public enum HTTPServerError: Error, CustomStringConvertible {
    case socket(String, Int32)

    public var description: String {
        switch self {
        case .socket(let call, let code): "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}

/// Reads requests off one socket; owned by that connection's thread alone.
private struct Connection {
    struct PendingRequest {
        var method: String
        var target: String
        var headers: [String: String]
        var contentLength: Int
        var keepAlive: Bool
        var expectContinue: Bool
    }

    let fd: Int32
    private var buffer = Data()

    init(fd: Int32) { self.fd = fd }

    private static let headEnd = Data("\r\n\r\n".utf8)

    mutating func readRequest() -> PendingRequest? {
        while true {
            if let range = buffer.range(of: Self.headEnd) {
                let head = buffer[buffer.startIndex..<range.lowerBound]
                buffer.removeSubrange(buffer.startIndex..<range.upperBound)
                guard let parsed = HTTPWire.parseHead(Data(head)) else { return nil }
                // Chunked bodies are not supported: libcurl sends Content-Length for POSTFIELDS.
                if parsed.headers["transfer-encoding"] != nil { return nil }
                let length = Int(parsed.headers["content-length"] ?? "0") ?? 0
                let connectionHeader = parsed.headers["connection"]?.lowercased()
                let keepAlive =
                    parsed.version == "HTTP/1.0" ? connectionHeader == "keep-alive" : connectionHeader != "close"
                return PendingRequest(
                    method: parsed.method, target: parsed.target, headers: parsed.headers, contentLength: length,
                    keepAlive: keepAlive,
                    expectContinue: parsed.headers["expect"]?.lowercased() == "100-continue")
            }
            guard fill() else { return nil }
        }
    }

    mutating func readBody(of request: PendingRequest) -> HTTPRequestHead? {
        while buffer.count < request.contentLength {
            guard fill() else { return nil }
        }
        let body = Data(buffer.prefix(request.contentLength))
        buffer.removeFirst(request.contentLength)
        let parts = request.target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return HTTPRequestHead(
            method: request.method, path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : nil,
            headers: request.headers, body: body)
    }

    private var chunk = [UInt8](repeating: 0, count: 65536)

    private mutating func fill() -> Bool {
        while true {
            let count = recv(fd, &chunk, chunk.count, 0)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
    }

    /// True when the peer closed its side: a non-blocking peek reads end-of-file (or the socket failed).
    static func isPeerClosed(_ fd: Int32) -> Bool {
        var byte: UInt8 = 0
        let count = recv(fd, &byte, 1, Int32(MSG_PEEK | MSG_DONTWAIT))
        if count == 0 { return true }
        return count < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR
    }

    func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            guard let base = raw.baseAddress else { return true }
            var sent = 0
            while sent < raw.count {
                // MSG_NOSIGNAL: a client that hung up must not kill the test process with SIGPIPE.
                let count = send(fd, base + sent, raw.count - sent, Int32(MSG_NOSIGNAL))
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return false }
                sent += count
            }
            return true
        }
    }
}
