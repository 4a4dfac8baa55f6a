/// A point estimate with the two ends of its confidence interval.
///
/// For rates and indices all three numbers are shares in [0, 1] (printing them as percentages is
/// the caller's business); for a change between two shares they lie in [-1, 1].
/// The module never reorders the fields: `low <= value <= high` holds for every interval it makes.
public struct Interval: Sendable, Equatable, Hashable, Codable {
    public var value: Double
    public var low: Double
    public var high: Double

    public init(value: Double, low: Double, high: Double) {
        self.value = value
        self.low = low
        self.high = high
    }

    /// `high - low`.
    public var width: Double { high - low }

    /// True when `x` lies in the closed interval [low, high].
    public func contains(_ x: Double) -> Bool { low <= x && x <= high }
}
