import Foundation
import GRDB

extension Store {
    /// The audit log between two times, oldest first.
    public func audit(since: Date? = nil, until: Date? = nil) throws(StoreError) -> [AuditEntry] {
        var clauses: [String] = []
        var arguments: StatementArguments = []
        if let since {
            clauses.append("at >= ?")
            arguments += [since.unixSeconds]
        }
        if let until {
            clauses.append("at < ?")
            arguments += [until.unixSeconds]
        }
        let filter = clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY id", arguments: arguments).map(Self.auditEntry)
        }
    }

    /// Every audit entry that touched one report, oldest first.
    public func audit(ref: String) throws(StoreError) -> [AuditEntry] {
        try read { db in try Self.auditEntries(db, ref: ref) }
    }

    static func auditEntries(_ db: Database, ref: String) throws -> [AuditEntry] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM audit_log WHERE ref = ? ORDER BY id"), arguments: [ref])
            .map(auditEntry)
    }

    static func auditEntry(_ row: Row) -> AuditEntry {
        // Entries from before the audit columns existed kept their subject in `subject`.
        let subject: String? = row["subject"]
        let detail: String? = row["detail"]
        return AuditEntry(
            at: Date(unixSeconds: row["at"]), actorID: row["actor_id"], actor: row["actor"], role: row["role"],
            action: row["action"], ref: row["ref"], before: row["before"], after: row["after"],
            detail: [subject, detail].compactMap { $0 }.joined(separator: " ").nilIfEmpty)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
