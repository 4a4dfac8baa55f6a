/// Newcombe's hybrid score interval for the difference of two independent proportions
/// p1 − p2 (method 10 of Newcombe 1998, "Interval estimation for the difference between
/// independent proportions", Stat Med 17:873): MOVER (see `Mover`) applied to the two Wilson
/// intervals [l1, u1] and [l2, u2]:
///
///     L = d − sqrt((p1 − l1)² + (u2 − p2)²)
///     U = d + sqrt((u1 − p1)² + (p2 − l2)²)
///
/// Worked example (Newcombe's example (b)), 9/10 against 3/10, d = 0.6:
///
///     Wilson 9/10 = 0.595850 … 0.982124     Wilson 3/10 = 0.107791 … 0.603222
///     L = 0.6 − sqrt(0.304150² + 0.303222²) = 0.6 − sqrt(0.092507 + 0.091943) = 0.6 − 0.429477 = 0.170523
///     U = 0.6 + sqrt(0.082124² + 0.192209²) = 0.6 + sqrt(0.006744 + 0.036944) = 0.6 + 0.209018 = 0.809018
///
/// Newcombe's Table II gives 0.1705 to 0.8090.
public enum Newcombe {
    /// Interval for s1/n1 − s2/n2; nil when either sample is empty.
    public static func difference(s1: Int, n1: Int, s2: Int, n2: Int, z: Double = Wilson.z95) -> Interval? {
        guard let first = Wilson.interval(successes: s1, trials: n1, z: z),
              let second = Wilson.interval(successes: s2, trials: n2, z: z)
        else { return nil }
        return Mover.difference(first, second)
    }
}
