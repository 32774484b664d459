import Foundation
import GRDB
import TipAnalysis

/// Which reports to list. Empty fields match everything.
public struct ReportFilter: Sendable, Hashable {
    public var thanaCode: String?
    public var districtCode: String?
    public var status: ReportStatus?
    public var category: TipCategory?
    public var since: Date?
    public var until: Date?
    /// Leave out repeats of earlier reports.
    public var excludeDuplicates = false

    public init(
        thanaCode: String? = nil, districtCode: String? = nil, status: ReportStatus? = nil, category: TipCategory? = nil,
        since: Date? = nil, until: Date? = nil
    ) {
        self.thanaCode = thanaCode
        self.districtCode = districtCode
        self.status = status
        self.category = category
        self.since = since
        self.until = until
    }
}

extension Store {
    /// Reports matching `filter`, oldest first.
    public func reports(_ filter: ReportFilter = ReportFilter()) throws(StoreError) -> [Report] {
        let (sql, arguments) = Self.query(filter)
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.report) }
    }

    /// Calls `body` with each report matching `filter`, oldest first, read with a cursor from one snapshot: memory
    /// stays the same for ten reports or a million. `body` returns false to stop early.
    public func eachReport(_ filter: ReportFilter = ReportFilter(), _ body: (Report) -> Bool) throws(StoreError) {
        let (sql, arguments) = Self.query(filter)
        try read { db in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() {
                if !body(Self.report(row)) { return }
            }
        }
    }

    static func query(_ filter: ReportFilter) -> (String, StatementArguments) {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let thana = filter.thanaCode {
            clauses.append("r.thana_code = ?")
            arguments += [thana]
        }
        if let district = filter.districtCode {
            clauses.append("t.district_code = ?")
            arguments += [district]
        }
        if let status = filter.status {
            clauses.append("r.status = ?")
            arguments += [status.rawValue]
        }
        if let category = filter.category {
            clauses.append("r.category = ?")
            arguments += [category.rawValue]
        }
        if let since = filter.since {
            clauses.append("r.received_at >= ?")
            arguments += [since.unixSeconds]
        }
        if let until = filter.until {
            clauses.append("r.received_at < ?")
            arguments += [until.unixSeconds]
        }
        if filter.excludeDuplicates { clauses.append("r.duplicate_of IS NULL") }
        let whereClause = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        let sql = """
            SELECT r.*, t.district_code FROM reports r JOIN thanas t ON t.code = r.thana_code
            \(whereClause) ORDER BY r.received_at, r.id
            """
        return (sql, arguments)
    }

    /// One report by its reference, or nil.
    public func report(ref: String) throws(StoreError) -> Report? {
        try read { db in try Self.fetchReport(db, ref: ref) }
    }

    static func fetchReport(_ db: Database, ref: String) throws -> Report? {
        try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT r.*, t.district_code FROM reports r JOIN thanas t ON t.code = r.thana_code WHERE r.ref = ?"),
            arguments: [ref]
        ).map(Self.report)
    }

    static func report(_ row: Row) -> Report {
        let latitude: Double? = row["latitude"]
        let longitude: Double? = row["longitude"]
        let labels = JSONList.strings(row["labels"])
        return Report(
            ref: row["ref"], thanaCode: row["thana_code"], districtCode: row["district_code"],
            category: TipCategory(rawValue: row["category"]) ?? .other,
            labels: labels.compactMap(TipCategory.init(rawValue:)), confidence: row["confidence"],
            status: ReportStatus(rawValue: row["status"]) ?? .new, source: row["source"], text: row["text"],
            receivedAt: Date(unixSeconds: row["received_at"]), reporter: row["reporter"], chatID: row["chat_id"],
            messageID: row["message_id"], phones: JSONList.strings(row["phones"]),
            vehicles: JSONList.strings(row["vehicles"]), places: JSONList.strings(row["places"]),
            quantities: JSONList.strings(row["quantities"]), times: JSONList.strings(row["times"]),
            persons: JSONList.strings(row["persons"]), booths: JSONList.strings(row["booths"]),
            evidence: JSONList.strings(row["evidence"]), language: (row["language"] as String?).flatMap(TipLanguage.init),
            forwardOrigin: row["forward_origin"], duplicateOf: row["duplicate_of"], repeatCount: row["repeat_count"],
            acknowledgedBy: row["acknowledged_by"],
            acknowledgedAt: (row["acknowledged_at"] as Int64?).map(Date.init(unixSeconds:)),
            closedAt: (row["closed_at"] as Int64?).map(Date.init(unixSeconds:)),
            outcome: (row["outcome"] as String?).flatMap(ReportOutcome.init(rawValue:)), resolution: row["resolution"],
            transferredFrom: row["transferred_from"], needsReview: row["needs_review"], version: row["version"],
            location: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
            media: JSONList.objects(row["media"]))
    }
}
