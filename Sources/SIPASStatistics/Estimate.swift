/// A rate or index with its interval and what the interval was built from.
public struct Estimate: Sendable, Equatable, Hashable, Codable {
    /// Point estimate and 95 % (or the requested) interval, shares in [0, 1].
    public var interval: Interval
    /// Standard error of the point estimate (linearised for indices; sqrt(p(1−p)/n) for a rate).
    public var standardError: Double
    /// Sample size the Wilson interval was computed with (n for a rate, Kish's n_eff for an index).
    public var effectiveN: Double
    /// Ratings that entered the estimate: Σ n_c over its criteria (n_c for one criterion;
    /// respondents for the all-satisfied index).
    public var answers: Int
    /// Respondents behind the estimate (see `Linearisation` for how an element counts them).
    public var respondents: Int

    public init(interval: Interval, standardError: Double, effectiveN: Double, answers: Int, respondents: Int) {
        self.interval = interval
        self.standardError = standardError
        self.effectiveN = effectiveN
        self.answers = answers
        self.respondents = respondents
    }

    /// The point estimate, `interval.value`.
    public var value: Double { interval.value }
}

/// Everything `IndexEstimator` computes for one tally.
public struct IndexResult: Sendable, Equatable, Hashable, Codable {
    /// The SIPAS index for the set; nil when nothing was answered.
    public var index: Estimate?
    /// Per element (catalogue order); nil for an element none of whose criteria were answered.
    public var elements: [Estimate?]
    /// Per criterion (Wilson); nil when nobody answered it.
    public var criteria: [Estimate?]
    /// Positions of the elements without answers, for the report to name.
    public var elementsWithoutAnswers: [Int]
    public var method: IndexMethod

    public init(index: Estimate?, elements: [Estimate?], criteria: [Estimate?],
                elementsWithoutAnswers: [Int], method: IndexMethod) {
        self.index = index
        self.elements = elements
        self.criteria = criteria
        self.elementsWithoutAnswers = elementsWithoutAnswers
        self.method = method
    }
}
