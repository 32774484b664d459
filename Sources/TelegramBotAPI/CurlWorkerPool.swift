import Foundation

/// A few dedicated threads that run blocking `curl_easy_perform` calls, so they never occupy Swift's cooperative
/// pool. Threads start lazily up to `maxThreads`; each owns one reused easy handle; jobs wait in FIFO order.
final class CurlWorkerPool: @unchecked Sendable {
    // Safe: `queue`, `idleThreads`, `threadCount` and `isShutdown` are only read or written while holding
    // `condition`'s lock; the other stored properties are immutable or Sendable.
    private let condition = NSCondition()
    private var queue: [CurlJob] = []
    private var idleThreads = 0
    private var threadCount = 0
    private var isShutdown = false
    private let maxThreads: Int
    private let connectTimeoutMilliseconds: Int
    let shutdownFlag = ShutdownFlag()

    init(maxThreads: Int, connectTimeoutMilliseconds: Int) {
        self.maxThreads = maxThreads
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
    }

    /// Queues a job for the next idle worker, starting a worker if none is idle. After shutdown, or when the job
    /// was cancelled already, it finishes as `.cancelled` at once instead.
    func submit(_ job: CurlJob) {
        condition.lock()
        // Checked under the lock: `withdraw` sets the flag before taking it, so a cancellation racing with this
        // submission is seen either here or by `withdraw` finding the job queued.
        let refusal = isShutdown ? "transport shut down" : job.isCancelled ? "cancelled before the request was sent" : nil
        if let refusal {
            condition.unlock()
            job.finish(.failure(BotAPIError(.cancelled, method: job.method, message: refusal)))
            return
        }
        defer { condition.unlock() }
        queue.append(job)
        if idleThreads < queue.count, threadCount < maxThreads {
            threadCount += 1
            let thread = Thread { [self] in run() }
            thread.name = "curl-worker-\(threadCount)"
            thread.start()
        }
        condition.signal()
    }

    /// Takes a cancelled job out of the queue and finishes it at once, so it need not wait for a busy worker.
    /// A job already running is left to its progress callback.
    func withdraw(_ job: CurlJob) {
        condition.lock()
        let index = queue.firstIndex { $0 === job }
        if let index { queue.remove(at: index) }
        condition.unlock()
        if index != nil {
            job.finish(.failure(BotAPIError(.cancelled, method: job.method, message: "cancelled while queued")))
        }
    }

    /// Stops the workers: queued jobs finish as cancelled, running transfers abort through their progress callback,
    /// and each worker cleans up its handle as it exits.
    func shutdown() {
        condition.lock()
        isShutdown = true
        let pending = queue
        queue.removeAll()
        condition.broadcast()
        condition.unlock()
        shutdownFlag.set()
        for job in pending {
            job.finish(.failure(BotAPIError(.cancelled, method: job.method, message: "transport shut down")))
        }
    }

    /// Waits until every worker has exited and freed its easy handle, so nothing runs inside libcurl when the
    /// process exits and its atexit handlers tear the TLS library down.
    func waitForWorkers(timeout: Duration) {
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds))
        condition.lock()
        defer { condition.unlock() }
        while threadCount > 0 {
            guard condition.wait(until: deadline) else { return }
        }
    }

    private func run() {
        serve()
        condition.lock()
        threadCount -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The worker's life; its handle is freed when this returns.
    private func serve() {
        let handle = CurlEasyHandle(connectTimeoutMilliseconds: connectTimeoutMilliseconds)
        while let job = next() {
            guard let handle else {
                job.finish(.failure(BotAPIError(.transport, method: job.method, message: "curl_easy_init failed")))
                continue
            }
            job.finish(handle.perform(job, shutdown: shutdownFlag))
        }
    }

    private func next() -> CurlJob? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty {
            if isShutdown { return nil }
            idleThreads += 1
            condition.wait()
            idleThreads -= 1
        }
        return queue.removeFirst()
    }
}
