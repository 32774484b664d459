import Foundation
import GRDB

extension Store {
    /// How long a deep link or a question keeps an informant's private chat bound to its report.
    static let bindingWindow: TimeInterval = 24 * 3600
    /// Messages from one informant within a minute beyond which he is asked to slow down.
    public static let burstLimit = 5

    /// Reads what is known of the informant, lets `decide` choose, applies it; returns the effects to apply
    /// instead when the decision hands the message back (`otherwise`).
    func applyInformant(
        _ message: InformantMessage, decide: InformantDecide, db: Database, now: Date, summary: inout IntakeSummary
    ) throws -> [IntakeEffect] {
        let key = reporterKey(forUser: message.userID)
        if message.isPrivate { try touchInformant(key: key, chatID: message.userID, db: db, now: now) }
        let facts = try informantFacts(message, key: key, db: db, now: now)
        let decision = decide(facts)
        if decision.steps.isEmpty && decision.messages.isEmpty && decision.audit.isEmpty { return decision.otherwise }
        // The decision's own messages go first ("thana chosen"), then what its steps compose ("recorded as REF").
        for draft in decision.messages where try Self.enqueue(draft, db: db, now: now) != 0 {
            summary.queuedMessages += 1
        }
        for step in decision.steps {
            try apply(step, message: message, key: key, db: db, now: now, summary: &summary)
        }
        for entry in decision.audit { try Self.audit(db, entry) }
        summary.actions += 1
        return []
    }

    /// Creates or refreshes his row: his chat sealed anew, and this minute's message count.
    private func touchInformant(key: String, chatID: Int64, db: Database, now: Date) throws {
        let stamp = now.unixSeconds
        try db.execute(
            sql: """
                INSERT INTO informants (key, sealed_chat, burst_start, burst_count, created_at, updated_at)
                VALUES (?, senani_seal_chat(?), ?, 1, ?, ?)
                ON CONFLICT(key) DO UPDATE SET sealed_chat = excluded.sealed_chat,
                    burst_count = CASE WHEN burst_start IS NULL OR burst_start <= ? - 60 THEN 1 ELSE burst_count + 1 END,
                    slowed_at = CASE WHEN burst_start IS NULL OR burst_start <= ? - 60 THEN NULL ELSE slowed_at END,
                    burst_start = CASE WHEN burst_start IS NULL OR burst_start <= ? - 60 THEN ? ELSE burst_start END,
                    updated_at = excluded.updated_at
                """,
            arguments: [key, chatID, stamp, stamp, stamp, stamp, stamp, stamp, stamp])
    }

    private func informantFacts(_ message: InformantMessage, key: String, db: Database, now: Date) throws -> InformantFacts {
        var facts = InformantFacts(now: now, pseudonym: Self.pseudonym(ofKey: key))
        let row = try Row.fetchOne(db, sql: "SELECT * FROM informants WHERE key = ?", arguments: [key])
        if let row {
            if let code: String = row["thana_code"] { facts.thana = try Self.fetchThana(db, code: code) }
            facts.burst = row["burst_count"]
            facts.slowed = (row["slowed_at"] as Int64?) != nil
            if let ref: String = row["bound_ref"], let at: Int64 = row["bound_at"],
                Double(at) >= now.timeIntervalSince1970 - Self.bindingWindow
            {
                facts.bound = try Self.fetchReport(db, ref: ref)
            }
        }
        facts.thanas = try Self.fetchThanas(db, where: "1")
        facts.held = try Row.fetchAll(
            db, sql: "SELECT * FROM held_tips WHERE informant_key = ? ORDER BY id", arguments: [key]
        ).map {
            let latitude: Double? = $0["latitude"]
            let longitude: Double? = $0["longitude"]
            return HeldTip(
                messageID: $0["message_id"], text: $0["text"], media: JSONList.decode($0["media"]),
                location: latitude.flatMap { lat in longitude.map { GeoPoint(latitude: lat, longitude: $0) } },
                forwardOrigin: $0["forward_origin"], receivedAt: Date(unixSeconds: $0["received_at"]))
        }
        if message.isPrivate,
            let ref = try String.fetchOne(
                db,
                sql: """
                    SELECT ref FROM reports WHERE reporter_key = ? AND source = 'private' AND received_at >= ?
                        AND status != 'closed' ORDER BY received_at DESC, id DESC LIMIT 1
                    """,
                arguments: [key, message.receivedAt.addingTimeInterval(-Self.attachmentWindow).unixSeconds])
        {
            facts.recent = try Self.fetchReport(db, ref: ref)
        }
        if let reply = message.replyToMessageID {
            facts.question = try Row.fetchOne(
                db,
                sql: """
                    SELECT q.* FROM questions q JOIN outbox o ON o.id = q.outbox_id
                    WHERE o.sent_message_id = ? AND o.chat_id IN (?, senani_chat_token(?))
                    """,
                arguments: [reply, message.chatID, message.chatID]
            ).map(Self.question)
        }
        if facts.question == nil, message.isPrivate, let bound = facts.bound {
            facts.question = try Row.fetchOne(
                db, sql: "SELECT * FROM questions WHERE ref = ? ORDER BY id DESC LIMIT 1", arguments: [bound.ref]
            ).map(Self.question)
        }
        if let question = facts.question { facts.questionReport = try Self.fetchReport(db, ref: question.ref) }
        if let link = message.link { facts.linked = try Self.fetchReport(db, ref: link) }
        if let report = facts.bound ?? facts.recent { facts.officers = try Self.fetchOfficers(db, thana: report.thanaCode) }
        return facts
    }

