import Foundation
import TipAnalysis

/// Where a report is in its life: `new` → `acknowledged` → `closed`.
public enum ReportStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case new, acknowledged, closed
}

/// A file that came with a tip (photo, video, document, voice note), by its Telegram file id.
public struct MediaRef: Sendable, Hashable, Codable {
    public var kind: String
    public var fileID: String

    public init(kind: String, fileID: String) {
        self.kind = kind
        self.fileID = fileID
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case fileID = "file_id"
    }
}

/// A map point that came with a tip.
public struct GeoPoint: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// A queued tip as officers, digests and exports see it: the informant appears only as a pseudonym.
public struct Report: Sendable, Hashable {
    public var ref: String
    public var thanaCode: String
    public var districtCode: String
    public var category: TipCategory
    public var labels: [TipCategory]
    public var confidence: Double
    public var status: ReportStatus
    /// `group`, `private` or `import`.
    public var source: String
    public var text: String
    public var receivedAt: Date
    /// Stable pseudonym of the informant (`R-7f3a9c2b1d`, 40 bits of his keyed hash; `R-7f3a9c` on reports from
    /// before the install key file); never the Telegram id, name or username.
    public var reporter: String
    public var chatID: Int64
    public var messageID: Int64
    public var phones: [String]
    public var vehicles: [String]
    public var places: [String]
    public var quantities: [String]
    public var times: [String]
    public var persons: [String]
    public var booths: [String]
    public var evidence: [String]
    public var language: TipLanguage?
    /// Where a forwarded tip first came from (`channel`, `user`, `hidden_user`, `chat`), never who.
    public var forwardOrigin: String?
    public var duplicateOf: String?
    public var repeatCount: Int
    /// Pseudonym-free label of the officer who acknowledged: his name.
    public var acknowledgedBy: String?
    public var acknowledgedAt: Date?
    public var closedAt: Date?
    public var outcome: ReportOutcome?
    /// The officer's own words on closing.
    public var resolution: String?
    /// The thana this report was moved from.
    public var transferredFrom: String?
    /// A possible tip an officer has not yet confirmed or rejected.
    public var needsReview: Bool
    /// Grows with every officer change; buttons signed with an older one are stale.
    public var version: Int
    public var location: GeoPoint?
    public var media: [MediaRef]
}
