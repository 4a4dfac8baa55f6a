/// The additive counts of one import, per group (month, procedure, unit, channel, respondent type),
/// kept in flat integer arrays while rows stream by and written to the tally tables at the end of the
/// file's transaction. Counts may be negative while a replaced or duplicate row is taken back out.
/// Counts are 32-bit (a group is one month of one procedure, unit, channel and respondent type): the
/// accumulator of a 1,000,000-response file holds about 1,600 groups in under 5 MB, in chunks of
/// groups (`GroupBlocks`) so that growing never copies them.
struct TallyAccumulator: Sendable {
    struct GroupKey: Hashable, Sendable {
        var month: Int32
        var procedure: Int32
        var unit: Int32
        var channel: Int32
        var respondentType: Int32

        /// For `HashSlots` (the accumulator's per-row lookup).
        var hash: UInt64 {
            HashSlots.mix(HashSlots.mix(HashSlots.mix(HashSlots.mix(HashSlots.mix(
                0, month), procedure), unit), channel), respondentType)
        }
    }

    let criterionCount: Int
    /// Pairs (c, d) with c < d, in row-major order.
    let pairCount: Int
    private(set) var keys: [GroupKey] = []
    private var slots = HashSlots()
    /// Per group: responses, answered any, all satisfied.
    private(set) var heads: [Int32] = []
    /// Per group: criterionCount × 6 rating counts (0 = no answer).
    private var ratings: GroupBlocks<Int32>
    /// Per group: pairCount × 4 counts (aa, sa, as, ss), settled blocks only (see `columns`).
    private var pairs: GroupBlocks<Int32>
    /// Per group, the current block of up to 64 added rows, bit-sliced: criterionCount "answered"
    /// columns then criterionCount "satisfied" columns, one bit per row. A full block is folded into
    /// `pairs` with popcounts — 4 per pair for 64 rows instead of up to 4 increments per pair per row.
    private var columns: GroupBlocks<UInt64>
    private var blockRows: [Int] = []

    init(criterionCount: Int) {
        self.criterionCount = criterionCount
        self.pairCount = criterionCount * (criterionCount - 1) / 2
        ratings = GroupBlocks(stride: criterionCount * 6)
        pairs = GroupBlocks(stride: pairCount * 4)
        columns = GroupBlocks(stride: criterionCount * 2)
    }

    /// Adds (sign +1) or removes (sign −1) one response.
    mutating func record(_ key: GroupKey, ratings values: ArraySlice<UInt8>, sign: Int = 1) {
        values.withUnsafeBufferPointer { record(key, ratings: $0, sign: sign) }
    }

    /// Adds (sign +1) or removes (sign −1) one response: `values` holds its `criterionCount` ratings.
    mutating func record(_ key: GroupKey, ratings values: UnsafeBufferPointer<UInt8>, sign: Int = 1) {
        record(slot: slot(for: key), ratings: values, sign: sign)
    }

    /// Adds (sign +1) or removes (sign −1) one response of the group numbered `slot` (`slot(for:)`: a
    /// block of one group's responses looks it up once). Returns whether it answered any criterion,
    /// and all of those satisfied.
    @discardableResult
    mutating func record(slot: Int, ratings values: UnsafeBufferPointer<UInt8>, sign: Int = 1)
        -> (answeredAny: Bool, allSatisfied: Bool) {
        precondition(values.count == criterionCount, "one rating per criterion")
        let sign32 = Int32(sign)
        let k = criterionCount
        let (answered, satisfied) = ratings.withBlock(slot) { counts in
            var answered: UInt64 = 0, satisfied: UInt64 = 0
            for c in 0..<k {
                let value = values[values.startIndex + c]
                if value > 5 { continue }                 // not asked in this file
                counts[c * 6 + Int(value)] += sign32
                if value > 0 { answered |= 1 << UInt64(c) }
                if value >= 4 { satisfied |= 1 << UInt64(c) }
            }
            return (answered, satisfied)
        }
        heads[slot * 3] += sign32
        if answered != 0 {
            heads[slot * 3 + 1] += sign32
            if satisfied == answered { heads[slot * 3 + 2] += sign32 }
        }
        if sign == 1 {
            addToBlock(slot, answered: answered, satisfied: satisfied)
        } else {
            countPairs(slot, answered: answered, satisfied: satisfied, sign: sign32)
        }
        return (answered != 0, answered != 0 && satisfied == answered)
    }

