import SIPASStatistics

/// The two targets of the department's plan beside the index: the rank (against last year's
/// published table) and the path to the index target.
extension Analyst {
    /// Where `index` would stand in the table recorded for `year`; nil when none was recorded.
    func rankStanding(year: Int, index: Interval?) throws(SIPASError) -> RankStanding? {
        guard let table = try database.rankTable(year: year), let previous = table.ownRank else { return nil }
        let others = table.others.map(\.index)
        let projected = index.map { RankProjection.rank(of: $0.value, among: others) }
        return RankStanding(
            year: year, previous: previous, of: table.rows.count, projected: projected,
            projectedBest: index.map { RankProjection.rank(of: $0.high, among: others) },
            projectedWorst: index.map { RankProjection.rank(of: $0.low, among: others) },
            needed: [2, 4].map { places in
                .init(places: places, index: RankProjection.indexNeeded(forRank: previous - places, among: others))
            },
            onTrack: projected.map { RankProjection.onTrack(projected: $0, previous: previous) },
            source: table.source)
    }

    /// The path to the target over the period's procedures. The candidates are the procedures the
    /// flags judge under the target (enough answers, index below it), so the path names only
    /// procedures the flag list shows.
    func targetPath(_ period: DayRange, options: AnalysisOptions) throws(SIPASError) -> TargetPath? {
        guard let set = try database.tallies(period: period, by: .procedure) else { return nil }
        return targetPath(set, options: options)
    }

    func targetPath(_ set: TallySet, options: AnalysisOptions) -> TargetPath? {
        let shape = set.catalog.shape
        let keys = set.groups.keys.sorted().filter { key in
            let tally = set.groups[key]!
            guard tally.responses >= options.minAnswers,
                  let index = IndexEstimator.estimate(tally, shape: shape, method: options.method).index else { return false }
            return index.value < options.target
        }
        guard let path = PathToTarget.compute(total: set.total, groups: keys.map { set.groups[$0]! }, shape: shape,
                                              target: options.target) else { return nil }
        let lang = options.language
        return TargetPath(
            target: options.target, start: path.start, end: path.end, reaches: path.reaches,
            procedures: path.groups.map { step in
                let key = keys[step.position]
                return .init(code: key, name: set.info[key]?.label ?? key, unit: set.info[key]?.unit,
                             gain: step.gain, indexAfter: step.indexAfter)
            },
            criteria: path.criteria.map { step in
                let criterion = set.catalog.criteria[step.position].criterion
                return .init(code: criterion.code, label: lang.pick(criterion.labelVi, criterion.labelEn),
                             rate: step.rate ?? 0, gain: step.gain, indexAfter: step.indexAfter)
            },
            candidates: keys.count)
    }
}
