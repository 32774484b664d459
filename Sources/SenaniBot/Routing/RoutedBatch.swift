import Dispatch
import Foundation
import Synchronization
import TelegramBotAPI

/// A batch's outcomes, worked out on Dispatch's threads while the caller goes on; `outcome(at:)` waits for one.
///
/// Handlers are pure functions of the update and the batch's context, so updates can be routed on every core at
/// once and in any order. Each lane takes the next update nobody has taken yet, so outcomes become ready roughly
/// in batch order, which is the order the store commits them in: the commit of the first updates overlaps the
/// routing (mostly reading the tips) of the later ones.
///
/// `concurrentPerform` runs on Dispatch's own workers, never waiting for a thread of the cooperative pool, so a
/// pool kept busy elsewhere can slow routing but never stall it.
final class RoutedBatch: @unchecked Sendable {
    private let count: Int
    /// Slot `i` is initialised exactly once, under `condition`, before `ready[i]` turns true.
    private let slots: UnsafeMutablePointer<Outcome>
    private let ready: UnsafeMutablePointer<Bool>
    private let condition = NSCondition()
    private let taken = Atomic<Int>(0)

    private init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        ready = .allocate(capacity: count)
        ready.initialize(repeating: false, count: count)
    }

    /// Starts routing `updates`; returns at once (small batches, or a single core: after routing them here).
    static func start(_ updates: [IncomingUpdate], with router: UpdateRouter, context: RouteContext) -> RoutedBatch {
        let batch = RoutedBatch(count: updates.count)
        @Sendable func route(_ index: Int) {
            guard case .update(let update) = updates[index] else { return batch.put(Outcome(), at: index) }
            batch.put(router.route(update, context: context), at: index)
        }
        // One core is left to the store's writer, which commits while the others route.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let lanes = min(max(cores - 1, 1), 4)
        guard updates.count >= 8, cores > 1 else {
            for index in updates.indices { route(index) }
            return batch
        }
        DispatchQueue.global(qos: .userInitiated).async {
            DispatchQueue.concurrentPerform(iterations: lanes) { _ in
                while true {
                    let index = batch.taken.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < updates.count else { return }
                    route(index)
                }
            }
        }
        return batch
    }

    /// The outcome of update `index`, once it is routed.
    func outcome(at index: Int) -> Outcome {
        condition.lock()
        defer { condition.unlock() }
        while !ready[index] { condition.wait() }
        return slots[index]
    }

    /// Every outcome, in order, once all are routed.
    var all: [Outcome] { (0..<count).map(outcome(at:)) }

    private func put(_ outcome: Outcome, at index: Int) {
        condition.lock()
        (slots + index).initialize(to: outcome)
        ready[index] = true
        condition.broadcast()
        condition.unlock()
    }

    deinit {
        // The lanes hold the batch until they are done, so by now every slot was put.
        for index in 0..<count where ready[index] { (slots + index).deinitialize(count: 1) }
        slots.deallocate()
        ready.deinitialize(count: count)
        ready.deallocate()
    }
}
