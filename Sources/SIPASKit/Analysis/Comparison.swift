import SIPASStatistics

/// Last year's figures for a summary, from either source (method note §6).
struct Comparison {
    /// Imported responses of the compared period, when there are any.
    var responses: (set: TallySet, result: IndexResult)?
    var published: Baseline?
    var year: Int

    /// The index change against the primary source (responses first, else published).
    func indexChange(_ current: Interval?) -> ChangeValue? {
        guard let current else { return nil }
        if let previous = responses?.result.index?.interval {
            return ChangeValue(Change.between(current, previous), method: "mover")
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

    func elementChange(_ code: String, _ current: Interval?) -> ChangeValue? {
        guard let current else { return nil }
        if let (set, result) = responses {
            guard let e = set.catalog.elements.firstIndex(where: { $0.code == code }),
                  let previous = result.elements[e]?.interval else { return nil }
            return ChangeValue(Change.between(current, previous), method: "mover")
        }
        if let value = published?.elements[code] {
            return ChangeValue(Change.against(current, published: value), method: "published")
        }
        return nil
    }

    /// A group's previous index (same key, imported responses only) and the change to `index`.
    func group(_ key: String, index: Interval?, method: IndexMethod) -> (previous: Double?, change: ChangeValue?) {
        guard let (set, _) = responses, let old = set.groups[key], old.responses > 0 else { return (nil, nil) }
        let previous = IndexEstimator.estimate(old, shape: set.catalog.shape, method: method).index
        guard let index, let previousInterval = previous?.interval else { return (previous?.value, nil) }
        return (previous?.value, ChangeValue(Change.between(index, previousInterval), method: "mover"))
    }

    /// Previous counts of a criterion (by code), from responses only.
    func criterion(_ code: String) -> (satisfied: Int, answered: Int)? {
        guard let (set, _) = responses, let c = set.catalog.position(ofCriterion: code) else { return nil }
        let n = set.total.answered(c)
        return n == 0 ? nil : (set.total.satisfied(c), n)
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
