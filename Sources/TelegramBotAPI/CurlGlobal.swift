import CCurl

/// libcurl's process-wide setup. `curl_global_init` is not thread-safe and must run exactly once, before any
/// easy handle exists: a `static let` gives exactly that (Swift initializes it once, atomically, on first use).
enum CurlGlobal {
    static let initialized: Bool = ccurl_global_init_default() == CURLE_OK
}
