import SIPASStatistics

/// Last year's figures for a summary, from either source (method note §6).
///
/// **Comparable comparisons.** When the two years' answered criteria differ (another catalogue, a
/// column a file did not ask), an index or element change compares like with like: both years are
/// restricted to the criteria answered in both (`Tally.restricted`), the change and the previous
/// figure are computed on that common set, and every output names it (`ChangeValue.commonCriteria`,
/// `SummaryReport.comparison`). The current year's own index is still shown on all its criteria.
struct Comparison {
    /// Imported responses of the compared period, when there are any, and their estimate on the
    /// common criteria.
    var responses: (set: TallySet, result: IndexResult)?
    var published: Baseline?
    var year: Int
    var method: IndexMethod = .criteriaMean
    /// The current year's estimate on the common criteria (its full estimate when all are common).
    var current: IndexResult?
    /// The common criteria (current catalogue order) when they are not all the answered ones of
    /// both years; nil when both years answered the same criteria.
    var commonCriteria: [String]?
    /// Criteria the current year answered that the compared year did not, and the reverse.
    var leftOut: [String] = []
    var previousOnly: [String] = []

    init(year: Int) { self.year = year }

    /// Codes of the criteria with answers in `tally`.
    static func answeredCodes(_ tally: Tally, _ catalog: Catalog) -> [String] {
        catalog.criteria.indices.filter { tally.answered($0) > 0 }.map { catalog.criteria[$0].criterion.code }
    }

    /// `tally` restricted to `codes` (nil: unchanged).
    static func restrict(_ tally: Tally, _ catalog: Catalog, to codes: Set<String>?) -> Tally {
        guard let codes else { return tally }
        return tally.restricted(to: catalog.criteria.map { codes.contains($0.criterion.code) })
    }

    /// Sets the responses of the compared period against the current set.
    mutating func compare(current set: TallySet, currentResult: IndexResult, previous: TallySet, method: IndexMethod) {
        self.method = method
        let now = Self.answeredCodes(set.total, set.catalog), before = Self.answeredCodes(previous.total, previous.catalog)
        let beforeSet = Set(before), nowSet = Set(now)
        if nowSet != beforeSet {
            commonCriteria = now.filter { beforeSet.contains($0) }
            leftOut = now.filter { !beforeSet.contains($0) }
            previousOnly = before.filter { !nowSet.contains($0) }
        }
        let common = commonCriteria.map(Set.init)
        current = common == nil ? currentResult
            : IndexEstimator.estimate(Self.restrict(set.total, set.catalog, to: common), shape: set.catalog.shape, method: method)
        responses = (previous, IndexEstimator.estimate(Self.restrict(previous.total, previous.catalog, to: common),
                                                       shape: previous.catalog.shape, method: method))
    }

    /// The index change against the primary source (responses first, else published).
    func indexChange(_ current: Interval?) -> ChangeValue? {
        guard let current else { return nil }
        if let previous = responses?.result.index?.interval, let now = self.current?.index?.interval {
            return ChangeValue(Change.between(now, previous), method: "mover", commonCriteria: commonCriteria)
        }
        if let published { return ChangeValue(Change.against(current, published: published.index), method: "published") }
        return nil
    }

    func elementPrevious(_ code: String) -> Double? {
        if let (set, result) = responses {
            guard let e = set.catalog.elements.firstIndex(where: { $0.code == code }) else { return nil }
            return result.elements[e]?.value
        }
        return published?.elements[code]
    }

    /// `e` is the element's position in the current catalogue.
    func elementChange(_ code: String, _ e: Int, _ current: Interval?) -> ChangeValue? {
        guard let current else { return nil }
        if let (set, result) = responses {
            guard let p = set.catalog.elements.firstIndex(where: { $0.code == code }),
                  let previous = result.elements[p]?.interval, let now = self.current?.elements[e]?.interval
            else { return nil }
            return ChangeValue(Change.between(now, previous), method: "mover", commonCriteria: commonCriteria)
        }
        if let value = published?.elements[code] {
            return ChangeValue(Change.against(current, published: value), method: "published")
        }
        return nil
    }

    /// A group's previous index (same key, imported responses only) and the change to its current
    /// index, on the criteria both years of that group answered.
    func group(_ key: String, tally: Tally, catalog: Catalog, index: Interval?) -> (previous: Double?, change: ChangeValue?) {
        guard let (set, _) = responses, let old = set.groups[key], old.responses > 0 else { return (nil, nil) }
        let now = Self.answeredCodes(tally, catalog), before = Self.answeredCodes(old, set.catalog)
        var common: [String]?
        if Set(now) != Set(before) { common = now.filter { Set(before).contains($0) } }
        let codes = common.map(Set.init)
        let previous = IndexEstimator.estimate(Self.restrict(old, set.catalog, to: codes), shape: set.catalog.shape,
                                               method: method).index
        guard index != nil, let previousInterval = previous?.interval else { return (previous?.value, nil) }
        let currentInterval = codes == nil ? index
            : IndexEstimator.estimate(Self.restrict(tally, catalog, to: codes), shape: catalog.shape, method: method).index?.interval
        guard let currentInterval else { return (previous?.value, nil) }
        return (previous?.value, ChangeValue(Change.between(currentInterval, previousInterval), method: "mover",
                                             commonCriteria: common))
    }

    /// Previous counts of a criterion (by code), from responses only.
    func criterion(_ code: String) -> (satisfied: Int, answered: Int)? {
        guard let (set, _) = responses, let c = set.catalog.position(ofCriterion: code) else { return nil }
        let n = set.total.answered(c)
        return n == 0 ? nil : (set.total.satisfied(c), n)
    }

    /// What the summary's comparison was computed on; nil without last year's responses.
    func basis() -> SummaryReport.ComparisonBasis? {
        guard responses != nil else { return nil }
        return SummaryReport.ComparisonBasis(
            basis: commonCriteria == nil ? "all-criteria" : "common-criteria", commonCriteria: commonCriteria,
            leftOut: leftOut, previousOnly: previousOnly,
            currentIndex: commonCriteria == nil ? nil : current?.index?.interval)
    }

    func responsesFigure(language: Language) -> SummaryReport.Previous? {
        guard let (set, result) = responses else { return nil }
        return SummaryReport.Previous(
            year: year, source: "responses", index: result.index?.interval, responses: set.total.responses,
            elements: set.catalog.elements.enumerated().compactMap { e, element in
                result.elements[e].map { SummaryReport.ElementFigure(code: element.code, index: $0.value) }
            }, rank: nil, rankOf: nil, reference: nil)
    }

    func publishedFigure() -> SummaryReport.Previous? {
        guard let published else { return nil }
        return SummaryReport.Previous(
            year: published.year, source: "published",
            index: Interval(value: published.index, low: published.index, high: published.index), responses: nil,
            elements: published.elements.sorted { $0.key < $1.key }.map { .init(code: $0.key, index: $0.value) },
            rank: published.rank, rankOf: published.rankOf, reference: published.source)
    }
}
