/// Removes bot tokens from text built from URLs or curl's messages: the token must never reach a log or an error.
enum TokenRedaction {
    /// Replaces the token found in `url` (the `bot<TOKEN>` path segment), and anything shaped like
    /// `bot<digits>:<secret>`, with `<redacted>`.
    static func redact(_ text: String, url: String) -> String {
        var result = text
        if let token = token(in: url), !token.isEmpty {
            result = result.replacingOccurrences(of: token, with: "<redacted>")
            let encoded = token.replacingOccurrences(of: ":", with: "%3A")
            result = result.replacingOccurrences(of: encoded, with: "<redacted>")
            result = result.replacingOccurrences(of: token.replacingOccurrences(of: ":", with: "%3a"), with: "<redacted>")
        }
        if let pattern = try? Regex("bot[0-9]+(:|%3[Aa])[A-Za-z0-9_\\-]+") {
            result = result.replacing(pattern, with: "bot<redacted>")
        }
        return result
    }

    /// The token of a Bot API URL: the path segment after `/bot`, up to the next `/`.
    static func token(in url: String) -> String? {
        guard let start = url.range(of: "/bot") else { return nil }
        let rest = url[start.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        return String(rest[..<end])
    }

    /// The URL with its token replaced, for messages that must name the endpoint.
    static func redactedURL(_ url: String) -> String {
        redact(url, url: url)
    }
}
