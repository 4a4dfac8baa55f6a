import XCTest
import SIPASStatistics

final class ChangeTests: XCTestCase {
    func testRateChangeUsesNewcombe() {
        // Newcombe's example (a): 56/70 − 48/80 = 0.2, 0.0524 … 0.3339: a clear rise.
        let change = Change.betweenRates(successes: 56, trials: 70, previousSuccesses: 48, previousTrials: 80)!
        assertInterval(change.difference, 0.0524, 0.3339)
        XCTAssertTrue(change.isClear)
        XCTAssertEqual(change.direction, .up)
        XCTAssertFalse(change.isClearFall)
        XCTAssertNil(Change.betweenRates(successes: 1, trials: 2, previousSuccesses: 0, previousTrials: 0))
    }

    func testIndexChangeUsesMover() {
        // Mover's worked example: −0.05, −0.103852 … −0.005279.
        let change = Change.between(Interval(value: 0.90, low: 0.85, high: 0.94),
                                    Interval(value: 0.95, low: 0.93, high: 0.97))
        XCTAssertEqual(change.direction, .down)
        XCTAssertTrue(change.isClear)
        XCTAssertTrue(change.isClearFall)
        XCTAssertEqual(change.difference.high, -0.005279, accuracy: 1e-6)
    }

    func testOverlappingIntervalsCanStillDiffer() {
        // 182/200 = 91 % (Wilson 0.8622 … 0.9423) against 166/200 = 83 % (0.7718 … 0.8757): the
        // intervals overlap, yet Newcombe's interval for the difference, 0.0139 … 0.1465, excludes 0.
        let now = Wilson.interval(successes: 182, trials: 200)!, before = Wilson.interval(successes: 166, trials: 200)!
        XCTAssertTrue(now.low < before.high)
        let change = Change.betweenRates(successes: 182, trials: 200, previousSuccesses: 166, previousTrials: 200)!
        assertInterval(change.difference, 0.0139, 0.1465)
        XCTAssertTrue(change.isClear)
    }

    func testAgainstPublishedFigure() {
        // This year 0.9012 [0.8800, 0.9200] against a published 0.8266: +0.0746, [0.0534, 0.0934].
        let change = Change.against(Interval(value: 0.9012, low: 0.88, high: 0.92), published: 0.8266)
        XCTAssertEqual(change.difference.value, 0.0746, accuracy: 1e-12)
        XCTAssertEqual(change.difference.low, 0.0534, accuracy: 1e-12)
        XCTAssertEqual(change.difference.high, 0.0934, accuracy: 1e-12)
        XCTAssertTrue(change.isClear)
        XCTAssertEqual(change.direction, .up)
    }

    func testIntervalTouchingZeroIsNotClear() {
        let change = Change(difference: Interval(value: -0.02, low: -0.05, high: 0))
        XCTAssertFalse(change.isClear)
        XCTAssertFalse(change.isClearFall)
        XCTAssertEqual(Change(difference: Interval(value: 0, low: -0.1, high: 0.1)).direction, .unchanged)
    }
}
