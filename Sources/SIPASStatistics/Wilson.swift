import Foundation

/// The Wilson score interval for a single proportion (Wilson 1927; method 3 of Newcombe 1998,
/// "Two-sided confidence intervals for the single proportion", Stat Med 17:857).
///
/// For p = s/n and z the normal quantile (1.959963984540054 for 95 % two-sided):
///
///     centre = (p + z²/(2n)) / (1 + z²/n)
///     half   = z / (1 + z²/n) · sqrt(p(1−p)/n + z²/(4n²))
///     interval = [centre − half, centre + half]        (value reported: p itself)
///
/// Unlike the Wald interval p ± z·sqrt(p(1−p)/n) it stays inside [0, 1] and does not collapse to a
/// point at 0 % or 100 %. At p = 1 the lower end simplifies to n / (n + z²).
///
/// Worked example, 18 of 20 satisfied (p = 0.9, z² = 3.841459):
///
///     z²/n = 0.192073,  z²/(2n) = 0.096036,  1 + z²/n = 1.192073
///     centre = (0.9 + 0.096036) / 1.192073                        = 0.835550
///     half   = 1.959964 / 1.192073 · sqrt(0.0045 + 0.002400912)
///            = 1.644163 · 0.0830717                               = 0.136584
///     interval = 0.698966 … 0.972134
///
/// and 20 of 20: low = 20 / (20 + 3.841459) = 0.838875 — the "about 84 %" of the method note.
public enum Wilson {
    /// The 97.5 % point of the standard normal distribution: 95 % two-sided intervals.
    public static let z95 = 1.959963984540054

    /// The Wilson interval for `successes` out of `trials`; nil when `trials` is 0.
    public static func interval(successes: Int, trials: Int, z: Double = z95) -> Interval? {
        precondition(successes >= 0 && successes <= trials, "need 0 <= successes <= trials")
        guard trials > 0 else { return nil }
        return interval(proportion: Double(successes) / Double(trials), trials: Double(trials), z: z)
    }

    /// The same interval for a real-valued proportion and sample size, as needed for an effective
    /// sample size (see `IndexEstimator`). Nil when `trials` is not a positive finite number or
    /// `proportion` is not finite; `proportion` is clamped to [0, 1].
    public static func interval(proportion: Double, trials: Double, z: Double = z95) -> Interval? {
        guard trials > 0, trials.isFinite, proportion.isFinite else { return nil }
        let p = min(max(proportion, 0), 1)
        let n = trials
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let half = z / denominator * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        // At p = 0 (p = 1) the lower (upper) end is 0 (1) exactly; say so rather than trust rounding.
        let low = p == 0 ? 0 : min(max(centre - half, 0), p)
        let high = p == 1 ? 1 : max(min(centre + half, 1), p)
        return Interval(value: p, low: low, high: high)
    }
}
