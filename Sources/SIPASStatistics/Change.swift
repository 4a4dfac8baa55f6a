/// A change against last year (method note §5–§6): the difference "this year − last year" with its
/// interval.
///
/// - a criterion rate against last year's responses: Newcombe's interval (`Newcombe`);
/// - an index against last year's responses: MOVER on the two intervals (`Mover`); the two years'
///   respondents are independent samples;
/// - anything against a figure the province published (no interval): the fixed version of MOVER.
///
/// Two overlapping intervals do not mean "no change": only the interval of the difference says.
public struct Change: Sendable, Equatable, Hashable, Codable {
    /// Which way the point estimate moved.
    public enum Direction: String, Sendable, Equatable, Hashable, Codable {
        case up, down, unchanged
    }

    /// This year − last year, with its interval.
    public var difference: Interval
    /// True when the interval excludes 0 (both ends strictly on one side).
    public var isClear: Bool
    public var direction: Direction

    public init(difference: Interval) {
        self.difference = difference
        isClear = difference.low > 0 || difference.high < 0
        direction = difference.value > 0 ? .up : difference.value < 0 ? .down : .unchanged
    }

    /// True when the whole interval lies below 0 (the "fell" flag).
    public var isClearFall: Bool { difference.high < 0 }

    /// A criterion rate (or any proportion) against last year's: Newcombe. Nil when either year has
    /// no answers.
    public static func betweenRates(successes: Int, trials: Int, previousSuccesses: Int, previousTrials: Int,
                                    z: Double = Wilson.z95) -> Change? {
        Newcombe.difference(s1: successes, n1: trials, s2: previousSuccesses, n2: previousTrials, z: z)
            .map(Change.init(difference:))
    }

    /// An index (or any estimate with an interval) against last year's, independent samples: MOVER.
    public static func between(_ current: Interval, _ previous: Interval) -> Change {
        Change(difference: Mover.difference(current, previous))
    }

    /// An estimate against a published figure without an interval.
    public static func against(_ current: Interval, published: Double) -> Change {
        Change(difference: Mover.difference(current, fixed: published))
    }
}
