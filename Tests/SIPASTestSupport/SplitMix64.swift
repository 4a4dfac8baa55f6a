/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator, so that a failing random test
/// names the case that reproduces it. The generator `sipas-surveys` keeps its own copy: it is a
/// program of the package and cannot depend on the tests' support.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (modulo draw: the tests need reproducibility, not perfect uniformity).
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
