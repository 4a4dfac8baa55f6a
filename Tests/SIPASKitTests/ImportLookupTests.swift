import XCTest
@testable import SIPASKit

/// The per-row lookups of the import (hash slots, the byte interner, the tally's groups) against plain
/// dictionaries, including colliding hashes and growth well past the initial table.
final class ImportLookupTests: XCTestCase {
    func testHashSlotsFindEveryEntryEvenWhenAllHashesCollide() {
        var slots = HashSlots()
        var values: [String] = []
        for i in 0..<300 {
            let value = "v\(i)"
            XCTAssertNil(slots.find(7) { values[$0] == value })
            XCTAssertEqual(slots.append(7), i)
            values.append(value)
        }
        XCTAssertEqual(slots.count, 300)
        for (i, value) in values.enumerated() {
            XCTAssertEqual(slots.find(7) { values[$0] == value }, i)
        }
        XCTAssertNil(slots.find(7) { values[$0] == "absent" })
        XCTAssertNil(slots.find(8) { _ in true }, "another hash never matches")
    }

    func testHashSlotsAgreeWithADictionary() {
        var rng = SystemRandomNumberGenerator()
        var slots = HashSlots()
        var keys: [UInt64] = []
        var reference: [UInt64: Int] = [:]
        for _ in 0..<20_000 {
            let key = UInt64.random(in: 0..<5_000, using: &rng) &* 0x9E37_79B9
            if let found = slots.find(key, matches: { keys[$0] == key }) {
                XCTAssertEqual(found, reference[key])
            } else {
                XCTAssertNil(reference[key])
                reference[key] = slots.append(key)
                keys.append(key)
            }
        }
        XCTAssertEqual(slots.count, reference.count)
    }

    func testByteInternerGivesOneIndexPerDistinctValue() {
        var interner = ByteInterner()
        var isNew = false
        let texts = ["", "Trực tuyến", "Trực tiếp", "Bưu chính", "A", "AB", "B"] + (0..<2_000).map { "Đơn vị \($0)" }
        for (i, text) in texts.enumerated() {
            XCTAssertEqual(interner.index(of: ArraySlice(Array(text.utf8)), isNew: &isNew), i)
            XCTAssertTrue(isNew, text)
        }
        for (i, text) in texts.enumerated().reversed() {
            XCTAssertEqual(interner.index(of: ArraySlice(Array(text.utf8)), isNew: &isNew), i)
            XCTAssertFalse(isNew, text)
        }
        XCTAssertEqual(interner.values, texts)
        // A prefix of a stored value, or a value with a stored prefix, is another value.
        XCTAssertEqual(interner.index(of: ArraySlice(Array("Trực".utf8)), isNew: &isNew), texts.count)
        XCTAssertTrue(isNew)
    }

    func testByteInternerStoresNFCText() {
        var interner = ByteInterner()
        var isNew = false
        let nfd = "Phòng Quản lý".decomposedStringWithCanonicalMapping
        let index = interner.index(of: ArraySlice(Array(nfd.utf8)), isNew: &isNew)
        XCTAssertEqual(Array(interner.values[index].utf8), Array("Phòng Quản lý".precomposedStringWithCanonicalMapping.utf8))
        var hash = ContentHash()
        hash.add(interner.values[index])
        XCTAssertEqual(interner.contentHashes[index], hash.state)
    }

    /// Thousands of groups (hundreds of `GroupBlocks` chunks), rows in random order, some taken back
    /// out: the accumulator's counts, pair counts included, equal counts kept in a dictionary.
    func testTallyAccumulatorAgreesWithADictionary() {
        var rng = SystemRandomNumberGenerator()
        let k = 4
        var tally = TallyAccumulator(criterionCount: k)
        var reference: [TallyAccumulator.GroupKey: (responses: Int, ratings: [Int], pairs: [Int])] = [:]
        for _ in 0..<30_000 {
            let key = TallyAccumulator.GroupKey(
                month: Int32.random(in: 202401...202412, using: &rng), procedure: Int32.random(in: 0..<40, using: &rng),
                unit: Int32.random(in: 0..<3, using: &rng), channel: Int32.random(in: 0..<3, using: &rng),
                respondentType: Int32.random(in: 0..<2, using: &rng))
            let ratings = (0..<k).map { _ in UInt8.random(in: 0...5, using: &rng) }
            let sign = Int.random(in: 0..<10, using: &rng) == 0 ? -1 : 1
            tally.record(key, ratings: ratings[...], sign: sign)
            var entry = reference[key] ?? (0, Array(repeating: 0, count: k * 6), Array(repeating: 0, count: k * (k - 1) * 2))
            entry.responses += sign
            for (c, value) in ratings.enumerated() { entry.ratings[c * 6 + Int(value)] += sign }
            var pair = 0
            for c in 0..<k {
                for d in (c + 1)..<k {
                    let answered = ratings[c] > 0 && ratings[d] > 0
                    if answered {
                        entry.pairs[pair * 4] += sign
                        if ratings[c] >= 4 { entry.pairs[pair * 4 + 1] += sign }
                        if ratings[d] >= 4 { entry.pairs[pair * 4 + 2] += sign }
                        if ratings[c] >= 4 && ratings[d] >= 4 { entry.pairs[pair * 4 + 3] += sign }
                    }
                    pair += 1
                }
            }
            reference[key] = entry
        }
        tally.settle()
        XCTAssertEqual(tally.keys.count, reference.count)
        XCTAssertEqual(Set(tally.keys), Set(reference.keys))
        for (group, key) in tally.keys.enumerated() {
            let expected = reference[key]!
            XCTAssertEqual(tally.head(group).responses, expected.responses)
            for c in 0..<k {
                for value in 0...5 {
                    XCTAssertEqual(tally.rating(group, criterion: c, value: value), expected.ratings[c * 6 + value])
                }
            }
            XCTAssertEqual(tally.pairCounts(group), expected.pairs, "pair counts of \(key)")
        }
        XCTAssertGreaterThan(tally.keys.count, 40 * GroupBlocks<Int32>.groupsPerChunk, "groups span many chunks")
    }

    /// An accumulator is a value: a copy counts on its own, across the chunks of its blocks.
    func testACopiedAccumulatorCountsOnItsOwn() {
        var first = TallyAccumulator(criterionCount: 3)
        for procedure in 0..<40 {
            first.record(.init(month: 202401, procedure: Int32(procedure), unit: 0, channel: 0, respondentType: 0),
                         ratings: [5, 4, 0][...])
        }
        var second = first
        second.record(.init(month: 202401, procedure: 39, unit: 0, channel: 0, respondentType: 0), ratings: [1, 1, 1][...])
        second.record(.init(month: 202402, procedure: 0, unit: 0, channel: 0, respondentType: 0), ratings: [5, 5, 5][...])
        first.settle()
        second.settle()
        XCTAssertEqual(first.keys.count, 40)
        XCTAssertEqual(second.keys.count, 41)
        XCTAssertEqual(first.rating(39, criterion: 0, value: 1), 0)
        XCTAssertEqual(second.rating(39, criterion: 0, value: 1), 1)
        XCTAssertEqual(first.pairCounts(39), [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertEqual(second.pairCounts(39), [2, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0])
        XCTAssertEqual(second.pairCounts(40), [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    }
}
