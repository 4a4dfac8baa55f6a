import Foundation
import SIPASStatistics

/// SplitMix64 (Steele, Lea & Flood 2014): the same stream on every platform.
struct Random {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    mutating func unit() -> Double { (Double(next() >> 11) + 0.5) * 0x1.0p-53 }

    private var spare: Double?
    /// Standard normal (Box–Muller, both values used).
    mutating func normal() -> Double {
        if let s = spare { spare = nil; return s }
        let r = (-2 * log(unit())).squareRoot(), t = 2 * Double.pi * unit()
        spare = r * sin(t)
        return r * cos(t)
    }
}

/// Φ, the standard normal distribution function.
func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

/// How strongly one respondent's answers hang together: the latent rating of criterion c in
/// element e is μ_c + a·R_i + b·E_ie + sqrt(1 − a² − b²)·ε_ic, satisfied when positive.
struct Correlation: Sendable {
    var name: String
    /// Variance shares of the respondent effect (a²) and the respondent-element effect (b²).
    var respondentShare: Double
    var elementShare: Double

    static let none = Correlation(name: "none", respondentShare: 0, elementShare: 0)
    static let moderate = Correlation(name: "moderate", respondentShare: 0.30, elementShare: 0.15)
    static let strong = Correlation(name: "strong", respondentShare: 0.60, elementShare: 0.22)
}

/// The SIPAS 2023–2026 catalogue's shape (TC 4, TT 4, CC 5, KQ 3, PA 3 criteria) with true
/// criterion rates spread around the index on the probit scale.
struct Population: Sendable {
    static let shape = CatalogShape(elements: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11, 12], [13, 14, 15], [16, 17, 18]],
                                    criterionCount: 19)
    /// Probit offsets of the criteria around the common level (TT4 and CC3 weak, as in real data).
    static let offsets: [Double] = [0.15, 0.05, 0.0, 0.05, 0.0, -0.2, 0.2, -0.4, 0.1, 0.05, -0.35, 0.1, 0.15,
                                    -0.15, 0.1, 0.2, 0.05, 0.1, -0.1]
    static let elementOf: [Int] = shape.elements.enumerated().flatMap { e, cs in cs.map { _ in e } }
    /// The PA element (last) is skipped by a respondent with this chance (no complaint filed); any
    /// item is left unanswered with `itemNonResponse`: 57 % of PA answers missing in all.
    static let skipPA = 0.55
    static let itemNonResponse = 0.05

    var index: Double
    var correlation: Correlation
    /// Latent thresholds μ_c.
    var mu: [Double]
    var criterionRates: [Double]
    var elementIndices: [Double]

    init(index: Double, correlation: Correlation) {
        self.index = index
        self.correlation = correlation
        func rates(_ level: Double) -> [Double] { Population.offsets.map { normalCDF(level + $0) } }
        func mean(_ r: [Double]) -> Double {
            Population.shape.elements.map { cs in cs.map { r[$0] }.reduce(0, +) / Double(cs.count) }.reduce(0, +) / 5
        }
        var low = -5.0, high = 8.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if mean(rates(mid)) < index { low = mid } else { high = mid }
        }
        let level = (low + high) / 2
        mu = Population.offsets.map { level + $0 }
        let r = rates(level)
        criterionRates = r
        elementIndices = Population.shape.elements.map { cs in cs.map { r[$0] }.reduce(0, +) / Double(cs.count) }
    }

    /// One respondent's ratings (0 = no answer, 2 = dissatisfied, 5 = satisfied).
    func respondent(_ rng: inout Random, into ratings: inout [UInt8]) {
        let a = correlation.respondentShare.squareRoot(), b = correlation.elementShare.squareRoot()
        let noise = (1 - correlation.respondentShare - correlation.elementShare).squareRoot()
        let person = rng.normal()
        var elementEffect = [Double](repeating: 0, count: 5)
        for e in 0..<5 { elementEffect[e] = rng.normal() }
        let skipsPA = rng.unit() < Population.skipPA
        for c in 0..<19 {
            let e = Population.elementOf[c]
            let latent = mu[c] + a * person + b * elementEffect[e] + noise * rng.normal()
            if (e == 4 && skipsPA) || rng.unit() < Population.itemNonResponse {
                ratings[c] = 0
            } else {
                ratings[c] = latent > 0 ? 5 : 2
            }
        }
    }

    /// A tally of `n` respondents, recorded as the import records them.
    func sample(_ n: Int, _ rng: inout Random) -> Tally {
        var tally = Tally(criterionCount: 19)
        var ratings = [UInt8](repeating: 0, count: 19)
        for _ in 0..<n {
            respondent(&rng, into: &ratings)
            tally.record(ratings: ratings)
        }
        return tally
    }
}
