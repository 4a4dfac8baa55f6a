import XCTest
import SIPASStatistics

final class IntervalTests: XCTestCase {
    func testWidthAndContains() {
        let interval = Interval(value: 0.9, low: 0.85, high: 0.94)
        XCTAssertEqual(interval.width, 0.09, accuracy: 1e-12)
        XCTAssertTrue(interval.contains(0.85))
        XCTAssertTrue(interval.contains(0.94))
        XCTAssertFalse(interval.contains(0.96))
    }

    func testCodableRoundTrip() throws {
        let interval = Interval(value: 0.9, low: 0.85, high: 0.94)
        let data = try JSONEncoder().encode(interval)
        XCTAssertEqual(try JSONDecoder().decode(Interval.self, from: data), interval)
    }
}
