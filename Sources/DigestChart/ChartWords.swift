/// The words the chart supplies itself, in Hindi or English. The caller supplies the rest (title, labels, names).
struct ChartWords {
    let language: DigestChartLanguage

    var thanaHeading: String {
        switch language {
        case .hindi: "थाना"
        case .english: "Thana"
        }
    }

    func reportsHeading(total: Int) -> String {
        switch language {
        case .hindi: "सूचनाएँ (कुल \(total))"
        case .english: "Reports (total \(total))"
        }
    }

    var acknowledgeHeading: String {
        switch language {
        case .hindi: "स्वीकार करने में लगा समय (माध्यिका)"
        case .english: "Median time to acknowledge"
        }
    }

    var noReports: String {
        switch language {
        case .hindi: "इस अवधि में कोई सूचना नहीं आई"
        case .english: "No reports in this period"
        }
    }

    /// Explains the dash, shown under the rows when some thana has one.
    var noneAcknowledgedNote: String {
        switch language {
        case .hindi: "— = कोई सूचना स्वीकार नहीं हुई"
        case .english: "— = no report acknowledged"
        }
    }

    /// A median time to acknowledge, short enough for the end of a bar: "<1 min", "25 min", "2.5 h", "14 h", "3.2 d".
    func duration(minutes: Double) -> String {
        let (minute, hour, day) =
            switch language {
            case .hindi: ("मिनट", "घंटे", "दिन")
            case .english: ("min", "h", "d")
            }
        if minutes < 1 { return "<1 \(minute)" }
        if minutes < 59.5 { return "\(Int(minutes.rounded())) \(minute)" }
        let hours = minutes / 60
        if hours < 47.5 { return "\(Self.short(hours)) \(hour)" }
        return "\(Self.short(hours / 24)) \(day)"
    }

    /// One decimal below 10 ("2.5"), none from 10 on ("14"), and no ".0".
    static func short(_ value: Double) -> String {
        if value >= 9.95 { return "\(Int(value.rounded()))" }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    static let dash = "—"
}
