/// Substring tests on ASCII text without Foundation. The extractors' `String.contains(String)` resolves to
/// Foundation's, which goes through NSString; on ASCII (Latin-script tips) a byte search gives the same answer.
enum TextSearch {
    /// Whether `haystack` contains `needle`, when both are ASCII; nil otherwise (the caller falls back to the
    /// Unicode-aware search).
    static func contains(_ haystack: String, _ needle: String) -> Bool? {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n -> Bool? in
                guard isASCII(h), isASCII(n) else { return nil }
                if n.isEmpty { return nil }
                if n.count > h.count { return false }
                for start in 0...(h.count - n.count) where h[start] == n[0] {
                    var k = 1
                    while k < n.count && h[start + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                return false
            }
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b >= 0x80 { return false }
        return true
    }
}
