import GRDB

extension Store {
    /// Takes the thana's next report number, or nil when there is no such thana. Call inside a write transaction.
    ///
    /// A read and an update rather than `UPDATE … RETURNING`: SQLite buffers returned rows in an ephemeral b-tree,
    /// opened and closed on every call, which made the numbering a tenth of the intake writer's time.
    static func takeReportNumber(_ db: Database, thana code: String) throws -> Int64? {
        guard
            let seq = try db.fetchOneRaw(
                sql: "SELECT next_seq FROM thanas WHERE code = ?", bind: { $0.bind(code) }, row: { $0.int64(0) })
        else { return nil }
        try db.executeRaw(sql: "UPDATE thanas SET next_seq = next_seq + 1 WHERE code = ?") { $0.bind(code) }
        return seq
    }
}
