import XCTest
import SIPASStatistics

final class WeakestTests: XCTestCase {
    /// The doc comment's example.
    func testLowestFirstTiesInCatalogueOrder() {
        XCTAssertEqual(Weakest.order([0.9, nil, 0.8, 0.9, 0.95]), [2, 0, 3, 4])
        XCTAssertEqual(Weakest.order([Double?]()), [])
    }

    func testEstimates() {
        let result = IndexEstimator.estimate(WorkedExample.tally, shape: WorkedExample.shape)
        // criteria rates 3/4, 2/3, 2/3 → c1 and c2 tie, c1 first
        XCTAssertEqual(Weakest.order(result.criteria), [1, 2, 0])
        // elements 17/24, 2/3 → B first
        XCTAssertEqual(Weakest.order(result.elements), [1, 0])
    }
}
