import Foundation
import GRDB

/// A queued outgoing message, as the sender sees it.
public struct OutboxMessage: Sendable, Hashable {
    public var id: Int64
    public var chatID: Int64
    public var template: String
    public var parameters: [String: String]
    public var replyToMessageID: Int64?
    public var buttons: [[OutboxButton]]
    public var reportRef: String?
    public var attempts: Int
    public var notBefore: Date
    public var kind: OutboxKind
    /// Set on an SHO's notification (see `OutboxDraft.noticeFor`).
    public var noticeFor: Int64?
    /// For an edit of another outbox row: the message that row became, nil while it is not sent.
    public var editTargetMessageID: Int64?
    /// For an edit of another outbox row: true once that row can never be sent (nothing to edit).
    public var editTargetFailed: Bool
}

/// How many messages wait, went out, or were given up.
public struct OutboxCounts: Sendable, Hashable {
    public var pending = 0
    public var sent = 0
    public var failed = 0

    public init(pending: Int = 0, sent: Int = 0, failed: Int = 0) {
        self.pending = pending
        self.sent = sent
        self.failed = failed
    }
}

extension Store {
    /// Pending messages whose time has come, callback answers first, then the longest-waiting. The order follows
    /// the `outbox_pending` index, so the query stops after `limit` rows however long the queue is.
    public func dueOutbox(now: Date, limit: Int = 100) async throws(StoreError) -> [OutboxMessage] {
        try await readAsync { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.*, t.sent_message_id AS target_message_id, t.status AS target_status,
                        senani_unseal_chat(o.sealed_chat) AS unsealed_chat
                    FROM outbox o INDEXED BY outbox_pending
                    LEFT JOIN outbox t ON o.kind = 'edit' AND t.id = json_extract(o.payload, '$.outboxRow')
                    WHERE o.status = 'pending' AND o.not_before <= ?
                    ORDER BY o.priority, o.not_before, o.id LIMIT ?
                    """,
                arguments: [now.unixMilliseconds, limit]
            ).map(Self.outboxMessage)
        }
    }

    /// The bytes a `.pngUpload` row sends, read only when it is sent; nil when the row has none.
    public func outboxUpload(id: Int64) async throws(StoreError) -> Data? {
        try await readAsync { db in
            try Data.fetchOne(db, sql: "SELECT bytes FROM outbox_uploads WHERE outbox_id = ?", arguments: [id])
        }
    }

    /// The earliest `not_before` of a pending message: one seek per priority (OutboxDraft.priority: 0 and 1) in
    /// the pending-only index.
    static let nextDueSQL = """
        SELECT min(due) FROM (
            SELECT min(not_before) AS due FROM outbox INDEXED BY outbox_pending WHERE status = 'pending' AND priority = 0
            UNION ALL
            SELECT min(not_before) FROM outbox INDEXED BY outbox_pending WHERE status = 'pending' AND priority = 1)
        """

    /// When the earliest pending message becomes due, or nil when nothing is pending.
    public func nextOutboxDue() async throws(StoreError) -> Date? {
        try await readAsync { db in
            try Int64.fetchOne(db, sql: Self.nextDueSQL)
                .map { Date(timeIntervalSince1970: TimeInterval($0) / 1000) }
        }
    }

    /// Records a delivery; a sent row is never sent again.
    public func markSent(id: Int64, messageID: Int64, at now: Date) async throws(StoreError) {
        try await writeAsync { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'sent', sent_at = ?, sent_message_id = ?, attempts = attempts + 1,
                        last_error = NULL WHERE id = ?
                    """,
                arguments: [now.unixSeconds, messageID, id])
        }
    }

    /// Gives up on a message that can never be delivered, keeping the reason for the operator.
    public func markFailed(id: Int64, reason: String, at now: Date) async throws(StoreError) {
        try await writeAsync { db in
            try db.execute(
                sql: "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ?",
                arguments: [reason, id])
            try Self.audit(db, AuditEntry(at: now, actor: "bot", action: "outbox.failed", detail: "outbox \(id): \(reason)"))
        }
    }

    /// Puts a message back to wait until `notBefore` after a failure worth retrying.
    public func reschedule(id: Int64, notBefore: Date, error: String, countsAsAttempt: Bool = true) async throws(StoreError) {
        try await writeAsync { db in
            try db.execute(
                sql: "UPDATE outbox SET not_before = ?, attempts = attempts + ?, last_error = ? WHERE id = ?",
                arguments: [notBefore.unixMilliseconds, countsAsAttempt ? 1 : 0, error, id])
        }
    }

    /// Sets `not_before` (`?` 1) of a chat's pending messages (`?` 2 and 3: its id) due before `?` 4.
    static let deferPendingSQL = """
        UPDATE outbox INDEXED BY outbox_pending SET not_before = ?
        WHERE chat_id IN (?, senani_chat_token(?)) AND status = 'pending' AND not_before < ?
        """

    /// Holds back every pending message to `chatID` until `until`: its chat's limit is used up, and the other
    /// chats' messages should come up meanwhile. One statement however many rows wait, reading only pending rows.
    public func deferPending(chatID: Int64, until: Date) async throws(StoreError) {
        try await writeAsync { db in
            try db.execute(sql: Self.deferPendingSQL, arguments: [until.unixMilliseconds, chatID, chatID, until.unixMilliseconds])
        }
    }

    /// Moves every binding and queued message of a group that became a supergroup to its new id.
    @discardableResult
    public func migrateChat(from old: Int64, to new: Int64, at now: Date) async throws(StoreError) -> Bool {
        try await writeAsync { db in try Self.migrateChat(from: old, to: new, db: db, now: now) }
    }

    public func outboxCounts() throws(StoreError) -> OutboxCounts {
        try read { db in
            var counts = OutboxCounts()
            for row in try Row.fetchAll(db, sql: "SELECT status, count(*) AS n FROM outbox GROUP BY status") {
                switch row["status"] as String {
                case "pending": counts.pending = row["n"]
                case "sent": counts.sent = row["n"]
                default: counts.failed = row["n"]
                }
            }
            return counts
        }
    }

    static func migrateChat(from old: Int64, to new: Int64, db: Database, now: Date) throws -> Bool {
        guard old != new else { return false }
        // Both service messages (in the old group and in the new) lead here; the second finds nothing to move.
        let alreadyBound = try Bool.fetchOne(db, sql: "SELECT 1 FROM thanas WHERE chat_id = ?", arguments: [new]) != nil
        if !alreadyBound {
            try db.execute(
                sql: "UPDATE thanas SET chat_id = ?, updated_at = ? WHERE chat_id = ?",
                arguments: [new, now.unixSeconds, old])
        }
        let moved = alreadyBound ? 0 : db.changesCount
        try db.execute(
            sql: "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND status = 'pending'", arguments: [new, old])
        try db.execute(
            sql: "UPDATE districts SET digest_chat_id = ?, updated_at = ? WHERE digest_chat_id = ?",
            arguments: [new, now.unixSeconds, old])
        if moved > 0 {
            try audit(db, AuditEntry(at: now, actor: "telegram", action: "chat.migrate", before: "\(old)", after: "\(new)"))
        }
        return moved > 0
    }

    /// Queues `draft`; returns its outbox id (0 when it is for an informant the bot cannot write to). A
    /// notification is also remembered as a copy of its report. An informant's chat id is stored sealed, with a
    /// keyed token in `chat_id`.
    @discardableResult
    static func enqueue(_ draft: OutboxDraft, db: Database, now: Date) throws -> Int64 {
        if let coalesce = draft.coalesce { return try enqueue(draft, gathering: coalesce, db: db, now: now) }
        return try insert(draft, notBefore: now, db: db, now: now)
    }

    private static func insert(_ draft: OutboxDraft, notBefore: Date, db: Database, now: Date) throws -> Int64 {
        var chatID = draft.chatID
        if let ref = draft.informantOf {
            guard
                let chat = try Int64.fetchOne(
                    db.cachedStatement(
                        sql: """
                            SELECT senani_unseal_chat(i.sealed_chat) FROM reports r JOIN informants i ON i.key = r.reporter_key
                            WHERE r.ref = ?
                            """),
                    arguments: [ref])
            else { return 0 }
            chatID = chat
        }
        // Any private chat but an officer's is a citizen's: his id, sealed whatever the draft said.
        var confidential = draft.confidential
        if !confidential, chatID > 0 {
            let officer = try db.fetchOneRaw(
                sql: "SELECT 1 FROM officers WHERE telegram_id = ?", bind: { $0.bind(chatID) }, row: { _ in true })
            confidential = officer == nil
        }
        let payload = OutboxPayload(draft.kind)
        let encodedPayload = try payload.encoded()
        try db.executeRaw(
            sql: """
                INSERT INTO outbox (chat_id, template, parameters, reply_to_message_id, buttons, report_ref, not_before,
                    created_at, kind, payload, priority, officer_id, coalesce_key, sealed_chat)
                VALUES (CASE WHEN ? THEN senani_chat_token(?) ELSE ? END, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    CASE WHEN ? THEN senani_seal_chat(?) END)
                """
        ) { values in
            values.bind(confidential)
            values.bind(chatID)
            values.bind(chatID)
            values.bind(draft.template)
            values.bind(JSONList.encode(draft.parameters))
            values.bind(draft.replyToMessageID)
            values.bind(OutboxButton.json(draft.buttons))
            values.bind(draft.reportRef)
            values.bind(notBefore.unixMilliseconds)
            values.bind(now.unixSeconds)
            values.bind(payload.kind)
            values.bind(encodedPayload)
            values.bind(draft.priority)
            values.bind(draft.noticeFor)
            values.bind(draft.coalesce?.key)
            values.bind(confidential)
            values.bind(chatID)
        }
        let id = db.lastInsertedRowID
        if case .pngUpload(let fileName) = draft.kind {
            try db.execute(
                sql: "INSERT INTO outbox_uploads (outbox_id, file_name, bytes) VALUES (?, ?, ?)",
                arguments: [id, fileName, draft.upload ?? Data()])
        }
        if let ref = draft.reportRef, draft.noticeFor != nil {
            try db.executeRaw(
                sql: """
                    INSERT INTO report_notices (ref, report_id, outbox_id, chat_id, officer_id)
                    VALUES (?, (SELECT id FROM reports WHERE ref = ?), ?, ?, ?)
                    """
            ) {
                $0.bind(ref)
                $0.bind(ref)
                $0.bind(id)
                $0.bind(draft.chatID)
                $0.bind(draft.noticeFor)
            }
        }
        return id
    }

    /// Adds `draft` to the waiting message with its key, or queues it to go a period after the last one went.
    private static func enqueue(_ draft: OutboxDraft, gathering coalesce: OutboxDraft.Coalesce, db: Database, now: Date) throws -> Int64 {
        if let row = try Row.fetchOne(
            db, sql: "SELECT id, parameters, buttons FROM outbox WHERE coalesce_key = ? AND status = 'pending'",
            arguments: [coalesce.key])
        {
            var parameters = (try? JSONDecoder().decode([String: String].self, from: Data((row["parameters"] as String).utf8))) ?? [:]
            let buttons = (try? JSONDecoder().decode([[OutboxButton]].self, from: Data((row["buttons"] as String).utf8))) ?? []
            parameters["items"] = [parameters["items"], draft.parameters["items"]].compactMap { $0 }.joined(separator: "\n")
            parameters["count"] = String((Int(parameters["count"] ?? "0") ?? 0) + (Int(draft.parameters["count"] ?? "1") ?? 1))
            // Telegram takes up to 100 buttons; the rest are reached through /pending.
            let merged = buttons.count + draft.buttons.count <= 40 ? buttons + draft.buttons : buttons
            try db.execute(
                sql: "UPDATE outbox SET parameters = ?, buttons = ? WHERE id = ?",
                arguments: [
                    JSONList.encode(parameters), OutboxButton.json(merged), row["id"] as Int64,
                ])
            return row["id"]
        }
        let lastSent = try Int64.fetchOne(
            db, sql: "SELECT max(sent_at) FROM outbox WHERE coalesce_key = ? AND status = 'sent'", arguments: [coalesce.key])
        let due = lastSent.map { Date(unixSeconds: $0).addingTimeInterval(coalesce.period) } ?? now
        return try insert(draft, notBefore: max(now, due), db: db, now: now)
    }

    static func outboxMessage(_ row: Row) -> OutboxMessage {
        let parameters = (try? JSONDecoder().decode([String: String].self, from: Data((row["parameters"] as String).utf8)))
        let buttonsText: String = row["buttons"]
        let buttons = buttonsText == "[]" ? [] : (try? JSONDecoder().decode([[OutboxButton]].self, from: Data(buttonsText.utf8)))
        let targetStatus: String? = row["target_status"]
        return OutboxMessage(
            id: row["id"], chatID: (row["unsealed_chat"] as Int64?) ?? row["chat_id"], template: row["template"], parameters: parameters ?? [:],
            replyToMessageID: row["reply_to_message_id"], buttons: buttons ?? [], reportRef: row["report_ref"],
            attempts: row["attempts"], notBefore: Date(timeIntervalSince1970: TimeInterval(row["not_before"] as Int64) / 1000),
            kind: OutboxPayload.kind(row["kind"], payload: row["payload"]), noticeFor: row["officer_id"],
            editTargetMessageID: targetStatus == "sent" ? row["target_message_id"] : nil,
            editTargetFailed: targetStatus == "failed")
    }
}
