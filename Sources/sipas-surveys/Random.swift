// Deterministic pseudo-random numbers: SplitMix64 (Steele, Lea & Flood 2014).
// Same seed -> same sequence on every platform, so the generated files are byte-identical.

struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    /// Derives an independent stream, so adding draws in one part of the generator
    /// does not shift every draw after it.
    init(seed: UInt64, stream: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the stream name
        for b in stream.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        state = seed ^ h
        _ = next()
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Uniform in 0..<n (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inline(__always)
    mutating func below(_ n: Int) -> Int {
        Int(((next() >> 32) &* UInt64(n)) >> 32)
    }

    @inline(__always)
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Index drawn with the given (not necessarily normalised) weights.
    mutating func weighted(_ weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    mutating func shuffle<T>(_ a: inout [T]) {
        var i = a.count
        while i > 1 {
            let j = below(i)
            i -= 1
            a.swapAt(i, j)
        }
    }
}

/// Cumulative weights, for a fast draw in the hot loop of the big generator.
struct CumulativeTable {
    let cumulative: [Double]

    init(_ weights: [Double]) {
        let total = weights.reduce(0, +)
        var acc = 0.0
        cumulative = weights.map { acc += $0 / total; return acc }
    }

    @inline(__always)
    func draw(_ rng: inout SplitMix64) -> Int {
        let x = rng.unit()
        var i = 0
        while i < cumulative.count - 1 && x >= cumulative[i] { i += 1 }
        return i
    }
}
