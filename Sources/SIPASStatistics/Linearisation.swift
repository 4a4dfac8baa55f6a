import Foundation

/// Intervals for indices built from several correlated rates of the same respondents (method
/// note §5), by linearisation ("influence values"), computed from a `Tally`'s pair counts.
///
/// **Influence values.** For respondent i let a_ic = 1 if they answered criterion c and
/// y_ic = 1 if they were satisfied on c (so y_ic ≤ a_ic). A rate r_c = s_c/n_c = Σ_i y_ic / Σ_i a_ic
/// has influence (y_ic − r_c a_ic)/n_c, so any weighted mean of rates I = Σ_c w_c r_c has
///
///     z_i = Σ_c w_c (y_ic − r_c a_ic) / n_c,      Σ_i z_i = 0,
///
/// and the pooled ratio R = S/N = Σ_c s_c / Σ_c n_c has z_i = Σ_c (y_ic − R a_ic) / N. Both are
/// z_i = Σ_c (α_c y_ic − β_c a_ic) with (α_c, β_c) = (w_c/n_c, w_c r_c/n_c) or (1/N, R/N), and
///
///     Σ_i z_i² = Σ_c Σ_d [ α_c α_d BS_cd − α_c β_d SA_cd − β_c α_d SA_dc + β_c β_d BA_cd ]
///
/// with the tally's pair counts BS = bothSatisfied (Σ_i y_ic y_id), SA = satisfiedAnswered
/// (Σ_i y_ic a_id) and BA = bothAnswered (Σ_i a_ic a_id). For the weighted mean that is
///
///     Σ_c Σ_d w_c w_d [BS_cd − r_d SA_cd − r_c SA_dc + r_c r_d BA_cd] / (n_c n_d);
///
/// its diagonal term is (s_c − 2 r_c s_c + r_c² n_c)/n_c² = r_c(1 − r_c)/n_c, the binomial variance.
/// For the pooled ratio it is [Σ_cd BS − 2R Σ_cd SA + R² Σ_cd BA] / N².
///
/// **Variance.** Var(I) ≈ v = m/(m−1) · Σ_i z_i², m = respondents (1 respondent: v = 0). The
/// standard error reported is sqrt(v).
///
/// **Interval.** A Wald interval I ± z·sqrt(v) would leave [0, 1] near 100 %, so the interval is
/// Wilson's at the Kish effective sample size n_eff = p(1−p)/Σ_i z_i², i.e. the number of
/// independent answers that would give the same variance. (Σ_i z_i² rather than v: Wilson's own
/// variance is p(1−p)/n without an n/(n−1) factor, so like is compared with like, and an index of a
/// single criterion gets n_eff = n_c and exactly that criterion's Wilson interval.) When
/// Σ_i z_i² = 0 or p ∈ {0, 1} there is no variance to match and n_eff = m. n_eff is then clamped to
/// [1, Σ_c n_c] (never more than the answers it is built from).
///
/// Respondents m: the whole-catalogue index uses `answeredAny`. An element's respondents (those
/// who answered at least one of its criteria) are not in a tally; an element uses max_c n_c over
/// its criteria, a lower bound, which errs on the wide side.
///
/// **Worked example** — criteria c0, c1 in element A, c2 in element B; ratings of 5 responses:
///
///     R1: 5 5 5    R2: 4 4 –    R3: 2 3 1    R4: 4 – 5    R5: – – –     (– = no answer)
///     n = (4, 3, 3), s = (3, 2, 2), r = (3/4, 2/3, 2/3), m = answeredAny = 4
///     criteria-mean index I = 11/16 = 0.6875, weights w = (1/4, 1/4, 1/2)
///     w_c/n_c = (1/16, 1/12, 1/6)
///     z_1 = (1/4)/16 + (1/3)/12 + (1/3)/6   =  9/576 + 16/576 + 32/576 =   57/576
///     z_2 = (1/4)/16 + (1/3)/12             =  9/576 + 16/576          =   25/576
///     z_3 = (−3/4)/16 + (−2/3)/12 + (−2/3)/6 = −27/576 − 32/576 − 64/576 = −123/576
///     z_4 = (1/4)/16 + (1/3)/6              =  9/576 + 32/576          =   41/576
///     z_5 = 0                                         (Σ z_i = 57 + 25 − 123 + 41 = 0 ✓)
///     Σ z_i² = (3249 + 625 + 15129 + 1681) / 331776 = 20684/331776 = 0.0623433
///     v = 4/3 · 0.0623433 = 0.0831244,  standard error = 0.288313
///     n_eff = 0.6875 · 0.3125 / 0.0623433 = 0.21484375 / 0.0623433 = 3.44614  (within [1, 10])
///     interval = Wilson(0.6875, 3.44614) = 0.237926 … 0.939403
///
/// The same data pooled: R = 7/10, z_i = (satisfied_i − 0.7 · answered_i)/10 =
/// (0.09, 0.06, −0.21, 0.06, 0), Σ z_i² = 0.0081 + 0.0036 + 0.0441 + 0.0036 = 0.0594,
/// v = 4/3 · 0.0594 = 0.0792, n_eff = 0.21/0.0594 = 3.53535, interval 0.249146 … 0.942555.
/// Strongly correlated answers (R1 pleased with everything, R3 with nothing) leave about as much
/// information as 3.5 independent answers, not 10.
public enum Linearisation {
    /// A weighted mean of criterion rates Σ_c w_c r_c with its linearised interval.
    /// `weights` has one entry per criterion; criteria without answers must have weight 0.
    /// Nil when no criterion with a non-zero weight has answers.
    public static func weightedMeanOfRates(_ tally: Tally, weights: [Double], respondents: Int,
                                           z: Double = Wilson.z95) -> Estimate? {
        precondition(weights.count == tally.criterionCount, "one weight per criterion expected")
        let k = tally.criterionCount
        var alpha = Array(repeating: 0.0, count: k), beta = alpha
        var value = 0.0, answers = 0
        for c in 0..<k where weights[c] != 0 {
            let n = tally.answered(c)
            precondition(n > 0, "a criterion without answers cannot carry weight")
            let r = Double(tally.satisfied(c)) / Double(n)
            value += weights[c] * r
            alpha[c] = weights[c] / Double(n)
            beta[c] = weights[c] * r / Double(n)
            answers += n
        }
        guard answers > 0 else { return nil }
        return estimate(value: value, sumOfSquares: sumOfSquaredInfluences(tally, alpha: alpha, beta: beta),
                        respondents: respondents, answers: answers, z: z)
    }

