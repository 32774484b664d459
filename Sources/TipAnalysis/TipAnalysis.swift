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

/// What the bot does with a message.
public enum TipDecision: String, Sendable, Codable, CaseIterable, Hashable {
    /// A tip: queued as a report for the SHO.
    case tip
    /// Perhaps a tip: queued with `needs_review` for an officer to confirm or reject in one tap (his answer becomes
    /// training data). A missed tip is worse than a queued piece of chatter, so doubt lands here, not in `notTip`.
    case possibleTip = "possible_tip"
    /// Chatter, news, greetings, questions: no report.
    case notTip = "not_tip"
}

/// Everything the analysis learns from one message: the decision, the evidence for it, and what an officer needs.
public struct TipAnalysis: Sendable, Hashable, Codable {
    /// Tip, possible tip (an officer confirms it) or not a tip.
    public var decision: TipDecision
    /// Whether the message is judged a tip outright (`decision == .tip`); false for possible tips and chatter.
    public var isTip: Bool
    /// The main category of a tip; `.none` unless `decision == .tip` (a possible tip's guess is `suggestedCategory`).
    public var category: TipCategory
    /// The best category for a tip or a possible tip (what the officer confirms in one tap); `.none` for `notTip`.
    public var suggestedCategory: TipCategory
    /// Every category that applies, the main (or suggested) one included; empty for `notTip`.
    public var labels: [TipCategory]
    /// Calibrated probability, 0...1, that the decision's side is right: for `tip` and `possibleTip` the probability
    /// that the message is a real tip, for `notTip` that it is not (Platt scaling fitted on cross-validation folds).
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
    /// Near-duplicate fingerprint of the normalised text (56-bit SimHash; text only, see `repeatKey`).
    public var fingerprint: Fingerprint
    /// What `RepeatJudge` compares: the message's content words and its extracted facts, as a small blob.
    public var repeatKey: RepeatKey

    public init(
        isTip: Bool, category: TipCategory, labels: [TipCategory], confidence: Double, evidence: [String],
        phones: [String] = [], vehicles: [String] = [], places: [String] = [], quantities: [String] = [],
        times: [String] = [], persons: [String] = [], booths: [String] = [], language: TipLanguage,
        fingerprint: Fingerprint, decision: TipDecision? = nil, suggestedCategory: TipCategory? = nil,
        repeatKey: RepeatKey = RepeatKey()
    ) {
        self.decision = decision ?? (isTip ? .tip : .notTip)
        self.isTip = isTip
        self.category = category
        self.suggestedCategory = suggestedCategory ?? category
        self.labels = labels
        self.repeatKey = repeatKey
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
        case decision
        case isTip = "is_tip"
        case category
        case suggestedCategory = "suggested_category"
        case labels, confidence, evidence, phones, vehicles, places, quantities, times, persons, booths
        case language, fingerprint
        case repeatKey = "repeat_key"
    }
}

extension TipAnalysis {
    /// Reads JSON written by this or an older version: `decision`, `suggested_category` and `repeat_key` may be
    /// missing (then they follow `is_tip` and `category`, and the key is empty: never a repeat).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let isTip = try c.decode(Bool.self, forKey: .isTip)
        let category = try c.decode(TipCategory.self, forKey: .category)
        self.init(
            isTip: isTip, category: category, labels: try c.decode([TipCategory].self, forKey: .labels),
            confidence: try c.decode(Double.self, forKey: .confidence), evidence: try c.decode([String].self, forKey: .evidence),
            phones: try c.decode([String].self, forKey: .phones), vehicles: try c.decode([String].self, forKey: .vehicles),
            places: try c.decode([String].self, forKey: .places), quantities: try c.decode([String].self, forKey: .quantities),
            times: try c.decode([String].self, forKey: .times), persons: try c.decode([String].self, forKey: .persons),
            booths: try c.decode([String].self, forKey: .booths), language: try c.decode(TipLanguage.self, forKey: .language),
            fingerprint: try c.decode(Fingerprint.self, forKey: .fingerprint),
            decision: try c.decodeIfPresent(TipDecision.self, forKey: .decision),
            suggestedCategory: try c.decodeIfPresent(TipCategory.self, forKey: .suggestedCategory),
            repeatKey: try c.decodeIfPresent(RepeatKey.self, forKey: .repeatKey) ?? RepeatKey()
        )
    }
}
