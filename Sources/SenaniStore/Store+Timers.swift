import Foundation
import GRDB
import TipAnalysis

/// A report's SLA timer that is due, with what composing its message needs.
public struct DueTimer: Sendable {
    public var kind: TimerKind
    public var report: Report
    public var thana: Thana?
    /// When it was due (receipt + SLA, or + twice the SLA).
    public var dueAt: Date
    /// Fired well after `dueAt`: the process was down at the time.
    public var late: Bool
    /// When it fires.
    public var firedAt: Date
    /// The SHOs of the report's thana (now: a transferred report's new thana).
    public var officers: [Officer]
    /// The SPs of its district.
    public var districtOfficers: [Officer]
    /// Every admin (told when a district has no SP).
    public var admins: [Officer]
}

/// A timer that fired, for logs and tests.
public struct FiredTimer: Sendable, Hashable {
    public var ref: String
    public var kind: TimerKind
    public var late: Bool
    public var messages: Int
}

/// The messages a due timer queues; composed inside the transaction that records the firing.
public typealias TimerMessages = @Sendable (DueTimer) -> [OutboxDraft]

extension Store {
    /// Everything the scheduler needs to compute its next due moment (`Schedule.nextDue`): a few index seeks,
    /// however many reports there are.
    public func scheduleFacts(now: Date) async throws(StoreError) -> ScheduleFacts {
        try await readAsync { db in try Self.scheduleFacts(db, now: now) }
    }

