import SIPASTestSupport
import XCTest
import SIPASStatistics

final class MoverTests: XCTestCase {
    /// The doc comment's worked example.
    func testWorkedExample() {
        let now = Interval(value: 0.90, low: 0.85, high: 0.94)
        let before = Interval(value: 0.95, low: 0.93, high: 0.97)
        let change = Mover.difference(now, before)
        XCTAssertEqual(change.value, -0.05, accuracy: 1e-12)
        // L = −0.05 − sqrt(0.05² + 0.02²) = −0.05 − 0.053852 = −0.103852
        XCTAssertEqual(change.low, -0.103852, accuracy: 1e-6)
        // U = −0.05 + sqrt(0.04² + 0.02²) = −0.05 + 0.044721 = −0.005279
        XCTAssertEqual(change.high, -0.005279, accuracy: 1e-6)
        // Against a published 0.95: 0.90 − 0.95 with [0.85 − 0.95, 0.94 − 0.95].
        let fixed = Mover.difference(now, fixed: 0.95)
        XCTAssertEqual(fixed.value, -0.05, accuracy: 1e-12)
        XCTAssertEqual(fixed.low, -0.10, accuracy: 1e-12)
        XCTAssertEqual(fixed.high, -0.01, accuracy: 1e-12)
    }

    func testWithWilsonIntervalsIsNewcombe() {
        for (s1, n1, s2, n2) in [(56, 70, 48, 80), (5, 56, 0, 29), (30, 31, 92, 100)] {
            let mover = Mover.difference(Wilson.interval(successes: s1, trials: n1)!,
                                         Wilson.interval(successes: s2, trials: n2)!)
            XCTAssertEqual(mover, Newcombe.difference(s1: s1, n1: n1, s2: s2, n2: n2))
        }
    }

    func testFixedIsMoverWithAZeroWidthInterval() {
        let a = Interval(value: 0.93, low: 0.90, high: 0.95)
        let viaMover = Mover.difference(a, Interval(value: 0.8266, low: 0.8266, high: 0.8266))
        let fixed = Mover.difference(a, fixed: 0.8266)
        XCTAssertEqual(viaMover.low, fixed.low, accuracy: 1e-15)
        XCTAssertEqual(viaMover.high, fixed.high, accuracy: 1e-15)
    }

    func testDifferenceOfSharesStaysWithinMinusOneToOne() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<500 {
            func share() -> Interval {
                let n = Int.random(in: 1...40, using: &rng)
                return Wilson.interval(successes: Int.random(in: 0...n, using: &rng), trials: n)!
            }
            let d = Mover.difference(share(), share())
            XCTAssertTrue(-1 <= d.low && d.low <= d.value && d.value <= d.high && d.high <= 1)
        }
    }
}
