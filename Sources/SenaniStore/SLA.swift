import TipAnalysis

/// How long a `new` report may wait for an officer's acknowledgement, per category. At its SLA the SHO(s) get one
/// reminder; at twice its SLA the district's SP(s) get one escalation.
public struct SLA: Sendable, Hashable, CustomStringConvertible {
    /// Seconds per category; a category left out uses `other`'s.
    public private(set) var seconds: [TipCategory: Int64]

    /// The defaults: election disturbance 15 min, wanted criminal 30 min, liquor 1 h, anything else 4 h.
    public static let standard = SLA(seconds: [
        .electionDisturbance: 15 * 60, .wantedCriminal: 30 * 60, .liquor: 3600, .other: 4 * 3600,
    ])

    /// The categories an SLA is kept for, in the order settings are written.
    public static let categories: [TipCategory] = [.electionDisturbance, .wantedCriminal, .liquor, .other]

    public init(seconds: [TipCategory: Int64]) {
        self.seconds = seconds
    }

    /// The SLA of `category`, in seconds.
    public func seconds(for category: TipCategory) -> Int64 {
        seconds[category] ?? seconds[.other] ?? 4 * 3600
    }

    /// Parses `election_disturbance=15m,liquor=1h` (units `s`, `m`, `h`); categories left out keep their default.
    /// Throws a one-line message naming what was wrong.
    public static func parse(_ text: String, defaults: SLA = .standard) throws(SLAError) -> SLA {
        var result = defaults
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, !pair[0].isEmpty else {
                throw SLAError("SLA entry \"\(item)\" must look like liquor=1h")
            }
            guard let category = TipCategory(rawValue: pair[0]), categories.contains(category) else {
                throw SLAError(
                    "unknown SLA category \"\(pair[0])\" (use election_disturbance, wanted_criminal, liquor or other)")
            }
            guard let seconds = duration(pair[1]) else {
                throw SLAError("SLA for \(pair[0]) must be a positive number with s, m or h (like 15m), not \"\(pair[1])\"")
            }
            result.seconds[category] = seconds
        }
        return result
    }

    /// `90s`, `15m`, `4h` in seconds; nil when not a positive whole number with one of those units.
    static func duration(_ text: String) -> Int64? {
        guard let unit = text.last, let value = Int64(text.dropLast()), value > 0, value <= 10_000_000 else { return nil }
        switch unit {
        case "s": return value
        case "m": return value * 60
        case "h": return value * 3600
        default: return nil
        }
    }

    /// The setting's own spelling, e.g. `election_disturbance=15m,wanted_criminal=30m,liquor=1h,other=4h`.
    public var description: String {
        Self.categories.map { category in
            let value = seconds(for: category)
            let text = value % 3600 == 0 ? "\(value / 3600)h" : value % 60 == 0 ? "\(value / 60)m" : "\(value)s"
            return "\(category.rawValue)=\(text)"
        }.joined(separator: ",")
    }
}

/// A `SENANI_SLA` / `--sla` value that cannot be used.
public struct SLAError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
