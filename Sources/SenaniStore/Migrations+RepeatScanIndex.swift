import GRDB

extension Migrations {
    /// The repeat search reads the writer's in-memory copy of the candidates (v9); the wide index it used (a
    /// repeat key per entry) was written for every tip and now serves only the copy's rare reloads, which the
    /// (thana, time) index answers well enough.
    static func dropRepeatScanIndex(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS reports_repeat_scan")
    }
}
