import Foundation

/// Reads one message as a duty officer would. Pure: no I/O, no clock; the same text gives the same analysis.
///
/// Two halves meet here: the curated lexicon and extractors find explainable evidence (words, phones, vehicles,
/// places, times), and a logistic model trained on the labelled corpus weighs that evidence together with the
/// message's words and character n-grams into tip/category probabilities.
public struct TipAnalyzer: Sendable {
    private let model: LogisticModel
    /// The tips-only category model, when the weights file has one.
    private let categoryModel: LogisticModel?
    /// Calibrated P(tip) and the two decision thresholds.
    public let calibration: Calibration

    public init() {
        model = LogisticModel.shared
        categoryModel = LogisticModel.sharedCategory
        calibration = Calibration.shared
    }

    /// An analyzer with other weights: the text of a `ModelWeights.generated.swift` (for training experiments).
    public init(generatedWeightsSource source: String) {
        var sections: [String] = []
        var rest = Substring(source)
        while let open = rest.range(of: "#\"\"\"\n"), let close = rest[open.upperBound...].range(of: "\"\"\"#") {
            sections.append(String(rest[open.upperBound..<close.lowerBound]))
            rest = rest[close.upperBound...]
        }
        model = LogisticModel(text: sections.first ?? "")
        let second = sections.count > 1 ? LogisticModel(text: sections[1]) : nil
        categoryModel = second?.isEmpty == false ? second : nil
        calibration = sections.count > 2 ? Calibration(text: sections[2]) ?? Calibration() : Calibration()
    }

    /// Loads the model and lexicon now rather than on the first message (they load once per process, lazily).
    public static func warmUp() {
        _ = LogisticModel.shared.bias
        _ = LogisticModel.sharedCategory?.bias
        _ = Lexicon.shared.matches(in: Document("warm up"))
    }

    /// Approximate bytes the loaded model and lexicon tables hold (for capacity planning and the benchmark).
    public static var approximateModelBytes: Int {
        LogisticModel.shared.approximateBytes + (LogisticModel.sharedCategory?.approximateBytes ?? 0)
            + Lexicon.shared.approximateBytes
    }

    /// Model rows loaded (features with weights, both models).
    public static var modelFeatureCount: Int {
        LogisticModel.shared.index.count + (LogisticModel.sharedCategory?.index.count ?? 0)
    }

    /// Analyses `text`. Never fails: empty, emoji-only or binary-looking input gives a valid non-tip analysis.
    public func analyze(_ text: String) -> TipAnalysis {
        let r = Reading(text)
        let vector = Features.vector(r.doc, r.signals)
        let prior = Self.lexiconPrior(r)
        let p = model.probabilities(vector, prior: prior)
        let pTip = 1 - p[0]
        var calibrated = calibration.probability(Self.tipLogOdds(p))
        // Words of two letters or more, counted up to two: the rules below only ask "none" and "just one".
        var words = 0
        for token in r.doc.tokens where words < 2 && token.kind != .emoji && token.kind != .number && token.key.hasTwoScalars {
            words += 1
        }
        // Nothing to read (no word of two letters), or a bot command: never a tip, whatever the model says.
        if words == 0 && r.phones.isEmpty && r.vehicles.isEmpty {
            calibrated = 0.001
        }
        if r.doc.scalars.first == "/" && r.doc.tokens.count <= 3 { calibrated = 0.001 }
        var decision = calibration.decision(calibrated)
        // One word and no number to act on ("Gogri", a name typed in answer to "which thana?") tells an officer
        // nothing: at most a possible tip when the word itself is strong evidence ("दारू"), never a tip. The model's
        // character n-grams of place names would otherwise make a bare village name a tip.
        if words == 1 && r.phones.isEmpty && r.vehicles.isEmpty && decision != .notTip {
            let strong = r.signals.hits.contains { $0.strong && $0.kind.category != nil }
            decision = strong ? .possibleTip : .notTip
            calibrated = min(calibrated, (strong ? calibration.tipThreshold : calibration.possibleThreshold) - 0.001)
        }

        var suggested = TipCategory.none
        var labels: [TipCategory] = []
        if decision != .notTip {
            // the tips-only model, when there is one, decides between the categories; scaled to the tip probability
            var p = p
            if let categoryModel {
                let q = categoryModel.probabilities(vector, prior: prior)
                let tipMass = q[1...4].reduce(0, +)
                for c in 1...4 { p[c] = pTip * q[c] / tipMass }
            }
            var best = 1
            for c in 2...4 where p[c] > p[best] { best = c }
            suggested = LogisticModel.classes[best]
            labels = [suggested]
            for c in 1...4 where c != best {
                let strongHit = r.signals.hits.contains { $0.strong && $0.kind.category == LogisticModel.classes[c] }
                if p[c] >= 0.45 * pTip || (strongHit && LogisticModel.classes[c] != .other) { labels.append(LogisticModel.classes[c]) }
            }
            labels.sort { TipCategory.tipCategories.firstIndex(of: $0)! < TipCategory.tipCategories.firstIndex(of: $1)! }
        }
        let isTip = decision == .tip
        let category = isTip ? suggested : .none
        let confidence = min(0.999, max(0.001, decision == .notTip ? 1 - calibrated : calibrated))
        return TipAnalysis(
            isTip: isTip, category: category, labels: labels, confidence: (confidence * 1000).rounded() / 1000,
            evidence: evidence(r, vector, leansTip: decision != .notTip, category: suggested, labels: labels),
            phones: r.phones, vehicles: r.vehicles, places: r.places, quantities: r.quantities, times: r.times,
            persons: r.persons, booths: r.booths, language: r.language,
            fingerprint: SimHash.fingerprint(r.doc, hits: r.signals.hits), decision: decision,
            suggestedCategory: suggested, repeatKey: RepeatKey.make(r)
        )
    }

