import SIPASTestSupport
import XCTest
import SIPASStatistics

final class PathToTargetTests: XCTestCase {
    let shape = CatalogShape(elements: [[0], [1]], criterionCount: 2)

    /// The impact example's three groups (see `ImpactTests`).
    func groups() -> (busy: Tally, rare: Tally, rest: Tally) {
        (makeTally(repeated([5, 5], 540) + repeated([2, 5], 45) + repeated([2, 3], 15), criterionCount: 2),
         makeTally(repeated([4, 4], 32) + repeated([3, 3], 8), criterionCount: 2),
         makeTally(repeated([5, 4], 1292) + repeated([1, 2], 68), criterionCount: 2))
    }

    /// The doc comment's worked example: both procedures are not enough, then c0 and c1.
    func testProceduresAloneFallShortThenCriteria() throws {
        let (busy, rare, rest) = groups()
        let total = busy + rare + rest
        // Candidates given rare first: the path still takes busy (0.009) before rare (0.0032).
        let path = try XCTUnwrap(PathToTarget.compute(total: total, groups: [rare, busy], shape: shape, target: 0.96))
        XCTAssertEqual(path.start, 0.94325, accuracy: 1e-12)
        XCTAssertEqual(path.groups.map(\.position), [1, 0])
        XCTAssertEqual(path.groups[0].indexAfter, 0.95225, accuracy: 1e-12)
        XCTAssertEqual(path.groups[1].indexAfter, 0.95545, accuracy: 1e-12)
        // after both: c0 1906.4/2000 = 0.9532 → gain 0.0034; c1 1915.4/2000 = 0.9577 → gain 0.00115
        XCTAssertEqual(path.criteria.map(\.position), [0, 1])
        XCTAssertEqual(path.criteria[0].gain, 0.0034, accuracy: 1e-12)
        XCTAssertEqual(path.criteria[0].indexAfter, 0.95885, accuracy: 1e-12)
        XCTAssertEqual(path.criteria[1].gain, 0.00115, accuracy: 1e-12)
        XCTAssertEqual(path.end, 0.96, accuracy: 1e-12)
        XCTAssertTrue(path.reaches)
        XCTAssertFalse(path.groupsSuffice)
    }

    /// A lower target: the busy procedure alone gets there, and the list stops at one.
    func testStopsAtTheShortestList() throws {
        let (busy, rare, rest) = groups()
        let total = busy + rare + rest
        // target 0.95: 0.94325 + 0.009·(…) — recomputed for t = 0.95: busy c0 540 → 570 (+30): 1/2 · 30/2000 = 0.0075
        let path = try XCTUnwrap(PathToTarget.compute(total: total, groups: [busy, rare], shape: shape, target: 0.95))
        XCTAssertEqual(path.groups.map(\.position), [0])
        XCTAssertEqual(path.groups[0].gain, 0.0075, accuracy: 1e-12)
        XCTAssertEqual(path.end, 0.95075, accuracy: 1e-12)
        XCTAssertTrue(path.groupsSuffice)
        XCTAssertTrue(path.criteria.isEmpty)
    }

    /// Already at the target: an empty path. No answers at all: no path.
    func testAtTargetAndEmpty() throws {
        let good = makeTally(repeated([5, 5], 100), criterionCount: 2)
        let path = try XCTUnwrap(PathToTarget.compute(total: good, groups: [good], shape: shape, target: 0.96))
        XCTAssertTrue(path.groups.isEmpty && path.criteria.isEmpty && path.reaches)
        XCTAssertNil(PathToTarget.compute(total: Tally(criterionCount: 2), groups: [], shape: shape, target: 0.96))
    }

