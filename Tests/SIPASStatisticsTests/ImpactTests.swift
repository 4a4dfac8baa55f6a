import SIPASTestSupport
import XCTest
import SIPASStatistics

final class ImpactTests: XCTestCase {
    let shape = CatalogShape(elements: [[0], [1]], criterionCount: 2)

    /// The doc comment's worked example: a busy procedure at 90 % outranks a rare one at 80 %.
    func testBusyProcedureAtNinetyOutranksRareOneAtEighty() {
        // busy: 600 responses, c0 540 satisfied (90 %), c1 585 (97.5 %)
        let busy = makeTally(repeated([5, 5], 540) + repeated([2, 5], 45) + repeated([2, 3], 15), criterionCount: 2)
        // rare: 40 responses, 32 satisfied on both (80 %)
        let rare = makeTally(repeated([4, 4], 32) + repeated([3, 3], 8), criterionCount: 2)
        // the rest: 1,360 responses, 1,292 satisfied on both (95 %)
        let rest = makeTally(repeated([5, 4], 1292) + repeated([1, 2], 68), criterionCount: 2)
        let total = busy + rare + rest
        XCTAssertEqual(busy.satisfied(0), 540)
        XCTAssertEqual(busy.satisfied(1), 585)
        XCTAssertEqual(total.responses, 2000)
        // department: c0 1864/2000 = 0.932, c1 1909/2000 = 0.9545, index 0.94325
        XCTAssertEqual(IndexEstimator.estimate(total, shape: shape).index!.value, 0.94325, accuracy: 1e-12)

        // busy: c0 540 → 576 (+36), c1 untouched: 1/2 · 36/2000 = 0.009
        let busyGain = impactIfReachedTarget(total: total, group: busy, shape: shape, target: 0.96)
        XCTAssertEqual(busyGain, 0.009, accuracy: 1e-12)
        // rare: 32 → 38.4 (+6.4) on both: 2 · 1/2 · 6.4/2000 = 0.0032
        let rareGain = impactIfReachedTarget(total: total, group: rare, shape: shape, target: 0.96)
        XCTAssertEqual(rareGain, 0.0032, accuracy: 1e-12)
        XCTAssertGreaterThan(busyGain, rareGain)
    }

    /// The gain equals recomputing the criteria-mean index with the group's rates raised.
    func testGainEqualsRecomputedIndex() {
        var rng = SplitMix64(seed: 17)
        let shape = CatalogShape(elements: [[0, 1, 2], [3, 4], [5]], criterionCount: 6)
        let group = makeTally(randomRespondents(count: 70, criteria: 6, using: &rng), criterionCount: 6)
        let others = makeTally(randomRespondents(count: 400, criteria: 6, using: &rng), criterionCount: 6)
        let total = group + others
        let rates = (0..<6).map { total.rate($0) }
        let raised: [Double?] = (0..<6).map { c in
            let n = Double(total.answered(c)), m = Double(group.answered(c)), g = Double(group.satisfied(c))
            return (Double(others.satisfied(c)) + max(g, 0.96 * m)) / n
        }
        let expected = CriteriaMean.index(rates: raised, shape: shape)! - CriteriaMean.index(rates: rates, shape: shape)!
        XCTAssertEqual(impactIfReachedTarget(total: total, group: group, shape: shape, target: 0.96),
                       expected, accuracy: 1e-12)
    }

    func testGroupAtOrAboveTargetGainsNothing() {
        let group = makeTally(repeated([5, 5], 25) + repeated([5, 2], 1), criterionCount: 2)  // 100 %, 96.15 %
        let total = group + makeTally(repeated([2, 2], 50), criterionCount: 2)
        XCTAssertEqual(impactIfReachedTarget(total: total, group: group, shape: shape, target: 0.96), 0)
        XCTAssertEqual(impactIfReachedTarget(total: Tally(criterionCount: 2), group: Tally(criterionCount: 2),
                                             shape: shape, target: 0.96), 0)
    }
}