    /// The pooled rate Σ s_c / Σ n_c over `criteria` with its linearised interval; nil when none of
    /// them has answers.
    public static func pooledRate(_ tally: Tally, criteria: [Int], respondents: Int,
                                  z: Double = Wilson.z95) -> Estimate? {
        let criteria = Array(Set(criteria)).sorted()
        let answers = criteria.reduce(0) { $0 + tally.answered($1) }
        guard answers > 0 else { return nil }
        let satisfied = criteria.reduce(0) { $0 + tally.satisfied($1) }
        let ratio = Double(satisfied) / Double(answers)
        var alpha = Array(repeating: 0.0, count: tally.criterionCount), beta = alpha
        for c in criteria {
            alpha[c] = 1 / Double(answers)
            beta[c] = ratio / Double(answers)
        }
        return estimate(value: ratio, sumOfSquares: sumOfSquaredInfluences(tally, alpha: alpha, beta: beta),
                        respondents: respondents, answers: answers, z: z)
    }

    /// Σ_i z_i² for z_i = Σ_c (α_c y_ic − β_c a_ic), from the pair counts (never negative).
    static func sumOfSquaredInfluences(_ tally: Tally, alpha: [Double], beta: [Double]) -> Double {
        let k = tally.criterionCount
        let active = (0..<k).filter { alpha[$0] != 0 || beta[$0] != 0 }
        var sum = 0.0
        for c in active {
            for d in active {
                let cd = c * k + d, dc = d * k + c
                sum += alpha[c] * alpha[d] * Double(tally.bothSatisfied[cd])
                    - alpha[c] * beta[d] * Double(tally.satisfiedAnswered[cd])
                    - beta[c] * alpha[d] * Double(tally.satisfiedAnswered[dc])
                    + beta[c] * beta[d] * Double(tally.bothAnswered[cd])
            }
        }
        return max(sum, 0)
    }

    /// Turns (p, Σ z_i²) into an `Estimate`: v = m/(m−1)·Σz², n_eff = p(1−p)/Σz² (or m), clamped to
    /// [1, answers], Wilson at n_eff.
    static func estimate(value p: Double, sumOfSquares: Double, respondents m: Int, answers: Int,
                         z: Double) -> Estimate {
        let variance = m > 1 ? Double(m) / Double(m - 1) * sumOfSquares : 0
        var effectiveN = Double(m)
        if sumOfSquares > 0, p > 0, p < 1 {
            let kish = p * (1 - p) / sumOfSquares
            if kish.isFinite { effectiveN = kish }
        }
        effectiveN = min(max(effectiveN, 1), Double(max(answers, 1)))
        let interval = Wilson.interval(proportion: p, trials: effectiveN, z: z)!
        return Estimate(interval: interval, standardError: variance.squareRoot(), effectiveN: effectiveN,
                        answers: answers, respondents: m)
    }
}
