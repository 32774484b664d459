import GRDB

extension Migrations {
    /// SLA timers and daily digests: which report's reminder and escalation fired, which district's digest of which
    /// day was queued, digests officers asked for, and uploaded files (a digest chart) kept beside their outbox row.
    static func addDigestsAndTimers(_ db: Database) throws {
        try db.alter(table: "reports") { t in
            // 0: no SLA timer fired; 1: the reminder fired; 2: the escalation fired too. A copy of report_timers
            // kept on the row so that the scheduler's next-due query is a few index seeks.
            t.add(column: "sla_stage", .integer).notNull().defaults(to: 0)
        }
        // Reports from before this version were never promised a reminder: treat their timers as done, so the
        // first start after the upgrade does not flood every SHO and SP with old tips.
        try db.execute(sql: "UPDATE reports SET sla_stage = 2")
        try db.execute(
            sql: """
                CREATE INDEX reports_sla_pending ON reports (sla_stage, category, received_at)
                WHERE status = 'new' AND sla_stage < 2 AND source != 'import'
                """)
        try db.create(table: "report_timers") { t in
            t.column("ref", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('reminder', 'escalation')")
            t.column("due_at", .integer).notNull()
            t.column("fired_at", .integer).notNull()
            t.column("late", .boolean).notNull()
            t.column("messages", .integer).notNull()
            t.primaryKey(["ref", "kind"])
        }
        try db.alter(table: "districts") { t in
            t.add(column: "digest_language", .text).notNull().defaults(to: "hi")
                .check(sql: "digest_language IN ('hi', 'en')")
            // Digests due at or before this moment (unix seconds) are never sent by the scheduler. NULL: the
            // district's created_at.
            t.add(column: "digests_since", .integer)
        }
        // Districts that existed before this version start their digests now, not with a week of catch-up.
        // (SQLite's clock, once, in a migration: the injected clock does not reach here.)
        try db.execute(sql: "UPDATE districts SET digests_since = CAST(strftime('%s', 'now') AS INTEGER)")
        try db.create(table: "digests") { t in
            t.column("district_code", .text).notNull().references("districts", onDelete: .cascade, onUpdate: .cascade)
            t.column("day", .text).notNull()
            t.column("queued_at", .integer).notNull()
            t.column("late", .boolean).notNull()
            t.column("messages", .integer).notNull()
            // `schedule` (the bot), or `cli` (`senani digest --send`).
            t.column("trigger", .text).notNull()
            t.primaryKey(["district_code", "day"])
        }
        try db.create(table: "digest_requests") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("district_code", .text).notNull()
            t.column("chat_id", .integer).notNull()
            t.column("officer_id", .integer)
            t.column("requested_at", .integer).notNull()
            t.column("done_at", .integer)
        }
        try db.execute(sql: "CREATE INDEX digest_requests_pending ON digest_requests (id) WHERE done_at IS NULL")
        // An uploaded file's bytes, beside its outbox row: the sender's due query never reads them.
        try db.create(table: "outbox_uploads") { t in
            t.primaryKey("outbox_id", .integer).references("outbox", onDelete: .cascade)
            t.column("file_name", .text).notNull()
            t.column("bytes", .blob).notNull()
        }
    }
}
