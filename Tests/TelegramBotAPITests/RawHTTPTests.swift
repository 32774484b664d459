import Foundation
import SenaniTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// HTTP details other clients rely on: GET with a query string, form bodies, `Expect: 100-continue`, keep-alive.
@Suite struct RawHTTPTests {
    /// Sends raw bytes to the fake and reads one answer (headers and a Content-Length body).
    private func exchange(_ fake: FakeBotAPI, _ requests: [String]) throws -> [String] {
        let port = UInt16(fake.baseURL.split(separator: ":").last!)!
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        try #require(connected == 0)
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var answers: [String] = []
        var pending = Data()
        for request in requests {
            _ = request.withCString { send(fd, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            while true {
                if let answer = takeResponse(&pending) {
                    if answer.hasPrefix("HTTP/1.1 100") {
                        answers.append(answer)
                        continue
                    }
                    answers.append(answer)
                    break
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = recv(fd, &chunk, chunk.count, 0)
                try #require(count > 0)
                pending.append(contentsOf: chunk[0..<count])
            }
        }
        return answers
    }

    private func takeResponse(_ data: inout Data) -> String? {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: data[data.startIndex..<end.lowerBound], as: UTF8.self)
        let length =
            head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
        guard data.count - (end.upperBound - data.startIndex) >= length else { return nil }
        let bodyStart = end.upperBound
        let body = String(decoding: data[bodyStart..<(bodyStart + length)], as: UTF8.self)
        data.removeSubrange(data.startIndex..<(bodyStart + length))
        return head + "\r\n\r\n" + body
    }

    @Test func getQueryFormAndExpectContinueOnOneConnection() throws {
        let fake = try FakeBotAPI()
        let path = "/bot\(fake.token)"
        let form = "chat_id=-100123&text=hello+world%21"
        let json = #"{"chat_id":-100123,"text":"json"}"#
        let answers = try exchange(fake, [
            "GET \(path)/getMe HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET \(path)/sendMessage?chat_id=-100123&text=query HTTP/1.1\r\nHost: x\r\n\r\n",
            "POST \(path)/sendMessage HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)",
            "POST \(path)/sendMessage HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)",
            "POST /botWRONG/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
            "POST \(path)/getMe HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n",
        ])
        #expect(answers.count == 7)
        #expect(answers[0].hasPrefix("HTTP/1.1 200") && answers[0].contains("\"username\":\"SenaniTestBot\""))
        #expect(answers[0].contains("Content-Type: application/json"))
        #expect(answers[1].hasPrefix("HTTP/1.1 200"))
        #expect(answers[2].hasPrefix("HTTP/1.1 200"))
        #expect(answers[3].hasPrefix("HTTP/1.1 100 Continue"))
        #expect(answers[4].hasPrefix("HTTP/1.1 200"))
        #expect(answers[5].hasPrefix("HTTP/1.1 401") && answers[5].contains(#""description":"Unauthorized""#))
        #expect(answers[6].hasPrefix("HTTP/1.1 200"))
        #expect(fake.sentMessages.map(\.text) == ["query", "hello world!", "json"])
        #expect(fake.sentMessages.allSatisfy { $0.chatID == -100123 })
        #expect(fake.connectionCount == 1)
    }
}
