import Foundation

/// One part of a `multipart/form-data` request: a plain field, or a file with its file name and media type.
/// Bot API methods that upload a file (`sendPhoto` with PNG bytes) send every parameter as such a part.
public struct MultipartPart: Sendable, Hashable {
    /// The form field name, e.g. `chat_id` or `photo`.
    public var name: String
    /// The field's value or the file's bytes.
    public var data: Data
    /// Set for a file: the name Telegram shows (and the reason the part is a file rather than a field).
    public var fileName: String?
    /// Set for a file, e.g. `image/png`.
    public var contentType: String?

    public init(name: String, data: Data, fileName: String? = nil, contentType: String? = nil) {
        self.name = name
        self.data = data
        self.fileName = fileName
        self.contentType = contentType
    }

    /// A plain text field.
    public static func field(_ name: String, _ value: String) -> MultipartPart {
        MultipartPart(name: name, data: Data(value.utf8))
    }

    /// A file upload.
    public static func file(_ name: String, fileName: String, contentType: String, data: Data) -> MultipartPart {
        MultipartPart(name: name, data: data, fileName: fileName, contentType: contentType)
    }
}
