/// Flags for a procedure or unit in a period (method note §5), most serious first. `Comparable`
/// follows that order: `.belowTarget < .possiblyBelowTarget < .fell < .tooFewAnswers`.
public enum Verdict: String, Sendable, Equatable, Hashable, Codable, CaseIterable, Comparable {
    /// The whole interval lies under the target (its upper end is below it).
    case belowTarget = "below-target"
    /// The estimate is under the target, but the interval reaches it.
    case possiblyBelowTarget = "possibly-below-target"
    /// The interval of the change against last year lies wholly below zero.
    case fell = "fell"
    /// Fewer responses than the minimum: shown, not judged.
    case tooFewAnswers = "too-few-answers"

    /// The method note's default minimum number of answers for a verdict.
    public static let defaultMinimumAnswers = 30

    private var seriousness: Int { Verdict.allCases.firstIndex(of: self)! }

    public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.seriousness < rhs.seriousness }
}

/// The flags for one estimate, most serious first.
///
/// - `responses < minimumAnswers` (or no estimate at all): `[.tooFewAnswers]` and nothing else —
///   no verdict on target or fall. `responses == minimumAnswers` is enough to be judged.
/// - `index.high < target`: `.belowTarget`; otherwise `index.value < target`:
///   `.possiblyBelowTarget`. An estimate exactly at the target is not below it.
/// - `change.high < 0`: `.fell`. A change whose interval reaches 0 is not a fall.
///
/// Example, target 0.96, minimum 30: 45 of 50 satisfied has Wilson 0.786 … 0.957 → `[.belowTarget]`;
/// 18 of 20 → `[.tooFewAnswers]`; 36 of 38 (0.947, 0.827 … 0.985) with change −0.10 … −0.01 →
/// `[.possiblyBelowTarget, .fell]`.
public func verdicts(index: Interval?, change: Interval?, responses: Int, target: Double,
                     minimumAnswers: Int = Verdict.defaultMinimumAnswers) -> [Verdict] {
    guard responses >= minimumAnswers, let index else { return [.tooFewAnswers] }
    var flags: [Verdict] = []
    if index.high < target {
        flags.append(.belowTarget)
    } else if index.value < target {
        flags.append(.possiblyBelowTarget)
    }
    if let change, change.high < 0 { flags.append(.fell) }
    return flags
}
