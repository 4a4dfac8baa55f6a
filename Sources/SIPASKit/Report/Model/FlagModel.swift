import SIPASStatistics

/// What `sipas flag` says: the procedures (or units) to fix first, ordered by impact.
public struct FlagReport: Sendable, Codable, Equatable {
    public var year: Int
    public var period: SummaryReport.Period
    public var method: IndexMethod
    /// How the index intervals were made.
    public var intervalMethod: IntervalMethod = .standard
    public var target: Double
    public var minAnswers: Int
    /// "procedure" or "unit".
    public var by: String
    public var responses: Int
    public var index: Interval?
    /// "responses" or "published" or nil when no previous year is known.
    public var previousSource: String?
    public var items: [FlaggedGroup]
    /// How many groups were examined (flagged or not).
    public var examined: Int
    /// Against last year's published table; nil when none was recorded.
    public var rank: RankStanding? = nil
    /// The shortest way to the target; nil when nothing was answered.
    public var path: TargetPath? = nil

    public struct FlaggedGroup: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var unit: String?
        public var responses: Int
        public var index: Interval?
        public var previous: Double?
        public var change: ChangeValue?
        /// Most serious first: below-target, possibly-below-target, fell, too-few-answers.
        public var flags: [Verdict]
        /// Index points (as a fraction) the department would gain if this group reached the target.
        public var impact: Double
        public var dissatisfied: Int
        public var weakest: Weakest?
        public var comments: [Comment]
    }

    public struct Weakest: Sendable, Codable, Equatable {
        public var element: WeakElement
        public var criteria: [WeakCriterion]
    }

    public struct WeakElement: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        public var index: Double
    }

    public struct WeakCriterion: Sendable, Codable, Equatable {
        public var code: String
        public var label: String
        public var rate: Double
        public var answered: Int
        public var satisfied: Int
        public var dissatisfied: Int
    }

    public struct Comment: Sendable, Codable, Equatable {
        public var date: String
        public var text: String
    }

    enum CodingKeys: String, CodingKey {
        case year, period, method, target, by, responses, index, examined
        case minAnswers = "min_answers"
        case intervalMethod = "interval_method"
        case previousSource = "previous_source"
        case procedures, units, rank
        case path = "path_to_target"
    }

    public init(year: Int, period: SummaryReport.Period, method: IndexMethod, target: Double, minAnswers: Int,
                by: String, responses: Int, index: Interval?, previousSource: String?, items: [FlaggedGroup],
                examined: Int) {
        self.year = year
        self.period = period
        self.method = method
        self.target = target
        self.minAnswers = minAnswers
        self.by = by
        self.responses = responses
        self.index = index
        self.previousSource = previousSource
        self.items = items
        self.examined = examined
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        year = try c.decode(Int.self, forKey: .year)
        period = try c.decode(SummaryReport.Period.self, forKey: .period)
        method = try c.decode(IndexMethod.self, forKey: .method)
        intervalMethod = try c.decodeIfPresent(IntervalMethod.self, forKey: .intervalMethod) ?? .standard
        target = try c.decode(Double.self, forKey: .target)
        minAnswers = try c.decode(Int.self, forKey: .minAnswers)
        by = try c.decode(String.self, forKey: .by)
        responses = try c.decode(Int.self, forKey: .responses)
        index = try c.decodeIfPresent(Interval.self, forKey: .index)
        previousSource = try c.decodeIfPresent(String.self, forKey: .previousSource)
        examined = try c.decode(Int.self, forKey: .examined)
        items = try c.decode([FlaggedGroup].self, forKey: by == "unit" ? .units : .procedures)
        rank = try c.decodeIfPresent(RankStanding.self, forKey: .rank)
        path = try c.decodeIfPresent(TargetPath.self, forKey: .path)
    }
}
