import GRDB

extension Migrations {
    /// Every index is written for every tip. The fingerprint scan gave way to the repeat scan (v4) and nothing reads
    /// it; a status alone is never asked without a thana or the SLA's partial index, which have their own.
    static func dropUnreadReportIndexes(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS reports_duplicate_scan")
        try db.execute(sql: "DROP INDEX IF EXISTS reports_by_status")
    }
}
