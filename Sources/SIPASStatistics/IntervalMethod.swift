/// How the 95 % interval of an element or SIPAS index is made from a tally's counts (criteria keep
/// Wilson, changes keep MOVER on these intervals). Every report names the method it used
/// (`standard`); the others stay for the coverage benchmark (`make bench-coverage`), which compares
/// them on simulated respondents, and for tests.
///
/// All of them start from the linearised variance of `Linearisation` (Σ_i z_i² over respondents,
/// from the tally's pair counts) and end in a Wilson interval at an effective sample size n_eff,
/// possibly with a t quantile in place of z. They differ in n_eff and the quantile:
///
/// - `kishWilson` (sipas 0.1): n_eff = p(1−p)/Σz², at most the number of answers. Too narrow for
///   small groups of correlated respondents: a sample that happens to hold few dissatisfied answers
///   gets a small variance *and* a high estimate (coverage 84 % at n = 20–30, intervals wholly
///   above the truth up to 12 %).
/// - `respondentCap`: the same, n_eff at most the respondents (as if each answered all alike).
/// - `pseudoRespondent` / `pseudoHalf`: the variance of the design with one more respondent (weight
///   1 or ½) dissatisfied with everything.
/// - `kornGraubard`: Kish's n_eff with a t quantile on the degrees of freedom of the dissatisfied
///   respondents (Korn & Graubard 1998); `kornGraubardPseudo` both.
/// - `shrunk…`: the design effect shrunk towards "every respondent answers all alike" by w0 = 1 or
///   ½ respondent's worth, with (`…-t`) or without a t quantile.
/// - **`shrunkDesignT`, the standard**: `shrunkHalfT` with the t quantile folded into n_eff and
///   n_eff never below the respondents. Formula and worked examples: `Linearisation.shrunkEffectiveN`.
public enum IntervalMethod: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case kishWilson = "kish-wilson"
    case respondentCap = "respondent-cap"
    case pseudoRespondent = "pseudo-respondent"
    case pseudoHalf = "pseudo-half"
    case kornGraubard = "korn-graubard"
    case kornGraubardPseudo = "korn-graubard-pseudo"
    case shrunk1 = "shrunk-1"
    case shrunk1t = "shrunk-1-t"
    case shrunkHalf = "shrunk-half"
    case shrunkHalfT = "shrunk-half-t"
    /// The standard: design effect shrunk by half a respondent towards all-alike answers, Student's t
    /// on w + ½ degrees of freedom folded into n_eff, never below the respondents.
    case shrunkDesignT = "shrunk-design-t"

    /// The method every report uses, chosen by the coverage benchmark (README, "How honest the
    /// intervals are").
    public static let standard: IntervalMethod = .shrunkDesignT
}
