import Foundation

/// Quantiles of Student's t distribution, for intervals whose variance is estimated from few
/// independent pieces of information (see `IntervalMethod`).
///
/// The distribution function is P(T ≤ t) = 1 − I_x(ν/2, 1/2)/2 for t ≥ 0, x = ν/(ν + t²), with I the
/// regularised incomplete beta function (continued fraction, Numerical Recipes §6.4); the
/// quantile is found by Newton's method on it, with the density as the derivative, kept inside a
/// bracket that halves whenever a step would leave it (so it converges as surely as bisection). For a
/// 95% interval (tail 0.025) and ν from 1 to a million it takes 8–23 evaluations of the distribution
/// function, the bracket's doubling included (the most for ν of 10⁴ and more, where the last steps
/// crawl through the function's own rounding), where bisection took 46–49. Real (non-integer) degrees
/// of freedom are allowed.
///
/// Worked example: t_{0.975, 1} = tan(0.475π) = 12.706205; t_{0.975, 2} = 4.302653;
/// t_{0.975, 10} = 2.228139; as ν → ∞ it tends to z = 1.959964.
public enum StudentT {
    /// The upper `1 − tail` point: P(T ≤ q) = 1 − tail, for ν > 0 degrees of freedom.
    /// Above 1e7 degrees of freedom the normal quantile is returned.
    public static func quantile(upperTail tail: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(tail > 0 && tail < 0.5 && nu > 0, "need 0 < tail < 0.5 and ν > 0")
        if nu > 1e7 { return normalQuantile(upperTail: tail) }
        // upperTail(low) > tail >= upperTail(high) throughout.
        var low = 0.0, high = 1.0
        while upperTail(high, nu) > tail { high *= 2 }
        let logDensityScale = lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
        var t = (low + high) / 2
        for _ in 0..<200 {
            let excess = upperTail(t, nu) - tail  // decreasing in t
            if excess > 0 { low = t } else { high = t }
            if excess == 0 { return t }
            let density = exp(logDensityScale - (nu + 1) / 2 * log1p(t * t / nu))
            var next = t + excess / density
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * next || high - low <= 1e-15 * high { return next }
            t = next
        }
        return t
    }

    /// P(T > t) for t ≥ 0.
    static func upperTail(_ t: Double, _ nu: Double) -> Double {
        0.5 * regularisedBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
    }

    /// The normal quantile by bisection on erfc (used only for huge ν).
    static func normalQuantile(upperTail tail: Double) -> Double {
        var low = 0.0, high = 40.0
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if 0.5 * erfc(mid / 2.0.squareRoot()) > tail { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }

    /// I_x(a, b).
    static func regularisedBeta(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        if x < (a + 1) / (a + b + 2) { return front * betaFraction(x: x, a: a, b: b) / a }
        return 1 - front * betaFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction of the incomplete beta function (modified Lentz).
    private static func betaFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
