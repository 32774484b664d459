import GRDB

extension Migrations {
    /// `reports export` walks every report in time order with a cursor: an index on the time (the row id breaks
    /// ties) lets SQLite read them in order instead of sorting a million rows first.
    static func addReportTimeIndex(_ db: Database) throws {
        try db.create(index: "reports_by_time", on: "reports", columns: ["received_at"])
    }
}
