import XCTest
import SIPASStatistics

final class NewcombeTests: XCTestCase {
    /// Newcombe (1998), "Interval estimation for the difference between independent proportions",
    /// Stat Med 17:873, Table II, examples (a)–(h), method 10. The figures are as reproduced in
    /// several public test suites (e.g. m-Py/propint tests/testthat/test_Two_Independent_Props_CI.R
    /// for (a) and (b)); all eight were recomputed independently from the formula with python3,
    /// e.g. (a) 0.052431 … 0.333873, (c) 0.058228 … 0.806250, (d) −0.038137 … 0.192560,
    /// (g) 0.679086 … 1, (h) 0.607509 … 1. Every recalled figure agreed.
    func testNewcombeTableII() {
        let cases: [(Int, Int, Int, Int, Double, Double)] = [
            (56, 70, 48, 80, 0.0524, 0.3339),   // (a)
            (9, 10, 3, 10, 0.1705, 0.8090),     // (b)
            (6, 7, 2, 7, 0.0582, 0.8062),       // (c)
            (5, 56, 0, 29, -0.0381, 0.1926),    // (d)
            (0, 10, 0, 20, -0.1611, 0.2775),    // (e)
            (0, 10, 0, 10, -0.2775, 0.2775),    // (f)
            (10, 10, 0, 20, 0.6791, 1.0000),    // (g)
            (10, 10, 0, 10, 0.6075, 1.0000),    // (h)
        ]
        for (s1, n1, s2, n2, low, high) in cases {
            let interval = Newcombe.difference(s1: s1, n1: n1, s2: s2, n2: n2)
            assertInterval(interval, low, high)
            XCTAssertEqual(interval!.value, Double(s1) / Double(n1) - Double(s2) / Double(n2), accuracy: 1e-15)
        }
    }

    /// The doc comment's worked example (b), step by step.
    func testWorkedExample() {
        // Wilson 9/10 = 0.595850 … 0.982124, Wilson 3/10 = 0.107791 … 0.603222
        assertInterval(Wilson.interval(successes: 9, trials: 10), 0.595850, 0.982124, accuracy: 1e-6)
        assertInterval(Wilson.interval(successes: 3, trials: 10), 0.107791, 0.603222, accuracy: 1e-6)
        // L = 0.6 − sqrt(0.092507 + 0.091943) = 0.6 − 0.429477 = 0.170523
        // U = 0.6 + sqrt(0.006744 + 0.036944) = 0.6 + 0.209018 = 0.809018
        assertInterval(Newcombe.difference(s1: 9, n1: 10, s2: 3, n2: 10), 0.170523, 0.809018, accuracy: 1e-6)
    }

    func testEmptySampleGivesNil() {
        XCTAssertNil(Newcombe.difference(s1: 1, n1: 10, s2: 0, n2: 0))
        XCTAssertNil(Newcombe.difference(s1: 0, n1: 0, s2: 1, n2: 10))
    }

    func testSwappingSamplesMirrorsTheInterval() {
        let forward = Newcombe.difference(s1: 56, n1: 70, s2: 48, n2: 80)!
        let backward = Newcombe.difference(s1: 48, n1: 80, s2: 56, n2: 70)!
        XCTAssertEqual(forward.low, -backward.high, accuracy: 1e-15)
        XCTAssertEqual(forward.high, -backward.low, accuracy: 1e-15)
    }
}
