import GRDB

extension Migrations {
    /// Three indexes every tip wrote to, made cheaper or dropped.
    /// - An officer's notices were indexed by the report's ref, which starts with the thana's code: a batch of tips
    ///   from forty thanas dirtied forty pages of that index, each written whole at commit and again at checkpoint.
    ///   Keyed by the report's row id instead, a batch's notices land on one page.
    /// - `reports_by_chat_time` only served the look-back for a lone photo in a group (ten minutes of one chat),
    ///   which the unique (chat, message) index serves as well, from the photo's message down; it too cost a page
    ///   per chat.
    /// - `outbox_due` (status, not_before) answered "when is the next message due" and found a chat's pending
    ///   messages to hold back; the pending-only index answers both (the first by one seek per priority), and each
    ///   queued and each sent message moved an entry in `outbox_due`.
    static func lightenIntakeIndexes(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE report_notices ADD COLUMN report_id INTEGER;
                UPDATE report_notices SET report_id = (SELECT id FROM reports WHERE reports.ref = report_notices.ref);
                DROP INDEX IF EXISTS report_notices_on_ref;
                CREATE INDEX report_notices_by_report ON report_notices (report_id);
                DROP INDEX IF EXISTS outbox_due;
                DROP INDEX IF EXISTS reports_by_chat_time;
                """)
    }
}
