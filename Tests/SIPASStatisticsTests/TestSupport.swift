import SIPASTestSupport
import XCTest
@testable import SIPASStatistics

/// A tally of the given respondents (one rating 0...5 per criterion each).
func makeTally(_ rows: [[UInt8]], criterionCount: Int) -> Tally {
    var tally = Tally(criterionCount: criterionCount)
    for row in rows { tally.record(ratings: row) }
    return tally
}

/// `count` identical respondents.
func repeated(_ row: [UInt8], _ count: Int) -> [[UInt8]] {
    Array(repeating: row, count: count)
}

/// Random respondents with a per-respondent mood (so answers correlate across criteria) and
/// criterion-specific no-answer rates.
func randomRespondents(count: Int, criteria: Int, using rng: inout SplitMix64,
                       satisfiedShare: ClosedRange<Double> = 0.5...0.99) -> [[UInt8]] {
    let skip = (0..<criteria).map { _ in Double.random(in: 0...0.4, using: &rng) }
    return (0..<count).map { _ in
        let mood = Double.random(in: satisfiedShare, using: &rng)
        return (0..<criteria).map { c -> UInt8 in
            if Double.random(in: 0..<1, using: &rng) < skip[c] { return 0 }
            return Double.random(in: 0..<1, using: &rng) < mood
                ? UInt8.random(in: 4...5, using: &rng) : UInt8.random(in: 1...3, using: &rng)
        }
    }
}

func assertInterval(_ interval: Interval?, _ low: Double, _ high: Double, accuracy: Double = 5e-5,
                    file: StaticString = #filePath, line: UInt = #line) {
    guard let interval else { return XCTFail("no interval", file: file, line: line) }
    XCTAssertEqual(interval.low, low, accuracy: accuracy, "low", file: file, line: line)
    XCTAssertEqual(interval.high, high, accuracy: accuracy, "high", file: file, line: line)
}

/// The worked example of `Linearisation`: criteria c0, c1 in element A, c2 in element B.
enum WorkedExample {
    static let shape = CatalogShape(elements: [[0, 1], [2]], criterionCount: 3)
    static let rows: [[UInt8]] = [[5, 5, 5], [4, 4, 0], [2, 3, 1], [4, 0, 5], [0, 0, 0]]
    static var tally: Tally { makeTally(rows, criterionCount: 3) }
}
