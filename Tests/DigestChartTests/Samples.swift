import DigestChart

/// Districts to draw: real Khagaria-style thana names in both scripts, and the awkward cases.
enum Samples {
    static let hindiLabels = DigestChartData.CategoryLabels(
        liquor: "शराब", wantedCriminal: "वांछित अपराधी", electionDisturbance: "चुनावी गड़बड़ी", other: "अन्य")
    static let englishLabels = DigestChartData.CategoryLabels(
        liquor: "Liquor", wantedCriminal: "Wanted criminal", electionDisturbance: "Election disturbance",
        other: "Other")

    static let hindiNames = [
        "खगड़िया सदर", "महिला थाना", "चौथम", "बेलदौर", "परबत्ता", "गोगरी", "मानसी", "अलौली", "मुफस्सिल",
        "चित्रगुप्त नगर", "पसराहा", "बौरना", "रहीमपुर", "भरतखंड", "मड़ैया", "कृष्णा", "अग्रहरि", "शक्तिनगर",
        "श्रीनगर", "त्रिवेणीगंज",
    ]
    static let latinNames = [
        "Khagaria Sadar", "Mahila Thana", "Chautham", "Beldaur", "Parbatta", "Gogri", "Mansi", "Alauli", "Mufassil",
        "Chitragupt Nagar", "Pasraha", "Baurna", "Rahimpur", "Bharatkhand", "Maraiya", "Krishna", "Agrahari",
        "Shaktinagar", "Srinagar", "Triveniganj",
    ]

    /// A reproducible spread of counts and medians (no randomness: the same chart every run).
    static func thanas(_ names: [String], count: Int) -> [DigestChartData.ThanaBars] {
        (0..<count).map { index in
            let name = names[index % names.count] + (index >= names.count ? " \(index / names.count + 1)" : "")
            let seed = (index * 37 + 11) % 23
            let counts: [DigestChartCategory: Int] = [
                .liquor: seed % 9 + (index == 0 ? 14 : 0),
                .wantedCriminal: (seed * 3) % 5,
                .electionDisturbance: index % 4 == 0 ? seed % 3 : 0,
                .other: seed % 4,
            ]
            let median: Double? = index % 6 == 5 ? nil : [4, 12, 27, 45, 95, 190, 610, 3100][seed % 8]
            return .init(name: name, counts: counts, medianMinutesToAcknowledge: median)
        }
    }

    static func hindi(thanas count: Int) -> DigestChartData {
        DigestChartData(
            title: "खगड़िया — दैनिक सूचना सारांश", subtitle: "24 नवंबर 2026, पिछले 24 घंटे",
            thanas: thanas(hindiNames, count: count), categoryLabels: hindiLabels, language: .hindi)
    }

    static func english(thanas count: Int) -> DigestChartData {
        DigestChartData(
            title: "Khagaria — daily tip digest", subtitle: "24 November 2026, last 24 hours",
            thanas: thanas(latinNames, count: count), categoryLabels: englishLabels, language: .english)
    }
}
