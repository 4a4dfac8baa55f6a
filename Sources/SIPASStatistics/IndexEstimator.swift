/// Computes criterion rates, element indices and the SIPAS index of one tally, each with its
/// interval (method note §4–§5).
///
/// - Criteria: Wilson on (s_c, n_c) (see `Wilson`).
/// - `.criteriaMean`: elements and index are weighted means of rates (see `CriteriaMean` for the
///   weights, `Linearisation` for the interval).
/// - `.pooled`: each element is Σ s_c / Σ n_c over its criteria, the index the same over all
///   criteria of the catalogue (interval: `Linearisation`).
/// - `.allSatisfied`: the index is Wilson on (allSatisfied, answeredAny). A tally holds no
///   per-element all-satisfied count, so element estimates are the criteria-mean ones.
///
/// The result depends only on the counts, so it is the same for any order of the responses.
public enum IndexEstimator {
    public static func estimate(_ tally: Tally, shape: CatalogShape, method: IndexMethod = .criteriaMean,
                                interval: IntervalMethod = .standard, z: Double = Wilson.z95) -> IndexResult {
        precondition(tally.criterionCount == shape.criterionCount, "tally and catalogue differ in size")
        precondition(shape.isValid, "catalogue shape lists a criterion out of range or an empty element")
        let k = shape.criterionCount
        let answered = (0..<k).map { tally.answered($0) > 0 }

        let criteria: [Estimate?] = (0..<k).map { criterionEstimate(tally, $0, z: z) }

        let elements: [Estimate?] = shape.elements.indices.map { e in
            let respondents = shape.elements[e].map { tally.answered($0) }.max() ?? 0
            switch method {
            case .criteriaMean, .allSatisfied:
                let weights = CriteriaMean.elementWeights(e, answered: answered, shape: shape)
                return Linearisation.weightedMeanOfRates(tally, weights: weights, respondents: respondents,
                                                         interval: interval, z: z)
            case .pooled:
                return Linearisation.pooledRate(tally, criteria: shape.elements[e], respondents: respondents,
                                                interval: interval, z: z)
            }
        }
        let elementsWithoutAnswers = shape.elements.indices.filter { e in
            !shape.elements[e].contains { answered[$0] }
        }

        let index: Estimate?
        switch method {
        case .criteriaMean:
            let weights = CriteriaMean.weights(answered: answered, shape: shape)
            index = Linearisation.weightedMeanOfRates(tally, weights: weights, respondents: tally.answeredAny,
                                                       interval: interval, z: z)
        case .pooled:
            index = Linearisation.pooledRate(tally, criteria: shape.elements.flatMap { $0 },
                                             respondents: tally.answeredAny, interval: interval, z: z)
        case .allSatisfied:
            index = allSatisfiedEstimate(tally, z: z)
        }
        return IndexResult(index: index, elements: elements, criteria: criteria,
                           elementsWithoutAnswers: elementsWithoutAnswers, method: method)
    }

    /// Wilson on (s_c, n_c); nil when nobody answered.
    public static func criterionEstimate(_ tally: Tally, _ c: Int, z: Double = Wilson.z95) -> Estimate? {
        binomialEstimate(successes: tally.satisfied(c), trials: tally.answered(c), z: z)
    }

    /// Wilson on (allSatisfied, answeredAny); nil when nobody answered anything.
    public static func allSatisfiedEstimate(_ tally: Tally, z: Double = Wilson.z95) -> Estimate? {
        binomialEstimate(successes: tally.allSatisfied, trials: tally.answeredAny, z: z)
    }

    private static func binomialEstimate(successes: Int, trials: Int, z: Double) -> Estimate? {
        guard let interval = Wilson.interval(successes: successes, trials: trials, z: z) else { return nil }
        let p = interval.value
        return Estimate(interval: interval, standardError: (p * (1 - p) / Double(trials)).squareRoot(),
                        effectiveN: Double(trials), answers: trials, respondents: trials)
    }
}
