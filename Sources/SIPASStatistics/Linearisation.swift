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
/// Wilson's at an effective sample size n_eff, the number of independent answers that would give
/// the same variance. Kish's n_eff = p(1−p)/Σ_i z_i² (Σ_i z_i² rather than v: Wilson's own variance
/// is p(1−p)/n without an n/(n−1) factor) is what sipas 0.1 used; it is too narrow for small groups
/// of correlated respondents, so the standard (`IntervalMethod.standard`) shrinks the design effect
/// and uses a t quantile: see `shrunkEffectiveN`. A statistic of a single criterion is a plain
/// proportion: it gets n_eff = n_c and exactly that criterion's Wilson interval, by every method.
/// When Σ_i z_i² = 0 or p ∈ {0, 1} there is no variance to match and n_eff = m. n_eff is clamped to
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
                                           interval method: IntervalMethod = .standard,
                                           z: Double = Wilson.z95) -> Estimate? {
        precondition(weights.count == tally.criterionCount, "one weight per criterion expected")
        var answers = 0
        for c in 0..<tally.criterionCount where weights[c] != 0 {
            precondition(tally.answered(c) > 0, "a criterion without answers cannot carry weight")
            answers += tally.answered(c)
        }
        guard answers > 0 else { return nil }
        let sums = { (h: Double) in weightedSums(tally, weights: weights, pseudo: h) }
        return estimate(sums: sums, tally: tally, respondents: respondents, answers: answers, method: method, z: z)
    }

    /// The pooled rate Σ s_c / Σ n_c over `criteria` with its linearised interval; nil when none of
    /// them has answers.
    public static func pooledRate(_ tally: Tally, criteria: [Int], respondents: Int,
                                  interval method: IntervalMethod = .standard,
                                  z: Double = Wilson.z95) -> Estimate? {
        let criteria = Array(Set(criteria)).sorted().filter { tally.answered($0) > 0 }
        let answers = criteria.reduce(0) { $0 + tally.answered($1) }
        guard answers > 0 else { return nil }
        let sums = { (h: Double) in pooledSums(tally, criteria: criteria, pseudo: h) }
        return estimate(sums: sums, tally: tally, respondents: respondents, answers: answers, method: method, z: z)
    }

    /// The sums of one linear statistic in a design with a pseudo-respondent of weight `h` added, who
    /// answered every criterion of the statistic and was satisfied with none (h = 0: the data alone).
    struct Sums {
        /// The statistic's value in that design.
        var value: Double
        /// Σ_i z_i² over the design's respondents (the pseudo-respondent with weight h).
        var sumOfSquares: Double
        /// α_c of the statistic's influence values (the data alone when h = 0).
        var alpha: [Double]
    }

    /// Weighted mean of rates with n_c → n_c + h, s_c unchanged.
    static func weightedSums(_ tally: Tally, weights: [Double], pseudo h: Double) -> Sums {
        let k = tally.criterionCount
        var alpha = Array(repeating: 0.0, count: k), beta = alpha
        var value = 0.0, totalWeight = 0.0, pseudoInfluence = 0.0
        for c in 0..<k where weights[c] != 0 {
            let n = Double(tally.answered(c)) + h
            let r = Double(tally.satisfied(c)) / n
            value += weights[c] * r
            totalWeight += weights[c]
            alpha[c] = weights[c] / n
            beta[c] = weights[c] * r / n
            pseudoInfluence -= beta[c]
        }
        // Σ w_c r_c / Σ w_c: the weights sum to 1 only up to rounding, and with every rate 1 the
        // quotient of two identical sums is exactly 1 (an index of 1, not 0.9999999999999999).
        value /= totalWeight
        let sum = sumOfSquaredInfluences(tally, alpha: alpha, beta: beta) + h * pseudoInfluence * pseudoInfluence
        return Sums(value: value, sumOfSquares: sum, alpha: alpha)
    }

    /// Pooled ratio with N → N + h·|C|, S unchanged.
    static func pooledSums(_ tally: Tally, criteria: [Int], pseudo h: Double) -> Sums {
        let answers = Double(criteria.reduce(0) { $0 + tally.answered($1) }) + h * Double(criteria.count)
        let ratio = Double(criteria.reduce(0) { $0 + tally.satisfied($1) }) / answers
        var alpha = Array(repeating: 0.0, count: tally.criterionCount), beta = alpha
        for c in criteria {
            alpha[c] = 1 / answers
            beta[c] = ratio / answers
        }
        let pseudoInfluence = -Double(criteria.count) * ratio / answers
        let sum = sumOfSquaredInfluences(tally, alpha: alpha, beta: beta) + h * pseudoInfluence * pseudoInfluence
        return Sums(value: ratio, sumOfSquares: sum, alpha: alpha)
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

    /// How many respondents' worth of dissatisfaction the statistic rests on: for the weighted
    /// dissatisfied answers u_i = Σ_c α_c (a_ic − y_ic) of each respondent, (Σ_i u_i)² / Σ_i u_i²
    /// (Kish's count applied to the shortfall): k respondents dissatisfied on the same criteria
    /// count k, one respondent dissatisfied on everything counts 1. 0 when nobody was dissatisfied.
    static func dissatisfiedRespondents(_ tally: Tally, alpha: [Double]) -> Double {
        var total = 0.0
        for c in 0..<tally.criterionCount where alpha[c] != 0 {
            total += alpha[c] * Double(tally.answered(c) - tally.satisfied(c))
        }
        let squares = sumOfSquaredInfluences(tally, alpha: alpha, beta: alpha)
        guard total > 0, squares > 0 else { return 0 }
        return total * total / squares
    }

    /// Kish's effective sample size p(1−p)/Σz² (m when there is no variance to match), clamped to
    /// [1, answers].
    static func kish(value p: Double, sumOfSquares: Double, respondents m: Int, answers: Int) -> Double {
        var effectiveN = Double(m)
        if sumOfSquares > 0, p > 0, p < 1 {
            let n = p * (1 - p) / sumOfSquares
            if n.isFinite { effectiveN = n }
        }
        return min(max(effectiveN, 1), Double(max(answers, 1)))
    }

    /// Turns the sums into an `Estimate` by `method` (see `IntervalMethod`). The standard error is
    /// always the data's own, sqrt(m/(m−1) · Σz²).
    static func estimate(sums: (Double) -> Sums, tally: Tally, respondents m: Int, answers: Int,
                         method: IntervalMethod, z: Double) -> Estimate {
        let data = sums(0)
        let p = data.value
        let variance = m > 1 ? Double(m) / Double(m - 1) * data.sumOfSquares : 0
        let kishN = kish(value: p, sumOfSquares: data.sumOfSquares, respondents: m, answers: answers)
        var effectiveN = kishN
        var quantile = z
        let criteria = data.alpha.filter { $0 != 0 }.count
        switch criteria == 1 ? .kishWilson : method {
        case .kishWilson:
            break
        case .respondentCap:
            effectiveN = min(kishN, Double(max(m, 1)))
        case .pseudoRespondent, .pseudoHalf, .kornGraubardPseudo:
            let h = method == .pseudoHalf ? 0.5 : 1
            let design = sums(h)
            effectiveN = kish(value: design.value, sumOfSquares: design.sumOfSquares, respondents: m, answers: answers)
            if method == .kornGraubardPseudo {
                let dissatisfied = dissatisfiedRespondents(tally, alpha: data.alpha) + h
                quantile = StudentT.quantile(upperTail: upperTail(z), degreesOfFreedom: dissatisfied)
            }
        case .kornGraubard:
            let dissatisfied = dissatisfiedRespondents(tally, alpha: data.alpha)
            if dissatisfied > 0 {
                quantile = StudentT.quantile(upperTail: upperTail(z), degreesOfFreedom: dissatisfied)
            }
        case .shrunk1, .shrunk1t, .shrunkHalf, .shrunkHalfT:
            let prior = method == .shrunk1 || method == .shrunk1t ? 1.0 : 0.5
            let (n, degrees) = shrunkEffectiveN(tally, data: data, respondents: m, answers: answers, prior: prior)
            effectiveN = n
            if method == .shrunk1t || method == .shrunkHalfT {
                quantile = StudentT.quantile(upperTail: upperTail(z), degreesOfFreedom: degrees)
            }
        case .shrunkDesignT:
            let (n, degrees) = shrunkEffectiveN(tally, data: data, respondents: m, answers: answers, prior: 0.5)
            let t = StudentT.quantile(upperTail: upperTail(z), degreesOfFreedom: degrees)
            let floor = Double(min(max(m, 1), max(answers, 1)))
            effectiveN = min(max(n * (z / t) * (z / t), floor), Double(max(answers, 1)))
        }
        let interval = Wilson.interval(proportion: p, trials: effectiveN, z: quantile)!
        return Estimate(interval: interval, standardError: variance.squareRoot(), effectiveN: effectiveN,
                        answers: answers, respondents: m)
    }

    /// The upper tail of the normal distribution beyond `z` (0.025 for z95).
    static func upperTail(_ z: Double) -> Double { 0.5 * erfc(z / 2.0.squareRoot()) }

    /// The standard interval (`IntervalMethod.shrunkDesignT`): the data's design effect, shrunk
    /// towards that of respondents who answer everything alike by w0 = ½ respondent's worth, so that
    /// a small group whose few dissatisfied answers happen to be scattered is not taken for a large
    /// sample of independent answers; then a t quantile for a variance seen in few respondents.
    ///
    ///     A  = 1 / Σ_c α_c² n_c            the answers' worth if they were independent
    ///                                       (Σ_c n_c for the pooled rate; α_c = w_c/n_c)
    ///     d̂  = Σ_i z_i² · A / (p(1−p))     the data's design effect (Kish's n_eff = A/d̂)
    ///     D0 = A / m                        every respondent answers all alike: n_eff = m
    ///     w  = (Σ_i u_i)² / Σ_i u_i²        respondents' worth of dissatisfaction, u_i = Σ_c α_c (a_ic − y_ic)
    ///     d  = (w·d̂ + w0·D0) / (w + w0)     (d = D0 when w = 0 or Σz² = 0)
    ///     n  = A / d,    ν = w + w0 degrees of freedom
    ///     n_eff = n · (z / t_{0.975, ν})², at least m (Wilson at m is the bound for answers all
    ///             alike, whatever the correlation), at most the answers
    ///     interval = Wilson(p, n_eff)
    ///
    /// With many dissatisfied respondents w ≫ w0, d → d̂ and t → z: Kish's interval of sipas 0.1.
    /// With nobody dissatisfied n_eff = m: 12 respondents all satisfied give 100 % [75.8–100].
    ///
    /// **Worked example 1** — the five responses of the type comment, criteria-mean index
    /// p = 0.6875, Σz² = 20684/331776 = 0.0623433, m = 4, α = (1/16, 1/12, 1/6), n = (4, 3, 3):
    ///
    ///     A  = 1 / (4/256 + 3/144 + 3/36) = 192/23       = 8.347826
    ///     d̂  = 0.0623433 · 8.347826 / 0.21484375         = 2.422369
    ///     D0 = 8.347826 / 4                               = 2.086957
    ///     only R3 is dissatisfied (on all three): w       = 1
    ///     d  = (1 · 2.422369 + ½ · 2.086957) / 1.5        = 2.310565
    ///     n  = 8.347826 / 2.310565 = 3.612895;  ν = 1.5, t = 6.016663
    ///     n · (1.959964 / 6.016663)² = 0.383389 < m = 4:  n_eff = 4
    ///     interval = Wilson(0.6875, 4) = 0.258470 … 0.932821   (Kish: 0.237926 … 0.939403)
    ///
    /// **Worked example 2** (issue 9) — 12 respondents answer all 19 criteria of the SIPAS
    /// catalogue (elements of 4, 4, 5, 3, 3), satisfied with everything but one answer on TC1:
    ///
    ///     w_c = 1/(5·|e|), Σ_c w_c² = (1/4 + 1/4 + 1/5 + 1/3 + 1/3)/25 = 0.0546667
    ///     A  = 12 / 0.0546667 = 219.5122,   D0 = A / 12 = 18.29268
    ///     p  = 1 − (1/20)(1/12) = 0.9958333,   Σz² = (1/20)² · (11/12)(1/12) / 12 = 1.591435e-5
    ///     d̂  = 1.591435e-5 · 219.5122 / 0.00414931 = 0.841923,   w = 1
    ///     d  = (0.841923 + ½ · 18.29268) / 1.5 = 6.658843,   n = 32.96552,   ν = 1.5
    ///     n · (1.959964 / 6.016663)² = 3.498200 < 12:  n_eff = 12
    ///     interval = Wilson(0.9958333, 12) = 0.751246 … 0.999947
    ///
    /// Kish gave n_eff = p(1−p)/Σz² = 260.7, capped at the 228 answers: 0.975945 … 0.999290, a far
    /// narrower and higher interval than for the better data of all 12 satisfied (0.757506 … 1).
    static func shrunkEffectiveN(_ tally: Tally, data: Sums, respondents m: Int, answers: Int,
                                 prior w0: Double) -> (Double, Double) {
        var inverse = 0.0
        for c in 0..<tally.criterionCount where data.alpha[c] != 0 {
            inverse += data.alpha[c] * data.alpha[c] * Double(tally.answered(c))
        }
        let worth = 1 / inverse
        let p = data.value
        let perfect = worth / Double(max(m, 1))
        let w = dissatisfiedRespondents(tally, alpha: data.alpha)
        var design = perfect
        if w > 0, data.sumOfSquares > 0, p > 0, p < 1 {
            let observed = data.sumOfSquares * worth / (p * (1 - p))
            design = (w * observed + w0 * perfect) / (w + w0)
        }
        let n = min(max(worth / design, 1), Double(max(answers, 1)))
        return (n, w + w0)
    }
}
