import Foundation
import GRDB

/// An officer's verdict on a tip, as a line of the training corpus.
public struct Correction: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var text: String
    public var isTip: Bool
    /// `none` for "not a tip".
    public var category: String
    public var language: String?
    public var phones: [String]
    public var vehicles: [String]
}

extension Store {
    /// Officers' corrections since `since`, oldest first: the tip's words and the verdict, never who sent it or
    /// which officer judged it.
    public func corrections(since: Date? = nil) throws(StoreError) -> [Correction] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.id, c.at, c.text, c.is_tip, c.category, c.language, r.phones, r.vehicles
                    FROM corrections c LEFT JOIN reports r ON r.ref = c.ref
                    WHERE c.at >= ? ORDER BY c.id
                    """,
                arguments: [since?.unixSeconds ?? 0]
            ).map {
                Correction(
                    id: $0["id"], at: Date(unixSeconds: $0["at"]), text: $0["text"], isTip: $0["is_tip"],
                    category: $0["category"], language: $0["language"], phones: JSONList.decode($0["phones"]),
                    vehicles: JSONList.decode($0["vehicles"]))
            }
        }
    }
}
