import Foundation
import Logging
import SenaniStore
import ServiceLifecycle

/// The time-driven duties: SLA reminders and escalations, each district's daily digest at its hour, and the
/// digests officers ask for with `/digest`.
///
/// It sleeps on the injected clock until the next due moment, computed by `Schedule.nextDue` (a pure function of
/// the store's facts and now), or until woken: a new report changes the next due moment, and the poller rings.
/// Every firing is recorded in the transaction that queues its messages, so nothing fires twice across crashes
/// and restarts, and what fell due while the process was down fires once when it is back, marked late.
public struct Scheduler: Service {
    /// The longest sleep: settings changed by `senani district add` in another process are seen within it.
    public static let maximumSleep: Duration = .seconds(60)

    let store: Store
    let digests: DigestBuilder
    let configuration: SenaniConfiguration
    let clock: any SenaniClock
    /// Rung when the scheduler's facts may have changed (the poller committed a batch).
    let wake: WakeSignal
    /// Rung when the scheduler queued messages.
    let outbox: WakeSignal
    let logger: Logger

    public init(
        store: Store, templates: MessageTemplates, configuration: SenaniConfiguration, clock: any SenaniClock,
        wake: WakeSignal, outbox: WakeSignal, logger: Logger
    ) {
        self.store = store
        self.digests = DigestBuilder(templates: templates, logger: logger)
        self.configuration = configuration
        self.clock = clock
        self.wake = wake
        self.outbox = outbox
        self.logger = logger
    }

    public func run() async throws {
        logger.info("scheduler started", metadata: ["sla": "\(configuration.sla)"])
        var failures = 0
        var immediate = 0
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let deadline: Date
            do {
                let next = try await pass()
                failures = 0
                let now = clock.now()
                // Due already (it fell due while the pass ran): go again at once, but not endlessly. Something that
                // stays due (a digest whose district vanished meanwhile) is retried each second, never in a tight loop.
                if let next, next <= now, immediate < 3 {
                    immediate += 1
                    continue
                }
                immediate = 0
                let latest = now.addingTimeInterval(Self.maximumSleep / .seconds(1))
                deadline = min(next.map { $0 <= now ? now.addingTimeInterval(1) : $0 } ?? latest, latest)
            } catch {
                failures += 1
                let wait = configuration.backoff.delay(afterFailures: min(failures, 8))
                deadline = clock.now().addingTimeInterval(wait / .seconds(1))
                logger.error("scheduler could not do its work; retrying", metadata: ["error": "\(error)", "retry_in": "\(wait.roundedSeconds)"])
            }
            await cancelWhenGracefulShutdown { await wake.wait(until: deadline, clock: clock) }
        }
        logger.info("scheduler stopped")
    }

    /// Does everything due now; returns the next due moment (nil: nothing will be until the facts change).
    func pass() async throws -> Date? {
        var queued = 0
        // Timers: in batches, each in its own transaction with the messages it queues.
        while !Task.isShuttingDownGracefully {
            let fired = try await store.fireDueTimers(now: clock.now(), sla: configuration.sla, compose: SLATimers.compose)
            for timer in fired {
                logger.info(
                    "SLA \(timer.kind.rawValue)", metadata: ["ref": "\(timer.ref)", "late": "\(timer.late)", "messages": "\(timer.messages)"])
                queued += timer.messages
            }
            if fired.count < 200 { break }
        }
        for request in try await store.pendingDigestRequests() where !Task.isShuttingDownGracefully {
            queued += try await answer(request)
        }
        let facts = try await store.scheduleFacts(now: clock.now())
        for due in Schedule.dueDigests(facts, now: clock.now()) where !Task.isShuttingDownGracefully {
            queued += try await send(due)
        }
        if queued > 0 { outbox.ring() }
        let now = clock.now()
        return Schedule.nextDue(try await store.scheduleFacts(now: now), sla: configuration.sla, now: now)
    }

    /// Composes and queues one district's digest of a day; returns the messages queued (0 if it was recorded).
    private func send(_ due: DueDigest) async throws -> Int {
        guard
            let facts = try await store.digestFacts(
                district: due.district, day: due.day, asOf: clock.now(), sla: configuration.sla)
        else { return 0 }
        let chats = DigestBuilder.recipients(facts)
        if chats.isEmpty {
            logger.warning(
                "a digest has nowhere to go: the district has no digest chat and no SP the bot can write to",
                metadata: ["district": "\(due.district)", "day": "\(due.day)"])
        }
        let messages = await digests.messages(facts, late: due.late, to: chats)
        let queued = try await store.queueDigest(
            district: due.district, day: due.day, messages: messages, late: due.late, trigger: "schedule", at: clock.now())
        guard queued else { return 0 }
        logger.info(
            "daily digest queued",
            metadata: ["district": "\(due.district)", "day": "\(due.day)", "late": "\(due.late)", "messages": "\(messages.count)"])
        return messages.count
    }

    /// `/digest`: today so far, privately to the officer who asked.
    private func answer(_ request: DigestRequest) async throws -> Int {
        let now = clock.now()
        let facts = try await store.digestFacts(
            district: request.districtCode, day: DigestDay(containing: now), asOf: now, sla: configuration.sla)
        let messages: [OutboxDraft]
        if let facts {
            messages = await digests.messages(facts, to: [request.chatID])
        } else {
            messages = [OutboxDraft(chatID: request.chatID, template: "district_not_found", parameters: ["code": request.districtCode])]
        }
        guard try await store.completeDigestRequest(id: request.id, messages: messages, at: clock.now()) else { return 0 }
        return messages.count
    }
}
