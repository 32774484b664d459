import Foundation
import GRDB
import TipAnalysis

extension Store {
    /// Reads `request`'s facts, lets `decide` choose, and applies the decision, in one transaction: no other
    /// change can come between the check and the change. Returns the decision applied.
    @discardableResult
    public func act(_ request: FactsRequest, at now: Date, decide: @escaping Decide) async throws(StoreError) -> Decision {
        try await writeAsync { db in
            let decision = decide(try Self.facts(for: request, db: db, now: now))
            _ = try Self.apply(decision, db: db, now: now)
            return decision
        }
    }

    static func facts(for request: FactsRequest, db: Database, now: Date) throws -> ActionFacts {
        var facts = ActionFacts(now: now, actor: try fetchOfficer(db, id: request.actorID))
        if let ref = request.ref, let report = try fetchReport(db, ref: ref) {
            facts.report = report
            facts.reportThana = try fetchThana(db, code: report.thanaCode)
            facts.reportOfficers = try fetchOfficers(db, thana: report.thanaCode)
                + fetchOfficers(db, district: report.districtCode)
            facts.notices = try notices(db, ref: ref)
            facts.informantReachable = try informantReachable(db, report: report)
            if request.history { facts.history = try auditEntries(db, ref: ref) }
        }
        if let code = request.thanaCode, let thana = try fetchThana(db, code: code) {
            facts.thana = thana
            facts.thanaOfficers = try fetchOfficers(db, thana: code)
        }
        if let chat = request.chatID {
            facts.groupThana = try fetchThanas(db, where: "chat_id = ?") { $0.bind(chat) }.first
        }
        if request.openReports, let actor = facts.actor {
            facts.openReports = try openReports(db, scope: actor)
        }
        facts.admins = try fetchOfficers(db, where: "role = 'admin'")
        if let code = request.districtCode {
            facts.district = try Row.fetchOne(db, sql: "SELECT * FROM districts WHERE code = ?", arguments: [code]).map(district)
        }
        return facts
    }

    /// Applies a decision's mutations, audit lines and messages; returns how many messages it queued.
    static func apply(_ decision: Decision, db: Database, now: Date) throws -> Int {
        for mutation in decision.mutations { try apply(mutation, db: db, now: now) }
        for entry in decision.audit { try audit(db, entry) }
        var queued = 0
        for draft in decision.messages {
            try enqueue(draft, db: db, now: now)
            queued += 1
        }
        return queued
    }

