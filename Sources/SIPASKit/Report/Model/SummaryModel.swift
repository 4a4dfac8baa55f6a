import SIPASStatistics

/// What `sipas summary` says, computed once and rendered by every format. Fractions in [0, 1];
/// rounding happens only in the renderers. The JSON shape is documented in README ("JSON output").
public struct SummaryReport: Sendable, Codable, Equatable {
    public var year: Int
    public var period: Period
    public var method: IndexMethod
    /// How the element and index intervals were made (criteria: Wilson).
    public var intervalMethod: IntervalMethod = .standard
    public var target: Double
    public var minAnswers: Int
    public var catalog: CatalogRef
    public var responses: Int
    public var index: Interval?
    /// index − target (negative: under the target).
    public var gap: Double?
    public var elements: [ElementRow]
    public var elementsWithoutAnswers: [String]
    /// The figures compared against: last year's responses when imported, else the published figures.
    public var previous: Previous?
    /// The published figures too, when both sources exist (so the report shows both and names each).
    public var previousPublished: Previous?
    public var change: ChangeValue?
    /// What the changes against last year's responses were computed on; nil without them.
    public var comparison: ComparisonBasis?
    /// Present with `--by`.
    public var by: String?
    public var groups: [GroupRow]?
    /// Against last year's published table of every department; nil when none was recorded.
    public var rank: RankStanding? = nil
    /// The shortest way to the target (procedures, then criteria); nil when nothing was answered.
    public var path: TargetPath? = nil

    public struct Period: Sendable, Codable, Equatable {
        public var from: String   // yyyy-mm-dd
        public var to: String
        public var firstResponse: String?
        public var lastResponse: String?
        enum CodingKeys: String, CodingKey {
            case from, to
            case firstResponse = "first_response"
            case lastResponse = "last_response"
        }
    }

    public struct CatalogRef: Sendable, Codable, Equatable {
        public var key: String
        public var name: String
    }

    public struct ElementRow: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        public var index: Interval?
        public var previous: Double?
        public var change: ChangeValue?
        public var criteria: [CriterionRow]
    }

    public struct CriterionRow: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        public var answered: Int
        public var satisfied: Int
        public var dissatisfied: Int
        public var noAnswer: Int
        public var rate: Interval?
        public var previous: Double?
        public var change: ChangeValue?
        enum CodingKeys: String, CodingKey {
            case code, label, answered, satisfied, dissatisfied, rate, previous, change
            case noAnswer = "no_answer"
        }
    }

    public struct Previous: Sendable, Codable, Equatable {
        public var year: Int
        /// "responses" (imported responses of that year) or "published" (recorded with `sipas baseline set`).
        public var source: String
        public var index: Interval?
        public var responses: Int?
        public var elements: [ElementFigure]
        public var rank: Int?
        public var rankOf: Int?
        public var reference: String?
        enum CodingKeys: String, CodingKey {
            case year, source, index, responses, elements, rank, reference
            case rankOf = "rank_of"
        }
    }

    /// "all-criteria": both years answered the same criteria. "common-criteria": they did not, and
    /// index and element changes (and last year's index and elements) are computed on the criteria
    /// both years answered, `commonCriteria`.
    public struct ComparisonBasis: Sendable, Codable, Equatable {
        public var basis: String
        public var commonCriteria: [String]?
        /// Answered this year, not in the compared year.
        public var leftOut: [String]
        /// Answered in the compared year, not this year.
        public var previousOnly: [String]
        /// This year's index on the common criteria (nil when all are common).
        public var currentIndex: Interval?
        enum CodingKeys: String, CodingKey {
            case basis
            case commonCriteria = "common_criteria"
            case leftOut = "left_out"
            case previousOnly = "previous_only"
            case currentIndex = "current_index"
        }
    }

    public struct ElementFigure: Sendable, Codable, Equatable {
        public var code: String
        public var index: Double
    }

    public struct GroupRow: Sendable, Codable, Equatable {
        public var key: String
        public var label: String
        public var unit: String?
        public var responses: Int
        public var index: Interval?
        /// Under `min_answers`: shown, not ranked.
        public var tooFewAnswers: Bool
        public var elements: [ElementFigureOptional]
        public var previous: Double?
        public var change: ChangeValue?
        enum CodingKeys: String, CodingKey {
            case key, label, unit, responses, index, elements, previous, change
            case tooFewAnswers = "too_few_answers"
        }
    }

    public struct ElementFigureOptional: Sendable, Codable, Equatable {
        public var code: String
        public var index: Double?
    }

    enum CodingKeys: String, CodingKey {
        case year, period, method, target, catalog, responses, index, gap, elements, previous, change, comparison, by, groups, rank
        case intervalMethod = "interval_method"
        case path = "path_to_target"
        case minAnswers = "min_answers"
        case elementsWithoutAnswers = "elements_without_answers"
        case previousPublished = "previous_published"
    }
}

/// A change against the previous figure: the difference and its 95% interval; `clear` when the
/// interval excludes zero.
public struct ChangeValue: Sendable, Codable, Equatable {
    public var value: Double
    public var low: Double
    public var high: Double
    public var clear: Bool
    /// "newcombe" (two rates), "mover" (two indices), "published" (against a published figure, no variance).
    public var method: String
    /// The criteria both years answered, when the change was computed on them alone (the years'
    /// answered criteria differ); nil when it is on everything both years have.
    public var commonCriteria: [String]?

    public init(_ change: Change, method: String, commonCriteria: [String]? = nil) {
        value = change.difference.value
        low = change.difference.low
        high = change.difference.high
        clear = change.isClear
        self.method = method
        self.commonCriteria = commonCriteria
    }

    enum CodingKeys: String, CodingKey {
        case value, low, high, clear, method
        case commonCriteria = "common_criteria"
    }
}
