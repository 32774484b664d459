import GRDB

extension Migrations {
    /// The epoch no longer counts inserts. Its insert trigger made every report insert a multi-statement write,
    /// which SQLite guards with a statement journal: each page the insert touched was copied first, a tenth of
    /// the intake writer. Reports are numbered in order (AUTOINCREMENT), so `RepeatCandidates` sees anyone's
    /// insert as a row id it did not make itself; updates and deletes still bump the epoch by trigger.
    static func dropEpochInsertTrigger(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER IF EXISTS repeat_epoch_insert")
    }
}
