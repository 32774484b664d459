import Foundation

/// One parsed HTTP/1.1 request, as the fake server sees it.
struct HTTPRequestHead: Sendable {
    /// `GET`, `POST`, ...
    var method: String
    /// The path without the query string.
    var path: String
    /// The raw query string (after `?`), if any.
    var query: String?
    /// Header names lower-cased.
    var headers: [String: String]
    var body: Data
    /// Whether the client has hung up; lets a long wait end early instead of holding its thread.
    var isPeerClosed: @Sendable () -> Bool = { false }
}

/// What the server does with a request: answer it, or close the connection without a word.
enum HTTPServerAction: Sendable {
    case respond(status: Int, contentType: String, body: Data)
    case drop
}

enum HTTPWire {
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 409: "Conflict"
        case 411: "Length Required"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }

    static func response(status: Int, contentType: String, body: Data, keepAlive: Bool) -> Data {
        var head = "HTTP/1.1 \(status) \(reason(status))\r\n"
        head += "Server: senani-fake-bot-api\r\n"
        head += "Content-Type: \(contentType)\r\n"
        head += "Content-Length: \(body.count)\r\n"
        head += keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n"
        var data = Data(head.utf8)
        data.append(body)
        return data
    }

    /// Parses the request line and headers (the bytes before the blank line).
    static func parseHead(_ bytes: Data) -> (method: String, target: String, version: String, headers: [String: String])? {
        guard let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .isoLatin1) else {
            return nil
        }
        var lines = text.components(separatedBy: "\r\n")
        guard !lines.isEmpty else { return nil }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard requestLine.count == 3 else { return nil }
        var headers: [String: String] = [:]
        for line in lines where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = value
        }
        return (String(requestLine[0]), String(requestLine[1]), String(requestLine[2]), headers)
    }
}
