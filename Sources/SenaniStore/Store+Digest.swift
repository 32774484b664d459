import Foundation
import GRDB
import TipAnalysis

extension Store {
    /// The facts of `district`'s digest for `day`, as of `asOf` (nil when there is no such district). Every
    /// query reads a district's thanas through the `(thana_code, received_at)` index, so the cost follows the
    /// reports of the days shown, not the size of the table.
    public func digestFacts(
        district code: String, day: DigestDay, asOf: Date, sla: SLA, overdueLimit: Int = 20, repeatedLimit: Int = 5
    ) async throws(StoreError) -> DigestFacts? {
        try await readAsync { db in
            try Self.digestFacts(
                db, district: code, day: day, asOf: asOf, sla: sla, overdueLimit: overdueLimit, repeatedLimit: repeatedLimit)
        }
    }

    static func digestFacts(
        _ db: Database, district code: String, day: DigestDay, asOf: Date, sla: SLA, overdueLimit: Int, repeatedLimit: Int
    ) throws -> DigestFacts? {
        guard let district = try Row.fetchOne(db, sql: "SELECT * FROM districts WHERE code = ?", arguments: [code]).map(Self.district)
        else { return nil }
        let thanas = try fetchThanas(db, where: "district_code = ?") { $0.bind(code) }
        let end = min(day.end, asOf).unixSeconds
        let start = day.start.unixSeconds
        let inDistrict = "r.thana_code IN (SELECT code FROM thanas WHERE district_code = ?)"

        let reports = try Row.fetchAll(
            db,
            sql: """
                SELECT r.ref, r.thana_code, r.category, r.status, r.received_at, r.acknowledged_at, r.outcome, r.duplicate_of
                FROM reports r WHERE \(inDistrict) AND r.received_at >= ? AND r.received_at < ?
                ORDER BY r.received_at, r.id
                """,
            arguments: [code, start, end]
        ).map { row in
            DigestReport(
                ref: row["ref"], thanaCode: row["thana_code"], category: TipCategory(rawValue: row["category"]) ?? .other,
                status: ReportStatus(rawValue: row["status"]) ?? .new, receivedAt: Date(unixSeconds: row["received_at"]),
                acknowledgedAt: (row["acknowledged_at"] as Int64?).map(Date.init(unixSeconds:)),
                outcome: (row["outcome"] as String?).flatMap(ReportOutcome.init(rawValue:)), duplicateOf: row["duplicate_of"])
        }

        var previousDays = Array(repeating: [TipCategory: Int](), count: 7)
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT (r.received_at + \(DigestDay.offset)) / 86400 AS day, r.category, count(*) AS n
                FROM reports r WHERE \(inDistrict) AND r.received_at >= ? AND r.received_at < ?
                GROUP BY day, r.category
                """,
            arguments: [code, day.advanced(by: -7).start.unixSeconds, start])
        {
            let back = Int(day.number - (row["day"] as Int64)) - 1
            guard (0..<7).contains(back) else { continue }
            let category = TipCategory(rawValue: row["category"]) ?? .other
            previousDays[back][category, default: 0] += row["n"] as Int
        }

        var weekByThana: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT r.thana_code, count(*) AS n FROM reports r
                WHERE \(inDistrict) AND r.received_at >= ? AND r.received_at < ? GROUP BY r.thana_code
                """,
            arguments: [code, day.advanced(by: -6).start.unixSeconds, end])
        {
            weekByThana[row["thana_code"]] = row["n"]
        }

        let cutoffs = [TipCategory.liquor, .wantedCriminal, .electionDisturbance, .other].map {
            Schedule.timerCutoff(now: asOf, category: $0, kind: .reminder, sla: sla).unixSeconds
        }
        let overdueWhere = """
            FROM reports r WHERE \(inDistrict) AND r.status = 'new' AND r.source != 'import'
                AND r.received_at <= CASE r.category WHEN 'liquor' THEN ? WHEN 'wanted_criminal' THEN ?
                    WHEN 'election_disturbance' THEN ? ELSE ? END
            """
        let overdueArguments: StatementArguments = [code] + StatementArguments(cutoffs)
        let overdueCount = try Int.fetchOne(db, sql: "SELECT count(*) \(overdueWhere)", arguments: overdueArguments) ?? 0
        let overdue = try Row.fetchAll(
            db,
            sql: "SELECT r.ref, r.thana_code, r.category, r.received_at \(overdueWhere) ORDER BY r.received_at, r.id LIMIT ?",
            arguments: overdueArguments + [overdueLimit]
        ).map {
            OverdueReport(
                ref: $0["ref"], thanaCode: $0["thana_code"], category: TipCategory(rawValue: $0["category"]) ?? .other,
                receivedAt: Date(unixSeconds: $0["received_at"]))
        }

