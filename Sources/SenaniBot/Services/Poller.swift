import Foundation
import Logging
import SenaniStore
import ServiceLifecycle
import TelegramBotAPI
import TipAnalysis

/// Long-polls Telegram and turns each batch of updates into one committed transaction with its offset.
///
/// An update is confirmed to Telegram (by the next offset) only once its effects are stored, or when its own
/// content makes storing it impossible. When the database cannot be written (disk full, locked, read-only), the
/// offset stays, the tips wait at Telegram (up to 24 h), and intake resumes by itself when the fault clears.
public struct Poller: Service {
    let api: BotAPI
    let store: Store
    let router: UpdateRouter
    let analyzer: TipAnalyzer
    let configuration: SenaniConfiguration
    let clock: any SenaniClock
    let wake: WakeSignal
    let logger: Logger

    public init(
        api: BotAPI, store: Store, router: UpdateRouter = .standard, analyzer: TipAnalyzer = TipAnalyzer(),
        configuration: SenaniConfiguration, clock: any SenaniClock, wake: WakeSignal, logger: Logger
    ) {
        self.api = api
        self.store = store
        self.router = router
        self.analyzer = analyzer
        self.configuration = configuration
        self.clock = clock
        self.wake = wake
        self.logger = logger
    }

    public func run() async throws {
        guard let me = try await introduce() else { return }
        guard let stored = await withStoreRetry("read the offset", { try await store.nextOffset() }) else { return }
        var offset = stored
        var failures = 0
        var unboundLogged: Set<Int64> = []
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let updates: [IncomingUpdate]
            let current = offset
            // The bindings the batch is routed with are read while it is fetched, when the fetch is quick (a busy
            // stream of tips): everything committed before this getUpdates is in them. After a long poll they may
            // be stale (an admin bound a group meanwhile), so they are read again.
            async let bindings = prefetchBindings()
            let asked = ContinuousClock.now  // the poll's own duration, not a time of day: the real clock
            do {
                updates = try await cancelWhenGracefulShutdown {
                    try await api.getUpdates(offset: current, timeout: configuration.pollTimeout)
                }
                failures = 0
            } catch let error as BotAPIError {
                if error.kind == .cancelled || Task.isShuttingDownGracefully { break }
                failures += 1
                try await recover(from: error, failures: failures)
                continue
            } catch {
                // cancelWhenGracefulShutdown throws CancellationError once shutdown began.
                break
            }
            guard let last = updates.last else { continue }
            // An id at Int64.max cannot be followed: stay on it (its replay is harmless) rather than trap.
            let (next, overflow) = last.updateID.addingReportingOverflow(1)
            if overflow { logger.warning("update id at the top of its range", metadata: ["update_id": "\(last.updateID)"]) }
            guard
                let committed = await handleBatch(
                    updates, nextOffset: overflow ? last.updateID : next, me: me,
                    bindings: ContinuousClock.now - asked < .milliseconds(250) ? await bindings : nil,
                    unboundLogged: &unboundLogged)
            else { break }
            offset = committed
        }
        logger.info("poller stopped", metadata: ["offset": "\(offset.map(String.init) ?? "none")"])
    }

    /// getMe, with the privacy-mode warning operators most often need. Nil when shut down meanwhile.
    private func introduce() async throws -> User? {
        var failures = 0
        while !Task.isShuttingDownGracefully {
            do {
                let me = try await cancelWhenGracefulShutdown { try await api.getMe() }
                logger.info("connected to Telegram", metadata: ["bot": "@\(me.username ?? me.firstName)"])
                if me.canReadAllGroupMessages == false {
                    logger.warning(
                        """
                        privacy mode is on: the bot sees only commands and replies in groups, not plain tips. \
                        Make the bot an admin of each Cyber Senani group, or turn privacy mode off in BotFather \
                        (/mybots → Bot Settings → Group Privacy → Turn off).
                        """)
                }
                return me
            } catch let error as BotAPIError {
                if error.kind == .cancelled { return nil }
                failures += 1
                try await recover(from: error, failures: failures)
            } catch {
                return nil
            }
        }
        return nil
    }

    /// The bindings for the next batch, or nil when they cannot be read now: the batch then reads them with retries.
    private func prefetchBindings() async -> IntakeContext? {
        do {
            return try await store.intakeContext()
        } catch {
            logger.warning("cannot read the bindings ahead of the next batch; reading them again", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Waits as Telegram's answer asks; throws only when nothing but an operator can help.
    private func recover(from error: BotAPIError, failures: Int) async throws {
        let wait: Duration
        switch error.kind {
        case .unauthorized, .notFound:
            throw SenaniError.unauthorized(error)
        case .rateLimited:
            wait = .seconds(error.retryAfter ?? 1)
            logger.warning("Telegram asks to slow down", metadata: ["retry_after": "\(error.retryAfter ?? 1)"])
        case .conflict:
            wait = configuration.backoff.delay(afterFailures: failures)
            logger.warning(
                """
                another getUpdates is running for this token (409): is a second senani running? \
                Retrying; right after a restart this clears by itself.
                """, metadata: ["retry_in": "\(wait.roundedSeconds)"])
        default:
            wait = configuration.backoff.delay(afterFailures: failures)
            logger.warning("Telegram call failed, retrying", metadata: ["error": "\(error)", "retry_in": "\(wait.roundedSeconds)"])
        }
        await pause(wait)
    }

    /// Handles and commits one batch. Returns the new offset, or nil when shutdown came before it could be
    /// stored (the batch stays unconfirmed and is replayed at the next start).
    private func handleBatch(
        _ updates: [IncomingUpdate], nextOffset: Int64, me: User, bindings: IntakeContext?, unboundLogged: inout Set<Int64>
    ) async -> Int64? {
        var intake = bindings
        if intake == nil { intake = await withStoreRetry("read bindings", { try await store.intakeContext() }) }
        guard let intake else { return nil }
        let context = RouteContext(
            intake: intake, botUsername: me.username, analyzer: analyzer,
            buttons: CallbackSigner(sign: { [store] in store.signature(of: $0, purpose: "callback") }))
        // Routing runs on the other cores while the store commits the outcomes already known, in order.
        let routed = RoutedBatch.start(updates, with: router, context: context)
        let batch = IntakeBatch(parts: updates.count, nextOffset: nextOffset) { routed.outcome(at: $0).effects }
        let whole: StoreError?
        do throws(CommitFailure) {
            log(try await commitWaitingOutFaults(batch), updates: updates.count)
            whole = nil
        } catch {
            guard case .refused(let storeError) = error else { return nil }
            whole = storeError
        }
        var perUpdate: [(id: Int64, effects: [IntakeEffect])] = []
        for (incoming, outcome) in zip(updates, routed.all) {
            switch incoming {
            case .undecodable(let id, let reason):
                logger.warning("skipping an update that does not decode", metadata: ["update_id": "\(id)", "reason": "\(reason)"])
                perUpdate.append((id, []))
            case .update(let update):
                logSkip(outcome.skip, intake: intake, unboundLogged: &unboundLogged)
                perUpdate.append((update.updateID, outcome.effects))
            }
        }
        if let whole {
            // One update's content is what the store refuses: commit them one by one so only that one is skipped.
            logger.warning("batch commit failed, committing updates one by one", metadata: ["error": "\(whole)"])
            for (id, effects) in perUpdate {
                do throws(CommitFailure) {
                    log(try await commitWaitingOutFaults(IntakeBatch(effects: effects, nextOffset: id &+ 1)), updates: 1)
                } catch {
                    guard case .refused(let storeError) = error else { return nil }
                    logger.error(
                        "skipping an update whose content cannot be stored",
                        metadata: ["update_id": "\(id)", "error": "\(storeError)"])
                    guard await confirm(id &+ 1) else { return nil }
                }
            }
            guard await confirm(nextOffset) else { return nil }
        }
        wake.ring()
        return nextOffset
    }

    private enum CommitFailure: Error {
        /// Shutdown came while the database could not be written.
        case shutdown
        /// The store refused the batch for its content.
        case refused(StoreError)
    }

    /// Commits `batch`, waiting out environment faults (disk full, lock, I/O) for as long as they last.
    private func commitWaitingOutFaults(_ batch: IntakeBatch) async throws(CommitFailure) -> IntakeSummary {
        var failures = 0
        var reported: StoreError.Fault?
        while true {
            if Task.isShuttingDownGracefully { throw .shutdown }
            do throws(StoreError) {
                let summary = try await store.commit(batch, at: clock.now())
                if reported != nil { logger.notice("the database can be written again; intake resumes") }
                return summary
            } catch where error.isTransient {
                failures += 1
                if reported != error.fault {
                    reported = error.fault
                    logger.error(
                        "\(Self.explain(error.fault)) — tips are waiting at Telegram, up to 24 h; retrying until it clears",
                        metadata: ["error": "\(error)"])
                }
                await pause(configuration.backoff.delay(afterFailures: min(failures, 8)))
            } catch {
                throw .refused(error)
            }
        }
    }

    /// Records `offset` alone; false only on shutdown.
    private func confirm(_ offset: Int64) async -> Bool {
        do throws(CommitFailure) {
            _ = try await commitWaitingOutFaults(IntakeBatch(effects: [], nextOffset: offset))
            return true
        } catch {
            if case .shutdown = error { return false }
            // Only the offset was written, so nothing an update carried is at fault; the next batch tries again.
            logger.error("cannot record the offset", metadata: ["error": "\(error)"])
            return true
        }
    }

    /// Runs a store read, waiting out environment faults; nil on shutdown.
    private func withStoreRetry<T: Sendable>(_ what: String, _ body: () async throws -> T) async -> T? {
        var failures = 0
        while !Task.isShuttingDownGracefully {
            do {
                return try await body()
            } catch {
                failures += 1
                if failures == 1 { logger.error("cannot \(what) from the database; retrying", metadata: ["error": "\(error)"]) }
                await pause(configuration.backoff.delay(afterFailures: min(failures, 8)))
            }
        }
        return nil
    }

    static func explain(_ fault: StoreError.Fault?) -> String {
        switch fault {
        case .full: "database full (no space left on its disk)"
        case .busy: "database locked by another process (a backup tool, a second senani, an open sqlite3 shell?)"
        case .readOnly: "database is read-only (permissions, or a read-only file system)"
        case .io: "database I/O error (disk failing or unmounted?)"
        case .interrupted, .other, nil: "database cannot be written"
        }
    }

    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await clock.sleep(for: duration) }
    }

    private func logSkip(_ skip: Outcome.Skip?, intake: IntakeContext, unboundLogged: inout Set<Int64>) {
        switch skip {
        case .unboundChat(let chat) where unboundLogged.insert(chat).inserted:
            logger.notice(
                "ignoring a group that is not bound to a thana; bind it with `senani thana add --chat-id` or /register",
                metadata: ["chat_id": "\(chat)"])
        case .botMembershipChanged(let chat, let title, let status):
            let bound = intake.thanaByChat[chat].map { "thana \($0)" } ?? "not bound to a thana"
            logger.notice(
                "the bot's membership of a chat changed",
                metadata: ["chat_id": "\(chat)", "title": "\(title ?? "")", "status": "\(status)", "binding": "\(bound)"])
            if status == "member" && intake.thanaByChat[chat] != nil {
                logger.warning(
                    "the bot is a plain member of a bound group: unless privacy mode is off, make it an admin to see tips",
                    metadata: ["chat_id": "\(chat)"])
            }
        default:
            break
        }
    }

    private func log(_ summary: IntakeSummary, updates: Int) {
        for ref in summary.newReports { logger.info("new report", metadata: ["ref": "\(ref)"]) }
        for ref in summary.duplicates { logger.info("repeat of an earlier report", metadata: ["ref": "\(ref)"]) }
        logger.debug(
            "batch committed",
            metadata: [
                "updates": "\(updates)", "queued": "\(summary.queuedMessages)", "updated": "\(summary.updatedReports.count)",
                "replayed": "\(summary.replayed)", "actions": "\(summary.actions)",
            ])
    }
}

/// Failures that stop `senani run` with a message for the operator.
public enum SenaniError: Error, CustomStringConvertible, Sendable {
    case unauthorized(BotAPIError)

    public var description: String {
        switch self {
        case .unauthorized(let error):
            "Telegram refused the bot token (\(error.errorCode.map(String.init) ?? "401") \(error.message)). "
                + "Check SENANI_BOT_TOKEN or --token-file: it is the token BotFather gave you, like 123456789:AA..."
        }
    }
}
