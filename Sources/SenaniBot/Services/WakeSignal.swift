import Foundation
import Synchronization

/// A doorbell between services: the poller rings after a commit that queued messages; the sender, waiting for
/// its next due time, wakes early. Rings while nobody waits are kept as one.
///
/// Not an AsyncStream: cancelling a task that waits on a stream's iterator finishes the stream for good, and every
/// later wait would return at once — a busy loop.
public final class WakeSignal: Sendable {
    private struct State {
        var rung = false
        var waiter: (id: UInt64, continuation: CheckedContinuation<Void, Never>)?
        var cancelled: Set<UInt64> = []
        var nextID: UInt64 = 0
    }

    private let state = Mutex(State())
    /// Signals rung with this one: the poller's commit wakes both the sender and the scheduler.
    private let forwards: [WakeSignal]

    public init() {
        forwards = []
    }

    /// A signal whose ring also rings each of `others` (one doorbell for several services).
    public init(alsoRinging others: [WakeSignal]) {
        forwards = others
    }

    public func ring() {
        for other in forwards { other.ring() }
        let waiter = state.withLock { state in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil as CheckedContinuation<Void, Never>?
            }
            state.waiter = nil
            return waiter.continuation
        }
        waiter?.resume()
    }

    /// Returns when rung, when `timeout` passes, or when the task is cancelled, whichever is first.
    public func wait(timeout: Duration, clock: any SenaniClock = SystemClock()) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForRing() }
            group.addTask { try? await clock.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    /// Returns when rung, when `clock` reaches `deadline`, or when the task is cancelled, whichever is first.
    public func wait(until deadline: Date, clock: any SenaniClock) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitForRing() }
            group.addTask { try? await clock.sleep(until: deadline) }
            await group.next()
            group.cancelAll()
        }
    }

    private func waitForRing() async {
        let id = state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state in
                    if state.rung || state.cancelled.remove(id) != nil {
                        state.rung = false
                        return true
                    }
                    state.waiter = (id, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                guard let waiter = state.waiter, waiter.id == id else {
                    // Cancelled before the continuation was registered: leave a note so it resumes at once.
                    state.cancelled.insert(id)
                    return nil as CheckedContinuation<Void, Never>?
                }
                state.waiter = nil
                return waiter.continuation
            }
            waiter?.resume()
        }
    }
}