    /// Adds one response of the group numbered `slot`, its ratings given as 3-bit codes — criterion c
    /// at bits 3c..<3c+3 of `codes`: 0 no answer, 1–5 a rating, 7 not asked (`ResponsesByDay`) — for
    /// up to 21 criteria. Returns whether it answered any criterion, and all of those satisfied.
    mutating func record(slot: Int, codes: UInt64) -> (answeredAny: Bool, allSatisfied: Bool) {
        let k = criterionCount
        precondition(k <= 21, "21 criteria fit a word")
        // Which criteria are answered (codes 1–5) and satisfied (4, 5), as one bit at 3c for criterion c:
        // the low, middle and high bits of every code taken at once.
        let low: UInt64 = 0x1249_2492_4924_9249 & ((1 << UInt64(3 * k)) &- 1)
        let b0 = codes & low, b1 = (codes >> 1) & low, b2 = (codes >> 2) & low
        let answered = (b0 | b1 | b2) & ~(b2 & b1), satisfied = b2 & ~b1
        ratings.withBlock(slot) { counts in
            var rest = codes
            for c in 0..<k {
                let code = Int(truncatingIfNeeded: rest & 7)
                rest >>= 3
                if code <= 5 { counts[c * 6 + code] += 1 }   // 7: not asked in its file
            }
        }
        heads[slot * 3] += 1
        if answered != 0 {
            heads[slot * 3 + 1] += 1
            if satisfied == answered { heads[slot * 3 + 2] += 1 }
        }
        addToBlock(slot, answered: answered, satisfied: satisfied, bitsPerCriterion: 3)
        return (answered != 0, answered != 0 && satisfied == answered)
    }

    /// Pair counts one row at a time (the rare rows taken back out).
    private mutating func countPairs(_ slot: Int, answered: UInt64, satisfied: UInt64, sign: Int32) {
        let k = criterionCount
        pairs.withBlock(slot) { pairs in
            var rest = answered
            while rest != 0 {
                let c = rest.trailingZeroBitCount
                rest &= rest - 1
                let cSatisfied = satisfied & (1 << UInt64(c)) != 0
                let rowStart = Self.pairIndex(c, c + 1, criterionCount: k) - (c + 1)   // rowStart + d = pairIndex(c, d)
                var others = rest
                while others != 0 {
                    let d = others.trailingZeroBitCount
                    others &= others - 1
                    let i = (rowStart + d) * 4
                    let dSatisfied = satisfied & (1 << UInt64(d)) != 0
                    pairs[i] += sign
                    if cSatisfied { pairs[i + 1] += sign }
                    if dSatisfied { pairs[i + 2] += sign }
                    if cSatisfied && dSatisfied { pairs[i + 3] += sign }
                }
            }
        }
    }

    /// `answered` and `satisfied` hold criterion c at bit c, or at bit 3c (`bitsPerCriterion` 3).
    @inline(__always)
    private mutating func addToBlock(_ slot: Int, answered: UInt64, satisfied: UInt64, bitsPerCriterion: Int = 1) {
        let k = criterionCount
        let bit: UInt64 = 1 << UInt64(blockRows[slot])
        columns.withBlock(slot) { columns in
            var rest = answered
            while rest != 0 {
                let c = bitsPerCriterion == 3 ? rest.trailingZeroBitCount / 3 : rest.trailingZeroBitCount
                columns[c] |= bit
                rest &= rest - 1
            }
            rest = satisfied
            while rest != 0 {
                let c = bitsPerCriterion == 3 ? rest.trailingZeroBitCount / 3 : rest.trailingZeroBitCount
                columns[k + c] |= bit
                rest &= rest - 1
            }
        }
        blockRows[slot] += 1
        if blockRows[slot] == 64 { fold(slot) }
    }

