import SIPASTestSupport
import XCTest
@testable import SIPASStatistics

final class LinearisationTests: XCTestCase {
    /// The doc comment's worked example, criteria-mean: from the pair counts, against the
    /// hand-computed influence values.
    func testWorkedExampleCriteriaMean() {
        let t = WorkedExample.tally
        let estimate = Linearisation.weightedMeanOfRates(t, weights: [0.25, 0.25, 0.5], respondents: t.answeredAny,
                                                          interval: .kishWilson)!
        XCTAssertEqual(estimate.value, 0.6875, accuracy: 1e-15)
        // z = (57, 25, −123, 41, 0)/576; Σ z² = (3249 + 625 + 15129 + 1681)/331776 = 20684/331776
        let sumOfSquares = 20684.0 / 331_776
        // v = 4/3 · Σ z² = 0.0831244; SE = 0.288313
        XCTAssertEqual(estimate.standardError * estimate.standardError, 4.0 / 3 * sumOfSquares, accuracy: 1e-15)
        XCTAssertEqual(estimate.standardError, 0.288313, accuracy: 1e-6)
        // n_eff = 0.21484375 / 0.0623433 = 3.44614, inside [1, 10]
        XCTAssertEqual(estimate.effectiveN, 0.21484375 / sumOfSquares, accuracy: 1e-12)
        XCTAssertEqual(estimate.effectiveN, 3.44614, accuracy: 1e-5)
        XCTAssertEqual(estimate.answers, 10)
        XCTAssertEqual(estimate.respondents, 4)
        // Wilson(0.6875, 3.44614) = 0.237926 … 0.939403
        assertInterval(estimate.interval, 0.237926, 0.939403, accuracy: 1e-6)
    }

    /// The doc comment's worked example, pooled.
    func testWorkedExamplePooled() {
        let t = WorkedExample.tally
        let estimate = Linearisation.pooledRate(t, criteria: [0, 1, 2], respondents: t.answeredAny, interval: .kishWilson)!
        XCTAssertEqual(estimate.value, 0.7, accuracy: 1e-15)          // 7/10
        // z = (0.09, 0.06, −0.21, 0.06, 0); Σ z² = 0.0081 + 0.0036 + 0.0441 + 0.0036 = 0.0594
        XCTAssertEqual(estimate.standardError * estimate.standardError, 4.0 / 3 * 0.0594, accuracy: 1e-15)
        XCTAssertEqual(estimate.effectiveN, 0.21 / 0.0594, accuracy: 1e-12)  // 3.53535
        assertInterval(estimate.interval, 0.249146, 0.942555, accuracy: 1e-6)
    }

    /// The diagonal term: one criterion with weight 1 gives r(1 − r)/n, and its interval is the
    /// criterion's own Wilson interval (n_eff = n).
    func testSingleCriterionReducesToBinomialVariance() {
        var rng = SplitMix64(seed: 3)
        let t = makeTally(randomRespondents(count: 80, criteria: 4, using: &rng), criterionCount: 4)
        for c in 0..<4 {
            var alpha = [0.0, 0, 0, 0], beta = alpha
            let n = Double(t.answered(c)), r = t.rate(c)!
            alpha[c] = 1 / n
            beta[c] = r / n
            XCTAssertEqual(Linearisation.sumOfSquaredInfluences(t, alpha: alpha, beta: beta),
                           r * (1 - r) / n, accuracy: 1e-15)
            var weights = [0.0, 0, 0, 0]
            weights[c] = 1
            let estimate = Linearisation.weightedMeanOfRates(t, weights: weights, respondents: t.answered(c))!
            XCTAssertEqual(estimate.effectiveN, n, accuracy: 1e-9)
            let wilson = Wilson.interval(successes: t.satisfied(c), trials: t.answered(c))!
            XCTAssertEqual(estimate.interval.low, wilson.low, accuracy: 1e-12)
            XCTAssertEqual(estimate.interval.high, wilson.high, accuracy: 1e-12)
        }
    }

