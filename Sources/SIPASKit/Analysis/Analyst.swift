import SIPASStatistics

/// Turns stored counts into the reports' models: the only place where Storage and Statistics meet.
public struct Analyst: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// The year and period an analysis covers, and the period it compares with.
    struct Scope {
        var year: Int
        var period: DayRange
        var compareYear: Int
        var comparePeriod: DayRange
    }

    func scope(_ options: AnalysisOptions) throws(SIPASError) -> Scope {
        let years = try database.dataYears()
        guard let latest = years.last else { throw .noData }
        let year = options.year ?? options.from.map { $0 / 10000 } ?? latest
        let from = options.from ?? year * 10000 + 101
        let to = options.to ?? year * 10000 + 1231
        guard from <= to, from / 10000 == year, to / 10000 == year else {
            throw .invalidArgument(options.language.pick(
                "--from/--to phải nằm trong cùng năm \(year), --from trước --to",
                "--from/--to must lie within \(year), --from before --to"))
        }
        let compareYear = options.compare ?? year - 1
        let shift = (year - compareYear) * 10000
        var compareTo = to - shift
        // 29/02 of a leap year compares with 28/02.
        if compareTo % 10000 == 229, DateReader.daysIn(month: 2, year: compareTo / 10000) == 28 { compareTo -= 1 }
        return Scope(year: year, period: DayRange(from: from, to: to), compareYear: compareYear,
                     comparePeriod: DayRange(from: from - shift, to: compareTo))
    }

    func comparison(_ scope: Scope, by dimension: GroupDimension?, options: AnalysisOptions,
                    current: TallySet, currentResult: IndexResult) throws(SIPASError) -> Comparison {
        var comparison = Comparison(year: scope.compareYear)
        comparison.method = options.method
        if let set = try database.tallies(period: scope.comparePeriod, by: dimension) {
            comparison.compare(current: current, currentResult: currentResult, previous: set, method: options.method)
        }
        // A published figure is for a whole year: it is compared only with a whole year.
        if scope.period == DayRange.year(scope.year) {
            comparison.published = try database.baseline(year: scope.compareYear)
        }
        return comparison
    }

    /// `sipas summary`.
    public func summary(_ options: AnalysisOptions) throws(SIPASError) -> SummaryReport {
        let scope = try scope(options)
        // Without --by, the counts by procedure answer both: their total is the summary's, their groups
        // the path to the target's (one read of the tallies, not two).
        let dimension = options.by ?? .procedure
        guard let set = try database.tallies(period: scope.period, by: dimension) else {
            throw .yearWithoutData(scope.year)
        }
        let lang = options.language
        let shape = set.catalog.shape
        let result = IndexEstimator.estimate(set.total, shape: shape, method: options.method)
        let comparison = try comparison(scope, by: options.by, options: options, current: set, currentResult: result)

        var elements: [SummaryReport.ElementRow] = []
        for (e, element) in set.catalog.elements.enumerated() {
            let interval = result.elements[e]?.interval
            var criteria: [SummaryReport.CriterionRow] = []
            for c in shape.elements[e] {
                let criterion = set.catalog.criteria[c].criterion
                let t = set.total
                let previous = comparison.criterion(criterion.code)
                var change: ChangeValue?
                if let previous, let difference = Change.betweenRates(
                    successes: t.satisfied(c), trials: t.answered(c),
                    previousSuccesses: previous.satisfied, previousTrials: previous.answered) {
                    change = ChangeValue(difference, method: "newcombe")
                }
                criteria.append(.init(
                    code: criterion.code, label: lang.pick(criterion.labelVi, criterion.labelEn),
                    answered: t.answered(c), satisfied: t.satisfied(c), dissatisfied: t.dissatisfied(c),
                    noAnswer: t.noAnswer(c), rate: result.criteria[c]?.interval,
                    previous: previous.map { Double($0.satisfied) / Double($0.answered) }, change: change))
            }
            elements.append(.init(
                code: element.code, label: lang.pick(element.labelVi, element.labelEn), index: interval,
                previous: comparison.elementPrevious(element.code),
                change: comparison.elementChange(element.code, e, interval), criteria: criteria))
        }

        let index = result.index?.interval
        var report = SummaryReport(
            year: scope.year,
            period: .init(from: DayRange.iso(scope.period.from), to: DayRange.iso(scope.period.to),
                          firstResponse: set.firstDay.map(DayRange.iso), lastResponse: set.lastDay.map(DayRange.iso)),
            method: options.method, target: options.target, minAnswers: options.minAnswers,
            catalog: .init(key: set.catalog.key, name: lang.pick(set.catalog.nameVi, set.catalog.nameEn)),
            responses: set.total.responses, index: index, gap: index.map { $0.value - options.target },
            elements: elements,
            elementsWithoutAnswers: result.elementsWithoutAnswers.map { set.catalog.elements[$0].code },
            previous: comparison.responsesFigure(language: lang) ?? comparison.publishedFigure(),
            previousPublished: comparison.responses == nil ? nil : comparison.publishedFigure(),
            change: comparison.indexChange(index), comparison: comparison.basis(), by: options.by?.rawValue, groups: nil)
        if options.by != nil {
            report.groups = groups(set, comparison: comparison, options: options)
        }
        report.rank = try rankStanding(year: scope.compareYear, index: index)
        report.path = dimension == .procedure ? targetPath(set, options: options)
            : try targetPath(scope.period, options: options)
        return report
    }

    /// One row per group, worst first; groups under the minimum last, by size.
    func groups(_ set: TallySet, comparison: Comparison, options: AnalysisOptions) -> [SummaryReport.GroupRow] {
        let shape = set.catalog.shape
        var rows: [SummaryReport.GroupRow] = []
        for (key, tally) in set.groups where tally.responses > 0 {
            let result = IndexEstimator.estimate(tally, shape: shape, method: options.method)
            let index = result.index?.interval
            let (previous, change) = comparison.group(key, tally: tally, catalog: set.catalog, index: index)
            let info = set.info[key]
            rows.append(.init(
                key: key, label: info?.label ?? key, unit: info?.unit, responses: tally.responses, index: index,
                tooFewAnswers: tally.responses < options.minAnswers,
                elements: set.catalog.elements.enumerated().map { .init(code: $1.code, index: result.elements[$0]?.value) },
                previous: previous, change: change))
        }
        return rows.sorted { a, b in
            if a.tooFewAnswers != b.tooFewAnswers { return !a.tooFewAnswers }
            if a.tooFewAnswers { return (-a.responses, a.key) < (-b.responses, b.key) }
            return (a.index?.value ?? 2, a.key) < (b.index?.value ?? 2, b.key)
        }
    }
}

extension Catalog {
    /// The catalogue as the statistics see it: criterion positions per element.
    public var shape: CatalogShape { CatalogShape(elements: elementPositions, criterionCount: criterionCount) }
}