    static func scheduleFacts(_ db: Database, now: Date) throws -> ScheduleFacts {
        var facts = ScheduleFacts()
        let oldest = try db.cachedStatement(
            sql: """
                SELECT min(received_at) FROM reports INDEXED BY reports_sla_pending
                WHERE status = 'new' AND sla_stage < 2 AND source != 'import' AND sla_stage = ? AND category = ?
                """)
        for kind in TimerKind.allCases {
            for category in TipCategory.allCases {
                if let received = try Int64.fetchOne(oldest, arguments: [kind.stage, category.rawValue]) {
                    facts.oldestAwaiting[kind, default: [:]][category] = Date(unixSeconds: received)
                }
            }
        }
        let recentFrom = DigestDay(containing: now).advanced(by: -(Schedule.maximumCatchUpDays + 2)).description
        var recorded: [String: Set<DigestDay>] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT district_code, day FROM digests WHERE day >= ?"), arguments: [recentFrom])
        {
            if let day = DigestDay(row["day"] as String) { recorded[row["district_code"], default: []].insert(day) }
        }
        facts.districts = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT code, digest_hour, coalesce(digests_since, created_at) AS since FROM districts ORDER BY code")
        ).map { row in
            DistrictSchedule(
                code: row["code"], digestHour: row["digest_hour"], since: Date(unixSeconds: row["since"]),
                recorded: recorded[row["code"]] ?? [])
        }
        facts.digestRequested =
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM digest_requests WHERE done_at IS NULL LIMIT 1")) != nil
        return facts
    }

    /// The earliest moment an SLA timer is due, or nil when no `new` report awaits one.
    public func nextTimerDue(sla: SLA, now: Date) async throws(StoreError) -> Date? {
        let facts = try await scheduleFacts(now: now)
        return Schedule.nextDue(ScheduleFacts(oldestAwaiting: facts.oldestAwaiting), sla: sla, now: now)
    }

    /// Reports whose timer is due at `now`, oldest first (at most `limit`); read only, for the operator and tests.
    public func dueTimers(now: Date, sla: SLA, limit: Int = 100) async throws(StoreError) -> [(ref: String, kind: TimerKind)] {
        try await readAsync { db in
            try Self.dueRefs(db, now: now, sla: sla, limit: limit).map { ($0.ref, $0.kind) }
        }
    }

    /// Fires every timer due at `now`: for each, records the firing, moves the report's stage and queues what
    /// `compose` returns, in ONE transaction with the check that the report is still `new`. A firing is recorded
    /// once per report and kind, so no timer can fire twice, whatever crashes or restarts come between.
    /// Fires at most `limit` in one call; call again while it returns `limit` firings.
    @discardableResult
    public func fireDueTimers(
        now: Date, sla: SLA, limit: Int = 200, compose: @escaping TimerMessages
    ) async throws(StoreError) -> [FiredTimer] {
        try await writeAsync { db in
            var fired: [FiredTimer] = []
            // Reminders first: a report past twice its SLA after downtime gets its reminder, then its escalation.
            for kind in TimerKind.allCases {
                for due in try Self.dueRefs(db, now: now, sla: sla, limit: limit - fired.count, kinds: [kind]) {
                    if let one = try Self.fire(due.ref, kind: kind, db: db, now: now, sla: sla, compose: compose) {
                        fired.append(one)
                    }
                }
            }
            return fired
        }
    }

    private static func dueRefs(
        _ db: Database, now: Date, sla: SLA, limit: Int, kinds: [TimerKind] = TimerKind.allCases
    ) throws -> [(ref: String, kind: TimerKind, received: Int64)] {
        guard limit > 0 else { return [] }
        let statement = try db.cachedStatement(
            sql: """
                SELECT ref, received_at FROM reports INDEXED BY reports_sla_pending
                WHERE status = 'new' AND sla_stage < 2 AND source != 'import' AND sla_stage = ? AND category = ?
                    AND received_at <= ?
                ORDER BY received_at LIMIT ?
                """)
        var due: [(ref: String, kind: TimerKind, received: Int64)] = []
        for kind in kinds {
            for category in TipCategory.allCases {
                let cutoff = Schedule.timerCutoff(now: now, category: category, kind: kind, sla: sla)
                for row in try Row.fetchAll(
                    statement, arguments: [kind.stage, category.rawValue, cutoff.unixSeconds, limit])
                {
                    due.append((row["ref"], kind, row["received_at"]))
                }
            }
        }
        return Array(due.sorted { ($0.received, $0.ref) < ($1.received, $1.ref) }.prefix(limit))
    }

    private static func fire(
        _ ref: String, kind: TimerKind, db: Database, now: Date, sla: SLA, compose: TimerMessages
    ) throws -> FiredTimer? {
        try db.execute(
            sql: "UPDATE reports SET sla_stage = ? WHERE ref = ? AND status = 'new' AND sla_stage = ?",
            arguments: [kind.stage + 1, ref, kind.stage])
        guard db.changesCount == 1, let report = try fetchReport(db, ref: ref) else { return nil }
        let dueAt = Schedule.timerDue(receivedAt: report.receivedAt, category: report.category, kind: kind, sla: sla)
        let late = now.timeIntervalSince(dueAt) > Schedule.lateAfter
        let timer = DueTimer(
            kind: kind, report: report, thana: try fetchThana(db, code: report.thanaCode), dueAt: dueAt, late: late, firedAt: now,
            officers: try fetchOfficers(db, thana: report.thanaCode),
            districtOfficers: try fetchOfficers(db, district: report.districtCode),
            admins: try fetchOfficers(db, where: "role = 'admin'"))
        let drafts = compose(timer)
        // The primary key (ref, kind) makes a second firing fail the whole transaction rather than send twice.
        try db.execute(
            sql: "INSERT INTO report_timers (ref, kind, due_at, fired_at, late, messages) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [ref, kind.rawValue, dueAt.unixSeconds, now.unixSeconds, late, drafts.count])
        for var draft in drafts {
            if draft.reportRef == nil { draft.reportRef = ref }
            try enqueue(draft, db: db, now: now)
        }
        try audit(
            db,
            AuditEntry(
                at: now, actor: "bot", action: "sla.\(kind.rawValue)", ref: ref,
                detail: (late ? "late; " : "") + "due \(dueAt.unixSeconds), \(drafts.count) message(s)"))
        return FiredTimer(ref: ref, kind: kind, late: late, messages: drafts.count)
    }

    /// The firings recorded for a report, for tests and the operator.
    public func timerFirings(ref: String) throws(StoreError) -> [FiredTimer] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM report_timers WHERE ref = ? ORDER BY fired_at, kind", arguments: [ref])
                .map {
                    FiredTimer(
                        ref: $0["ref"], kind: TimerKind(rawValue: $0["kind"]) ?? .reminder, late: $0["late"],
                        messages: $0["messages"])
                }
        }
    }
}
