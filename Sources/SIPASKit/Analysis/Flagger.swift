import SIPASStatistics

extension Analyst {
    /// `sipas flag`: the procedures (or units) that pull the index down, with what to fix, ordered by
    /// how much the department's index would gain if each reached the target.
    public func flags(_ options: AnalysisOptions) throws(SIPASError) -> FlagReport {
        let dimension: GroupDimension = options.by == .unit ? .unit : .procedure
        let scope = try scope(options)
        guard let set = try database.tallies(period: scope.period, by: dimension) else {
            throw .yearWithoutData(scope.year)
        }
        let lang = options.language
        let shape = set.catalog.shape
        let department = IndexEstimator.estimate(set.total, shape: shape, method: options.method)
        let comparison = try comparison(scope, by: dimension, options: options, current: set, currentResult: department)

        var items: [FlagReport.FlaggedGroup] = []
        for (key, tally) in set.groups where tally.responses > 0 {
            let result = IndexEstimator.estimate(tally, shape: shape, method: options.method)
            let index = result.index?.interval
            let (previous, change) = comparison.group(key, tally: tally, catalog: set.catalog, index: index)
            let changeInterval = change.map { Interval(value: $0.value, low: $0.low, high: $0.high) }
            let flags = verdicts(index: index, change: changeInterval, responses: tally.responses,
                                 target: options.target, minimumAnswers: options.minAnswers)
            if flags.isEmpty && !options.all { continue }
            let info = set.info[key]
            let comments = try database.recentComments(
                procedureCode: dimension == .procedure ? key : nil, unitName: dimension == .unit ? key : nil,
                period: scope.period)
            items.append(.init(
                code: key, name: info?.label ?? key, unit: dimension == .procedure ? info?.unit : nil,
                responses: tally.responses, index: index, previous: previous, change: change, flags: flags,
                impact: impactIfReachedTarget(total: set.total, group: tally, shape: shape, target: options.target),
                dissatisfied: (0..<shape.criterionCount).reduce(0) { $0 + tally.dissatisfied($1) },
                weakest: weakest(result, tally: tally, catalog: set.catalog, lang: lang),
                // Masked here, once, so that every renderer (text, CSV, JSON, Markdown, HTML, and any
                // later format) receives masked text; the database keeps the original.
                comments: comments.map { comment in
                    let text = Self.shorten(comment.text)
                    return .init(date: DayRange.iso(comment.day),
                                 text: options.showPersonalData ? text : PersonalData.mask(text))
                }))
        }
        items.sort { a, b in
            let aJudged = a.flags != [.tooFewAnswers], bJudged = b.flags != [.tooFewAnswers]
            if aJudged != bJudged { return aJudged }
            if a.impact != b.impact { return a.impact > b.impact }
            return a.code < b.code
        }
        var report = FlagReport(
            year: scope.year,
            period: .init(from: DayRange.iso(scope.period.from), to: DayRange.iso(scope.period.to),
                          firstResponse: set.firstDay.map(DayRange.iso), lastResponse: set.lastDay.map(DayRange.iso)),
            method: options.method, target: options.target, minAnswers: options.minAnswers,
            by: dimension.rawValue, responses: set.total.responses, index: department.index?.interval,
            previousSource: comparison.responses != nil ? "responses" : nil, items: items,
            examined: set.groups.values.filter { $0.responses > 0 }.count)
        report.rank = try rankStanding(year: scope.compareYear, index: department.index?.interval)
        report.path = dimension == .procedure ? targetPath(set, options: options)
            : try targetPath(scope.period, options: options)
        return report
    }

    /// The weakest element, and the two weakest criteria of the whole catalogue (lowest rate first,
    /// ties in catalogue order): the criteria to fix need not sit in the weakest element.
    func weakest(_ result: IndexResult, tally: Tally, catalog: Catalog, lang: Language) -> FlagReport.Weakest? {
        guard let e = Weakest.order(result.elements).first, let element = result.elements[e] else { return nil }
        let criteria = Weakest.order(result.criteria).prefix(2).compactMap { c -> FlagReport.WeakCriterion? in
            guard let estimate = result.criteria[c] else { return nil }
            let criterion = catalog.criteria[c].criterion
            return .init(code: criterion.code, label: lang.pick(criterion.labelVi, criterion.labelEn),
                         rate: estimate.value, answered: tally.answered(c), satisfied: tally.satisfied(c),
                         dissatisfied: tally.dissatisfied(c))
        }
        let info = catalog.elements[e]
        return .init(element: .init(code: info.code, label: lang.pick(info.labelVi, info.labelEn), index: element.value),
                     criteria: criteria)
    }

    /// A comment on one line, at most 160 characters.
    static func shorten(_ text: String) -> String {
        let line = text.split(whereSeparator: { $0.isNewline }).joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
        return line.count <= 160 ? line : String(line.prefix(159)).trimmingCharacters(in: .whitespaces) + "…"
    }
}
