import Foundation
import Synchronization

/// One POST waiting for or running on a curl worker thread. The caller awaits `result`; the worker finishes it.
final class CurlJob: Sendable {
    /// What the POST carries.
    enum Payload: Sendable {
        case json(Data)
        case multipart([MultipartPart])
    }

    let url: String
    let payload: Payload
    let timeoutMilliseconds: Int
    let method: String
    /// Set when the calling task is cancelled; the transfer's progress callback sees it and aborts.
    let cancelled = Atomic<Bool>(false)
    private let continuation = Mutex<CheckedContinuation<Result<HTTPResponse, BotAPIError>, Never>?>(nil)
    private let finished = Atomic<Bool>(false)

    init(url: String, payload: Payload, timeout: Duration, method: String) {
        self.url = url
        self.payload = payload
        self.method = method
        self.timeoutMilliseconds = timeout.curlMilliseconds
    }

    func attach(_ continuation: CheckedContinuation<Result<HTTPResponse, BotAPIError>, Never>) {
        self.continuation.withLock { $0 = continuation }
    }

    /// Resumes the caller exactly once.
    func finish(_ result: Result<HTTPResponse, BotAPIError>) {
        guard !finished.exchange(true, ordering: .acquiringAndReleasing) else { return }
        let continuation = self.continuation.withLock { slot in
            defer { slot = nil }
            return slot
        }
        continuation?.resume(returning: result)
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }
}

extension Duration {
    /// Whole milliseconds for a curl timeout option: at least 1 (0 would mean "no limit"), saturating instead of
    /// overflowing for huge durations.
    var curlMilliseconds: Int {
        let (seconds, attoseconds) = components
        let milliseconds = seconds.multipliedReportingOverflow(by: 1000)
        let (total, overflow) = milliseconds.partialValue.addingReportingOverflow(attoseconds / 1_000_000_000_000_000)
        guard !milliseconds.overflow, !overflow else { return seconds < 0 ? 1 : Int.max }
        return Int(clamping: max(1, total))
    }
}
