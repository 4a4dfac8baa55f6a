import SIPASTestSupport
import XCTest
import SIPASStatistics

final class TallyTests: XCTestCase {
    func testRecordCountsTheWorkedExample() {
        // R1: 5 5 5   R2: 4 4 –   R3: 2 3 1   R4: 4 – 5   R5: – – –
        let t = WorkedExample.tally
        XCTAssertEqual(t.responses, 5)
        XCTAssertEqual(t.answeredAny, 4)                 // R5 answered nothing
        XCTAssertEqual(t.allSatisfied, 3)                // R1, R2, R4
        XCTAssertEqual((0..<3).map(t.answered), [4, 3, 3])
        XCTAssertEqual((0..<3).map(t.satisfied), [3, 2, 2])
        XCTAssertEqual((0..<3).map(t.noAnswer), [1, 2, 2])
        XCTAssertEqual((0..<3).map(t.dissatisfied), [1, 0, 1]) // R3's 2 on c0 and 1 on c2; a 3 is neither
        XCTAssertEqual(t.ratings[0], [1, 0, 1, 0, 2, 1])
        // bothAnswered: c0&c1 R1 R2 R3; c0&c2 R1 R3 R4; c1&c2 R1 R3
        XCTAssertEqual(t.bothAnswered, [4, 3, 3,
                                        3, 3, 2,
                                        3, 2, 3])
        // satisfied on row c, answered column d: c0 satisfied R1 R2 R4; c1 R1 R2; c2 R1 R4
        XCTAssertEqual(t.satisfiedAnswered, [3, 2, 2,
                                             2, 2, 1,
                                             2, 1, 2])
        XCTAssertEqual(t.bothSatisfied, [3, 2, 2,
                                         2, 2, 1,
                                         2, 1, 2])
        XCTAssertEqual(t.rate(0)!, 0.75)
        XCTAssertNil(Tally(criterionCount: 3).rate(0))
        XCTAssertTrue(t.isConsistent)
    }

    func testAddAndSubtractAreExact() {
        var rng = SplitMix64(seed: 11)
        let rows = randomRespondents(count: 120, criteria: 5, using: &rng)
        let all = makeTally(rows, criterionCount: 5)
        let first = makeTally(Array(rows[..<50]), criterionCount: 5)
        let second = makeTally(Array(rows[50...]), criterionCount: 5)
        XCTAssertEqual(first + second, all)
        XCTAssertEqual(all - first, second)
        var running = Tally(criterionCount: 5)
        running.add(second)
        running.add(first)
        XCTAssertEqual(running, all)
        running.subtract(second)
        XCTAssertEqual(running, first)
        XCTAssertTrue(all.isConsistent)
    }

    func testInconsistentCountsAreDetected() {
        var t = WorkedExample.tally
        t.bothAnswered[1] += 1                  // no longer symmetric
        XCTAssertFalse(t.isConsistent)
        t = WorkedExample.tally
        t.ratings[2][5] += 1                    // ratings no longer sum to responses
        XCTAssertFalse(t.isConsistent)
        t = WorkedExample.tally
        t.allSatisfied = 5                      // more than answeredAny
        XCTAssertFalse(t.isConsistent)
        XCTAssertTrue(Tally(criterionCount: 4).isConsistent)
    }
}
