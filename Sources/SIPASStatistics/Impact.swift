/// How many index points the department would gain if one group of its responses (a procedure,
/// a unit) reached the target (method note §5): each of the group's criterion rates below the
/// target is raised to it — its satisfied count g_c becomes t·m_c, m_c its answers — criteria at or
/// above the target are untouched, and everything else stays as it is.
///
/// The department's criteria-mean index is I = Σ_c w_c s_c/n_c (`CriteriaMean`). Raising the
/// group changes no n_c and so no weight, hence
///
///     gain = Σ_c w_c · max(0, t·m_c − g_c) / n_c          (a share: 0.009 = 0.9 points)
///
/// A procedure many people use and that sits at 90 % thus comes before a rare one at 80 %.
///
/// Worked example — two one-criterion elements (w = 1/2, 1/2), 2,000 responses that all answered
/// both criteria, target 0.96:
///
///     busy procedure, 600 responses: c0 540 satisfied (90 %), c1 585 (97.5 %)
///     rare procedure,  40 responses: c0 32, c1 32 (80 %)
///     the rest,     1,360 responses: c0 1,292, c1 1,292 (95 %)
///     department: c0 1,864/2,000 = 0.932, c1 1,909/2,000 = 0.9545, I = 0.94325
///     busy: c0 540 → 0.96·600 = 576 (+36), c1 untouched: gain = 1/2 · 36/2000        = 0.009
///     rare: 32 → 0.96·40 = 38.4 (+6.4) on both:        gain = 2 · 1/2 · 6.4/2000     = 0.0032
public func impactIfReachedTarget(total: Tally, group: Tally, shape: CatalogShape, target: Double) -> Double {
    criterionGainsIfReachedTarget(total: total, group: group, shape: shape, target: target).reduce(0, +)
}

/// The terms of `impactIfReachedTarget`, one per criterion: w_c · max(0, t·m_c − g_c) / n_c, which
/// orders a group's criteria by what fixing each would add to the department's index (they sum to
/// the group's impact). In the worked example: busy (0.009, 0), rare (0.0016, 0.0016).
public func criterionGainsIfReachedTarget(total: Tally, group: Tally, shape: CatalogShape, target: Double) -> [Double] {
    precondition(total.criterionCount == shape.criterionCount && group.criterionCount == shape.criterionCount,
                 "tallies and catalogue differ in size")
    let k = shape.criterionCount
    let weights = CriteriaMean.weights(answered: (0..<k).map { total.answered($0) > 0 }, shape: shape)
    var gains = Array(repeating: 0.0, count: k)
    for c in 0..<k where weights[c] > 0 {
        let groupAnswers = group.answered(c)
        precondition(groupAnswers <= total.answered(c), "the group must be part of the total")
        let shortfall = target * Double(groupAnswers) - Double(group.satisfied(c))
        if shortfall > 0 { gains[c] = weights[c] * shortfall / Double(total.answered(c)) }
    }
    return gains
}
