/// What a tip is about. `none` is the category of a message that is not a tip.
public enum TipCategory: String, Sendable, Codable, CaseIterable, Hashable {
    case liquor
    case wantedCriminal = "wanted_criminal"
    case electionDisturbance = "election_disturbance"
    case other
    case none

    /// The four categories a tip can have (everything but `none`).
    public static let tipCategories: [TipCategory] = [.liquor, .wantedCriminal, .electionDisturbance, .other]
}

/// The script and language a message is written in, judged by its running words.
public enum TipLanguage: String, Sendable, Codable, CaseIterable, Hashable {
    /// Hindi (or Bhojpuri, Maithili, Magahi) in Devanagari.
    case hi
    /// Hindi in Latin letters.
    case hinglish
    case en
    case mixed
}

/// Everything the analysis learns from one message: the decision, the evidence for it, and what an officer needs.
public struct TipAnalysis: Sendable, Hashable, Codable {
    /// Whether the message reports something the police should act on (false: greetings, news, questions...).
    public var isTip: Bool
    /// The main category; `.none` when not a tip.
    public var category: TipCategory
    /// Every category that applies, the main one included; empty when not a tip.
    public var labels: [TipCategory]
    /// How sure the decision is, 0...1.
    public var confidence: Double
    /// The words of the message that decided it, as written.
    public var evidence: [String]
    /// E.164, e.g. `+919876543210`.
    public var phones: [String]
    /// Indian registration marks, upper case, no spaces or dashes, e.g. `BR34AB1234`.
    public var vehicles: [String]
    /// Where: villages, tolas, chowks, landmarks, NH numbers, as written.
    public var places: [String]
    /// Amounts with a unit, as written ("50 लीटर", "20 peti").
    public var quantities: [String]
    /// When, as written ("आज रात 10 बजे", "kal subah", "abhi").
    public var times: [String]
    /// Names the writer marked as names ("नामक", "naam ka", "S/O", "पिता", "उर्फ").
    public var persons: [String]
    /// Polling booth numbers ("112").
    public var booths: [String]
    /// The language of the running words.
    public var language: TipLanguage
    /// Near-duplicate fingerprint of the normalised text.
    public var fingerprint: Fingerprint

    public init(
        isTip: Bool, category: TipCategory, labels: [TipCategory], confidence: Double, evidence: [String],
        phones: [String] = [], vehicles: [String] = [], places: [String] = [], quantities: [String] = [],
        times: [String] = [], persons: [String] = [], booths: [String] = [], language: TipLanguage,
        fingerprint: Fingerprint
    ) {
        self.isTip = isTip
        self.category = category
        self.labels = labels
        self.confidence = confidence
        self.evidence = evidence
        self.phones = phones
        self.vehicles = vehicles
        self.places = places
        self.quantities = quantities
        self.times = times
        self.persons = persons
        self.booths = booths
        self.language = language
        self.fingerprint = fingerprint
    }

    enum CodingKeys: String, CodingKey {
        case isTip = "is_tip"
        case category, labels, confidence, evidence, phones, vehicles, places, quantities, times, persons, booths
        case language, fingerprint
    }
}