    static func question(_ row: Row) -> Question {
        Question(
            id: row["id"], ref: row["ref"], askerID: row["asker_id"], text: row["text"],
            askedAt: Date(unixSeconds: row["asked_at"]))
    }

    private func apply(
        _ step: InformantStep, message: InformantMessage, key: String, db: Database, now: Date,
        summary: inout IntakeSummary
    ) throws {
        let stamp = now.unixSeconds
        switch step {
        case .remember(let thana):
            try db.execute(
                sql: """
                    INSERT INTO informants (key, thana_code, created_at, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET thana_code = excluded.thana_code, updated_at = excluded.updated_at
                    """,
                arguments: [key, thana, stamp, stamp])
        case .hold:
            guard let id = message.messageID else { return }
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO held_tips (informant_key, message_id, text, media, latitude, longitude,
                        forward_origin, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    key, id, message.text ?? "", JSONList.encode(message.media), message.location?.latitude,
                    message.location?.longitude, message.forwardOrigin, message.receivedAt.unixSeconds,
                ])
        case .releaseHeld:
            try db.execute(sql: "DELETE FROM held_tips WHERE informant_key = ?", arguments: [key])
        case .queue(var report, let followUp):
            report.source = "private"
            report.chatID = chatToken(report.chatID)
            if try existingReport(db, chatID: report.chatID, messageID: report.messageID) != nil {
                summary.replayed += 1
                return
            }
            var lookups = IntakeLookups()
            try insertReport(report, followUp: followUp, db: db, now: now, summary: &summary, lookups: &lookups)
            try db.execute(
                sql: "UPDATE informants SET bound_ref = NULL, bound_at = NULL WHERE key = ?", arguments: [key])
        case .attach(let ref, let media, let location):
            guard let row = try Row.fetchOne(db, sql: "SELECT media, latitude FROM reports WHERE ref = ?", arguments: [ref])
            else { return }
            let existing: [MediaRef] = JSONList.decode(row["media"])
            let keepLocation = (row["latitude"] as Double?) != nil
            try db.execute(
                sql: """
                    UPDATE reports SET media = ?, latitude = coalesce(latitude, ?), longitude = coalesce(longitude, ?),
                        updated_at = ? WHERE ref = ?
                    """,
                arguments: [
                    JSONList.encode(existing + media.filter { !existing.contains($0) }),
                    keepLocation ? nil : location?.latitude, keepLocation ? nil : location?.longitude, stamp, ref,
                ])
            summary.updatedReports.append(ref)
        case .bind(let ref):
            try db.execute(
                sql: """
                    INSERT INTO informants (key, bound_ref, bound_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET bound_ref = excluded.bound_ref, bound_at = excluded.bound_at,
                        updated_at = excluded.updated_at
                    """,
                arguments: [key, ref, stamp, stamp, stamp])
        case .answered(let id):
            try db.execute(sql: "UPDATE questions SET answers = answers + 1 WHERE id = ?", arguments: [id])
        case .slowed:
            try db.execute(sql: "UPDATE informants SET slowed_at = ? WHERE key = ?", arguments: [stamp, key])
        }
    }

    /// Whether the bot can reach the report's informant: a group tip through its group, a private one when his
    /// sealed chat is known.
    static func informantReachable(_ db: Database, report: Report) throws -> Bool {
        switch report.source {
        case "group": return report.chatID < 0 && !SealingFunctions.isToken(report.chatID)
        case "private":
            return try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM reports r JOIN informants i ON i.key = r.reporter_key
                    WHERE r.ref = ? AND i.sealed_chat IS NOT NULL
                    """,
                arguments: [report.ref]) != nil
        default: return false
        }
    }

    /// Queues an officer's question and remembers it with the message it becomes; a private question binds the
    /// informant's chat to the report, so whatever he writes next is his answer.
    static func recordQuestion(
        ref: String, askerID: Int64, text: String, message: OutboxDraft, db: Database, now: Date
    ) throws {
        let outboxID = try enqueue(message, db: db, now: now)
        guard outboxID != 0 else { throw StoreError(.conflict, "the informant of \(ref) cannot be reached") }
        try db.execute(
            sql: "INSERT INTO questions (ref, asker_id, text, asked_at, outbox_id) VALUES (?, ?, ?, ?, ?)",
            arguments: [ref, askerID, text, now.unixSeconds, outboxID])
        if message.informantOf != nil {
            try db.execute(
                sql: """
                    UPDATE informants SET bound_ref = ?, bound_at = ?
                    WHERE key = (SELECT reporter_key FROM reports WHERE ref = ?)
                    """,
                arguments: [ref, now.unixSeconds, ref])
        }
    }
}
