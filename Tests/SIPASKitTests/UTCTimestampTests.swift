import Foundation
import XCTest
@testable import SIPASKit

/// The import's timestamps agree with Foundation's ISO 8601 formatter (which sipas no longer loads).
final class UTCTimestampTests: XCTestCase {
    func testAgreesWithISO8601DateFormatter() {
        let formatter = ISO8601DateFormatter()
        var rng = SystemRandomNumberGenerator()
        let fixed: [TimeInterval] = [0, 951_782_400, 1_709_164_800.75, 1_735_689_599, 4_102_444_800 - 1]
        for seconds in fixed + (0..<2_000).map({ _ in TimeInterval(Int.random(in: 0...4_102_444_800, using: &rng)) }) {
            let date = Date(timeIntervalSince1970: seconds)
            XCTAssertEqual(UTCTimestamp.string(from: date), formatter.string(from: date), "\(seconds)")
        }
        XCTAssertEqual(UTCTimestamp.string(from: Date(timeIntervalSince1970: 1_709_164_800)), "2024-02-29T00:00:00Z")
    }
}