    /// Adds a group's block to its pair counts and empties the block.
    private mutating func fold(_ slot: Int) {
        let k = criterionCount
        columns.withBlock(slot) { columns in
            pairs.withBlock(slot) { pairs in
                var i = 0
                for c in 0..<k {
                    let ac = columns[c], sc = columns[k + c]
                    for d in (c + 1)..<max(k, c + 1) {
                        let ad = columns[d], sd = columns[k + d]
                        pairs[i] += Int32(truncatingIfNeeded: (ac & ad).nonzeroBitCount)
                        pairs[i + 1] += Int32(truncatingIfNeeded: (sc & ad).nonzeroBitCount)   // satisfied on c, answered d
                        pairs[i + 2] += Int32(truncatingIfNeeded: (ac & sd).nonzeroBitCount)   // answered c, satisfied on d
                        pairs[i + 3] += Int32(truncatingIfNeeded: (sc & sd).nonzeroBitCount)
                        i += 4
                    }
                }
            }
            for j in columns.indices { columns[j] = 0 }
        }
        blockRows[slot] = 0
    }

    /// Folds every partly filled block: call before reading or merging the pair counts.
    mutating func settle() {
        for slot in blockRows.indices where blockRows[slot] > 0 { fold(slot) }
    }

    var isSettled: Bool { blockRows.allSatisfy { $0 == 0 } }

    /// The number of `key`'s group, added if new.
    mutating func slot(for key: GroupKey) -> Int {
        let hash = key.hash
        if let existing = keys.withUnsafeBufferPointer({ keys in slots.find(hash) { keys[$0] == key } }) {
            return existing
        }
        let slot = slots.append(hash)
        keys.append(key)
        heads.append(contentsOf: [0, 0, 0])
        ratings.append()
        pairs.append()
        columns.append()
        blockRows.append(0)
        return slot
    }

    /// Pair (c, d), c < d, as its index in the upper-triangle order used by `pairs`.
    func pairIndex(_ c: Int, _ d: Int) -> Int { Self.pairIndex(c, d, criterionCount: criterionCount) }

    static func pairIndex(_ c: Int, _ d: Int, criterionCount k: Int) -> Int { c * k - c * (c + 1) / 2 + d - c - 1 }

    func head(_ group: Int) -> (responses: Int, answeredAny: Int, allSatisfied: Int) {
        (Int(heads[group * 3]), Int(heads[group * 3 + 1]), Int(heads[group * 3 + 2]))
    }

    func rating(_ group: Int, criterion c: Int, value: Int) -> Int {
        let block = ratings.block(group)
        return Int(block[block.startIndex + c * 6 + value])
    }

    /// The rating counts (n0…n5 for each criterion) and pair counts of all the groups together, laid
    /// out as one group's. Only complete once the accumulator is settled.
    func totals() -> (ratings: [Int], pairs: [Int]) {
        var sumRatings = [Int](repeating: 0, count: criterionCount * 6)
        var sumPairs = [Int](repeating: 0, count: pairCount * 4)
        for group in keys.indices {
            for (i, count) in zip(sumRatings.indices, ratings.block(group)) { sumRatings[i] += Int(count) }
            for (i, count) in zip(sumPairs.indices, pairs.block(group)) { sumPairs[i] += Int(count) }
        }
        return (sumRatings, sumPairs)
    }

    /// The group's pair counts: (aa, sa, as, ss) for each pair c < d in row-major order.
    /// Only complete once the accumulator is settled.
    func pairCounts(_ group: Int) -> [Int] {
        pairs.block(group).map { Int($0) }
    }

}
