/// What the SP's daily digest chart shows: reports per thana by category, and how fast each thana acknowledged them.
///
/// Plain values: the caller (digest assembly) fills them from the store's facts and chooses the words. Thanas are drawn
/// one row each, in the order given, so the caller decides the sort (e.g. most reports first).
public struct DigestChartData: Sendable, Hashable {
    /// The headline, e.g. "खगड़िया — दैनिक सूचना सारांश" or "Khagaria — daily tip digest". Wraps to two lines at most.
    public var title: String
    /// A second line under the title, e.g. the date and the period covered. May be empty.
    public var subtitle: String
    /// One entry per thana, drawn top to bottom in this order.
    public var thanas: [ThanaBars]
    /// The caller's words for the four categories, shown in the legend.
    public var categoryLabels: CategoryLabels
    /// The language of the chart's own words (panel headings, units, the empty-state message).
    public var language: DigestChartLanguage

    /// A chart of `thanas`, headed by `title` and `subtitle`, with the chart's own words in `language`.
    public init(
        title: String, subtitle: String = "", thanas: [ThanaBars], categoryLabels: CategoryLabels,
        language: DigestChartLanguage
    ) {
        self.title = title
        self.subtitle = subtitle
        self.thanas = thanas
        self.categoryLabels = categoryLabels
        self.language = language
    }

    /// All reports of all thanas.
    public var totalReports: Int { thanas.reduce(0) { $0 + $1.total } }
}

extension DigestChartData {
    /// One thana's row: its reports by category and its median time to acknowledge.
    public struct ThanaBars: Sendable, Hashable {
        /// The thana's name as people say it, in Devanagari or Latin letters ("खगड़िया सदर", "Khagaria Sadar").
        /// Long names are cut with an ellipsis.
        public var name: String
        /// Reports per category; a missing category counts as zero. Counts must not be negative.
        public var counts: [DigestChartCategory: Int]
        /// The median minutes from report to an officer's acknowledgement, or nil when none was acknowledged
        /// (drawn as "—"). Must be finite and not negative.
        public var medianMinutesToAcknowledge: Double?

        /// A thana's row; `medianMinutesToAcknowledge` is nil when none of its reports was acknowledged.
        public init(name: String, counts: [DigestChartCategory: Int], medianMinutesToAcknowledge: Double?) {
            self.name = name
            self.counts = counts
            self.medianMinutesToAcknowledge = medianMinutesToAcknowledge
        }

        /// This thana's reports in `category`.
        public func count(_ category: DigestChartCategory) -> Int { counts[category] ?? 0 }

        /// This thana's reports in all categories.
        public var total: Int { counts.values.reduce(0, +) }
    }

    /// The legend's words for the four categories, supplied by the caller in the chart's language.
    public struct CategoryLabels: Sendable, Hashable {
        public var liquor: String
        public var wantedCriminal: String
        public var electionDisturbance: String
        public var other: String

        /// The four labels, e.g. "शराब", "वांछित अपराधी", "चुनावी गड़बड़ी", "अन्य".
        public init(liquor: String, wantedCriminal: String, electionDisturbance: String, other: String) {
            self.liquor = liquor
            self.wantedCriminal = wantedCriminal
            self.electionDisturbance = electionDisturbance
            self.other = other
        }

        /// The label of `category`.
        public subscript(category: DigestChartCategory) -> String {
            switch category {
            case .liquor: liquor
            case .wantedCriminal: wantedCriminal
            case .electionDisturbance: electionDisturbance
            case .other: other
            }
        }
    }
}

/// The four tip categories, in the order the bars stack them. Raw values match `TipCategory`'s, so
/// `DigestChartCategory(rawValue: category.rawValue)` converts.
public enum DigestChartCategory: String, Sendable, Hashable, CaseIterable {
    case liquor
    case wantedCriminal = "wanted_criminal"
    case electionDisturbance = "election_disturbance"
    case other
}

/// The language of the words the chart supplies itself.
public enum DigestChartLanguage: String, Sendable, Hashable, CaseIterable {
    case hindi
    case english
}
