import GRDB

extension Migrations {
    /// The confidential channel (issue 10): private tips, anonymous follow-up, tips removed from groups, and the
    /// install key moved out of the database.
    ///
    /// The old `pseudonym_secret` is deleted, not carried into the key file: every copy and backup of the
    /// database holds it, so keeping it would leave every future pseudonym open to whoever has an old backup.
    /// Reports from before keep their old six-digit pseudonym (and no internal key); new tips get pseudonyms
    /// under the new key.
    static func addConfidentialChannel(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM settings WHERE key = 'pseudonym_secret'")
        try db.alter(table: "reports") { t in
            // The full keyed hash of the informant's id; `reporter` shows its first 40 bits.
            t.add(column: "reporter_key", .text)
        }
        try db.create(index: "reports_by_reporter", on: "reports", columns: ["reporter_key", "received_at"])
        try db.alter(table: "thanas") { t in
            t.add(column: "delete_tips", .boolean).notNull().defaults(to: false)
            // Set once the admins were told the bot cannot delete tips there; they are told once.
            t.add(column: "delete_tips_warned_at", .integer)
        }
        try db.alter(table: "outbox") { t in
            // An informant's private chat id, sealed under the install key; chat_id then holds a keyed token.
            t.add(column: "sealed_chat", .blob)
        }
        // One row per informant who wrote privately, by his internal key: the thana he chose, his private chat
        // (sealed), and the report his chat is bound to (a deep link or a question) for follow-up.
        try db.create(table: "informants") { t in
            t.primaryKey("key", .text)
            t.column("sealed_chat", .blob)
            t.column("thana_code", .text).references("thanas", onUpdate: .cascade)
            t.column("bound_ref", .text)
            t.column("bound_at", .integer)
            // Messages in the current minute, and when he was last asked to slow down.
            t.column("burst_start", .integer)
            t.column("burst_count", .integer).notNull().defaults(to: 0)
            t.column("slowed_at", .integer)
            t.column("created_at", .integer).notNull()
            t.column("updated_at", .integer).notNull()
        }
        // Private tips waiting for the informant to name the thana.
        try db.create(table: "held_tips") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("informant_key", .text).notNull().indexed()
            t.column("message_id", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("media", .text).notNull().defaults(to: "[]")
            t.column("latitude", .double)
            t.column("longitude", .double)
            t.column("forward_origin", .text)
            t.column("received_at", .integer).notNull()
            t.uniqueKey(["informant_key", "message_id"])
        }
        // An officer's question to an informant, and the message it became (to match a reply to it).
        try db.create(table: "questions") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("ref", .text).notNull().indexed()
            t.column("asker_id", .integer).notNull()
            t.column("text", .text).notNull()
            t.column("asked_at", .integer).notNull()
            t.column("outbox_id", .integer).references("outbox")
            t.column("answers", .integer).notNull().defaults(to: 0)
        }
    }
}
