import SenaniStore

/// A correction as a line of the training corpus: `{"id","text","is_tip","category","labels","language","phones",
/// "vehicles"}`. The tip's words and the verdict only: no informant, no officer.
public enum CorpusFormat {
    public static func line(_ correction: Correction) -> String {
        let labels = correction.isTip ? [correction.category] : []
        let fields = [
            "\"id\": \(ReportFormats.jsonString("officer-\(correction.id)"))",
            "\"text\": \(ReportFormats.jsonString(correction.text))",
            "\"is_tip\": \(correction.isTip)",
            "\"category\": \(ReportFormats.jsonString(correction.category))",
            "\"labels\": [\(labels.map(ReportFormats.jsonString).joined(separator: ", "))]",
            "\"language\": \(correction.language.map(ReportFormats.jsonString) ?? "null")",
            "\"phones\": [\(correction.phones.map(ReportFormats.jsonString).joined(separator: ", "))]",
            "\"vehicles\": [\(correction.vehicles.map(ReportFormats.jsonString).joined(separator: ", "))]",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
