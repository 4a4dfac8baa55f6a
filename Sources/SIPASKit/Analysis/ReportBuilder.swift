import Foundation
import SIPASStatistics

extension Analyst {
    /// `sipas report`: everything the HTML report shows for one year.
    public func document(_ options: AnalysisOptions, department: String? = nil, identity: DocumentIdentity? = nil,
                         now: Date = Date()) throws(SIPASError) -> ReportDocument {
        var base = options
        base.by = nil
        let summary = try summary(base)
        var byProcedure = options
        byProcedure.by = .procedure
        let procedures = try self.summary(byProcedure)
        let flags = try flags(byProcedure)
        let scope = try scope(options)
        let (trend, granularity) = try trend(scope, options: options)
        var byUnit = options
        byUnit.by = .unit
        var byPeriod = options
        byPeriod.by = granularity == "quarter" ? .quarter : .month
        let settings = try database.settings()
        let identity = identity ?? DocumentIdentity.resolve(settings, lang: options.language)
        var document = ReportDocument(
            summary: summary, procedures: procedures, trend: trend, trendGranularity: granularity, flags: flags,
            generatedAt: UTCTimestamp.string(from: now),
            department: department ?? settings[.department] ?? options.language.pick(
                "Sở Khoa học và Công nghệ tỉnh Lai Châu", "Department of Science and Technology of Lai Châu"),
            units: try self.summary(byUnit), periods: try self.summary(byPeriod),
            // The rows still to fix, personal data masked unless asked for (as `sipas rejects` lists them).
            rejects: try rejects(showPersonalData: options.showPersonalData).records,
            identity: identity)
        if let set = try database.tallies(period: scope.period, by: .procedure) {
            document.unitPlans = unitPlans(flags, set: set, options: options)
        }
        document.weakCriteria = try weakCriteria(summary, period: scope.period, options: options)
        return document
    }

    /// Section V: the judged flagged procedures grouped by unit, each with its criteria under the
    /// target ordered by what raising them adds to the department's index.
    func unitPlans(_ flags: FlagReport, set: TallySet, options: AnalysisOptions) -> [ReportDocument.UnitPlan] {
        let shape = set.catalog.shape
        let lang = options.language
        var byUnit: [String: [ReportDocument.PlanProcedure]] = [:]
        var order: [String] = []
        for item in flags.items where item.flags != [.tooFewAnswers] && item.impact > 0 {
            guard let tally = set.groups[item.code] else { continue }
            let gains = criterionGainsIfReachedTarget(total: set.total, group: tally, shape: shape, target: options.target)
            let criteria = Weakest.order(gains.map { $0 > 0 ? -$0 : nil }).map { c -> ReportDocument.PlanCriterion in
                let criterion = set.catalog.criteria[c].criterion
                return .init(code: criterion.code, label: lang.pick(criterion.labelVi, criterion.labelEn),
                             rate: tally.rate(c) ?? 0, gain: gains[c])
            }
            let unit = item.unit ?? ""
            if byUnit[unit] == nil { order.append(unit) }
            byUnit[unit, default: []].append(.init(code: item.code, name: item.name, index: item.index, gain: item.impact,
                                                   criteria: criteria))
        }
        return order.map { unit in
            let procedures = byUnit[unit]!
            return .init(unit: unit, gain: procedures.reduce(0) { $0 + $1.gain }, procedures: procedures)
        }.sorted { $0.gain != $1.gain ? $0.gain > $1.gain : $0.unit < $1.unit }
    }

    /// Section IV: up to five criteria under the target, lowest rate first, each with up to three
    /// comments of respondents not satisfied on it.
    func weakCriteria(_ summary: SummaryReport, period: DayRange, options: AnalysisOptions) throws(SIPASError)
        -> [ReportDocument.WeakCriterionNote] {
        var rows: [(SummaryReport.CriterionRow, String)] = []
        for e in summary.elements { for c in e.criteria { rows.append((c, e.label)) } }
        let weak = rows.filter { ($0.0.rate?.value ?? 1) < options.target }
            .sorted { ($0.0.rate!.value, $0.0.code) < ($1.0.rate!.value, $1.0.code) }.prefix(5)
        var notes: [ReportDocument.WeakCriterionNote] = []
        var shown = Set<String>()
        for (c, element) in weak {
            // A comment is quoted once, under the weakest criterion its author was not satisfied on.
            let comments = try database.commentsOfUnsatisfied(criterion: c.code, period: period, limit: 12)
                .filter { shown.insert($0.text).inserted }.prefix(3)
            notes.append(.init(code: c.code, label: c.label, elementLabel: element, rate: c.rate, answered: c.answered,
                               dissatisfied: c.dissatisfied,
                               comments: comments.map { .init(date: DayRange.iso($0.day),
                                                                   text: Self.shorten(options.showPersonalData ? $0.text : PersonalData.mask($0.text))) }))
        }
        return notes
    }

    /// The index month by month; quarter by quarter when most months have fewer answers than the minimum.
    func trend(_ scope: Scope, options: AnalysisOptions) throws(SIPASError) -> ([ReportDocument.TrendPoint], String) {
        func points(_ dimension: GroupDimension) throws(SIPASError) -> [ReportDocument.TrendPoint] {
            guard let set = try database.tallies(period: scope.period, by: dimension) else { return [] }
            return set.groups.keys.sorted().map { key in
                let tally = set.groups[key]!
                let result = IndexEstimator.estimate(tally, shape: set.catalog.shape, method: options.method)
                return .init(key: key, responses: tally.responses, index: result.index?.interval,
                             tooFewAnswers: tally.responses < options.minAnswers)
            }
        }
        let months = try points(.month)
        let thin = months.filter(\.tooFewAnswers).count
        if months.count >= 3 && thin * 2 > months.count { return (try points(.quarter), "quarter") }
        return (months, "month")
    }
}
