/// The cumulative reading of the flags (method note §5): the shortest list of procedures, in impact
/// order, whose raising to the target brings the department's criteria-mean index to the target —
/// and, when those procedures alone cannot, which criteria raised across all procedures would.
///
/// Raising a group (its criteria below the target lifted to t·m_c, `impactIfReachedTarget`) changes
/// only satisfied counts, never an n_c, so the gains of disjoint groups add exactly:
///
///     I_k = I_0 + Σ_{i≤k} gain_i                  (groups in decreasing gain order)
///
/// and taking the largest gains first gives the shortest list that reaches the target. When every
/// candidate group is raised and I is still short, the department's satisfied counts are those after
/// the raise, s'_c = s_c + Σ_groups max(0, t·m_c − g_c), and raising criterion c department-wide
/// adds w_c · max(0, t − s'_c/n_c); criteria are taken in decreasing order of that gain until the
/// target is reached (it always is once every criterion is at the target, since Σ w_c = 1).
///
/// Worked example — the `impactIfReachedTarget` example (two one-criterion elements, w = 1/2, 1/2,
/// 2,000 responses, I_0 = 0.94325, target 0.96):
///
///     busy gain 0.009 → I_1 = 0.95225; rare gain 0.0032 → I_2 = 0.95545 < 0.96: not enough.
///     after both: c0 1,864 + 36 + 6.4 = 1,906.4 (0.9532), c1 1,909 + 6.4 = 1,915.4 (0.9577)
///     criterion gains: c0 1/2 · (0.96 − 0.9532) = 0.0034, c1 1/2 · (0.96 − 0.9577) = 0.00115
///     c0 first → 0.95885 (short); then c1 → 0.96000: both criteria are needed.
public struct PathToTarget: Sendable, Equatable, Codable {
    /// One step of the path: the candidate's position in the input, its gain, and the index after it.
    public struct Step: Sendable, Equatable, Codable {
        public var position: Int
        public var gain: Double
        public var indexAfter: Double
        /// For a criterion: the department's rate before it is raised (after the groups were).
        public var rate: Double?
    }

    /// The criteria-mean index before any step.
    public var start: Double
    public var target: Double
    /// Groups in gain order, as many as needed (all candidates with a gain when they are not enough).
    public var groups: [Step]
    /// When the groups are not enough: criterion positions in gain order, as many as needed.
    public var criteria: [Step]

    /// The index at the end of the path.
    public var end: Double { criteria.last?.indexAfter ?? groups.last?.indexAfter ?? start }
    /// True when the path reaches the target.
    public var reaches: Bool { end >= target - PathToTarget.tolerance }
    /// True when the groups alone reach it.
    public var groupsSuffice: Bool { criteria.isEmpty && reaches }

    /// Rounding slack: 1e-12 of an index point, so an exact arithmetic tie counts as reaching it.
    static let tolerance = 1e-12

    /// The path for a department whose counts are `total`, with `groups` the candidates (disjoint parts
    /// of `total`, in any order; gains of 0 are skipped). `start` is nil when nothing was answered.
    public static func compute(total: Tally, groups: [Tally], shape: CatalogShape, target: Double) -> PathToTarget? {
        let k = shape.criterionCount
        let answered = (0..<k).map { total.answered($0) }
        let rates: [Double?] = (0..<k).map { answered[$0] > 0 ? Double(total.satisfied($0)) / Double(answered[$0]) : nil }
        guard let start = CriteriaMean.index(rates: rates, shape: shape) else { return nil }
        var path = PathToTarget(start: start, target: target, groups: [], criteria: [])
        if start >= target - tolerance { return path }

        let gains = groups.map { impactIfReachedTarget(total: total, group: $0, shape: shape, target: target) }
        let order = gains.indices.filter { gains[$0] > 0 }.sorted { gains[$0] != gains[$1] ? gains[$0] > gains[$1] : $0 < $1 }
        var index = start
        for g in order {
            index += gains[g]
            path.groups.append(Step(position: g, gain: gains[g], indexAfter: index, rate: nil))
            if index >= target - tolerance { return path }
        }

        // Every candidate raised: the department's satisfied counts after the raise, then criteria.
        var satisfied = (0..<k).map { Double(total.satisfied($0)) }
        for g in order {
            for c in 0..<k {
                let shortfall = target * Double(groups[g].answered(c)) - Double(groups[g].satisfied(c))
                if shortfall > 0 { satisfied[c] += shortfall }
            }
        }
        let weights = CriteriaMean.weights(answered: answered.map { $0 > 0 }, shape: shape)
        let criterionGains = (0..<k).map { c -> Double in
            guard weights[c] > 0 else { return 0 }
            return weights[c] * max(0, target - satisfied[c] / Double(answered[c]))
        }
        let criterionOrder = (0..<k).filter { criterionGains[$0] > 0 }
            .sorted { criterionGains[$0] != criterionGains[$1] ? criterionGains[$0] > criterionGains[$1] : $0 < $1 }
        for c in criterionOrder {
            index += criterionGains[c]
            path.criteria.append(Step(position: c, gain: criterionGains[c], indexAfter: index,
                                      rate: satisfied[c] / Double(answered[c])))
            if index >= target - tolerance { break }
        }
        return path
    }
}
