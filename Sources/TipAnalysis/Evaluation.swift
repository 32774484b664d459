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

    /// The training view: the category, `.none` when not a tip.
    public var trainingExample: TrainingExample {
        TrainingExample(text: text, category: isTip ? category : .none)
    }
}

/// Held-out scores of the analysis against gold labels, with the definitions the acceptance bar uses.
///
/// - Category macro-F1: over the true and predicted tips, per category c: TP = gold tip of c predicted as a tip of c;
///   FN = gold tip of c predicted otherwise (another category or not a tip at all); FP = message predicted as c whose
///   gold is not a tip of c (a non-tip predicted as c counts too). F1 averaged over the four categories.
/// - Tip F1: tip is the positive class.
/// - Phone and vehicle F1: micro F1 over the sets of (message, value) pairs.
/// - Language accuracy: exact match of the four languages.
public struct EvaluationReport: Sendable {
    public var count = 0
    public var categoryF1: [TipCategory: Double] = [:]
    public var categoryMacroF1 = 0.0
    public var tipPrecision = 0.0, tipRecall = 0.0, tipF1 = 0.0
    public var phoneF1 = 0.0, vehicleF1 = 0.0
    public var languageAccuracy = 0.0
    public var labelsExactAccuracy = 0.0
    /// Messages the analysis got wrong, one line each, for reading.
    public var mistakes: [String] = []

    public init(_ messages: [LabelledMessage], analyzer: TipAnalyzer = TipAnalyzer()) {
        count = messages.count
        var tp: [TipCategory: Int] = [:], fp: [TipCategory: Int] = [:], fn: [TipCategory: Int] = [:]
        var tipTP = 0, tipFP = 0, tipFN = 0
        var phone = (tp: 0, fp: 0, fn: 0), vehicle = (tp: 0, fp: 0, fn: 0)
        var languageRight = 0, labelsRight = 0
        for m in messages {
            let a = analyzer.analyze(m.text)
            let gold: TipCategory = m.isTip ? m.category : .none
            let predicted: TipCategory = a.isTip ? a.category : .none
            if gold != .none && predicted == gold { tp[gold, default: 0] += 1 }
            if gold != .none && predicted != gold { fn[gold, default: 0] += 1 }
            if predicted != .none && predicted != gold { fp[predicted, default: 0] += 1 }
            if m.isTip && a.isTip { tipTP += 1 }
            if !m.isTip && a.isTip { tipFP += 1 }
            if m.isTip && !a.isTip { tipFN += 1 }
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
            if gold != predicted { wrong.append("category \(gold.rawValue)->\(predicted.rawValue) (\(a.confidence))") }
            if goldPhones != gotPhones { wrong.append("phones \(m.phones)->\(a.phones)") }
            if goldVehicles != gotVehicles { wrong.append("vehicles \(m.vehicles)->\(a.vehicles)") }
            if a.language != m.language { wrong.append("language \(m.language.rawValue)->\(a.language.rawValue)") }
            if !wrong.isEmpty {
                let flat = m.text.split(whereSeparator: \.isNewline).joined(separator: " / ")
                mistakes.append("\(m.id): \(wrong.joined(separator: "; ")) | \(flat)")
            }
        }
        func f1(_ t: Int, _ p: Int, _ n: Int) -> Double { t == 0 ? (p == 0 && n == 0 ? 1 : 0) : 2.0 * Double(t) / Double(2 * t + p + n) }
        for c in TipCategory.tipCategories { categoryF1[c] = f1(tp[c] ?? 0, fp[c] ?? 0, fn[c] ?? 0) }
        categoryMacroF1 = TipCategory.tipCategories.map { categoryF1[$0]! }.reduce(0, +) / 4
        tipPrecision = tipTP + tipFP == 0 ? 1 : Double(tipTP) / Double(tipTP + tipFP)
        tipRecall = tipTP + tipFN == 0 ? 1 : Double(tipTP) / Double(tipTP + tipFN)
        tipF1 = f1(tipTP, tipFP, tipFN)
        phoneF1 = f1(phone.tp, phone.fp, phone.fn)
        vehicleF1 = f1(vehicle.tp, vehicle.fp, vehicle.fn)
        languageAccuracy = count == 0 ? 1 : Double(languageRight) / Double(count)
        labelsExactAccuracy = count == 0 ? 1 : Double(labelsRight) / Double(count)
    }

    /// The printed table.
    public var table: [String] {
        func f(_ x: Double) -> String {
            let v = (x * 1000).rounded() / 1000
            var s = String(v)
            while s.count < 5 { s += "0" }
            return s
        }
        var lines = ["metric                         value   bar", "messages                       \(count)"]
        for c in TipCategory.tipCategories {
            lines.append("F1 \(c.rawValue.padding(27))  \(f(categoryF1[c] ?? 0))")
        }
        lines.append("category macro-F1              \(f(categoryMacroF1))   >= 0.92")
        lines.append("tip precision                  \(f(tipPrecision))")
        lines.append("tip recall                     \(f(tipRecall))")
        lines.append("tip F1                         \(f(tipF1))   >= 0.95")
        lines.append("phone F1                       \(f(phoneF1))   >= 0.98")
        lines.append("vehicle F1                     \(f(vehicleF1))   >= 0.98")
        lines.append("language accuracy              \(f(languageAccuracy))   >= 0.95")
        lines.append("labels exact match             \(f(labelsExactAccuracy))")
        return lines
    }

    /// Whether every bar is met.
    public var meetsBar: Bool {
        categoryMacroF1 >= 0.92 && tipF1 >= 0.95 && phoneF1 >= 0.98 && vehicleF1 >= 0.98 && languageAccuracy >= 0.95
    }
}

extension String {
    fileprivate func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
