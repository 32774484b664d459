import Foundation
import Logging
import SenaniStore
import ServiceLifecycle
import TelegramBotAPI

/// Long-polls Telegram and turns each batch of updates into one committed transaction with its offset.
///
/// A crash anywhere replays from the last committed offset; the store makes the replay harmless.
public struct Poller: Service {
    let api: BotAPI
    let store: Store
    let handler: UpdateHandler
    let configuration: SenaniConfiguration
    let wake: WakeSignal
    let logger: Logger

    public init(
        api: BotAPI, store: Store, handler: UpdateHandler, configuration: SenaniConfiguration, wake: WakeSignal,
        logger: Logger
    ) {
        self.api = api
        self.store = store
        self.handler = handler
        self.configuration = configuration
        self.wake = wake
        self.logger = logger
    }

    public func run() async throws {
        guard try await introduce() else { return }
        var offset = try await store.nextOffset()
        var failures = 0
        var unboundLogged: Set<Int64> = []
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            let updates: [IncomingUpdate]
            let current = offset
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
            offset = try await handleBatch(updates, nextOffset: last.updateID + 1, unboundLogged: &unboundLogged)
        }
        logger.info("poller stopped", metadata: ["offset": "\(offset.map(String.init) ?? "none")"])
    }

    /// getMe, with the privacy-mode warning operators most often need. Returns false when shut down meanwhile.
    private func introduce() async throws -> Bool {
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
                return true
            } catch let error as BotAPIError {
                if error.kind == .cancelled { return false }
                failures += 1
                try await recover(from: error, failures: failures)
            } catch {
                return false
            }
        }
        return false
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
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: wait) }
    }

    /// Handles and commits one batch. Returns the new offset; on a store failure, the old one (retried later).
    private func handleBatch(
        _ updates: [IncomingUpdate], nextOffset: Int64, unboundLogged: inout Set<Int64>
    ) async throws -> Int64? {
        let context: IntakeContext
        do {
            context = try await store.intakeContext()
        } catch {
            logger.error("cannot read the database; will retry the batch", metadata: ["error": "\(error)"])
            try? await Task.sleep(for: configuration.backoff.initial)
            return try await store.nextOffset()
        }
        var perUpdate: [(id: Int64, effects: [IntakeEffect])] = []
        for incoming in updates {
            switch incoming {
            case .undecodable(let id, let reason):
                logger.warning("skipping an update that does not decode", metadata: ["update_id": "\(id)", "reason": "\(reason)"])
                perUpdate.append((id, []))
            case .update(let update):
                let outcome = handler.handle(update, context: context)
                switch outcome.skip {
                case .unboundChat(let chat) where unboundLogged.insert(chat).inserted:
                    logger.notice(
                        "ignoring a group that is not bound to a thana; bind it with `senani thana add --chat-id` or /register",
                        metadata: ["chat_id": "\(chat)"])
                case .botMembershipChanged(let chat, let title, let status):
                    let bound = context.thanaByChat[chat].map { "thana \($0)" } ?? "not bound to a thana"
                    logger.notice(
                        "the bot's membership of a chat changed",
                        metadata: ["chat_id": "\(chat)", "title": "\(title ?? "")", "status": "\(status)", "binding": "\(bound)"])
                    if status == "member" && context.thanaByChat[chat] != nil {
                        logger.warning(
                            "the bot is a plain member of a bound group: unless privacy mode is off, make it an admin to see tips",
                            metadata: ["chat_id": "\(chat)"])
                    }
                default:
                    break
                }
                perUpdate.append((update.updateID, outcome.effects))
            }
        }
        do {
            let summary = try await store.commit(IntakeBatch(effects: perUpdate.flatMap(\.effects), nextOffset: nextOffset))
            log(summary, updates: updates.count)
        } catch {
            // One update's effects may be what the store refuses: commit them one by one so only that one is lost.
            logger.warning("batch commit failed, committing updates one by one", metadata: ["error": "\(error)"])
            var committedAny = false
            for (id, effects) in perUpdate {
                do {
                    log(try await store.commit(IntakeBatch(effects: effects, nextOffset: id + 1)), updates: 1)
                    committedAny = true
                } catch {
                    logger.error("skipping an update its handling cannot store", metadata: ["update_id": "\(id)", "error": "\(error)"])
                }
            }
            guard committedAny else {
                // Nothing at all could be stored: the database is the problem, not an update. Keep the offset.
                try? await Task.sleep(for: configuration.backoff.delay(afterFailures: 3))
                return try? await store.nextOffset()
            }
            _ = try? await store.commit(IntakeBatch(effects: [], nextOffset: nextOffset))
        }
        wake.ring()
        return nextOffset
    }

    private func log(_ summary: IntakeSummary, updates: Int) {
        for ref in summary.newReports { logger.info("new report", metadata: ["ref": "\(ref)"]) }
        for ref in summary.duplicates { logger.info("repeat of an earlier report", metadata: ["ref": "\(ref)"]) }
        logger.debug(
            "batch committed",
            metadata: [
                "updates": "\(updates)", "queued": "\(summary.queuedMessages)", "updated": "\(summary.updatedReports.count)",
                "replayed": "\(summary.replayed)",
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
