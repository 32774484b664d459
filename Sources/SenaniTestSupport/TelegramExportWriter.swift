import Foundation

/// Writes a Telegram Desktop chat export (`result.json`) of any length, the way Desktop formats one: one-space
/// indentation, Desktop's key order, `text` as a string or an array of strings and entities, `text_entities`,
/// photos with and without files, replies, forwards, edits, location pins, reactions and service messages. All
/// content is invented. It streams: a million messages (about 300 MB) need no more memory than ten.
///
/// For reader tests and the import benchmark; the hand-made sample is `Tests/ChatExportTests/Fixtures`.
public struct TelegramExportWriter {
    /// The chat's title, written as the top-level `name`.
    public var chatName = "Cyber Senani - Benchmark Thana"
    /// The bare supergroup id, written as the top-level `id`.
    public var chatID: Int64 = 1_234_567_890
    /// The first message's time; each next one is 7–97 seconds later.
    public var start: Int64 = 1_704_067_200

    public init() {}

    /// Writes `count` messages to `path` (replacing it) and returns the file's size in bytes.
    @discardableResult
    public func write(messages count: Int, to path: String) throws -> Int64 {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? handle.close() }
        var out = ""
        out.reserveCapacity(1 << 20)
        var written: Int64 = 0
        func flush() throws {
            let data = Data(out.utf8)
            try handle.write(contentsOf: data)
            written += Int64(data.count)
            out.removeAll(keepingCapacity: true)
        }
        out += "{\n \"name\": \(Self.quote(chatName)),\n \"type\": \"private_supergroup\",\n \"id\": \(chatID),\n"
        out += " \"messages\": ["
        var time = start
        for index in 0..<count {
            out += index == 0 ? "\n  " : ",\n  "
            time += Int64(7 + index * 31 % 91)
            appendMessage(index: index, time: time, to: &out)
            if out.utf8.count > 900_000 { try flush() }
        }
        out += "\n ]\n}"
        try flush()
        return written
    }

    private static let people: [(name: String?, id: Int64)] = [
        ("Ramesh Yadav", 5_012_345_678), ("Sunita Devi", 6_123_456_789), ("Md. Irfan Ansari", 734_567_890),
        ("Pintu Kumar", 1_845_678_901), ("Guddu Singh 🇮🇳", 2_956_789_012), (nil, 6_998_877_665),
        ("Priya Bharti", 4_067_890_123), ("Manoj Kumar Singh (SHO)", 5_123_409_876),
    ]

    private static let texts: [[(kind: String, text: String)]] = [
        [("plain", "सर हमारे गांव में रोज शाम को देसी दारू बिकती है, पोखर के पास वाले घर में")],
        [("plain", "Jai Hind sir 🙏")],
        [("plain", "Sir Saharsa road pe dhaba ke piche raat 10 baje ke baad sharab ki petti utarti hai, BR 34 G 4417")],
        [("mention", "@sho_thana"), ("plain", " सर देखिए, बांध के पास "), ("bold", "भट्ठी"),
         ("plain", " चल रही है, संपर्क "), ("phone", "9472 000 111")],
        [("plain", "सुप्रभात 🙏🌹")],
        [("plain", "फरार अभियुक्त अभी रेलवे स्टेशन के पास चाय दुकान पर बैठा है, लाल गमछा, \"काला\" बैग")],
        [("bold", "सूचना"), ("plain", ": कल सुबह 10 बजे थाना परिसर में जनता दरबार लगेगा। "),
         ("link", "https://example.invalid/notice"), ("plain", " "), ("hashtag", "#Senani")],
        [("plain", "Booth no 47 pe kal kabza karne ki planning hai,\nbahar ke ladke bulaye gaye hain")],
        [("plain", "Thank you sir")],
        [("plain", "")],
    ]

    private func appendMessage(index: Int, time: Int64, to out: inout String) {
        let id = index + 1
        let head = "{\n   \"id\": \(id),\n   \"type\": "
        if index % 97 == 13 {
            let (name, user) = Self.people[index % Self.people.count]
            out += head + "\"service\",\n   \"date\": \"\(Self.localDate(time))\",\n   \"date_unixtime\": \"\(time)\",\n"
            out += "   \"actor\": \(name.map(Self.quote) ?? "null"),\n   \"actor_id\": \"user\(user)\",\n"
            out += "   \"action\": \"join_group_by_link\",\n   \"inviter\": \"Cyber Cell\",\n"
            out += "   \"text\": \"\",\n   \"text_entities\": []\n  }"
            return
        }
        let (name, user) = Self.people[index * 7 % Self.people.count]
        out += head + "\"message\",\n   \"date\": \"\(Self.localDate(time))\",\n   \"date_unixtime\": \"\(time)\",\n"
        if index % 23 == 5 {
            out += "   \"edited\": \"\(Self.localDate(time + 60))\",\n   \"edited_unixtime\": \"\(time + 60)\",\n"
        }
        out += "   \"from\": \(name.map(Self.quote) ?? "null"),\n   \"from_id\": \"user\(user)\",\n"
        if index % 31 == 7 { out += "   \"forwarded_from\": \"Bihar Police\",\n" }
        if index % 11 == 3 && id > 1 { out += "   \"reply_to_message_id\": \(id - 1),\n" }
        switch index % 19 {
        case 2:
            out += "   \"photo\": \"(File not included. Change data exporting settings to download.)\",\n"
            out += "   \"width\": 1280,\n   \"height\": 960,\n"
        case 9:
            out += "   \"photo\": \"photos/photo_\(id)@01-01-2024_10-00-00.jpg\",\n   \"photo_file_size\": 123456,\n"
            out += "   \"width\": 1280,\n   \"height\": 720,\n"
        case 15:
            out += "   \"location_information\": {\n    \"latitude\": 25.475031,\n    \"longitude\": 86.573120\n   },\n"
        default:
            break
        }
        let parts = Self.texts[index % Self.texts.count]
        if parts.count == 1 && parts[0].kind == "plain" {
            out += "   \"text\": \(Self.quote(parts[0].text)),\n"
        } else {
            out += "   \"text\": ["
            for (n, part) in parts.enumerated() {
                out += n == 0 ? "\n    " : ",\n    "
                out += part.kind == "plain" ? Self.quote(part.text) : Self.entity(part)
            }
            out += "\n   ],\n"
        }
        if parts.count == 1 && parts[0].text.isEmpty {
            out += "   \"text_entities\": []"
        } else {
            out += "   \"text_entities\": ["
            for (n, part) in parts.enumerated() {
                out += n == 0 ? "\n    " : ",\n    "
                out += Self.entity(part)
            }
            out += "\n   ]"
        }
        if index % 41 == 17 {
            out += ",\n   \"reactions\": [\n    {\n     \"type\": \"emoji\",\n     \"count\": 3,\n"
            out += "     \"emoji\": \"👍\"\n    }\n   ]"
        }
        out += "\n  }"
    }

    private static func entity(_ part: (kind: String, text: String)) -> String {
        "{\n     \"type\": \"\(part.kind)\",\n     \"text\": \(quote(part.text))\n    }"
    }

    /// A JSON string as Desktop writes it (UTF-8 as is; quotes, backslashes and controls escaped).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += "\\x" + String(scalar.value >> 4, radix: 16) + String(scalar.value & 0xF, radix: 16).uppercased()
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `2024-03-01T10:15:02` in IST, as Desktop writes `date` on a machine in Bihar.
    public static func localDate(_ unix: Int64) -> String {
        let local = unix + 19_800
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = Int(local - days * 86_400)
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let time = Int64(seconds)
        return "\(year)-\(two(month))-\(two(day))T\(two(time / 3600)):\(two(time / 60 % 60)):\(two(time % 60))"
    }
}
