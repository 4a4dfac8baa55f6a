import SIPASTestSupport
import XCTest
@testable import SIPASStatistics

final class IntervalMethodTests: XCTestCase {
    let sipas = CatalogShape(elements: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11, 12], [13, 14, 15], [16, 17, 18]],
                             criterionCount: 19)

    /// Published quantiles (scipy.stats.t.ppf(0.975, ν)): 12.706205 (ν = 1), 4.302653 (2), 2.228139 (10),
    /// 6.016663 (1.5, a real ν); the normal quantile for huge ν.
    func testStudentQuantiles() {
        XCTAssertEqual(StudentT.quantile(upperTail: 0.025, degreesOfFreedom: 1), 12.706204736174694, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(upperTail: 0.025, degreesOfFreedom: 2), 4.302652729749462, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(upperTail: 0.025, degreesOfFreedom: 10), 2.228138851986274, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(upperTail: 0.025, degreesOfFreedom: 1.5), 6.016663104427929, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(upperTail: 0.025, degreesOfFreedom: 1e9), Wilson.z95, accuracy: 1e-9)
        XCTAssertEqual(StudentT.quantile(upperTail: 0.025, degreesOfFreedom: 1e5), Wilson.z95, accuracy: 1e-4)
    }

    /// Newton's method in its bracket gives what bisection on the same distribution function gives (the
    /// method before it), to 1e-12, over tails and degrees of freedom from 0.3 to 5 million; and the
    /// closed forms for ν = 1 (tan) and ν = 2 to 1e-13 for tails up to 0.4.
    func testStudentQuantilesAgreeWithBisectionAndClosedForms() {
        func bisection(_ tail: Double, _ nu: Double) -> Double {
            var low = 0.0, high = 1.0
            while StudentT.upperTail(high, nu) > tail { high *= 2 }
            for _ in 0..<200 {
                let mid = (low + high) / 2
                if StudentT.upperTail(mid, nu) > tail { low = mid } else { high = mid }
                if high - low <= 1e-14 * high { break }
            }
            return (low + high) / 2
        }
        for tail in [0.0005, 0.005, 0.025, 0.05, 0.1, 0.25, 0.4, 0.499] {
            for nu in [0.3, 0.5, 1, 1.5, 2, 3, 5, 10, 30, 100, 1e3, 1e4, 5e4, 1e5, 1e6, 5e6] {
                let q = StudentT.quantile(upperTail: tail, degreesOfFreedom: nu), b = bisection(tail, nu)
                XCTAssertEqual(q, b, accuracy: 1e-12 * b, "tail \(tail), ν \(nu)")
            }
            // Near the centre (tail → 0.5, t → 0) the distribution function's own rounding is what limits both.
            guard tail <= 0.4 else { continue }
            let p = 1 - 2 * tail
            XCTAssertEqual(StudentT.quantile(upperTail: tail, degreesOfFreedom: 1), tan(Double.pi * (0.5 - tail)),
                           accuracy: 1e-13 * tan(Double.pi * (0.5 - tail)), "tail \(tail), ν 1")
            XCTAssertEqual(StudentT.quantile(upperTail: tail, degreesOfFreedom: 2), p * (2 / (1 - p * p)).squareRoot(),
                           accuracy: 1e-13 * p * (2 / (1 - p * p)).squareRoot(), "tail \(tail), ν 2")
        }
    }

    func testTheStandardIsNamed() {
        XCTAssertEqual(IntervalMethod.standard, .shrunkDesignT)
        XCTAssertEqual(IntervalMethod.standard.rawValue, "shrunk-design-t")
    }

    /// Worked example 1 of `Linearisation.shrunkEffectiveN`, step by step.
    func testWorkedExampleOne() {
        let t = WorkedExample.tally
        let data = Linearisation.weightedSums(t, weights: [0.25, 0.25, 0.5], pseudo: 0)
        // A = 192/23, D0 = A/4, w = 1 (R3 alone), d̂ = Σz²·A/(p(1−p))
        XCTAssertEqual(Linearisation.dissatisfiedRespondents(t, alpha: data.alpha), 1, accuracy: 1e-12)
        let a = 192.0 / 23, sumOfSquares = 20684.0 / 331_776
        let observed = sumOfSquares * a / (0.6875 * 0.3125)
        XCTAssertEqual(observed, 2.422369, accuracy: 1e-6)
        let d = (observed + 0.5 * a / 4) / 1.5
        XCTAssertEqual(d, 2.310565, accuracy: 1e-6)
        let (n, degrees) = Linearisation.shrunkEffectiveN(t, data: data, respondents: 4, answers: 10, prior: 0.5)
        XCTAssertEqual(n, a / d, accuracy: 1e-12)
        XCTAssertEqual(n, 3.612895, accuracy: 1e-6)
        XCTAssertEqual(degrees, 1.5, accuracy: 1e-12)
        // n·(z/t)² = 0.383389 < m = 4: the floor, Wilson(0.6875, 4) = 0.258470 … 0.932821.
        let estimate = IndexEstimator.estimate(t, shape: WorkedExample.shape).index!
        XCTAssertEqual(estimate.effectiveN, 4)
        assertInterval(estimate.interval, 0.258470, 0.932821, accuracy: 1e-6)
        XCTAssertEqual(estimate.interval, Wilson.interval(proportion: 0.6875, trials: 4))
    }

    /// Worked example 2 (issue 9's twelve respondents): all satisfied, then one answer dissatisfied.
    /// Worse data must not give a narrower, higher interval.
    func testWorkedExampleTwoTwelveRespondents() {
        let all = makeTally(repeated([UInt8](repeating: 5, count: 19), 12), criterionCount: 19)
        var rows = repeated([UInt8](repeating: 5, count: 19), 12)
        rows[0][0] = 2
        let one = makeTally(rows, criterionCount: 19)

        let best = IndexEstimator.estimate(all, shape: sipas).index!
        XCTAssertEqual(best.value, 1)
        assertInterval(best.interval, 12 / (12 + Wilson.z95 * Wilson.z95), 1, accuracy: 1e-12)   // 0.757506 … 1

        let worse = IndexEstimator.estimate(one, shape: sipas).index!
        XCTAssertEqual(worse.value, 1 - 1.0 / 240, accuracy: 1e-15)
        // A = 12/0.0546667 = 219.5122, d = 6.658843, n = 32.96552, n(z/t)² = 3.4982 < 12 → n_eff = 12.
        let data = Linearisation.weightedSums(one, weights: CriteriaMean.weights(answered: Array(repeating: true, count: 19), shape: sipas), pseudo: 0)
        let (n, _) = Linearisation.shrunkEffectiveN(one, data: data, respondents: 12, answers: 228, prior: 0.5)
        XCTAssertEqual(n, 32.96552, accuracy: 1e-5)
        XCTAssertEqual(worse.effectiveN, 12)
        assertInterval(worse.interval, 0.751246, 0.999947, accuracy: 1e-6)
        XCTAssertLessThanOrEqual(worse.interval.low, best.interval.low)

        // sipas 0.1 (Kish): 99.58 % [97.6–99.9], n_eff capped at the 228 answers.
        let kish = IndexEstimator.estimate(one, shape: sipas, interval: .kishWilson).index!
        XCTAssertEqual(kish.effectiveN, 228)
        assertInterval(kish.interval, 0.975945, 0.999290, accuracy: 1e-6)
    }

    /// Above the floor the formula is used as written: checked against per-respondent arithmetic
    /// (u_i, z_i computed one respondent at a time) on random correlated data.
    func testShrunkDesignMatchesPerRespondentArithmetic() {
        var rng = SplitMix64(seed: 909)
        let shape = CatalogShape(elements: [[0, 1], [2, 3, 4]], criterionCount: 5)
        for trial in 0..<10 {
            var rows: [[UInt8]] = []
            for _ in 0..<(200 + 50 * trial) {
                let unhappy = rng.below(100) < 15
                rows.append((0..<5).map { _ in
                    rng.below(100) < 5 ? 0 : (unhappy ? (rng.below(10) < 4 ? 2 : 5) : (rng.below(100) < 2 ? 1 : 4))
                })
            }
            let t = makeTally(rows, criterionCount: 5)
            let weights = CriteriaMean.weights(answered: (0..<5).map { t.answered($0) > 0 }, shape: shape)
            let n = (0..<5).map { Double(t.answered($0)) }
            let r = (0..<5).map { t.rate($0)! }
            let p = zip(weights, r).map { $0 * $1 }.reduce(0, +)
            var sumZ2 = 0.0, sumU = 0.0, sumU2 = 0.0
            for row in rows {
                var z = 0.0, u = 0.0
                for c in 0..<5 where row[c] != 0 {
                    let y = row[c] >= 4 ? 1.0 : 0
                    z += weights[c] * (y - r[c]) / n[c]
                    u += weights[c] * (1 - y) / n[c]
                }
                sumZ2 += z * z
                sumU += u
                sumU2 += u * u
            }
            let m = Double(t.answeredAny)
            let a = 1 / (0..<5).map { weights[$0] * weights[$0] / n[$0] }.reduce(0, +)
            let w = sumU * sumU / sumU2
            let d = (w * sumZ2 * a / (p * (1 - p)) + 0.5 * a / m) / (w + 0.5)
            let tq = StudentT.quantile(upperTail: 0.025, degreesOfFreedom: w + 0.5)
            let expected = min(max(a / d * pow(Wilson.z95 / tq, 2), m), n.reduce(0, +))
            let estimate = IndexEstimator.estimate(t, shape: shape).index!
            XCTAssertEqual(estimate.effectiveN, expected, accuracy: 1e-9 * expected, "trial \(trial)")
            XCTAssertGreaterThan(estimate.effectiveN, m, "trial \(trial): the formula, not the floor")
            let wilson = Wilson.interval(proportion: p, trials: expected)!
            assertInterval(estimate.interval, wilson.low, wilson.high, accuracy: 1e-12)
        }
    }

    /// Every method keeps intervals inside [0, 1] around the estimate, and a single criterion keeps
    /// its exact Wilson interval.
    func testEveryMethodIsWellFormed() {
        var rng = SplitMix64(seed: 77)
        for trial in 0..<30 {
            let rows = randomRespondents(count: [3, 12, 40, 150][trial % 4], criteria: 19, using: &rng)
            let t = makeTally(rows, criterionCount: 19)
            for method in IntervalMethod.allCases {
                let result = IndexEstimator.estimate(t, shape: sipas, interval: method)
                for estimate in [result.index] + result.elements {
                    guard let i = estimate?.interval else { continue }
                    XCTAssertTrue(0 <= i.low && i.low <= i.value && i.value <= i.high && i.high <= 1, "\(method): \(i)")
                }
                for c in 0..<19 {
                    var weights = [Double](repeating: 0, count: 19)
                    weights[c] = 1
                    guard t.answered(c) > 0 else { continue }
                    let single = Linearisation.weightedMeanOfRates(t, weights: weights, respondents: t.answered(c),
                                                                   interval: method)!
                    let wilson = Wilson.interval(successes: t.satisfied(c), trials: t.answered(c))!
                    XCTAssertEqual(single.effectiveN, Double(t.answered(c)), accuracy: 1e-9, "\(method) criterion \(c)")
                    assertInterval(single.interval, wilson.low, wilson.high, accuracy: 1e-12)
                }
            }
        }
    }

    /// Everyone satisfied: exactly 1 for the index and every element (not 0.9999999999999999), by
    /// both mean methods, with the SIPAS catalogue whose criterion weights do not sum to exactly 1.
    func testEveryoneSatisfiedGivesExactlyOne() {
        let weights = CriteriaMean.weights(answered: Array(repeating: true, count: 19), shape: sipas)
        XCTAssertNotEqual(weights.reduce(0, +), 1, "the weights' rounding is what this test is about")
        var rows = repeated([UInt8](repeating: 5, count: 19), 30)
        rows += repeated([4, 4, 4, 4, 5, 5, 5, 5, 4, 4, 4, 4, 4, 5, 5, 5, 0, 0, 0], 7)
        let t = makeTally(rows, criterionCount: 19)
        for method in [IndexMethod.criteriaMean, .pooled, .allSatisfied] {
            let result = IndexEstimator.estimate(t, shape: sipas, method: method)
            XCTAssertEqual(result.index!.value, 1, "\(method)")
            XCTAssertEqual(result.index!.interval.high, 1, "\(method)")
            for e in result.elements { XCTAssertEqual(e!.value, 1, "\(method)") }
        }
    }
}
