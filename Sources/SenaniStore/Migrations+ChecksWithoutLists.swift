import GRDB

extension Migrations {
    /// The status checks of `reports` and `outbox`, rewritten from `IN (…)` to the same test with `OR`.
    ///
    /// SQLite (3.40, as Debian ships it) evaluates a CHECK with an `IN` list by building a temporary b-tree for
    /// every row written: a quarter of each outbox insert, and three of them per tip. The constraint is the same
    /// test, every stored row already passes it, and the file format does not change, so this is one of the schema
    /// edits SQLite documents as safe through `writable_schema` (https://sqlite.org/lang_altertable.html, "making
    /// other kinds of table schema changes"), instead of copying both tables.
    static func rewriteStatusChecks(_ db: Database) throws {
        let rewrites = [
            (
                "reports", "CHECK (status IN ('new', 'acknowledged', 'closed'))",
                "CHECK (status = 'new' OR status = 'acknowledged' OR status = 'closed')"
            ),
            (
                "outbox", "CHECK (status IN ('pending', 'sent', 'failed'))",
                "CHECK (status = 'pending' OR status = 'sent' OR status = 'failed')"
            ),
        ]
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        for (table, old, new) in rewrites {
            try db.execute(
                sql: "UPDATE sqlite_master SET sql = replace(sql, ?, ?) WHERE type = 'table' AND name = ?",
                arguments: [old, new, table])
        }
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
        let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        guard problems == ["ok"] else {
            throw StoreError(.database, "after rewriting the status checks: \(problems.prefix(3).joined(separator: "; "))")
        }
    }
}
