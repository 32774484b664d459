import Foundation
import Synchronization

/// SQLite's busy handler: waits in short steps for a lock another process holds, up to a limit, and gives up
/// at once after `interrupt()`.
///
/// SQLite calls the handler on the thread that waits; sleeping there is what `sqlite3_busy_timeout` does too.
final class BusyWaits: Sendable {
    private static let step: UInt32 = 10_000  // microseconds
    private let maximumTries: Int
    private let interrupted = Atomic<Bool>(false)

    init(timeout: Duration) {
        let micros = timeout.components.seconds * 1_000_000 + timeout.components.attoseconds / 1_000_000_000_000
        maximumTries = Int(max(0, micros / Int64(Self.step)))
    }

    func shouldRetry(tries: Int) -> Bool {
        guard tries < maximumTries, !interrupted.load(ordering: .relaxed) else { return false }
        usleep(Self.step)
        return !interrupted.load(ordering: .relaxed)
    }

    func interrupt() {
        interrupted.store(true, ordering: .relaxed)
    }
}
