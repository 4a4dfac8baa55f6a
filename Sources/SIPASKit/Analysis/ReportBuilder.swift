import Foundation
import SIPASStatistics

extension Analyst {
    /// `sipas report`: everything the HTML report shows for one year.
    public func document(_ options: AnalysisOptions, department: String? = nil,
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
        return ReportDocument(
            summary: summary, procedures: procedures, trend: trend, trendGranularity: granularity, flags: flags,
            generatedAt: UTCTimestamp.string(from: now),
            department: department ?? options.language.pick("Sở Khoa học và Công nghệ tỉnh Lai Châu",
                                                            "Department of Science and Technology of Lai Châu"),
            units: try self.summary(byUnit), periods: try self.summary(byPeriod),
            // The rows still to fix, personal data masked unless asked for (as `sipas rejects` lists them).
            rejects: try rejects(showPersonalData: options.showPersonalData).records)
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
