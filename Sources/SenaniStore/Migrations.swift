import GRDB

/// The schema, as named steps. A step once released is never edited: add a new one.
enum Migrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core", migrate: createCore)
        migrator.registerMigration("v2-duplicate-scan-index") { db in
            // Covers the duplicate search: a week of a thana's first tellings is read from the index alone.
            try db.execute(
                sql: """
                    CREATE INDEX reports_duplicate_scan ON reports (thana_code, received_at, word_count, fingerprint, ref)
                    WHERE duplicate_of IS NULL
                    """)
        }
        migrator.registerMigration("v3-officer-actions", migrate: addOfficerActions)
        migrator.registerMigration("v4-review-and-repeats", migrate: addReviewAndRepeats)
        migrator.registerMigration("v5-report-time-index", migrate: addReportTimeIndex)
        migrator.registerMigration("v6-digests-and-timers", migrate: addDigestsAndTimers)
        migrator.registerMigration("v7-confidential-channel", migrate: addConfidentialChannel)
        migrator.registerMigration("v8-leaner-report-indexes", migrate: dropUnreadReportIndexes)
        migrator.registerMigration("v9-repeat-epoch", migrate: addRepeatEpoch)
        migrator.registerMigration("v10-no-repeat-scan-index", migrate: dropRepeatScanIndex)
        migrator.registerMigration("v11-checks-without-lists", migrate: rewriteStatusChecks)
        migrator.registerMigration("v12-reporter-indexes-by-chat", migrate: replaceReporterIndex)
        migrator.registerMigration("v13-inserts-seen-by-row-id", migrate: dropEpochInsertTrigger)
        migrator.registerMigration("v14-lighter-intake-indexes", migrate: lightenIntakeIndexes)
        return migrator
    }

    /// Officers act on reports: outcomes, transfers, notification copies to edit, reachability, every outgoing
    /// Bot API call in the outbox, and an audit log that cannot be rewritten.
    private static func addOfficerActions(_ db: Database) throws {
        try db.alter(table: "reports") { t in
            t.add(column: "source", .text).notNull().defaults(to: "group")
            t.add(column: "outcome", .text)
            t.add(column: "transferred_from", .text)
            t.add(column: "needs_review", .boolean).notNull().defaults(to: false)
            // Grows with every officer change; a button signed with an older version is stale.
            t.add(column: "version", .integer).notNull().defaults(to: 0)
            t.add(column: "acknowledged_by_id", .integer)
            t.add(column: "closed_by_id", .integer)
        }
        try db.create(index: "reports_open_by_thana", on: "reports", columns: ["thana_code", "status", "received_at"])
        try db.alter(table: "officers") { t in
            // NULL until the bot has tried: 1 once a private message went through or he pressed Start, 0 after
            // Telegram refused ("bot can't initiate conversation", "blocked by the user").
            t.add(column: "reachable", .boolean)
            t.add(column: "reachability_changed_at", .integer)
        }
        try db.alter(table: "outbox") { t in
            t.add(column: "kind", .text).notNull().defaults(to: "message")
            t.add(column: "payload", .text)
            // 0 goes first: callback answers must not wait behind a queue.
            t.add(column: "priority", .integer).notNull().defaults(to: 1)
            t.add(column: "officer_id", .integer)
        }
        try db.execute(
            sql: "CREATE INDEX outbox_pending ON outbox (priority, not_before, id) WHERE status = 'pending'")
        try db.create(table: "report_notices") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ref", .text).notNull().indexed()
            t.column("outbox_id", .integer).notNull().references("outbox")
            t.column("chat_id", .integer).notNull()
            t.column("officer_id", .integer)
        }
        try db.alter(table: "audit_log") { t in
            t.add(column: "actor_id", .integer)
            t.add(column: "role", .text)
            t.add(column: "ref", .text)
            t.add(column: "before", .text)
            t.add(column: "after", .text)
        }
        try db.create(index: "audit_by_ref", on: "audit_log", columns: ["ref"])
        try db.create(index: "audit_by_time", on: "audit_log", columns: ["at"])
        // Append-only: what officers did stays as it was recorded.
        try db.execute(
            sql: """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
                """)
    }

    private static func createCore(_ db: Database) throws {
        try db.create(table: "districts") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("digest_chat_id", .integer)
            t.column("digest_hour", .integer).notNull().defaults(to: 8).check { $0 >= 0 && $0 <= 23 }
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
        }
        try db.create(table: "thanas") { t in
            t.primaryKey("code", .text)
            t.column("district_code", .text).notNull().indexed().references("districts", onUpdate: .cascade)
            t.column("name", .text).notNull()
            t.column("chat_id", .integer).unique()
            // The next reference number of this thana; refs are dense per thana.
            t.column("next_seq", .integer).notNull().defaults(to: 1)
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
        }
        try db.create(table: "officers") { t in
            t.primaryKey("telegram_id", .integer)
            t.column("role", .text).notNull().check(sql: "role IN ('sho', 'sp', 'admin')")
            t.column("thana_code", .text).references("thanas", onUpdate: .cascade)
            t.column("district_code", .text).references("districts", onUpdate: .cascade)
            t.column("name", .text).notNull()
            t.column("created_at", .integer).notNull()
        }
        try db.create(table: "reports") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ref", .text).notNull().unique()
            t.column("thana_code", .text).notNull().references("thanas", onUpdate: .cascade)
            t.column("category", .text).notNull()
            t.column("labels", .text).notNull()
            t.column("confidence", .double).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('new', 'acknowledged', 'closed')")
            t.column("text", .text).notNull()
            t.column("received_at", .integer).notNull()
            t.column("reporter", .text).notNull()
            t.column("chat_id", .integer).notNull()
            t.column("message_id", .integer).notNull()
            for list in ["phones", "vehicles", "places", "quantities", "times", "persons", "booths", "evidence", "media"] {
                t.column(list, .text).notNull().defaults(to: "[]")
            }
            t.column("language", .text)
            t.column("forward_origin", .text)
            t.column("fingerprint", .integer).notNull()
            t.column("word_count", .integer).notNull()
            t.column("duplicate_of", .text).references("reports", column: "ref")
            t.column("repeat_count", .integer).notNull().defaults(to: 1)
            t.column("acknowledged_by", .text)
            t.column("acknowledged_at", .integer)
            t.column("closed_at", .integer)
            t.column("resolution", .text)
            t.column("latitude", .double)
            t.column("longitude", .double)
            t.column("updated_at", .integer).notNull()
            // A replay of the same Telegram message after a crash must not make a second report.
            t.uniqueKey(["chat_id", "message_id"])
        }
        try db.create(index: "reports_by_thana_time", on: "reports", columns: ["thana_code", "received_at"])
        try db.create(index: "reports_by_status", on: "reports", columns: ["status"])
        try db.create(table: "outbox") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("chat_id", .integer).notNull()
            t.column("template", .text).notNull()
            t.column("parameters", .text).notNull()
            t.column("reply_to_message_id", .integer)
            t.column("buttons", .text).notNull().defaults(to: "[]")
            t.column("report_ref", .text)
            t.column("status", .text).notNull().defaults(to: "pending")
                .check(sql: "status IN ('pending', 'sent', 'failed')")
            t.column("attempts", .integer).notNull().defaults(to: 0)
            // Milliseconds since 1970: not to be sent before this.
            t.column("not_before", .integer).notNull()
            t.column("created_at", .integer).notNull()
            t.column("sent_at", .integer)
            t.column("sent_message_id", .integer)
            t.column("last_error", .text)
        }
        try db.create(index: "outbox_due", on: "outbox", columns: ["status", "not_before"])
        try db.create(table: "poll_state") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("next_offset", .integer).notNull()
        }
        try db.create(table: "settings") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .integer).notNull()
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("subject", .text)
            t.column("detail", .text)
        }
        // The key of reporter pseudonyms: random per install, so a pseudonym cannot be turned back into an id
        // by hashing candidate ids without the database.
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }.hexString
        try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('pseudonym_secret', ?)", arguments: [secret])
    }
}
