import XCTest
import SIPASStatistics

final class WilsonTests: XCTestCase {
    /// Newcombe (1998), "Two-sided confidence intervals for the single proportion", Stat Med 17:857,
    /// Table I, method 3 (Wilson score, no continuity correction). Independently recomputed from the
    /// closed form with python3 (81/263: 0.255289–0.366210; 15/148: 0.062386–0.160487;
    /// 0/20: 0–0.161125; 1/29: 0.006113–0.171755).
    func testNewcombeTableI() {
        assertInterval(Wilson.interval(successes: 81, trials: 263), 0.2553, 0.3662)
        assertInterval(Wilson.interval(successes: 15, trials: 148), 0.0624, 0.1605)
        assertInterval(Wilson.interval(successes: 0, trials: 20), 0.0000, 0.1611)
        assertInterval(Wilson.interval(successes: 1, trials: 29), 0.0061, 0.1718)
        XCTAssertEqual(Wilson.interval(successes: 0, trials: 20)?.low, 0)
    }

    /// The doc comment's worked example: 18/20 → 0.698966 … 0.972134.
    func testWorkedExample() {
        // z² = 3.841459; 1 + z²/n = 1.192073
        // centre = (0.9 + 0.096036) / 1.192073 = 0.835550
        // half   = 1.959964 / 1.192073 · sqrt(0.0045 + 0.002400912) = 0.136584
        let interval = Wilson.interval(successes: 18, trials: 20)!
        XCTAssertEqual(interval.value, 0.9)
        XCTAssertEqual(interval.low, 0.835550 - 0.136584, accuracy: 2e-6)
        XCTAssertEqual(interval.high, 0.835550 + 0.136584, accuracy: 2e-6)
    }

    /// Method note §5 anchors.
    func testMethodNoteAnchors() {
        // 20/20: low = 20 / (20 + 3.841459) = 0.838875, "about 84 %".
        let twenty = Wilson.interval(successes: 20, trials: 20)!
        XCTAssertEqual(twenty.low, 20 / (20 + Wilson.z95 * Wilson.z95), accuracy: 1e-12)
        XCTAssertEqual(twenty.low, 0.838875, accuracy: 1e-6)
        XCTAssertEqual(twenty.high, 1)
        // 96 % shown with confidence takes 93 answers, all satisfied: 93/96.841459 = 0.960332,
        // while 92/95.841459 = 0.959919 still falls short.
        XCTAssertGreaterThan(Wilson.interval(successes: 93, trials: 93)!.low, 0.96)
        XCTAssertEqual(Wilson.interval(successes: 93, trials: 93)!.low, 0.960332, accuracy: 1e-6)
        XCTAssertLessThan(Wilson.interval(successes: 92, trials: 92)!.low, 0.96)
        // An observed 90 % is clearly below 96 % from about 50 answers (0.956524), not at 20 (0.972134).
        XCTAssertLessThan(Wilson.interval(successes: 45, trials: 50)!.high, 0.96)
        XCTAssertGreaterThan(Wilson.interval(successes: 18, trials: 20)!.high, 0.96)
    }

    func testNoTrialsGivesNil() {
        XCTAssertNil(Wilson.interval(successes: 0, trials: 0))
        XCTAssertNil(Wilson.interval(proportion: 0.5, trials: 0))
        XCTAssertNil(Wilson.interval(proportion: 0.5, trials: .infinity))
        XCTAssertNil(Wilson.interval(proportion: .nan, trials: 10))
    }

    func testRealValuedOverloadAgreesWithCounts() {
        for (s, n) in [(0, 7), (3, 7), (7, 7), (81, 263)] {
            let counts = Wilson.interval(successes: s, trials: n)!
            let real = Wilson.interval(proportion: Double(s) / Double(n), trials: Double(n))!
            XCTAssertEqual(counts, real)
        }
        // A fractional sample size lies between its neighbours.
        let low = Wilson.interval(proportion: 0.8, trials: 10)!, mid = Wilson.interval(proportion: 0.8, trials: 10.5)!,
            high = Wilson.interval(proportion: 0.8, trials: 11)!
        XCTAssertTrue(low.width > mid.width && mid.width > high.width)
    }

    func testBoundsStayInUnitIntervalAndAroundEstimate() {
        for n in 1...60 {
            for s in 0...n {
                let interval = Wilson.interval(successes: s, trials: n)!
                XCTAssertTrue(0 <= interval.low && interval.low <= interval.value, "\(s)/\(n)")
                XCTAssertTrue(interval.value <= interval.high && interval.high <= 1, "\(s)/\(n)")
            }
        }
    }

    func testOtherConfidenceLevel() {
        // z = 1 (68 %): 5/10 → centre 0.5, half = 1/1.1 · sqrt(0.025 + 0.0025) = 0.150756
        assertInterval(Wilson.interval(successes: 5, trials: 10, z: 1), 0.5 - 0.150756, 0.5 + 0.150756, accuracy: 1e-6)
    }
}
