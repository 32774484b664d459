import Foundation

/// One hand-labelled corpus message with its gold answers.
public struct LabelledMessage: Sendable, Codable {
    public var id: String
    public var text: String
    public var isTip: Bool
    public var category: TipCategory
    public var labels: [TipCategory]
    public var language: TipLanguage
    public var phones: [String]
    public var vehicles: [String]

    enum CodingKeys: String, CodingKey {
        case id, text, category, labels, language, phones, vehicles
        case isTip = "is_tip"
    }

    public init(id: String, text: String, isTip: Bool, category: TipCategory, labels: [TipCategory], language: TipLanguage,
                phones: [String], vehicles: [String]) {
        self.id = id
        self.text = text
        self.isTip = isTip
        self.category = category
        self.labels = labels
        self.language = language
        self.phones = phones
        self.vehicles = vehicles
    }

    /// Reads a corpus line; `id`, `labels`, `language`, `phones` and `vehicles` may be missing (officers'
    /// corrections carry only the text and the judgement): labels default to the category, the language to `mixed`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let isTip = try c.decode(Bool.self, forKey: .isTip)
        let category = try c.decodeIfPresent(TipCategory.self, forKey: .category) ?? .none
        self.init(
            id: try c.decodeIfPresent(String.self, forKey: .id) ?? "", text: try c.decode(String.self, forKey: .text),
            isTip: isTip, category: category,
            labels: try c.decodeIfPresent([TipCategory].self, forKey: .labels) ?? (isTip && category != .none ? [category] : []),
            language: try c.decodeIfPresent(TipLanguage.self, forKey: .language) ?? .mixed,
            phones: try c.decodeIfPresent([String].self, forKey: .phones) ?? [],
            vehicles: try c.decodeIfPresent([String].self, forKey: .vehicles) ?? [])
    }

    /// The training view: the category, `.none` when not a tip.
    public var trainingExample: TrainingExample {
        TrainingExample(text: text, category: isTip ? category : .none)
    }
}

/// Held-out scores of the analysis against gold labels, with the definitions the acceptance bars use.
///
/// - Category macro-F1, on the `category` field (a tip's category, `none` for possible tips and non-tips): per
///   category c: TP = gold tip of c judged a tip of c; FN = gold tip of c judged otherwise (another category, a
///   possible tip, not a tip); FP = message judged a tip of c whose gold is not a tip of c. F1 averaged over the four.
///   `officerMacroF1` is the same with possible tips counted as their `suggestedCategory` (what reaches an officer).
/// - A message "reaches an officer" when its decision is `tip` or `possible_tip`.
/// - Real-tip recall: gold tips that reach an officer. Tip precision: gold tips among `tip` decisions alone.
/// - Possible share: `possible_tip` decisions among all messages.
/// - Tip F1: F1 of "reaches an officer" against "is a tip".
/// - ECE: expected calibration error of `confidence` (10 equal-width bins) against whether the decision's side
///   (tip or possible tip: a real tip; not a tip: not a tip) is right.
/// - Phone and vehicle F1: micro F1 over the sets of (message, value) pairs.
/// - Language accuracy: exact match of the four languages.
public struct EvaluationReport: Sendable {
    /// The bars a test holds a corpus part to.
    public struct Bars: Sendable {
        public var categoryMacroF1 = 0.94
        public var realTipRecall = 0.99
        public var tipPrecision = 0.95
        public var maxPossibleShare = 0.10
        public var tipF1 = 0.0
        public var phoneF1 = 0.99
        public var vehicleF1 = 0.99
        public var maxExpectedCalibrationError = 0.05
        public var languageAccuracy = 0.0
        public init() {}
    }

    public var count = 0
    public var categoryF1: [TipCategory: Double] = [:]
    public var categoryMacroF1 = 0.0
    /// Macro-F1 with possible tips counted as tips of their suggested category.
    public var officerMacroF1 = 0.0
    public var realTipRecall = 0.0
    public var tipPrecision = 0.0, tipRecall = 0.0
    public var possibleShare = 0.0
    /// Gold tips among the possible tips.
    public var possiblePrecision = 0.0
    public var tipF1 = 0.0
    public var expectedCalibrationError = 0.0
    public var phoneF1 = 0.0, vehicleF1 = 0.0
    public var languageAccuracy = 0.0
    public var labelsExactAccuracy = 0.0
    /// Messages the analysis got wrong, one line each, for reading.
    public var mistakes: [String] = []