    /// The model's log-odds of "a tip" (any category) against "not a tip", from its class probabilities.
    static func tipLogOdds(_ p: [Double]) -> Double {
        log(max(1 - p[0], 1e-12)) - log(max(p[0], 1e-12))
    }

    /// The model's uncalibrated log-odds of tip for `text` (training fits the calibration on these).
    func tipLogOdds(_ text: String) -> Double {
        let r = Reading(text)
        return Self.tipLogOdds(model.probabilities(Features.vector(r.doc, r.signals), prior: Self.lexiconPrior(r)))
    }

    /// Log-odds the curated lexicon adds to the model's at analysis time: a strong category word together with a live
    /// cue (being sold, seen now, in my village, a phone or vehicle, an amount) and no sign of news, advice or chatter
    /// is a tip of that category even when the training corpus never saw its wording (the corpus is small and its
    /// short messages are mostly greetings). Modest, so a confident model still overrules it.
    static func lexiconPrior(_ r: Reading) -> [Double] {
        var prior = [0.0, 0, 0, 0, 0]
        var strong: [Int] = []
        var live = r.signals.hasPhone || r.signals.hasVehicle || r.signals.hasQuantity
        var chatter = false
        for hit in r.signals.hits {
            if hit.strong, let c = hit.kind.category, let k = LogisticModel.classes.firstIndex(of: c), !strong.contains(k) {
                strong.append(k)
            }
            switch hit.kind {
            case .sale, .seen, .presence, .tip, .urgent, .request: live = true
            case .police, .campaign, .helpline, .notice, .news, .greeting, .ok, .question, .opinion, .job, .schedule, .civic:
                chatter = true
            default: break
            }
        }
        guard live, !chatter else { return prior }
        for k in strong { prior[k] += Self.livePrior }
        return prior
    }

    static let livePrior = 1.5

    /// The model's feature vector for `text` (training uses the names) and the lexicon prior added at analysis time.
    func features(_ text: String, named: Bool) -> (FeatureVector, prior: [Double]) {
        let r = Reading(text)
        return (Features.vector(r.doc, r.signals, named: named), Self.lexiconPrior(r))
    }

    /// Kinds whose phrases back a tip as evidence after its category's own.
    static let liveKinds: LexKindSet = [.sale, .seen, .presence, .tip, .request, .urgent]
    /// Kinds whose phrases back "not a tip".
    static let chatterKinds: LexKindSet = [.police, .campaign, .helpline, .notice, .news, .greeting, .ok, .question, .opinion, .job, .schedule]

