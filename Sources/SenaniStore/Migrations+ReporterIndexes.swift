import GRDB

extension Migrations {
    /// `reports_by_reporter` keyed every report by its informant's key, a keyed hash: each tip landed on a random
    /// page of the index, a hundred dirty pages per batch to write and checkpoint. Both of its readers look back ten
    /// minutes: a lone photo in a group (by chat, then time) and a private follow-up (private reports only).
    static func replaceReporterIndex(_ db: Database) throws {
        try db.execute(sql: "DROP INDEX IF EXISTS reports_by_reporter")
        try db.execute(sql: "CREATE INDEX reports_by_chat_time ON reports (chat_id, received_at)")
        try db.execute(
            sql: "CREATE INDEX reports_private_by_reporter ON reports (reporter_key, received_at) WHERE source = 'private'")
    }
}