    public init(_ messages: [LabelledMessage], analyzer: TipAnalyzer = TipAnalyzer()) {
        count = messages.count
        var tp: [TipCategory: Int] = [:], fp: [TipCategory: Int] = [:], fn: [TipCategory: Int] = [:]
        var otp: [TipCategory: Int] = [:], ofp: [TipCategory: Int] = [:], ofn: [TipCategory: Int] = [:]
        var reachTP = 0, reachFP = 0, reachFN = 0
        var tipTP = 0, tipFP = 0, possible = 0, possibleTP = 0
        var phone = (tp: 0, fp: 0, fn: 0), vehicle = (tp: 0, fp: 0, fn: 0)
        var languageRight = 0, labelsRight = 0
        var pairs: [(Double, Bool)] = []
        for m in messages {
            let a = analyzer.analyze(m.text)
            let reaches = a.decision != .notTip
            let gold: TipCategory = m.isTip ? m.category : .none
            let predicted = a.category
            if gold != .none && predicted == gold { tp[gold, default: 0] += 1 }
            if gold != .none && predicted != gold { fn[gold, default: 0] += 1 }
            if predicted != .none && predicted != gold { fp[predicted, default: 0] += 1 }
            let queued: TipCategory = reaches ? a.suggestedCategory : .none
            if gold != .none && queued == gold { otp[gold, default: 0] += 1 }
            if gold != .none && queued != gold { ofn[gold, default: 0] += 1 }
            if queued != .none && queued != gold { ofp[queued, default: 0] += 1 }
            if m.isTip && reaches { reachTP += 1 }
            if !m.isTip && reaches { reachFP += 1 }
            if m.isTip && !reaches { reachFN += 1 }
            if a.decision == .tip { if m.isTip { tipTP += 1 } else { tipFP += 1 } }
            if a.decision == .possibleTip { possible += 1; if m.isTip { possibleTP += 1 } }
            pairs.append((a.confidence, reaches == m.isTip))
            let goldPhones = Set(m.phones), gotPhones = Set(a.phones)
            phone.tp += goldPhones.intersection(gotPhones).count
            phone.fp += gotPhones.subtracting(goldPhones).count
            phone.fn += goldPhones.subtracting(gotPhones).count
            let goldVehicles = Set(m.vehicles), gotVehicles = Set(a.vehicles)
            vehicle.tp += goldVehicles.intersection(gotVehicles).count
            vehicle.fp += gotVehicles.subtracting(goldVehicles).count
            vehicle.fn += goldVehicles.subtracting(gotVehicles).count
            if a.language == m.language { languageRight += 1 }
            if Set(a.labels) == Set(m.isTip ? m.labels : []) { labelsRight += 1 }
            var wrong: [String] = []
            if gold != predicted || a.decision == .possibleTip {
                wrong.append("category \(gold.rawValue)->\(a.decision.rawValue):\(a.suggestedCategory.rawValue) (\(a.confidence))")
            }
            if goldPhones != gotPhones { wrong.append("phones \(m.phones)->\(a.phones)") }
            if goldVehicles != gotVehicles { wrong.append("vehicles \(m.vehicles)->\(a.vehicles)") }
            if a.language != m.language { wrong.append("language \(m.language.rawValue)->\(a.language.rawValue)") }
            if !wrong.isEmpty {
                let flat = m.text.split(whereSeparator: \.isNewline).joined(separator: " / ")
                mistakes.append("\(m.id): \(wrong.joined(separator: "; ")) | \(flat)")
            }
        }
        func f1(_ t: Int, _ p: Int, _ n: Int) -> Double { t == 0 ? (p == 0 && n == 0 ? 1 : 0) : 2.0 * Double(t) / Double(2 * t + p + n) }
        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 1 : Double(a) / Double(b) }
        for c in TipCategory.tipCategories { categoryF1[c] = f1(tp[c] ?? 0, fp[c] ?? 0, fn[c] ?? 0) }
        categoryMacroF1 = TipCategory.tipCategories.map { categoryF1[$0]! }.reduce(0, +) / 4
        officerMacroF1 = TipCategory.tipCategories.map { f1(otp[$0] ?? 0, ofp[$0] ?? 0, ofn[$0] ?? 0) }.reduce(0, +) / 4
        realTipRecall = ratio(reachTP, reachTP + reachFN)
        tipPrecision = ratio(tipTP, tipTP + tipFP)
        tipRecall = ratio(tipTP, reachTP + reachFN)
        possibleShare = count == 0 ? 0 : Double(possible) / Double(count)
        possiblePrecision = ratio(possibleTP, possible)
        tipF1 = f1(reachTP, reachFP, reachFN)
        expectedCalibrationError = Self.expectedCalibrationError(pairs)
        phoneF1 = f1(phone.tp, phone.fp, phone.fn)
        vehicleF1 = f1(vehicle.tp, vehicle.fp, vehicle.fn)
        languageAccuracy = count == 0 ? 1 : Double(languageRight) / Double(count)
        labelsExactAccuracy = count == 0 ? 1 : Double(labelsRight) / Double(count)
    }

    /// Expected calibration error over `bins` equal-width confidence bins: the count-weighted mean of
    /// |accuracy - mean confidence| per bin.
    public static func expectedCalibrationError(_ pairs: [(confidence: Double, correct: Bool)], bins: Int = 10) -> Double {
        guard !pairs.isEmpty else { return 0 }
        var n = [Int](repeating: 0, count: bins), right = [Int](repeating: 0, count: bins)
        var sum = [Double](repeating: 0, count: bins)
        for (c, ok) in pairs {
            let b = min(bins - 1, max(0, Int(c * Double(bins))))
            n[b] += 1
            sum[b] += c
            if ok { right[b] += 1 }
        }
        var ece = 0.0
        for b in 0..<bins where n[b] > 0 {
            ece += abs(Double(right[b]) / Double(n[b]) - sum[b] / Double(n[b])) * Double(n[b])
        }
        return ece / Double(pairs.count)
    }

    /// The printed table, with `bars` beside the values.
    public func table(_ bars: Bars = Bars()) -> [String] {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func row(_ name: String, _ value: Double, _ bar: String = "") -> String {
            name.padding(31) + f(value) + (bar.isEmpty ? "" : "   " + bar)
        }
        var lines = ["metric                         value   bar", "messages".padding(31) + String(count)]
        for c in TipCategory.tipCategories { lines.append(row("F1 \(c.rawValue)", categoryF1[c] ?? 0)) }
        lines.append(row("category macro-F1", categoryMacroF1, ">= \(f(bars.categoryMacroF1))"))
        lines.append(row("macro-F1, possible as suggested", officerMacroF1))
        lines.append(row("real-tip recall (tip|possible)", realTipRecall, ">= \(f(bars.realTipRecall))"))
        lines.append(row("tip precision (tip only)", tipPrecision, ">= \(f(bars.tipPrecision))"))
        lines.append(row("tip recall (tip only)", tipRecall))
        lines.append(row("possible tips / messages", possibleShare, "<= \(f(bars.maxPossibleShare))"))
        lines.append(row("possible tips that are tips", possiblePrecision))
        lines.append(row("tip F1 (tip|possible)", tipF1, bars.tipF1 > 0 ? ">= \(f(bars.tipF1))" : ""))
        lines.append(row("ECE (10 bins)", expectedCalibrationError, "<= \(f(bars.maxExpectedCalibrationError))"))
        lines.append(row("phone F1", phoneF1, ">= \(f(bars.phoneF1))"))
        lines.append(row("vehicle F1", vehicleF1, ">= \(f(bars.vehicleF1))"))
        lines.append(row("language accuracy", languageAccuracy, bars.languageAccuracy > 0 ? ">= \(f(bars.languageAccuracy))" : ""))
        lines.append(row("labels exact match", labelsExactAccuracy))
        return lines
    }

    /// The bars missed, by name (empty when every bar is met).
    public func missed(_ bars: Bars = Bars()) -> [String] {
        var out: [String] = []
        if categoryMacroF1 < bars.categoryMacroF1 { out.append("category macro-F1") }
        if realTipRecall < bars.realTipRecall { out.append("real-tip recall") }
        if tipPrecision < bars.tipPrecision { out.append("tip precision") }
        if possibleShare > bars.maxPossibleShare { out.append("possible share") }
        if tipF1 < bars.tipF1 { out.append("tip F1") }
        if expectedCalibrationError > bars.maxExpectedCalibrationError { out.append("ECE") }
        if phoneF1 < bars.phoneF1 { out.append("phone F1") }
        if vehicleF1 < bars.vehicleF1 { out.append("vehicle F1") }
        if languageAccuracy < bars.languageAccuracy { out.append("language accuracy") }
        return out
    }
}

extension String {
    fileprivate func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
