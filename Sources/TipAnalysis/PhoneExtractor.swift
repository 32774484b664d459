/// Finds Indian mobile numbers in every common way of writing them and returns them in E.164 (`+91` and ten digits).
///
/// Scans digit groups joined by a space, dash, dot or bracket, so `+91 98765 43210`, `098765-43210` and two numbers
/// separated by one space all work, while landlines with their STD code set apart (`0612-2219810`), dates (`/`), amounts (`,`), 9-digit fragments and 11+-digit ids give nothing.
enum PhoneExtractor {
    struct Group { var start: Int; var end: Int; var digits: [UInt8] }

    static func extract(_ s: [Unicode.Scalar], excluding taken: [Range<Int>]) -> [String] {
        var groups: [Group] = []
        var i = 0
        let n = s.count
        while i < n {
            guard isDigit(s[i]) else { i += 1; continue }
            var j = i
            var digits: [UInt8] = []
            while j < n, isDigit(s[j]) { digits.append(UInt8(s[j].value - 0x30)); j += 1 }
            let glued = (i > 0 && isLetter(s[i - 1])) || (j < n && isLetter(s[j]))
            let inVehicle = taken.contains { $0.overlaps(i..<j) }
            if !inVehicle && (!glued || digits.count >= 10) {
                groups.append(Group(start: i, end: j, digits: digits))
            } else {
                groups.append(Group(start: i, end: j, digits: []))  // a barrier: breaks chains
            }
            i = j
        }
        var phones: [String] = []
        var g = 0
        while g < groups.count {
            if groups[g].digits.isEmpty { g += 1; continue }
            // try the longest valid number starting at group g
            var total: [UInt8] = []
            var bestEnd = -1
            var bestNumber: [UInt8] = []
            var k = g
            while k < groups.count, !groups[k].digits.isEmpty {
                if k > g && !joined(s, groups[k - 1].end, groups[k].start) { break }
                total += groups[k].digits
                if total.count > 14 { break }
                // `0612-2219810`, `06152 242233`: a trunk 0 and a 2–4-digit STD code, then the subscriber's 6–8 digits
                // in one group, is a landline (a mobile after a 0 is grouped otherwise: `07079 231 554`).
                let landline = k == g + 1 && groups[g].digits.first == 0 && (3...5).contains(groups[g].digits.count)
                    && (6...8).contains(groups[k].digits.count)
                if !landline, let number = mobile(total) { bestEnd = k; bestNumber = number }
                k += 1
            }
            if bestEnd >= 0 {
                let e164 = "+91" + String(decoding: bestNumber.map { $0 + 0x30 }, as: UTF8.self)
                if !phones.contains(e164) { phones.append(e164) }
                g = bestEnd + 1
            } else {
                g += 1
            }
        }
        return phones
    }

    /// The ten national digits when `d` is a mobile number written with or without a country or trunk prefix.
    static func mobile(_ d: [UInt8]) -> [UInt8]? {
        func ok(_ x: ArraySlice<UInt8>) -> [UInt8]? { x.count == 10 && x.first! >= 6 ? Array(x) : nil }
        switch d.count {
        case 10: return ok(d[...])
        case 11: return d[0] == 0 ? ok(d[1...]) : nil
        case 12: return d[0] == 9 && d[1] == 1 ? ok(d[2...]) : nil
        case 13: return d[0] == 0 && d[1] == 9 && d[2] == 1 ? ok(d[3...]) : nil
        case 14: return d[0] == 0 && d[1] == 0 && d[2] == 9 && d[3] == 1 ? ok(d[4...]) : nil
        default: return nil
        }
    }

    /// Whether the scalars between two digit groups are a separator inside one number (`' '`, `-`, `.`, brackets).
    private static func joined(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard b - a >= 1, b - a <= 3 else { return false }
        for x in s[a..<b] where !(x == " " || x == "-" || x == "." || x == "(" || x == ")" || x.value == 0x2013) {
            return false
        }
        return true
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let c = ScalarClass.of(s)
        return c == .latin || c == .devanagari
    }
}
