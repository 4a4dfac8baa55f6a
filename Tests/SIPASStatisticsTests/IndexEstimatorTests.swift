import SIPASTestSupport
import XCTest
import SIPASStatistics

final class IndexEstimatorTests: XCTestCase {
    /// The worked example through the estimator, all three methods.
    func testWorkedExampleAllMethods() {
        let t = WorkedExample.tally, shape = WorkedExample.shape

        let mean = IndexEstimator.estimate(t, shape: shape, interval: .kishWilson)
        XCTAssertEqual(mean.method, .criteriaMean)
        XCTAssertEqual(mean.index!.value, 0.6875, accuracy: 1e-15)
        assertInterval(mean.index!.interval, 0.237926, 0.939403, accuracy: 1e-6)
        XCTAssertEqual(mean.elements[0]!.value, 17.0 / 24, accuracy: 1e-15)
        XCTAssertEqual(mean.elements[1]!.value, 2.0 / 3, accuracy: 1e-15)
        // Element B has one criterion: its interval is that criterion's Wilson interval.
        XCTAssertEqual(mean.elements[1]!.interval.low, mean.criteria[2]!.interval.low, accuracy: 1e-12)
        XCTAssertEqual(mean.elements[1]!.interval.high, mean.criteria[2]!.interval.high, accuracy: 1e-12)
        XCTAssertEqual(mean.criteria.map { $0!.answers }, [4, 3, 3])
        XCTAssertEqual(mean.criteria[0]!.interval, Wilson.interval(successes: 3, trials: 4))
        XCTAssertEqual(mean.elementsWithoutAnswers, [])

        let pooled = IndexEstimator.estimate(t, shape: shape, method: .pooled, interval: .kishWilson)
        XCTAssertEqual(pooled.index!.value, 0.7, accuracy: 1e-15)
        assertInterval(pooled.index!.interval, 0.249146, 0.942555, accuracy: 1e-6)
        XCTAssertEqual(pooled.elements[0]!.value, 5.0 / 7, accuracy: 1e-15)   // (3 + 2)/(4 + 3)

        // All satisfied: R1, R2, R4 of 4 respondents → Wilson(3, 4) = 0.300642 … 0.954413.
        let strict = IndexEstimator.estimate(t, shape: shape, method: .allSatisfied, interval: .kishWilson)
        XCTAssertEqual(strict.index!.value, 0.75)
        assertInterval(strict.index!.interval, 0.300642, 0.954413, accuracy: 1e-6)
        XCTAssertEqual(strict.elements, mean.elements)
    }

    func testMethodRawValues() {
        XCTAssertEqual(IndexMethod.allCases.map(\.rawValue), ["criteria-mean", "pooled", "all-satisfied"])
        XCTAssertEqual(IndexMethod(rawValue: "pooled"), .pooled)
    }

    func testElementsWithoutAnswersAndEmptyTally() {
        let shape = CatalogShape(elements: [[0, 1], [2], [3]], criterionCount: 4)
        let t = makeTally([[5, 0, 0, 2], [4, 0, 0, 0], [0, 0, 0, 0]], criterionCount: 4)
        let result = IndexEstimator.estimate(t, shape: shape)
        XCTAssertEqual(result.elementsWithoutAnswers, [1])
        XCTAssertNil(result.elements[1])
        XCTAssertNil(result.criteria[1])
        XCTAssertNil(result.criteria[2])
        // element 0 = 1.0 (c0 only), element 2 = 0.0, index = 0.5
        XCTAssertEqual(result.index!.value, 0.5)

        for method in IndexMethod.allCases {
            let empty = IndexEstimator.estimate(Tally(criterionCount: 4), shape: shape, method: method)
            XCTAssertNil(empty.index)
            XCTAssertEqual(empty.elements, [nil, nil, nil])
            XCTAssertEqual(empty.elementsWithoutAnswers, [0, 1, 2])
        }
    }

    /// The result depends on the counts only: any order of the responses, any split into parts
    /// added back together, gives the same numbers.
    func testOrderIndependence() {
        var rng = SplitMix64(seed: 99)
        let shape = CatalogShape(elements: [[0, 1, 2], [3, 4], [5, 6, 7]], criterionCount: 8)
        let rows = randomRespondents(count: 150, criteria: 8, using: &rng)
        let reference = makeTally(rows, criterionCount: 8)
        for _ in 0..<5 {
            let shuffled = rows.shuffled(using: &rng)
            let cut = Int.random(in: 0...shuffled.count, using: &rng)
            let parts = makeTally(Array(shuffled[..<cut]), criterionCount: 8)
                + makeTally(Array(shuffled[cut...]), criterionCount: 8)
            XCTAssertEqual(parts, reference)
            for method in IndexMethod.allCases {
                XCTAssertEqual(IndexEstimator.estimate(parts, shape: shape, method: method),
                               IndexEstimator.estimate(reference, shape: shape, method: method))
            }
        }
    }

    /// Every estimate and bound lies in [0, 1], low <= value <= high, for random data including
    /// tiny samples and sets where (nearly) everyone is satisfied or nobody is.
    func testEveryBoundInUnitInterval() {
        var rng = SplitMix64(seed: 5)
        let shape = CatalogShape(elements: [[0, 1], [2, 3, 4], [5]], criterionCount: 6)
        let shares: [ClosedRange<Double>] = [0...1, 0.95...1, 1...1, 0...0, 0...0.05, 0.5...0.99]
        for trial in 0..<300 {
            let count = Int.random(in: 1...60, using: &rng)
            let rows = randomRespondents(count: count, criteria: 6, using: &rng,
                                         satisfiedShare: shares[trial % shares.count])
            let t = makeTally(rows, criterionCount: 6)
            for method in IndexMethod.allCases {
                let result = IndexEstimator.estimate(t, shape: shape, method: method)
                for estimate in [result.index] + result.elements + result.criteria {
                    guard let estimate else { continue }
                    let i = estimate.interval
                    XCTAssertTrue(0 <= i.low && i.low <= i.value && i.value <= i.high && i.high <= 1,
                                  "trial \(trial) \(method): \(i)")
                    XCTAssertTrue(estimate.effectiveN >= 1 && estimate.effectiveN <= Double(estimate.answers))
                    XCTAssertTrue(estimate.standardError.isFinite && estimate.standardError >= 0)
                }
            }
        }
    }

    /// Correlated answers widen the index interval: 50 respondents who each rate all 4 criteria
    /// alike carry the information of about 50 answers, not 200.
    func testPerfectlyCorrelatedAnswersCountAsRespondents() {
        let shape = CatalogShape(elements: [[0, 1], [2, 3]], criterionCount: 4)
        let t = makeTally(repeated([5, 5, 5, 5], 45) + repeated([2, 2, 2, 2], 5), criterionCount: 4)
        let index = IndexEstimator.estimate(t, shape: shape).index!
        XCTAssertEqual(index.value, 0.9, accuracy: 1e-15)
        // z_i = ±(y_i − 0.9)/50 for every criterion, so Σ z² = 50 · 0.09/2500 = 0.0018, n_eff = 0.09/0.0018 = 50.
        XCTAssertEqual(index.effectiveN, 50, accuracy: 1e-9)
        assertInterval(index.interval, Wilson.interval(successes: 45, trials: 50)!.low,
                       Wilson.interval(successes: 45, trials: 50)!.high, accuracy: 1e-9)
    }
}
