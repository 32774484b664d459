import Foundation

/// A `multipart/form-data` body split into its parts (RFC 7578), as the fake server reads uploads.
struct MultipartForm {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var data: Data
    }

    var parts: [Part]

    /// Parses `body` with the boundary named in `contentType`; nil when it is not a well-formed form.
    init?(body: Data, contentType: String) {
        guard let boundary = Self.parameter("boundary", in: contentType), !boundary.isEmpty else { return nil }
        // Every delimiter is CRLF "--boundary"; prefixing CRLF lets the first one match the same way.
        var text = Data("\r\n".utf8)
        text.append(body)
        let delimiter = Data("\r\n--\(boundary)".utf8)
        var parts: [Part] = []
        guard var cursor = text.range(of: delimiter)?.upperBound else { return nil }
        while true {
            let rest = text[cursor...]
            if rest.starts(with: Data("--".utf8)) { break }  // the closing delimiter
            guard rest.starts(with: Data("\r\n".utf8)),
                let next = text.range(of: delimiter, in: (cursor + 2)..<text.endIndex),
                let part = Self.part(text[(cursor + 2)..<next.lowerBound])
            else { return nil }
            parts.append(part)
            cursor = next.upperBound
        }
        self.parts = parts
    }

    /// One part: headers, a blank line, the content.
    private static func part(_ bytes: Data) -> Part? {
        guard let blank = bytes.range(of: Data("\r\n\r\n".utf8)) else { return nil }
        let head = String(decoding: bytes[bytes.startIndex..<blank.lowerBound], as: UTF8.self)
        var disposition: String? = nil
        var contentType: String? = nil
        for line in head.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-disposition" { disposition = value }
            if name == "content-type" { contentType = value }
        }
        guard let disposition, disposition.lowercased().hasPrefix("form-data"),
            let name = parameter("name", in: disposition)
        else { return nil }
        return Part(
            name: name, fileName: parameter("filename", in: disposition), contentType: contentType,
            data: Data(bytes[blank.upperBound...]))
    }

    /// The value of `name=value` or `name="value"` among a header's `;`-separated parameters.
    static func parameter(_ name: String, in header: String) -> String? {
        var index = header.startIndex
        while index < header.endIndex {
            guard let semicolon = header[index...].firstIndex(of: ";") else { return nil }
            index = header.index(after: semicolon)
            let rest = header[index...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { return nil }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var valueStart = rest.index(after: equals)
            var value = ""
            if valueStart < rest.endIndex, rest[valueStart] == "\"" {
                valueStart = rest.index(after: valueStart)
                var cursor = valueStart
                while cursor < rest.endIndex, rest[cursor] != "\"" {
                    if rest[cursor] == "\\", rest.index(after: cursor) < rest.endIndex { cursor = rest.index(after: cursor) }
                    value.append(rest[cursor])
                    cursor = rest.index(after: cursor)
                }
                index = cursor < rest.endIndex ? rest.index(after: cursor) : rest.endIndex
            } else {
                let end = rest[valueStart...].firstIndex(of: ";") ?? rest.endIndex
                value = rest[valueStart..<end].trimmingCharacters(in: .whitespaces)
                index = end
            }
            if key == name.lowercased() { return value }
        }
        return nil
    }
}