        let repeated = try Row.fetchAll(
            db,
            sql: """
                SELECT o.ref, o.thana_code, o.category, o.repeat_count, count(*) AS n
                FROM reports r JOIN reports o ON o.ref = r.duplicate_of
                WHERE \(inDistrict) AND r.received_at >= ? AND r.received_at < ? AND r.duplicate_of IS NOT NULL
                GROUP BY o.ref ORDER BY n DESC, o.repeat_count DESC, o.ref LIMIT ?
                """,
            arguments: [code, start, end, repeatedLimit]
        ).map {
            RepeatedTip(
                ref: $0["ref"], thanaCode: $0["thana_code"], category: TipCategory(rawValue: $0["category"]) ?? .other,
                repeatsInWindow: $0["n"], timesTold: $0["repeat_count"])
        }

        return DigestFacts(
            district: district, thanas: thanas, sps: try fetchOfficers(db, district: code), day: day, asOf: asOf,
            reports: reports, previousDays: previousDays, weekByThana: weekByThana, overdue: overdue,
            overdueCount: overdueCount, repeated: repeated)
    }

    /// Records `district`'s digest of `day` as queued and queues its messages, in one transaction. A digest is
    /// recorded once: when it already is, nothing is queued and the answer is false, unless `force` (an operator's
    /// `senani digest --send`), which queues it again.
    @discardableResult
    public func queueDigest(
        district: String, day: DigestDay, messages: [OutboxDraft], late: Bool, trigger: String, force: Bool = false,
        at now: Date
    ) async throws(StoreError) -> Bool {
        try await writeAsync { db in
            try db.execute(
                sql: """
                    INSERT INTO digests (district_code, day, queued_at, late, messages, trigger) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (district_code, day) DO NOTHING
                    """,
                arguments: [district, day.description, now.unixSeconds, late, messages.count, trigger])
            guard db.changesCount == 1 || force else { return false }
            for draft in messages { try Self.enqueue(draft, db: db, now: now) }
            try Self.audit(
                db,
                AuditEntry(
                    at: now, actor: trigger == "cli" ? "cli" : "bot", action: "digest.queued",
                    detail: "\(district) \(day)\(late ? " late" : ""), \(messages.count) message(s)"))
            return true
        }
    }

    /// The days of `district` whose digest is recorded, oldest first.
    public func recordedDigests(district: String) throws(StoreError) -> [(day: DigestDay, late: Bool)] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT day, late FROM digests WHERE district_code = ? ORDER BY day", arguments: [district]
            ).compactMap { row in DigestDay(row["day"] as String).map { ($0, row["late"] as Bool) } }
        }
    }

    /// Digests officers asked for (`/digest`) that are not composed yet, oldest first.
    public func pendingDigestRequests() async throws(StoreError) -> [DigestRequest] {
        try await readAsync { db in
            try Row.fetchAll(db, sql: "SELECT * FROM digest_requests WHERE done_at IS NULL ORDER BY id LIMIT 20").map {
                DigestRequest(
                    id: $0["id"], districtCode: $0["district_code"], chatID: $0["chat_id"],
                    requestedAt: Date(unixSeconds: $0["requested_at"]))
            }
        }
    }

    /// Marks a request done and queues its answer in one transaction; false (nothing queued) if it was done already.
    @discardableResult
    public func completeDigestRequest(id: Int64, messages: [OutboxDraft], at now: Date) async throws(StoreError) -> Bool {
        try await writeAsync { db in
            try db.execute(
                sql: "UPDATE digest_requests SET done_at = ? WHERE id = ? AND done_at IS NULL", arguments: [now.unixSeconds, id])
            guard db.changesCount == 1 else { return false }
            for draft in messages { try Self.enqueue(draft, db: db, now: now) }
            return true
        }
    }

    static func requestDigest(db: Database, district: String, chatID: Int64, officerID: Int64?, now: Date) throws {
        try db.execute(
            sql: "INSERT INTO digest_requests (district_code, chat_id, officer_id, requested_at) VALUES (?, ?, ?, ?)",
            arguments: [district, chatID, officerID, now.unixSeconds])
    }
}
