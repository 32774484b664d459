import SenaniStore

/// A correction as a line of the training corpus: `{"id","text","is_tip","category","labels","language","phones",
/// "vehicles"}`. The tip's words and the verdict only: no informant, no officer.
public enum CorpusFormat {
    public static func line(_ correction: Correction) -> String {
        let labels = correction.isTip ? [correction.category] : []
        let fields = [
            "\"id\": \(JSONText.string("officer-\(correction.id)"))",
            "\"text\": \(JSONText.string(correction.text))",
            "\"is_tip\": \(correction.isTip)",
            "\"category\": \(JSONText.string(correction.category))",
            "\"labels\": [\(labels.map(JSONText.string).joined(separator: ", "))]",
            "\"language\": \(correction.language.map(JSONText.string) ?? "null")",
            "\"phones\": [\(correction.phones.map(JSONText.string).joined(separator: ", "))]",
            "\"vehicles\": [\(correction.vehicles.map(JSONText.string).joined(separator: ", "))]",
        ]
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
