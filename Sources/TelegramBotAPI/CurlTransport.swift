import Foundation

/// The production `BotAPITransport`: libcurl on a small pool of dedicated threads.
///
/// Each worker thread owns one easy handle that it reuses, so calls share kept-alive connections. Callers await a
/// continuation; cancelling the calling task aborts its transfer within about a second (kind `.cancelled`).
/// Proxies come from the standard `https_proxy`/`http_proxy`/`no_proxy` environment variables, which libcurl reads
/// itself because `CURLOPT_PROXY` is never set. TLS peer verification is always on.
public final class CurlTransport: BotAPITransport {
    private let pool: CurlWorkerPool

    /// - Parameters:
    ///   - connectTimeout: limit for establishing each connection.
    ///   - maxConcurrentTransfers: worker threads (and so simultaneous transfers); a long poll holds one.
    public init(connectTimeout: Duration = .seconds(10), maxConcurrentTransfers: Int = 4) {
        // curl_global_init runs here, on the creating thread, before any worker touches libcurl.
        _ = CurlGlobal.initialized
        pool = CurlWorkerPool(
            maxThreads: max(1, maxConcurrentTransfers), connectTimeoutMilliseconds: connectTimeout.curlMilliseconds)
    }

    deinit {
        pool.shutdown()
    }

    /// Stops the worker threads: queued and running transfers end as `.cancelled`, later calls fail the same way.
    public func shutdown() {
        pool.shutdown()
    }

    /// `shutdown()`, then waits (up to `timeout`) until every worker thread has freed its curl handle and exited.
    public func shutdownAndWait(timeout: Duration = .seconds(5)) {
        pool.shutdown()
        pool.waitForWorkers(timeout: timeout)
    }

    public func post(url: String, body: Data, timeout: Duration, method: String) async throws(BotAPIError)
        -> HTTPResponse
    {
        try await run(CurlJob(url: url, payload: .json(body), timeout: timeout, method: method))
    }

    /// Uploads through libcurl's `curl_mime` API; cancellation and token redaction work as for `post`.
    public func postMultipart(
        url: String, parts: [MultipartPart], timeout: Duration, method: String
    ) async throws(BotAPIError) -> HTTPResponse {
        try await run(CurlJob(url: url, payload: .multipart(parts), timeout: timeout, method: method))
    }

    private func run(_ job: CurlJob) async throws(BotAPIError) -> HTTPResponse {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                job.attach(continuation)
                pool.submit(job)
            }
        } onCancel: {
            job.cancelled.store(true, ordering: .relaxed)
            pool.withdraw(job)
        }
        return try result.get()
    }
}
