import Foundation

/// How an `OutboxKind` is kept in the outbox's `kind` and `payload` columns.
struct OutboxPayload: Codable {
    var kind: String
    var fileID: String?
    var latitude: Double?
    var longitude: Double?
    var messageID: Int64?
    var outboxRow: Int64?
    var queryID: String?
    var fileName: String?

    enum CodingKeys: String, CodingKey {
        case fileID, latitude, longitude, messageID, outboxRow, queryID, fileName
    }

    init(_ kind: OutboxKind) {
        switch kind {
        case .message:
            self.kind = "message"
        case .photo(let fileID):
            self.kind = "photo"
            self.fileID = fileID
        case .location(let point):
            self.kind = "location"
            latitude = point.latitude
            longitude = point.longitude
        case .edit(.message(let id)):
            self.kind = "edit"
            messageID = id
        case .edit(.outboxRow(let row)):
            self.kind = "edit"
            outboxRow = row
        case .callbackAnswer(let queryID):
            self.kind = "callback_answer"
            self.queryID = queryID
        case .delete(let id):
            self.kind = "delete"
            messageID = id
        case .commandMenu:
            self.kind = "command_menu"
        case .pngUpload(let fileName):
            self.kind = "png_upload"
            self.fileName = fileName
        }
    }

    /// The payload column: NULL for a plain message, the common case on the intake path.
    func encoded() throws -> String? {
        kind == "message" ? nil : String(decoding: try JSONEncoder().encode(self), as: UTF8.self)
    }

    static func kind(_ kind: String, payload: String?) -> OutboxKind {
        if kind == "command_menu" { return .commandMenu }
        guard let payload, let p = try? JSONDecoder().decode(OutboxPayload.self, from: Data(payload.utf8)) else {
            return .message
        }
        switch kind {
        case "photo": return .photo(fileID: p.fileID ?? "")
        case "location": return .location(GeoPoint(latitude: p.latitude ?? 0, longitude: p.longitude ?? 0))
        case "edit": return .edit(p.outboxRow.map(EditTarget.outboxRow) ?? .message(p.messageID ?? 0))
        case "callback_answer": return .callbackAnswer(queryID: p.queryID ?? "")
        case "delete": return .delete(messageID: p.messageID ?? 0)
        case "png_upload": return .pngUpload(fileName: p.fileName ?? "chart.png")
        default: return .message
        }
    }
}

extension OutboxPayload {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = ""
        fileID = try c.decodeIfPresent(String.self, forKey: .fileID)
        latitude = try c.decodeIfPresent(Double.self, forKey: .latitude)
        longitude = try c.decodeIfPresent(Double.self, forKey: .longitude)
        messageID = try c.decodeIfPresent(Int64.self, forKey: .messageID)
        outboxRow = try c.decodeIfPresent(Int64.self, forKey: .outboxRow)
        queryID = try c.decodeIfPresent(String.self, forKey: .queryID)
        fileName = try c.decodeIfPresent(String.self, forKey: .fileName)
    }
}