    /// Lexicon phrases that back the decision, as written; when the lexicon is silent, the words the model leaned on.
    private func evidence(_ r: Reading, _ v: FeatureVector, leansTip isTip: Bool, category: TipCategory, labels: [TipCategory]) -> [String] {
        var out: [String] = []
        func add(_ hit: LexHit) {
            guard out.count < 8 else { return }
            let s = r.doc.text(tokens: hit.start, hit.end - 1)
            if !out.contains(s) && out.count < 8 { out.append(s) }
        }
        if isTip {
            for hit in r.signals.hits where hit.kind.category.map(labels.contains) == true { add(hit) }
            for hit in r.signals.hits where Self.liveKinds.contains(hit.kind) { add(hit) }
        } else {
            for hit in r.signals.hits where Self.chatterKinds.contains(hit.kind) { add(hit) }
        }
        if out.isEmpty {
            // the words whose weights pushed hardest toward the decided class
            let c = LogisticModel.classes.firstIndex(of: category) ?? 0
            var scored: [(Double, Int)] = []
            for (i, tok) in r.doc.tokens.enumerated() where tok.kind == .latin || tok.kind == .devanagari {
                var h = FNV.offset
                for b in "w:".utf8 { FNV.add(&h, byte: b) }
                for s in tok.key.unicodeScalars { FNV.add(&h, s) }
                let w = model.weight(h, c) - model.weight(h, c == 0 ? 1 : 0)
                if w > 0.05 { scored.append((w, i)) }
            }
            scored.sort { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
            for (_, i) in scored.prefix(3) {
                let s = r.doc.text(tokens: i, i)
                if !out.contains(s) { out.append(s) }
            }
        }
        return out
    }
}

/// Everything read from one message before the decision: the document, lexicon hits and extracted facts.
struct Reading {
    static let maxItems = 20

    var doc: Document
    var signals: Signals
    var phones: [String]
    var vehicles: [String]
    var places: [String]
    var quantities: [String]
    var times: [String]
    var persons: [String]
    var booths: [String]
    var language: TipLanguage
    /// Tokens of each place and person (for the repeat key).
    var placeTokens: [ClosedRange<Int>]
    var personTokens: [ClosedRange<Int>]

    init(_ text: String) {
        doc = Document(text)
        let hits = Lexicon.shared.matches(in: doc)
        let (marks, ranges) = VehicleExtractor.extract(doc.scalars)
        vehicles = Array(marks.prefix(Reading.maxItems))
        phones = Array(PhoneExtractor.extract(doc.scalars, excluding: ranges).prefix(Reading.maxItems))
        // tokens the extractors must not take: one flag per token (a `Set<Int>` hashed every probe)
        var inVehicle = [Bool](repeating: false, count: doc.tokens.count)
        if !ranges.isEmpty {
            for (k, tok) in doc.tokens.enumerated() where ranges.contains(where: { $0.contains(tok.start) }) { inVehicle[k] = true }
        }
        var blocked = inVehicle
        for hit in hits where hit.kind != .presence { for k in hit.start..<hit.end { blocked[k] = true } }
        let placeSpans = PlaceExtractor.spans(doc, blocked: blocked).prefix(Reading.maxItems)
        places = placeSpans.map(\.text)
        placeTokens = placeSpans.map(\.tokens)
        quantities = Array(QuantityExtractor.extract(doc, blocked: inVehicle).prefix(Reading.maxItems))
        times = Array(TimeExtractor.extract(doc).prefix(Reading.maxItems))
        let personSpans = PersonExtractor.spans(doc, blocked: blocked).prefix(Reading.maxItems)
        persons = personSpans.map(\.text)
        personTokens = personSpans.map(\.tokens)
        booths = Array(BoothExtractor.extract(doc).prefix(Reading.maxItems))
        language = LanguageDetector.detect(doc)
        signals = Signals(
            hits: hits, hasPhone: !phones.isEmpty, hasVehicle: !vehicles.isEmpty, hasQuantity: !quantities.isEmpty,
            hasPlace: !places.isEmpty, hasTime: !times.isEmpty, hasBooth: !booths.isEmpty, hasPerson: !persons.isEmpty
        )
    }
}
