/// One size of a photo; Telegram sends several, the largest last.
public struct PhotoSize: Codable, Sendable, Hashable {
    public var fileID: String
    public var fileUniqueID: String
    public var width: Int
    public var height: Int
    public var fileSize: Int?

    enum CodingKeys: String, CodingKey {
        case width, height
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case fileSize = "file_size"
    }
}

/// A file attached to a message (document, video, voice note, audio, animation, video note).
public struct FileAttachment: Codable, Sendable, Hashable {
    public var fileID: String
    public var fileUniqueID: String
    public var mimeType: String?
    public var fileName: String?
    public var duration: Int?

    enum CodingKeys: String, CodingKey {
        case duration
        case fileID = "file_id"
        case fileUniqueID = "file_unique_id"
        case mimeType = "mime_type"
        case fileName = "file_name"
    }
}

/// A point on the map.
public struct Location: Codable, Sendable, Hashable {
    public var latitude: Double
    public var longitude: Double
    public var horizontalAccuracy: Double?

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    enum CodingKeys: String, CodingKey {
        case latitude, longitude
        case horizontalAccuracy = "horizontal_accuracy"
    }
}

/// A named place on the map.
public struct Venue: Codable, Sendable, Hashable {
    public var location: Location
    public var title: String
    public var address: String
}

/// A shared phone contact.
public struct Contact: Codable, Sendable, Hashable {
    public var phoneNumber: String
    public var firstName: String
    public var lastName: String?
    public var userID: Int64?

    enum CodingKeys: String, CodingKey {
        case phoneNumber = "phone_number"
        case firstName = "first_name"
        case lastName = "last_name"
        case userID = "user_id"
    }
}
