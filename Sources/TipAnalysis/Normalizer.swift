import Foundation

/// Cleans raw message text into the scalars every later stage reads.
///
/// Why each step: forward headers and invisible marks make the same tip look different; Devanagari digits hide
/// phone numbers; control and bidi characters come from copy-paste and must never break scanning.
enum Normalizer {
    /// Cleaned scalars: forward/quote headers stripped, NFC, no zero-width/bidi/control characters,
    /// Devanagari digits as ASCII, runs of spaces collapsed, at most one blank between lines.
    static func clean(_ text: String) -> [Unicode.Scalar] {
        var source = text
        if needsComposition(text) { source = text.precomposedStringWithCanonicalMapping }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(source.utf8.count)  // at least one byte per scalar: enough, without counting
        var line: [Unicode.Scalar] = []
        line.reserveCapacity(min(source.utf8.count, 1024))
        var pendingSpace = false
        func flushLine() {
            let kept = stripHeader(line)
            if !kept.isEmpty {
                if !out.isEmpty { out.append("\n") }
                out.append(contentsOf: kept)
            }
            line.removeAll(keepingCapacity: true)
            pendingSpace = false
        }
        for s in source.unicodeScalars {
            let v = s.value
            switch v {
            case 0x0A, 0x0D, 0x2028, 0x2029, 0x85:
                flushLine()
                continue
            case 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0xAD, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0x034F:
                continue  // invisible joiners and direction marks: drop without a gap
            case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F...0x9F, 0xFFFD, 0xD800...0xDFFF:
                pendingSpace = !line.isEmpty
                continue
            case 0x09, 0x20, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                pendingSpace = !line.isEmpty
                continue
            default:
                break
            }
            if pendingSpace { line.append(" "); pendingSpace = false }
            if (0x0966...0x096F).contains(v) {
                line.append(Unicode.Scalar(UInt8(0x30 + v - 0x0966)))
            } else {
                line.append(s)
            }
        }
        flushLine()
        return out
    }

    /// Only texts with combining marks need Foundation's NFC; skipping it keeps the common path fast.
    private static func needsComposition(_ text: String) -> Bool {
        for s in text.unicodeScalars {
            let v = s.value
            if (0x0300...0x036F).contains(v) || v == 0x093C || (0x0951...0x0954).contains(v) { return true }
        }
        return false
    }

    /// Removes a forward or quote header from one line, e.g. `[23/11, 10:42 pm] Name:`, `Fwd:`, `Forwarded as received`.
    static func stripHeader(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // fast path: a header starts with one of these; most lines start with a letter of the message
        guard let first = line.first, "[*_>~-: FfAaCc".unicodeScalars.contains(first) else { return line }
        // headers stack ("Fwd: [23/11, 10:42 pm] Name: ..."): strip until nothing changes
        var current = line
        for _ in 0..<4 {
            let next = stripOneHeader(current)
            if next == current { break }
            current = next
        }
        return current
    }

    private static func stripOneHeader(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var rest = line[...]
        // `[dd/mm, hh:mm pm] Name: text` (WhatsApp copy); the name ends at the first colon after the bracket.
        if rest.first == "[", let close = rest.firstIndex(of: "]"), close - rest.startIndex <= 30 {
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            if inside.contains(where: { $0 == "/" || $0 == ":" }) && inside.contains(where: { ScalarClass.of($0) == .digit }) {
                var after = rest[rest.index(after: close)...]
                if let colon = after.firstIndex(of: ":"), colon - after.startIndex <= 40 {
                    after = after[after.index(after: colon)...]
                }
                rest = after
            }
        }
        while let first = rest.first, first == " " || first == "*" || first == "_" || first == ">" || first == "~" {
            rest = rest.dropFirst()
        }
        // only "fwd...", "forwarded...", "as received", "copy paste" remain to check: skip building a string otherwise
        guard let head = rest.first, "FfAaCc".unicodeScalars.contains(head) else { return trimmed(rest) }
        // each of those starts "fw", "fo", "as" or "co": a line starting "Alauli", "Chautham" builds no string
        // (no scalar but an ASCII letter lower-cases to o, w or s)
        if let second = rest.dropFirst().first {
            let a = head.value | 0x20, b = (0x41...0x5A).contains(second.value) ? second.value | 0x20 : second.value
            let known = (a == 0x66 && (b == 0x77 || b == 0x6F)) || (a == 0x61 && b == 0x73) || (a == 0x63 && b == 0x6F)
            if !known { return trimmed(rest) }
        }
        let lower = String(String.UnicodeScalarView(rest.prefix(60))).lowercased()
        for prefix in ["fwd:", "fw:", "fwd :", "forwarded:"] where lower.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.unicodeScalars.count)
            return trimmed(rest)
        }
        let bare = lower.trimmingCharacters(in: CharacterSet(charactersIn: " *_-~:.>"))
        if bare == "forwarded" || bare == "forwarded as received" || bare == "forwarded message"
            || bare == "forwarded many times" || bare.hasPrefix("forwarded from") || bare.hasPrefix("---------- forwarded")
            || bare == "fwd" || bare == "copy paste" || bare == "as received"
        {
            return []
        }
        if lower.hasPrefix("forwarded as received") {
            return trimmed(rest.dropFirst("forwarded as received".unicodeScalars.count))
        }
        return trimmed(rest)
    }

    private static func trimmed(_ s: ArraySlice<Unicode.Scalar>) -> [Unicode.Scalar] {
        var r = s
        while let f = r.first, f == " " || f == ":" || f == "*" || f == "_" { r = r.dropFirst() }
        while let l = r.last, l == " " { r = r.dropLast() }
        return Array(r)
    }
}