    /// The pair-count formula equals Σ_i z_i² computed respondent by respondent, for random data.
    func testMatchesBruteForceInfluenceValues() {
        var rng = SplitMix64(seed: 2024)
        let shape = CatalogShape(elements: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11, 12], [13, 14, 15], [16, 17, 18]],
                                 criterionCount: 19)
        for trial in 0..<20 {
            let count = [5, 12, 40, 300][trial % 4]
            let rows = randomRespondents(count: count, criteria: 19, using: &rng)
            let t = makeTally(rows, criterionCount: 19)
            let k = 19
            let answered = (0..<k).map { t.answered($0) > 0 }
            let r = (0..<k).map { t.rate($0) ?? 0 }
            let n = (0..<k).map { Double(t.answered($0)) }
            let a = rows.map { row in row.map { $0 >= 1 ? 1.0 : 0.0 } }
            let y = rows.map { row in row.map { $0 >= 4 ? 1.0 : 0.0 } }

            func bruteForce(_ weights: [Double], respondents m: Int) -> Double {
                var sum = 0.0
                for i in rows.indices {
                    var influence = 0.0
                    for c in 0..<k where weights[c] != 0 {
                        let centred: Double = y[i][c] - r[c] * a[i][c]
                        influence += weights[c] * centred / n[c]
                    }
                    sum += influence * influence
                }
                return m > 1 ? Double(m) / Double(m - 1) * sum : 0
            }

            let weights = CriteriaMean.weights(answered: answered, shape: shape)
            if let index = Linearisation.weightedMeanOfRates(t, weights: weights, respondents: t.answeredAny) {
                let expected = bruteForce(weights, respondents: t.answeredAny)
                XCTAssertEqual(index.standardError * index.standardError, expected,
                               accuracy: 1e-12 + 1e-9 * expected, "trial \(trial)")
            }
            for e in shape.elements.indices {
                let w = CriteriaMean.elementWeights(e, answered: answered, shape: shape)
                let m = shape.elements[e].map { t.answered($0) }.max()!
                guard let element = Linearisation.weightedMeanOfRates(t, weights: w, respondents: m) else { continue }
                let expected = bruteForce(w, respondents: m)
                XCTAssertEqual(element.standardError * element.standardError, expected,
                               accuracy: 1e-12 + 1e-9 * expected, "trial \(trial) element \(e)")
            }
            // Pooled: z_i = (Σ_c y_ic − R Σ_c a_ic) / N.
            let all = Array(0..<k)
            if let pooled = Linearisation.pooledRate(t, criteria: all, respondents: t.answeredAny) {
                let bigN = n.reduce(0, +), ratio = pooled.value
                var sum = 0.0
                for i in rows.indices {
                    let satisfied: Double = y[i].reduce(0, +), answers: Double = a[i].reduce(0, +)
                    let influence = (satisfied - ratio * answers) / bigN
                    sum += influence * influence
                }
                let m = t.answeredAny
                let expected = m > 1 ? Double(m) / Double(m - 1) * sum : 0
                XCTAssertEqual(pooled.standardError * pooled.standardError, expected,
                               accuracy: 1e-12 + 1e-9 * expected, "trial \(trial) pooled")
            }
        }
    }

    /// No variance to match (everyone satisfied): n_eff falls back to the respondents, within
    /// [1, answers].
    func testFallbackToRespondentsWhenThereIsNoVariance() {
        let shape = CatalogShape(elements: [[0, 1], [2]], criterionCount: 3)
        let t = makeTally(repeated([5, 4, 5], 40) + repeated([5, 0, 0], 10), criterionCount: 3)
        let result = IndexEstimator.estimate(t, shape: shape)
        let index = result.index!
        XCTAssertEqual(index.value, 1)
        XCTAssertEqual(index.standardError, 0)
        XCTAssertEqual(index.effectiveN, 50)                       // answeredAny
        XCTAssertEqual(index.interval.low, 50 / (50 + Wilson.z95 * Wilson.z95), accuracy: 1e-12)
        XCTAssertEqual(result.elements[0]!.effectiveN, 50)        // max(n_c0 = 50, n_c1 = 40)
        XCTAssertEqual(result.elements[1]!.effectiveN, 40)
        // A single respondent: no variance, n_eff = 1.
        let one = IndexEstimator.estimate(makeTally([[4, 2, 0]], criterionCount: 3), shape: shape)
        XCTAssertEqual(one.index!.effectiveN, 1)
        XCTAssertEqual(one.index!.value, 0.5)
        // Rates that are each 0 or 1 (p = 0.5, Σ z² = 0): n_eff = m = 20, capped by the 20 answers.
        let split = IndexEstimator.estimate(makeTally(repeated([5, 0, 1], 20), criterionCount: 3), shape: shape)
        XCTAssertEqual(split.index!.value, 0.5)
        XCTAssertEqual(split.index!.effectiveN, 20)
    }
}
