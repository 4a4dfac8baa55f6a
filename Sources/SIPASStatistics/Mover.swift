import Foundation

/// MOVER — "method of variance estimates recovery" (Zou & Donner 2008): an interval for the
/// difference of two *independent* estimates, built from each estimate's own interval.
///
/// For a = (a, [la, ua]) and b = (b, [lb, ub]), d = a − b:
///
///     L = d − sqrt((a − la)² + (ub − b)²)
///     U = d + sqrt((ua − a)² + (b − lb)²)
///
/// Each half of the interval uses the side of each estimate that moves d in that direction, so
/// asymmetric intervals (Wilson near 100 %) stay asymmetric. With Wilson intervals for two rates
/// this *is* Newcombe's hybrid score interval (see `Newcombe`). When both inputs lie in [0, 1] the
/// result lies in [−1, 1] without clamping.
///
/// Worked example: this year 0.90 [0.85, 0.94], last year 0.95 [0.93, 0.97]:
///
///     d = 0.90 − 0.95                                   = −0.05
///     L = −0.05 − sqrt(0.05² + 0.02²) = −0.05 − 0.053852 = −0.103852
///     U = −0.05 + sqrt(0.04² + 0.02²) = −0.05 + 0.044721 = −0.005279
///
/// The whole interval is below zero: a clear fall. Against a published 0.95 with no interval
/// (`difference(_:fixed:)`) the interval is this year's shifted: [−0.10, −0.01].
public enum Mover {
    /// Interval for `a.value − b.value`, `a` and `b` independent.
    public static func difference(_ a: Interval, _ b: Interval) -> Interval {
        let d = a.value - b.value
        let lowSpread = hypot(a.value - a.low, b.high - b.value)
        let highSpread = hypot(a.high - a.value, b.value - b.low)
        return Interval(value: d, low: d - lowSpread, high: d + highSpread)
    }

    /// Interval for `a.value − fixed`, where `fixed` is a figure without sampling error (a published
    /// baseline): MOVER with a zero-width second interval, i.e. `a` shifted by `−fixed`.
    public static func difference(_ a: Interval, fixed: Double) -> Interval {
        Interval(value: a.value - fixed, low: a.low - fixed, high: a.high - fixed)
    }
}
