import XCTest
import SIPASStatistics

final class CriteriaMeanTests: XCTestCase {
    /// The doc comment's worked example.
    func testWorkedExample() {
        let shape = WorkedExample.shape
        let rates: [Double?] = [3.0 / 4, 2.0 / 3, 2.0 / 3]
        let elements = CriteriaMean.elementIndices(rates: rates, shape: shape)
        XCTAssertEqual(elements[0]!, 17.0 / 24, accuracy: 1e-15)   // (3/4 + 2/3) / 2
        XCTAssertEqual(elements[1]!, 2.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(CriteriaMean.index(rates: rates, shape: shape)!, 0.6875, accuracy: 1e-15) // 33/48
        let weights = CriteriaMean.weights(answered: [true, true, true], shape: shape)
        XCTAssertEqual(weights, [0.25, 0.25, 0.5])
        // 3/16 + 1/6 + 1/3 = 11/16
        XCTAssertEqual(zip(weights, rates).map { $0 * $1! }.reduce(0, +), 11.0 / 16, accuracy: 1e-15)
    }

    func testCriteriaAndElementsWithoutAnswersAreLeftOut() {
        let shape = CatalogShape(elements: [[0, 1], [2], [3, 4]], criterionCount: 5)
        let rates: [Double?] = [0.9, nil, nil, 0.8, 1.0]
        // element 0: only c0 answered → 0.9; element 1: none; element 2: (0.8 + 1.0)/2 = 0.9
        XCTAssertEqual(CriteriaMean.elementIndices(rates: rates, shape: shape), [0.9, nil, 0.9])
        XCTAssertEqual(CriteriaMean.index(rates: rates, shape: shape)!, 0.9, accuracy: 1e-15)
        // weights: two elements with answers, 1/2 to c0, 1/4 each to c3 and c4
        XCTAssertEqual(CriteriaMean.weights(answered: rates.map { $0 != nil }, shape: shape),
                       [0.5, 0, 0, 0.25, 0.25])
        XCTAssertNil(CriteriaMean.index(rates: [nil, nil, nil, nil, nil], shape: shape))
        XCTAssertEqual(CriteriaMean.weights(answered: [false, false, false, false, false], shape: shape),
                       [0, 0, 0, 0, 0])
    }
}
