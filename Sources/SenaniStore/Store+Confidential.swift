import Foundation
import GRDB

extension Store {
    /// Turns `thana add --delete-tips` on or off: with it on, each queued tip is deleted from the thana's group
    /// once stored (the bot must be an admin there who may delete messages).
    public func setDeleteTips(thana code: String, on: Bool, at now: Date) throws(StoreError) {
        try write { db in
            guard let before = try Self.fetchThana(db, code: code) else { throw StoreError(.notFound, "no thana \(code)") }
            guard before.deleteTips != on else { return }
            try db.execute(
                sql: "UPDATE thanas SET delete_tips = ?, delete_tips_warned_at = NULL, updated_at = ? WHERE code = ?",
                arguments: [on, now.unixSeconds, code])
            try Self.audit(
                db,
                AuditEntry(
                    at: now, actor: "cli", action: "thana.delete_tips", before: before.deleteTips ? "on" : "off",
                    after: on ? "on" : "off", detail: code))
        }
    }
}
