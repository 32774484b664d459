import Foundation
import TipAnalysis

/// What a district's digest of one IST day is made of, read from the store in one transaction. Plain values:
/// the digest's numbers are computed from them by pure code (`DigestComposer`).
public struct DigestFacts: Sendable {
    public var district: District
    /// The district's thanas, by code.
    public var thanas: [Thana]
    /// The district's SPs (the digest goes to them privately when the district has no digest chat).
    public var sps: [Officer]
    public var day: DigestDay
    /// When the facts were read: statuses, overdue ages and "so far" are as of this moment.
    public var asOf: Date
    /// Every report received in the window, repeats included (as `reports export` lists them), oldest first.
    public var reports: [DigestReport]
    /// Reports per category on each of the 7 days before `day`: `[0]` the day before, `[6]` a week before.
    public var previousDays: [[TipCategory: Int]]
    /// Reports per thana code in the 7 days ending with `day` (the window's end).
    public var weekByThana: [String: Int]
    /// `new` reports of the district past their SLA at `asOf`, oldest first (at most the limit asked for).
    public var overdue: [OverdueReport]
    /// How many reports are overdue in all.
    public var overdueCount: Int
    /// The first tellings repeated most in the window, most repeats first.
    public var repeated: [RepeatedTip]

    /// The window's end: the day's end, or `asOf` for today so far.
    public var windowEnd: Date { min(day.end, asOf) }
    /// True when the day is not over yet (`/digest`: today so far).
    public var isPartial: Bool { asOf < day.end }
}

/// One report as the digest counts it.
public struct DigestReport: Sendable, Hashable {
    public var ref: String
    public var thanaCode: String
    public var category: TipCategory
    public var status: ReportStatus
    public var receivedAt: Date
    public var acknowledgedAt: Date?
    public var outcome: ReportOutcome?
    public var duplicateOf: String?

    public init(
        ref: String, thanaCode: String, category: TipCategory, status: ReportStatus, receivedAt: Date,
        acknowledgedAt: Date?, outcome: ReportOutcome?, duplicateOf: String?
    ) {
        self.ref = ref
        self.thanaCode = thanaCode
        self.category = category
        self.status = status
        self.receivedAt = receivedAt
        self.acknowledgedAt = acknowledgedAt
        self.outcome = outcome
        self.duplicateOf = duplicateOf
    }
}

/// A report nobody acknowledged within its SLA.
public struct OverdueReport: Sendable, Hashable {
    public var ref: String
    public var thanaCode: String
    public var category: TipCategory
    public var receivedAt: Date
}

/// A first telling and how often it was told again in the window.
public struct RepeatedTip: Sendable, Hashable {
    public var ref: String
    public var thanaCode: String
    public var category: TipCategory
    /// Repeats received in the window.
    public var repeatsInWindow: Int
    /// Times told in all (the first telling included).
    public var timesTold: Int
}

/// A digest an officer asked for with `/digest`, waiting for the scheduler to compose it.
public struct DigestRequest: Sendable, Hashable {
    public var id: Int64
    public var districtCode: String
    /// Where it goes: the officer's private chat.
    public var chatID: Int64
    public var requestedAt: Date
}
