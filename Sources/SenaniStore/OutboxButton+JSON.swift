/// The outbox's `buttons` column, written directly: JSONEncoder for every SHO notice's keyboard was a tenth of the
/// outbox's cost on the intake path. The keys are the Codable ones, so `JSONDecoder` reads the column back as before.
extension OutboxButton {
    static func json(_ rows: [[OutboxButton]]) -> String {
        guard !rows.isEmpty else { return "[]" }
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (r, row) in rows.enumerated() {
            if r > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            for (b, button) in row.enumerated() {
                if b > 0 { out.append(UInt8(ascii: ",")) }
                button.appendJSON(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    private func appendJSON(to out: inout [UInt8]) {
        out.append(contentsOf: "{\"text\":".utf8)
        JSONText.appendString(text, to: &out)
        func field(_ key: StaticString, _ value: String?) {
            guard let value else { return }
            out.append(UInt8(ascii: ","))
            key.withUTF8Buffer { out.append(contentsOf: $0) }
            JSONText.appendString(value, to: &out)
        }
        field("\"action\":", action)
        if let version { out.append(contentsOf: ",\"version\":\(version)".utf8) }
        field("\"ref\":", ref)
        if let values {
            out.append(contentsOf: ",\"values\":".utf8)
            out.append(contentsOf: JSONList.encode(values).utf8)
        }
        field("\"data\":", data)
        field("\"url\":", url)
        out.append(UInt8(ascii: "}"))
    }
}