    private static func apply(_ mutation: StoreMutation, db: Database, now: Date) throws {
        let stamp = now.unixSeconds
        switch mutation {
        case .acknowledge(let ref, let officer):
            try db.execute(
                sql: """
                    UPDATE reports SET status = 'acknowledged', acknowledged_by = ?, acknowledged_by_id = ?,
                        acknowledged_at = ?, version = version + 1, updated_at = ?
                    WHERE ref = ? AND status = 'new'
                    """,
                arguments: [officer.name, officer.telegramID, stamp, stamp, ref])
            try expectOneChange(db, "report \(ref) is no longer new")
        case .close(let ref, let officer, let outcome, let resolution):
            try db.execute(
                sql: """
                    UPDATE reports SET status = 'closed', closed_at = ?, closed_by_id = ?, outcome = ?, resolution = ?,
                        acknowledged_by = coalesce(acknowledged_by, ?), acknowledged_by_id = coalesce(acknowledged_by_id, ?),
                        acknowledged_at = coalesce(acknowledged_at, ?), needs_review = 0, version = version + 1,
                        updated_at = ?
                    WHERE ref = ? AND status != 'closed'
                    """,
                arguments: [
                    stamp, officer.telegramID, outcome.rawValue, resolution, officer.name, officer.telegramID, stamp,
                    stamp, ref,
                ])
            try expectOneChange(db, "report \(ref) is already closed")
        case .transfer(let ref, let thana):
            try db.execute(
                sql: """
                    UPDATE reports SET transferred_from = thana_code, thana_code = ?, version = version + 1, updated_at = ?
                    WHERE ref = ? AND status != 'closed' AND thana_code != ?
                    """,
                arguments: [thana, stamp, ref, thana])
            try expectOneChange(db, "report \(ref) cannot move to \(thana)")
        case .bindGroup(let chat, let thana):
            try db.execute(
                sql: "UPDATE thanas SET chat_id = NULL, updated_at = ? WHERE chat_id = ? AND code != ?",
                arguments: [stamp, chat, thana])
            try db.execute(
                sql: "UPDATE thanas SET chat_id = ?, updated_at = ? WHERE code = ?", arguments: [chat, stamp, thana])
            try expectOneChange(db, "no thana \(thana)")
        case .review(let ref, let officer, let isTip, let category):
            try db.execute(
                sql: """
                    UPDATE reports SET needs_review = 0, category = ?, version = version + 1, updated_at = ?,
                        status = CASE WHEN ? THEN status ELSE 'closed' END,
                        outcome = CASE WHEN ? THEN outcome ELSE 'not_police_matter' END,
                        resolution = CASE WHEN ? THEN resolution ELSE 'not a tip' END,
                        closed_at = CASE WHEN ? THEN closed_at ELSE ? END,
                        closed_by_id = CASE WHEN ? THEN closed_by_id ELSE ? END
                    WHERE ref = ? AND needs_review = 1 AND status != 'closed'
                    """,
                arguments: [
                    category.rawValue, stamp, isTip, isTip, isTip, isTip, stamp, isTip, officer.telegramID, ref,
                ])
            try expectOneChange(db, "report \(ref) is not waiting for review")
            try recordCorrection(db, ref: ref, isTip: isTip, category: category, officer: officer, at: stamp)
        case .recategorize(let ref, let officer, let category):
            try db.execute(
                sql: "UPDATE reports SET category = ?, version = version + 1, updated_at = ? WHERE ref = ? AND category != ?",
                arguments: [category.rawValue, stamp, ref, category.rawValue])
            try expectOneChange(db, "report \(ref) already has category \(category.rawValue)")
            try recordCorrection(db, ref: ref, isTip: true, category: category, officer: officer, at: stamp)
        case .setReachable(let officer, let reachable):
            try db.execute(
                sql: """
                    UPDATE officers SET reachable = ?, reachability_changed_at = ?
                    WHERE telegram_id = ? AND reachable IS NOT ?
                    """,
                arguments: [reachable, stamp, officer, reachable])
        case .requestDigest(let district, let chat, let officer):
            try requestDigest(db: db, district: district, chatID: chat, officerID: officer, now: now)
        case .ask(let ref, let asker, let text, let message):
            try recordQuestion(ref: ref, askerID: asker, text: text, message: message, db: db, now: now)
        case .deleteTipsWarned(let thana):
            try db.execute(
                sql: "UPDATE thanas SET delete_tips_warned_at = ? WHERE code = ? AND delete_tips_warned_at IS NULL",
                arguments: [stamp, thana])
        }
    }

    /// The tip's words and the officer's verdict, as a training example (never who sent it).
    private static func recordCorrection(
        _ db: Database, ref: String, isTip: Bool, category: TipCategory, officer: Officer, at stamp: Int64
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO corrections (at, ref, text, is_tip, category, language, officer_id)
                SELECT ?, ref, text, ?, ?, language, ? FROM reports WHERE ref = ?
                """,
            arguments: [stamp, isTip, isTip ? category.rawValue : "none", officer.telegramID, ref])
    }

    private static func expectOneChange(_ db: Database, _ message: String) throws {
        guard db.changesCount == 1 else { throw StoreError(.conflict, message) }
    }

    /// A report's notification copies (`?`: its ref), found by the report's row id.
    static let noticesSQL = """
        SELECT n.outbox_id, n.chat_id, n.officer_id, o.sent_message_id FROM report_notices n
        JOIN outbox o ON o.id = n.outbox_id
        WHERE n.report_id = (SELECT id FROM reports WHERE ref = ?) AND o.status != 'failed' ORDER BY n.id
        """

    static func notices(_ db: Database, ref: String) throws -> [Notice] {
        try Row.fetchAll(db.cachedStatement(sql: noticesSQL), arguments: [ref]).map {
            Notice(outboxID: $0["outbox_id"], chatID: $0["chat_id"], officerID: $0["officer_id"], sentMessageID: $0["sent_message_id"])
        }
    }

    /// Open reports an officer answers for, oldest first: his thana's, his district's, or all for an admin.
    static func openReports(_ db: Database, scope officer: Officer) throws -> [Report] {
        var sql = """
            SELECT r.*, t.district_code FROM reports r JOIN thanas t ON t.code = r.thana_code
            WHERE r.status != 'closed'
            """
        var arguments: StatementArguments = []
        switch officer.role {
        case .sho:
            sql += " AND r.thana_code = ?"
            arguments += [officer.thanaCode]
        case .sp:
            sql += " AND t.district_code = ?"
            arguments += [officer.districtCode]
        case .admin:
            break
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY r.received_at, r.id", arguments: arguments).map(report)
    }
}
