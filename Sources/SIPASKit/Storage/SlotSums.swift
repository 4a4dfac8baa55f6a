/// Counts summed per (builder slot, catalogue) before they reach a `TallySetBuilder`, which maps
/// every catalogue's positions onto the reporting one and adds into both the total and the group:
/// a year at 1,000,000 responses is 1,583 monthly groups with 30,096 rating rows; summed here first,
/// the builder gets one call a slot and position (for a summary by procedure, 15 slots), and a
/// whole-year summary took 71.2 instead of 83.8 ms (hyperfine, the two builds in one run; README,
/// seventh round). Integer sums, so the result is the same.
struct SlotSums {
    private struct Key: Hashable {
        var slot: Int
        var catalog: Int
    }
    private var entryOfKey: [Key: Int] = [:]
    private var keys: [Key] = []
    /// Per entry: six counts a position (n0…n5).
    private var ratings: [[Int]] = []
    /// Per entry: the pair counts, as stored (aa, sa, as, ss for each pair of positions c < d).
    private var pairs: [[Int]] = []

    /// The entry of a builder slot and a catalogue.
    mutating func entry(slot: Int, catalog: Int) -> Int {
        let key = Key(slot: slot, catalog: catalog)
        if let entry = entryOfKey[key] { return entry }
        entryOfKey[key] = keys.count
        keys.append(key)
        ratings.append([])
        pairs.append([])
        return keys.count - 1
    }

    /// Adds a stored pair-count blob (`PairBlob`), read in place.
    mutating func addPairs(_ entry: Int, _ raw: UnsafeRawBufferPointer) {
        PairBlob.add(raw, to: &pairs[entry])
    }

    mutating func addRatings(_ entry: Int, position: Int, counts n: (Int, Int, Int, Int, Int, Int)) {
        let needed = (position + 1) * 6
        if ratings[entry].count < needed { ratings[entry] += [Int](repeating: 0, count: needed - ratings[entry].count) }
        let i = position * 6
        ratings[entry].withUnsafeMutableBufferPointer { r in
            r[i] += n.0; r[i + 1] += n.1; r[i + 2] += n.2; r[i + 3] += n.3; r[i + 4] += n.4; r[i + 5] += n.5
        }
    }

    /// Hands the sums to `builder`, entry by entry in the order they were first used.
    func add(into builder: inout TallySetBuilder) {
        for (entry, key) in keys.enumerated() {
            if !pairs[entry].isEmpty { builder.addPairs(key.slot, catalog: key.catalog, counts: pairs[entry]) }
            let r = ratings[entry]
            for position in 0..<(r.count / 6) {
                let i = position * 6
                builder.addRatings(key.slot, catalog: key.catalog, position: position,
                                   counts: (r[i], r[i + 1], r[i + 2], r[i + 3], r[i + 4], r[i + 5]))
            }
        }
    }
}
