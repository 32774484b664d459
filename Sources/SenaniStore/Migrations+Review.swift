import GRDB

extension Migrations {
    /// Possible tips for an officer to confirm, repeats judged by their facts, officers' corrections kept as
    /// labelled examples, and the once-an-hour answers to people who address the bot.
    static func addReviewAndRepeats(_ db: Database) throws {
        try db.alter(table: "reports") { t in
            // TipAnalysis's RepeatKey: the content words and facts two tellings of one tip share.
            t.add(column: "repeat_key", .blob)
        }
        try db.execute(
            sql: """
                CREATE INDEX reports_repeat_scan ON reports (thana_code, received_at, repeat_key, ref)
                WHERE duplicate_of IS NULL
                """)
        try db.create(index: "reports_needing_review", on: "reports", columns: ["thana_code", "received_at"],
            condition: Column("needs_review") == true)
        try db.create(table: "corrections") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .integer).notNull().indexed()
            t.column("ref", .text).notNull()
            // The tip's words and the officer's verdict; never who sent it.
            t.column("text", .text).notNull()
            t.column("is_tip", .boolean).notNull()
            t.column("category", .text).notNull()
            t.column("language", .text)
            t.column("officer_id", .integer).notNull()
        }
        try db.alter(table: "outbox") { t in
            // Messages with one key gather into one while they wait (possible tips for an SHO's review).
            t.add(column: "coalesce_key", .text)
        }
        try db.execute(sql: "CREATE INDEX outbox_coalesce ON outbox (coalesce_key, status) WHERE coalesce_key IS NOT NULL")
        try db.create(table: "sent_once") { t in
            t.primaryKey("key", .text)
            t.column("at", .integer).notNull()
        }
    }
}
