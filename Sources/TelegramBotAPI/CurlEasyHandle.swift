import CCurl
import Foundation
import Synchronization

/// One libcurl easy handle, owned by one worker thread for its whole life and never shared: libcurl forbids using
/// a handle from two threads. Reusing it keeps the connection to the Bot API alive between calls.
final class CurlEasyHandle {
    private let handle: UnsafeMutableRawPointer
    private let connectTimeoutMilliseconds: Int
    /// curl writes its detailed message here; CURL_ERROR_SIZE bytes, as libcurl requires.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    /// After a 409 the next transfer opens a new connection: the old one may be the very long poll Telegram holds
    /// against us (a restart right after a crash), and retrying on it would only meet the conflict again.
    private var freshConnectNext = false

    init?(connectTimeoutMilliseconds: Int) {
        guard CurlGlobal.initialized, let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
    }

    deinit {
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }

    /// Runs one blocking transfer. Called only on this handle's worker thread.
    func perform(_ job: CurlJob, shutdown: ShutdownFlag) -> Result<HTTPResponse, BotAPIError> {
        if job.isCancelled || shutdown.isSet {
            return .failure(BotAPIError(.cancelled, method: job.method, message: "cancelled before the request was sent"))
        }
        // Reset clears the previous transfer's options but keeps live connections and the DNS cache.
        curl_easy_reset(handle)
        errorBuffer[0] = 0
        let context = TransferContext(job: job, shutdown: shutdown)
        let unmanaged = Unmanaged.passRetained(context)
        defer { unmanaged.release() }
        var headers: UnsafeMutablePointer<curl_slist>? = nil
        if case .json = job.payload { headers = curl_slist_append(headers, "Content-Type: application/json") }
        // An empty Expect: header stops libcurl from waiting for `100 Continue` before larger bodies.
        headers = curl_slist_append(headers, "Expect:")
        defer { curl_slist_free_all(headers) }
        // A multipart body lives as long as this transfer; libcurl copies each part's bytes into it.
        var mime: OpaquePointer? = nil
        defer { curl_mime_free(mime) }

        var code = configure(job, headers: headers, context: unmanaged.toOpaque())
        defer {
            // The handle outlives this transfer: leave it no pointer to the header list, body or context freed below.
            _ = ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
            _ = ccurl_setopt_mime(handle, nil)
            _ = ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
            _ = ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, nil)
        }
        if code == CURLE_OK {
            switch job.payload {
            case .json(let body):
                code = setJSONBody(body)
            case .multipart(let parts):
                mime = curl_mime_init(handle)
                code = setMultipartBody(parts, mime: mime)
            }
        }
        guard code == CURLE_OK else { return .failure(failure(code, job: job)) }
        let result = curl_easy_perform(handle)
        guard result == CURLE_OK else { return .failure(failure(result, job: job)) }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        freshConnectNext = status == 409
        return .success(HTTPResponse(status: status, body: context.received))
    }

    private func configure(
        _ job: CurlJob, headers: UnsafeMutablePointer<curl_slist>?, context: UnsafeMutableRawPointer
    ) -> CURLcode {
        let codes: [CURLcode] = [
            ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer),
            ccurl_setopt_string(handle, CURLOPT_URL, job.url),
            // No signals: libcurl would otherwise use SIGALRM for DNS timeouts, which is unsafe in threads.
            ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1),
            ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMilliseconds),
            // The whole transfer's limit; for a long poll the caller adds a grace, so a stalled socket ends.
            ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, job.timeoutMilliseconds),
            ccurl_setopt_long(handle, CURLOPT_FRESH_CONNECT, freshConnectNext ? 1 : 0),
            ccurl_setopt_long(handle, CURLOPT_TCP_KEEPALIVE, 1),
            ccurl_setopt_long(handle, CURLOPT_TCP_KEEPIDLE, 60),
            ccurl_setopt_long(handle, CURLOPT_TCP_KEEPINTVL, 30),
            // TLS verification stays at libcurl's default (on). CURLOPT_PROXY is deliberately not set: libcurl
            // then honours the standard https_proxy / http_proxy / no_proxy environment variables by itself.
            ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""),
            ccurl_setopt_string(handle, CURLOPT_USERAGENT, "senani"),
            ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headers),
            ccurl_setopt_write_function(handle, curlWriteCallback),
            ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context),
            // The progress callback runs about once a second even when idle; it aborts cancelled transfers.
            ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0),
            ccurl_setopt_xferinfo_function(handle, curlProgressCallback),
            ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, context),
        ]
        return codes.first { $0 != CURLE_OK } ?? CURLE_OK
    }

    /// A JSON POST body. COPYPOSTFIELDS copies it, so it need not outlive this call; it must come after
    /// POSTFIELDSIZE.
    private func setJSONBody(_ body: Data) -> CURLcode {
        let post = ccurl_setopt_long(handle, CURLOPT_POST, 1)
        guard post == CURLE_OK else { return post }
        let size = ccurl_setopt_offset(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
        guard size == CURLE_OK else { return size }
        return body.withUnsafeBytes { raw -> CURLcode in
            let pointer = raw.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
            return withUnsafeMutablePointer(to: &emptyBody) { empty in
                ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, pointer ?? UnsafeMutableRawPointer(empty))
            }
        }
    }

    /// A multipart/form-data body through the curl_mime API: libcurl picks the boundary, sets the Content-Type
    /// header and sends a Content-Length, since every part's size is known.
    private func setMultipartBody(_ parts: [MultipartPart], mime: OpaquePointer?) -> CURLcode {
        guard let mime else { return CURLE_OUT_OF_MEMORY }
        for part in parts {
            guard let mimePart = curl_mime_addpart(mime) else { return CURLE_OUT_OF_MEMORY }
            var code = curl_mime_name(mimePart, part.name)
            if code == CURLE_OK {
                // curl_mime_data copies the bytes; an empty value still needs a valid pointer.
                code = part.data.withUnsafeBytes { raw -> CURLcode in
                    withUnsafeMutablePointer(to: &emptyBody) { empty in
                        let pointer = raw.baseAddress?.assumingMemoryBound(to: CChar.self) ?? UnsafePointer(empty)
                        return curl_mime_data(mimePart, pointer, raw.count)
                    }
                }
            }
            if code == CURLE_OK, let fileName = part.fileName { code = curl_mime_filename(mimePart, fileName) }
            if code == CURLE_OK, let contentType = part.contentType { code = curl_mime_type(mimePart, contentType) }
            guard code == CURLE_OK else { return code }
        }
        return ccurl_setopt_mime(handle, mime)
    }

    private func failure(_ code: CURLcode, job: CurlJob) -> BotAPIError {
        if code == CURLE_ABORTED_BY_CALLBACK {
            return BotAPIError(.cancelled, method: job.method, message: "transfer aborted: task cancelled")
        }
        let detail = errorBuffer[0] != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
        let message = "curl error \(code.rawValue): \(detail)"
        return BotAPIError(.transport, method: job.method, message: TokenRedaction.redact(message, url: job.url))
    }

    private var emptyBody: CChar = 0
}

/// What the C callbacks of one transfer reach through their context pointer. Lives for that transfer only and is
/// touched only by the worker thread running it.
final class TransferContext {
    let job: CurlJob
    let shutdown: ShutdownFlag
    var received = Data()

    init(job: CurlJob, shutdown: ShutdownFlag) {
        self.job = job
        self.shutdown = shutdown
    }
}

/// Set once when the transport shuts down; in-flight transfers see it in their progress callback.
final class ShutdownFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set() { value.store(true, ordering: .relaxed) }
}

private let curlWriteCallback: ccurl_write_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<TransferContext>.fromOpaque(context).takeUnretainedValue()
    // curl promises size == 1; checked anyway, since overflowing here would trap inside a C callback.
    let (length, overflow) = size.multipliedReportingOverflow(by: count)
    guard !overflow else { return 0 }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { transfer.received.append($0, count: length) }
    return length
}

private let curlProgressCallback: ccurl_xferinfo_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    let transfer = Unmanaged<TransferContext>.fromOpaque(context).takeUnretainedValue()
    // Non-zero makes curl_easy_perform return CURLE_ABORTED_BY_CALLBACK.
    return transfer.job.isCancelled || transfer.shutdown.isSet ? 1 : 0
}
