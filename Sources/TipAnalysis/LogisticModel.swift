import Foundation

/// The statistical half of the analysis: multinomial logistic regression over `Features`, five classes
/// (not a tip, then the four tip categories). Weights come from `ModelWeights.generated.swift`, written by
/// `swift run senani-train` from the training corpus; they are stored as integers (weight x 10 000) so the file is
/// reproducible byte for byte.
struct LogisticModel: Sendable {
    /// Class order of every weight row.
    static let classes: [TipCategory] = [.none, .liquor, .wantedCriminal, .electionDisturbance, .other]
    static let scale = 10_000.0

    var bias: [Double]
    /// Feature id -> row index into `weights` (5 per row).
    var index: HashIndex
    var weights: [Float]

    static let shared = LogisticModel(text: modelWeightsText)
    /// The tips-only category model, nil when the weights file was trained without one.
    static let sharedCategory: LogisticModel? = {
        let m = LogisticModel(text: categoryWeightsText)
        return m.isEmpty ? nil : m
    }()

    /// Whether no weights were loaded.
    var isEmpty: Bool { index.count == 0 }

    init(text: String) {
        bias = [Double](repeating: 0, count: 5)
        index = HashIndex(capacity: text.utf8.count / 40)
        weights = []
        var lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            lines += 1
            guard let tab = line.firstIndex(of: "\t") else { continue }
            let name = line[..<tab]
            let numbers = line[line.index(after: tab)...].split(separator: " ").compactMap { Int($0) }
            guard numbers.count == 5 else { continue }
            if name == "bias" {
                bias = numbers.map { Double($0) / LogisticModel.scale }
                continue
            }
            index.insert(FNV.hash(String(name)), Int32(weights.count / 5))
            weights += numbers.map { Float(Double($0) / LogisticModel.scale) }
        }
        _ = lines
    }

    /// Class probabilities in `classes` order.
    func probabilities(_ v: FeatureVector, prior: [Double] = [0, 0, 0, 0, 0]) -> [Double] {
        // five running sums in locals, each added to in the same order as ever (the same doubles come out)
        var z0 = bias[0] + prior[0], z1 = bias[1] + prior[1], z2 = bias[2] + prior[2]
        var z3 = bias[3] + prior[3], z4 = bias[4] + prior[4]
        // rows first, then weights: two passes of independent loads instead of one chain per feature
        precondition(v.values.count >= v.ids.count, "a value per feature id")
        withUnsafeTemporaryAllocation(of: (Int, Int32).self, capacity: v.ids.count) { rows in
            let found = index.get(v.ids, found: rows)
            weights.withUnsafeBufferPointer { w in
                v.values.withUnsafeBufferPointer { values in
                    for (k, row) in rows[..<found] {
                        let base = Int(row) * 5
                        let x = values[k]
                        z0 += x * Double(w[base])
                        z1 += x * Double(w[base + 1])
                        z2 += x * Double(w[base + 2])
                        z3 += x * Double(w[base + 3])
                        z4 += x * Double(w[base + 4])
                    }
                }
            }
        }
        return LogisticModel.softmax([z0, z1, z2, z3, z4])
    }

    /// Per-class contribution of one feature id (for explaining a decision).
    func weight(_ id: UInt64, _ c: Int) -> Double {
        guard let row = index.get(id) else { return 0 }
        return Double(weights[Int(row) * 5 + c])
    }

    static func softmax(_ z: [Double]) -> [Double] {
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// Approximate bytes the loaded table holds (keys, row indices, weights, dictionary overhead).
    var approximateBytes: Int { index.bytes + weights.count * 4 }
}
