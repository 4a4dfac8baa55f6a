/// The additive counts of one import, per group (month, procedure, unit, channel, respondent type),
/// kept in flat integer arrays while rows stream by and written to the tally tables at the end of the
/// file's transaction. Counts may be negative while a replaced or duplicate row is taken back out.
struct TallyAccumulator: Sendable {
    struct GroupKey: Hashable, Sendable {
        var month: Int32
        var procedure: Int32
        var unit: Int32
        var channel: Int32
        var respondentType: Int32
    }

    let criterionCount: Int
    /// Pairs (c, d) with c < d, in row-major order.
    let pairCount: Int
    private(set) var keys: [GroupKey] = []
    private var slots: [GroupKey: Int] = [:]
    /// Per group: responses, answered any, all satisfied.
    private(set) var heads: [Int] = []
    /// Per group: criterionCount × 6 rating counts (0 = no answer).
    private(set) var ratings: [Int] = []
    /// Per group: pairCount × 4 counts (aa, sa, as, ss).
    private(set) var pairs: [Int] = []

    init(criterionCount: Int) {
        self.criterionCount = criterionCount
        self.pairCount = criterionCount * (criterionCount - 1) / 2
    }

    var groupCount: Int { keys.count }

    /// Adds (sign +1) or removes (sign −1) one response.
    mutating func record(_ key: GroupKey, ratings values: [UInt8], sign: Int = 1) {
        let slot = self.slot(for: key)
        var answered: UInt64 = 0, satisfied: UInt64 = 0
        let ratingBase = slot * criterionCount * 6
        for c in 0..<criterionCount {
            let value = values[c]
            if value > 5 { continue }                 // not asked in this file
            ratings[ratingBase + c * 6 + Int(value)] += sign
            if value > 0 { answered |= 1 << UInt64(c) }
            if value >= 4 { satisfied |= 1 << UInt64(c) }
        }
        heads[slot * 3] += sign
        if answered != 0 {
            heads[slot * 3 + 1] += sign
            if satisfied == answered { heads[slot * 3 + 2] += sign }
        }
        // Pair counts over answered criteria only.
        let pairBase = slot * pairCount * 4
        var rest = answered
        while rest != 0 {
            let c = rest.trailingZeroBitCount
            rest &= rest - 1
            let cSatisfied = satisfied & (1 << UInt64(c)) != 0
            let rowStart = pairIndex(c, c + 1) - (c + 1)   // so that rowStart + d = pairIndex(c, d)
            var others = rest
            while others != 0 {
                let d = others.trailingZeroBitCount
                others &= others - 1
                let i = pairBase + (rowStart + d) * 4
                let dSatisfied = satisfied & (1 << UInt64(d)) != 0
                pairs[i] += sign
                if cSatisfied { pairs[i + 1] += sign }
                if dSatisfied { pairs[i + 2] += sign }
                if cSatisfied && dSatisfied { pairs[i + 3] += sign }
            }
        }
    }

    private mutating func slot(for key: GroupKey) -> Int {
        if let existing = slots[key] { return existing }
        let slot = keys.count
        slots[key] = slot
        keys.append(key)
        heads.append(contentsOf: [0, 0, 0])
        ratings.append(contentsOf: repeatElement(0, count: criterionCount * 6))
        pairs.append(contentsOf: repeatElement(0, count: pairCount * 4))
        return slot
    }

    /// Pair (c, d), c < d, as its index in the upper-triangle order used by `pairs`.
    func pairIndex(_ c: Int, _ d: Int) -> Int { c * criterionCount - c * (c + 1) / 2 + d - c - 1 }

    func head(_ group: Int) -> (responses: Int, answeredAny: Int, allSatisfied: Int) {
        (heads[group * 3], heads[group * 3 + 1], heads[group * 3 + 2])
    }

    func rating(_ group: Int, criterion c: Int, value: Int) -> Int {
        ratings[group * criterionCount * 6 + c * 6 + value]
    }

    /// The group's pair counts: (aa, sa, as, ss) for each pair c < d in row-major order.
    func pairCounts(_ group: Int) -> [Int] {
        Array(pairs[(group * pairCount * 4)..<((group + 1) * pairCount * 4)])
    }

    /// Adds every count of `other` (same criterion count), with its keys mapped by `map`.
    mutating func merge(_ other: TallyAccumulator, mapping map: (GroupKey) -> GroupKey) {
        for (group, key) in other.keys.enumerated() {
            let slot = self.slot(for: map(key))
            for i in 0..<3 { heads[slot * 3 + i] += other.heads[group * 3 + i] }
            let r = criterionCount * 6
            for i in 0..<r { ratings[slot * r + i] += other.ratings[group * r + i] }
            let p = pairCount * 4
            for i in 0..<p { pairs[slot * p + i] += other.pairs[group * p + i] }
        }
    }
}
