import Foundation

/// Batches passed from one thread to another through a queue of at most `capacity`: the producer waits while it is
/// full, so memory stays bounded however much is produced. `reports export` reads the store on one thread and
/// formats and writes on another: on two cores that is most of the time of either.
final class BatchHandoff<Item: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [[Item]] = []
    private var finished = false
    private var stopped = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Queues a batch, waiting while the queue is full; false once the consumer has stopped (stop producing).
    func put(_ batch: [Item]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity && !stopped { condition.wait() }
        guard !stopped else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// No more batches will come.
    func finish() {
        condition.lock()
        finished = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for one; nil when the producer has finished and everything was taken.
    func take() -> [Item]? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !finished { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The consumer gives up: the producer's next `put` returns false.
    func stop() {
        condition.lock()
        stopped = true
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
    }
}