    /// Invariant: the index after each group equals the criteria-mean index recomputed with those
    /// groups' rates raised (gains add across disjoint groups).
    func testCumulativeIndexEqualsRecomputation() throws {
        var rng = SplitMix64(seed: 5)
        let shape = CatalogShape(elements: [[0, 1], [2, 3, 4]], criterionCount: 5)
        let parts = (0..<4).map { _ in
            makeTally(randomRespondents(count: 120, criteria: 5, using: &rng, satisfiedShare: 0.7...0.99), criterionCount: 5)
        }
        let total = parts.dropFirst().reduce(parts[0], +)
        let path = try XCTUnwrap(PathToTarget.compute(total: total, groups: parts, shape: shape, target: 0.999))
        var raised = Set<Int>()
        for step in path.groups {
            raised.insert(step.position)
            let rates: [Double?] = (0..<5).map { c in
                let satisfied = parts.indices.reduce(0.0) { sum, g in
                    let m = Double(parts[g].answered(c)), s = Double(parts[g].satisfied(c))
                    return sum + (raised.contains(g) ? max(s, 0.999 * m) : s)
                }
                return satisfied / Double(total.answered(c))
            }
            XCTAssertEqual(step.indexAfter, CriteriaMean.index(rates: rates, shape: shape)!, accuracy: 1e-12)
        }
        XCTAssertEqual(path.groups.map(\.gain), path.groups.map(\.gain).sorted(by: >))
        XCTAssertTrue(path.reaches, "all criteria at the target reach it")
    }
}

final class RankProjectionTests: XCTestCase {
    /// The doc comment's worked example.
    func testWorkedExample() {
        let others = [0.97, 0.955, 0.95, 0.95, 0.93]
        XCTAssertEqual(RankProjection.rank(of: 0.952, among: others), 3)
        XCTAssertEqual(RankProjection.rank(of: 0.958, among: others), 2)
        XCTAssertEqual(RankProjection.rank(of: 0.947, among: others), 5)
        XCTAssertEqual(RankProjection.indexNeeded(forRank: 3, among: others), 0.95)
        XCTAssertEqual(RankProjection.indexNeeded(forRank: 1, among: others), 0.97)
        XCTAssertTrue(RankProjection.onTrack(projected: 3, previous: 5))
        XCTAssertFalse(RankProjection.onTrack(projected: 4, previous: 5))
    }

    /// Ties share the better place: equal to a department takes its rank.
    func testTiesShareTheBetterPlace() {
        XCTAssertEqual(RankProjection.rank(of: 0.95, among: [0.95, 0.95, 0.94]), 1)
        XCTAssertEqual(RankProjection.rank(of: 0.9499, among: [0.95, 0.95, 0.94]), 3)
        XCTAssertEqual(RankProjection.rank(of: 0.5, among: []), 1)
    }

    func testTargetRankNeverAboveFirst() {
        XCTAssertEqual(RankProjection.targetRank(previous: 2, places: 4), 1)
        XCTAssertNil(RankProjection.indexNeeded(forRank: 0, among: [0.9]))
        XCTAssertNil(RankProjection.indexNeeded(forRank: 3, among: [0.9]))
        XCTAssertTrue(RankProjection.onTrack(projected: 1, previous: 1))
    }
}

final class CriterionGainTests: XCTestCase {
    /// The impact example, criterion by criterion: busy (0.009, 0), rare (0.0016, 0.0016).
    func testGainsPerCriterionSumToTheImpact() {
        let shape = CatalogShape(elements: [[0], [1]], criterionCount: 2)
        let busy = makeTally(repeated([5, 5], 540) + repeated([2, 5], 45) + repeated([2, 3], 15), criterionCount: 2)
        let rare = makeTally(repeated([4, 4], 32) + repeated([3, 3], 8), criterionCount: 2)
        let rest = makeTally(repeated([5, 4], 1292) + repeated([1, 2], 68), criterionCount: 2)
        let total = busy + rare + rest
        let b = criterionGainsIfReachedTarget(total: total, group: busy, shape: shape, target: 0.96)
        let r = criterionGainsIfReachedTarget(total: total, group: rare, shape: shape, target: 0.96)
        XCTAssertEqual(b[0], 0.009, accuracy: 1e-12)
        XCTAssertEqual(b[1], 0)
        XCTAssertEqual(r[0], 0.0016, accuracy: 1e-12)
        XCTAssertEqual(r[1], 0.0016, accuracy: 1e-12)
    }
}
