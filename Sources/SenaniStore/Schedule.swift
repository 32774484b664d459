import Foundation
import TipAnalysis

/// The two time-driven messages about a report nobody acknowledged.
public enum TimerKind: String, Sendable, Hashable, CaseIterable {
    /// At the report's SLA: its thana's SHO(s) are reminded.
    case reminder
    /// At twice its SLA: its district's SP(s) are told.
    case escalation

    /// The report's `sla_stage` before this timer fires (0: nothing fired; 1: the reminder fired).
    var stage: Int { self == .reminder ? 0 : 1 }
    /// How many SLAs after receipt it is due.
    var multiple: Int64 { self == .reminder ? 1 : 2 }
}

/// What the scheduler needs to know to decide when it next has work, read in one cheap query set.
public struct ScheduleFacts: Sendable, Hashable {
    /// The oldest receipt among `new` reports whose timer of that kind has not fired, per category.
    public var oldestAwaiting: [TimerKind: [TipCategory: Date]]
    /// Every district's digest settings and which recent days' digests are recorded.
    public var districts: [DistrictSchedule]
    /// An officer asked for a digest (`/digest`) that is not yet composed.
    public var digestRequested: Bool

    public init(
        oldestAwaiting: [TimerKind: [TipCategory: Date]] = [:], districts: [DistrictSchedule] = [],
        digestRequested: Bool = false
    ) {
        self.oldestAwaiting = oldestAwaiting
        self.districts = districts
        self.digestRequested = digestRequested
    }
}

/// One district as the digest schedule sees it.
public struct DistrictSchedule: Sendable, Hashable {
    public var code: String
    /// IST hour (0–23) the digest of the previous day goes out.
    public var digestHour: Int
    /// Digests due at or before this moment are never sent by the scheduler: the district did not exist yet, or
    /// the digest feature was installed after it.
    public var since: Date
    /// Days whose digest is recorded (queued), among the recent ones.
    public var recorded: Set<DigestDay>

    public init(code: String, digestHour: Int, since: Date, recorded: Set<DigestDay> = []) {
        self.code = code
        self.digestHour = digestHour
        self.since = since
        self.recorded = recorded
    }
}

/// A digest the scheduler owes: a district's day, and whether it is late (the process was down at its time).
public struct DueDigest: Sendable, Hashable {
    public var district: String
    public var day: DigestDay
    public var dueAt: Date
    public var late: Bool

    public init(district: String, day: DigestDay, dueAt: Date, late: Bool) {
        self.district = district
        self.day = day
        self.dueAt = dueAt
        self.late = late
    }
}

/// When things are due, as pure functions of the store's facts and "now" (like `RateLimiter`): no clock, no I/O.
public enum Schedule {
    /// A firing this much after its moment is marked late: the process was down (or stopped) when it was due.
    public static let lateAfter: TimeInterval = 120
    /// At most this many missed days of one district are sent after downtime.
    public static let maximumCatchUpDays: Int64 = 7

    /// The moment a report's timer of `kind` is due.
    public static func timerDue(receivedAt: Date, category: TipCategory, kind: TimerKind, sla: SLA) -> Date {
        Date(unixSeconds: receivedAt.unixSeconds + sla.seconds(for: category) * kind.multiple)
    }

    /// Reports of `category` received at or before this instant have their timer of `kind` due at `now`.
    public static func timerCutoff(now: Date, category: TipCategory, kind: TimerKind, sla: SLA) -> Date {
        Date(unixSeconds: now.unixSeconds - sla.seconds(for: category) * kind.multiple)
    }

    /// The digests owed at `now`, oldest first: for each district, the last `maximumCatchUpDays` days whose
    /// moment has come, is after the district's `since`, and is not recorded.
    public static func dueDigests(_ facts: ScheduleFacts, now: Date) -> [DueDigest] {
        facts.districts.flatMap { district -> [DueDigest] in
            let latest = latestDueDay(hour: district.digestHour, now: now)
            return (0..<maximumCatchUpDays).reversed().compactMap { back -> DueDigest? in
                let day = latest.advanced(by: -back)
                let moment = day.digestMoment(hour: district.digestHour)
                guard moment > district.since, !district.recorded.contains(day) else { return nil }
                return DueDigest(
                    district: district.code, day: day, dueAt: moment, late: now.timeIntervalSince(moment) > lateAfter)
            }
        }.sorted { ($0.dueAt, $0.district) < ($1.dueAt, $1.district) }
    }

    /// The last day whose digest moment is at or before `now`.
    public static func latestDueDay(hour: Int, now: Date) -> DigestDay {
        let yesterday = DigestDay(containing: now).advanced(by: -1)
        return yesterday.digestMoment(hour: hour) <= now ? yesterday : yesterday.advanced(by: -1)
    }

    /// The earliest moment anything is due: a timer, a digest, or a requested digest (now). Nil when nothing ever
    /// will be until the facts change. May be in the past: then there is work now.
    public static func nextDue(_ facts: ScheduleFacts, sla: SLA, now: Date) -> Date? {
        var candidates: [Date] = []
        if facts.digestRequested { candidates.append(now) }
        for (kind, oldest) in facts.oldestAwaiting {
            for (category, received) in oldest {
                candidates.append(timerDue(receivedAt: received, category: category, kind: kind, sla: sla))
            }
        }
        for district in facts.districts {
            if let owed = dueDigests(ScheduleFacts(districts: [district]), now: now).first {
                candidates.append(owed.dueAt)
            } else {
                let next = latestDueDay(hour: district.digestHour, now: now).advanced(by: 1)
                candidates.append(next.digestMoment(hour: district.digestHour))
            }
        }
        return candidates.min()
    }
}
