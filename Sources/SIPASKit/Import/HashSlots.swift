/// An open-addressing index from 64-bit hashes to entry numbers 0, 1, 2, … (linear probing, at most
/// half full). The caller keeps the entries and says, through `matches`, whether an entry is the one
/// it looks for. It replaces `Dictionary` on the import's per-row lookups: no SipHash per lookup, and
/// the caller's own hash (FNV over bytes, or a mix of small integers) is computed once.
struct HashSlots: Sendable {
    /// Entry number + 1 in each slot; 0 = empty.
    private var slots: [Int32] = Array(repeating: 0, count: 64)
    /// The hash of each entry, by entry number (to grow without the caller).
    private var hashes: [UInt64] = []

    var count: Int { hashes.count }

    /// The entry whose hash is `hash` and for which `matches` says true, if any.
    @inline(__always)
    func find(_ hash: UInt64, matches: (Int) -> Bool) -> Int? {
        let mask = slots.count &- 1
        var i = Self.start(hash, mask)
        while true {
            let slot = Int(slots[i])
            if slot == 0 { return nil }
            let entry = slot &- 1
            if hashes[entry] == hash && matches(entry) { return entry }
            i = (i &+ 1) & mask
        }
    }

    /// Adds the next entry (number `count`) under `hash`; returns its number.
    mutating func append(_ hash: UInt64) -> Int {
        let entry = hashes.count
        hashes.append(hash)
        if hashes.count * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for (e, h) in hashes.enumerated() { place(e, h) }
        } else {
            place(entry, hash)
        }
        return entry
    }

    private mutating func place(_ entry: Int, _ hash: UInt64) {
        let mask = slots.count &- 1
        var i = Self.start(hash, mask)
        while slots[i] != 0 { i = (i &+ 1) & mask }
        slots[i] = Int32(entry &+ 1)
    }

    @inline(__always)
    private static func start(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 32) & mask
    }

    /// Mixes small integers into one hash (for keys made of several integers).
    @inline(__always)
    static func mix(_ state: UInt64, _ value: Int32) -> UInt64 {
        (state ^ UInt64(UInt32(bitPattern: value))) &* 0x9e37_79b9_7f4a_7c15 &+ 0x632b_e59b_d9b4_e019
    }
}
