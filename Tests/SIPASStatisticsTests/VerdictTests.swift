import XCTest
import SIPASStatistics

final class VerdictTests: XCTestCase {
    let target = 0.96

    func testOrderAndRawValues() {
        XCTAssertEqual(Verdict.allCases.sorted(), [.belowTarget, .possiblyBelowTarget, .fell, .tooFewAnswers])
        XCTAssertLessThan(Verdict.belowTarget, Verdict.tooFewAnswers)
        XCTAssertEqual(Verdict.allCases.map(\.rawValue),
                       ["below-target", "possibly-below-target", "fell", "too-few-answers"])
        XCTAssertEqual(Verdict.defaultMinimumAnswers, 30)
    }

    /// The doc comment's examples.
    func testDocExamples() {
        // 45/50: Wilson 0.786 … 0.957, wholly under 0.96.
        XCTAssertEqual(verdicts(index: Wilson.interval(successes: 45, trials: 50), change: nil,
                                responses: 50, target: target), [.belowTarget])
        // 18/20: under the minimum of 30, no verdict at all (its interval would reach 0.96 anyway).
        XCTAssertEqual(verdicts(index: Wilson.interval(successes: 18, trials: 20),
                                change: Interval(value: -0.1, low: -0.2, high: -0.05),
                                responses: 20, target: target), [.tooFewAnswers])
        // 36/38 = 0.947 (0.827 … 0.985) and a fall of −0.10 … −0.01.
        XCTAssertEqual(verdicts(index: Wilson.interval(successes: 36, trials: 38),
                                change: Interval(value: -0.05, low: -0.10, high: -0.01),
                                responses: 38, target: target), [.possiblyBelowTarget, .fell])
    }

    func testExactlyTheMinimumIsJudged() {
        // 29/30 = 0.967, Wilson 0.833 … 0.994: judged (n == minimum), estimate above target → no flag.
        XCTAssertEqual(verdicts(index: Wilson.interval(successes: 29, trials: 30), change: nil,
                                responses: 30, target: target, minimumAnswers: 30), [])
        // 27/30 = 0.9: judged, possibly below.
        XCTAssertEqual(verdicts(index: Wilson.interval(successes: 27, trials: 30), change: nil,
                                responses: 30, target: target, minimumAnswers: 30), [.possiblyBelowTarget])
        // One fewer: not judged.
        XCTAssertEqual(verdicts(index: Wilson.interval(successes: 26, trials: 29), change: nil,
                                responses: 29, target: target, minimumAnswers: 30), [.tooFewAnswers])
    }

    func testEstimateExactlyAtTargetIsNotBelow() {
        let atTarget = Interval(value: 0.96, low: 0.93, high: 0.98)
        XCTAssertEqual(verdicts(index: atTarget, change: nil, responses: 100, target: target), [])
        // An interval whose top is exactly the target reaches it: possibly, not certainly, below.
        let reaching = Interval(value: 0.95, low: 0.92, high: 0.96)
        XCTAssertEqual(verdicts(index: reaching, change: nil, responses: 100, target: target), [.possiblyBelowTarget])
    }

    func testFallWhoseIntervalCrossesZeroIsNotAFall() {
        let index = Interval(value: 0.97, low: 0.95, high: 0.99)
        let crossing = Interval(value: -0.02, low: -0.06, high: 0.01)
        XCTAssertEqual(verdicts(index: index, change: crossing, responses: 100, target: target), [])
        let touching = Interval(value: -0.02, low: -0.06, high: 0)
        XCTAssertEqual(verdicts(index: index, change: touching, responses: 100, target: target), [])
        let clear = Interval(value: -0.02, low: -0.04, high: -0.001)
        XCTAssertEqual(verdicts(index: index, change: clear, responses: 100, target: target), [.fell])
    }

    func testNoEstimateIsTooFewAnswers() {
        XCTAssertEqual(verdicts(index: nil, change: nil, responses: 40, target: target), [.tooFewAnswers])
    }
}
