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
            let statement = try db.makeStatement(sql: sql)
            let columns = ReportColumns(statement.columnNames)
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() {
                if !body(Self.report(row, columns)) { return }
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
        report(row, ReportColumns(row.columnNames))
    }

    /// A report from a row whose columns were found once (`ReportColumns`): a cursor over a million rows reads
    /// each by position instead of looking up thirty names per row.
    static func report(_ row: Row, _ c: ReportColumns) -> Report {
        let latitude: Double? = row[c.latitude]
        let longitude: Double? = row[c.longitude]
        let labels = JSONList.strings(row[c.labels])
        return Report(
            ref: row[c.ref], thanaCode: row[c.thanaCode], districtCode: row[c.districtCode],
            category: TipCategory(rawValue: row[c.category]) ?? .other,
            labels: labels.compactMap(TipCategory.init(rawValue:)), confidence: row[c.confidence],
            status: ReportStatus(rawValue: row[c.status]) ?? .new, source: row[c.source], text: row[c.text],
            receivedAt: Date(unixSeconds: row[c.receivedAt]), reporter: row[c.reporter], chatID: row[c.chatID],
            messageID: row[c.messageID], phones: JSONList.strings(row[c.phones]),
            vehicles: JSONList.strings(row[c.vehicles]), places: JSONList.strings(row[c.places]),
            quantities: JSONList.strings(row[c.quantities]), times: JSONList.strings(row[c.times]),
            persons: JSONList.strings(row[c.persons]), booths: JSONList.strings(row[c.booths]),
            evidence: JSONList.strings(row[c.evidence]), language: (row[c.language] as String?).flatMap(TipLanguage.init),
            forwardOrigin: row[c.forwardOrigin], duplicateOf: row[c.duplicateOf], repeatCount: row[c.repeatCount],
            acknowledgedBy: row[c.acknowledgedBy],
            acknowledgedAt: (row[c.acknowledgedAt] as Int64?).map(Date.init(unixSeconds:)),
            closedAt: (row[c.closedAt] as Int64?).map(Date.init(unixSeconds:)),
            outcome: (row[c.outcome] as String?).flatMap(ReportOutcome.init(rawValue:)), resolution: row[c.resolution],
            transferredFrom: row[c.transferredFrom], needsReview: row[c.needsReview], version: row[c.version],
            location: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
            media: JSONList.objects(row[c.media]))
    }
}

/// Where each column of `SELECT r.*, t.district_code` is, found once per statement.
struct ReportColumns {
    var ref = 0, thanaCode = 0, districtCode = 0, category = 0, labels = 0, confidence = 0, status = 0, source = 0
    var text = 0, receivedAt = 0, reporter = 0, chatID = 0, messageID = 0, phones = 0, vehicles = 0, places = 0
    var quantities = 0, times = 0, persons = 0, booths = 0, evidence = 0, language = 0, forwardOrigin = 0
    var duplicateOf = 0, repeatCount = 0, acknowledgedBy = 0, acknowledgedAt = 0, closedAt = 0, outcome = 0
    var resolution = 0, transferredFrom = 0, needsReview = 0, version = 0, latitude = 0, longitude = 0, media = 0

    init<Names: Collection<String>>(_ names: Names) {
        var index: [String: Int] = [:]
        // The first of a name wins, as GRDB's lookup by name does.
        for (position, name) in names.enumerated() where index[name.lowercased()] == nil {
            index[name.lowercased()] = position
        }
        // A missing column is position -1: GRDB stops there rather than read the wrong column.
        func at(_ name: String) -> Int { index[name] ?? -1 }
        ref = at("ref"); thanaCode = at("thana_code"); districtCode = at("district_code"); category = at("category")
        labels = at("labels"); confidence = at("confidence"); status = at("status"); source = at("source")
        text = at("text"); receivedAt = at("received_at"); reporter = at("reporter"); chatID = at("chat_id")
        messageID = at("message_id"); phones = at("phones"); vehicles = at("vehicles"); places = at("places")
        quantities = at("quantities"); times = at("times"); persons = at("persons"); booths = at("booths")
        evidence = at("evidence"); language = at("language"); forwardOrigin = at("forward_origin")
        duplicateOf = at("duplicate_of"); repeatCount = at("repeat_count"); acknowledgedBy = at("acknowledged_by")
        acknowledgedAt = at("acknowledged_at"); closedAt = at("closed_at"); outcome = at("outcome")
        resolution = at("resolution"); transferredFrom = at("transferred_from"); needsReview = at("needs_review")
        version = at("version"); latitude = at("latitude"); longitude = at("longitude"); media = at("media")
    }
}
