import Foundation
import Synchronization

private let stopFlag = Atomic<Bool>(false)

/// Signal handling from the first instruction of `main`: until the service group installs its own handlers, a
/// SIGTERM or SIGINT is recorded (and acted on as soon as the group runs) instead of killing the process by the
/// default action; SIGHUP, which terminals and some tools send, never kills it.
public enum EarlySignals {
    /// Installs the recording handlers. Call it before anything else.
    public static func install() {
        signal(SIGTERM) { _ in stopFlag.store(true, ordering: .relaxed) }
        signal(SIGINT) { _ in stopFlag.store(true, ordering: .relaxed) }
        signal(SIGHUP, SIG_IGN)
    }

    /// True once SIGTERM or SIGINT came before the service group took over the signals.
    public static var stopRequested: Bool { stopFlag.load(ordering: .relaxed) }
}
