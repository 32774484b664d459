import Foundation

/// Runs CPU-heavy test work (training, a corpus's evaluation, a thousand generated tips) on a thread of its own.
/// On Swift's cooperative pool — two threads on a 2-core machine — it held back every other suite's timed waits for
/// tens of seconds. The result comes back to the test, which makes its expectations as usual.
public func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Result { try work() }) }
        thread.stackSize = 8 << 20
        thread.start()
    }
}
