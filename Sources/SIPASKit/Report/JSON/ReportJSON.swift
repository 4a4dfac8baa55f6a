import SIPASStatistics

// The JSON shape of the reports (README, "JSON output"): every key is always present, `null` when the
// value is missing — a script reads `previous` or `change` without first asking whether the key exists.
// Synthesized `Encodable` leaves nil keys out, so the report types encode themselves here. Decoding
// stays synthesized (it accepts `null` and absent keys alike). Shares are fractions in [0, 1], unrounded.

extension KeyedEncodingContainer {
    /// The value, or an explicit `null`.
    mutating func encodeOrNull<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
}

extension SummaryReport {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(period, forKey: .period)
        try c.encode(method, forKey: .method)
        try c.encode(intervalMethod, forKey: .intervalMethod)
        try c.encode(target, forKey: .target)
        try c.encode(minAnswers, forKey: .minAnswers)
        try c.encode(catalog, forKey: .catalog)
        try c.encode(responses, forKey: .responses)
        try c.encodeOrNull(index, forKey: .index)
        try c.encodeOrNull(gap, forKey: .gap)
        try c.encode(elements, forKey: .elements)
        try c.encode(elementsWithoutAnswers, forKey: .elementsWithoutAnswers)
        try c.encodeOrNull(previous, forKey: .previous)
        try c.encodeOrNull(previousPublished, forKey: .previousPublished)
        try c.encodeOrNull(change, forKey: .change)
        try c.encodeOrNull(comparison, forKey: .comparison)
        try c.encodeOrNull(by, forKey: .by)
        try c.encodeOrNull(groups, forKey: .groups)
        try c.encodeOrNull(rank, forKey: .rank)
        try c.encodeOrNull(path, forKey: .path)
    }
}

extension SummaryReport.Period {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encodeOrNull(firstResponse, forKey: .firstResponse)
        try c.encodeOrNull(lastResponse, forKey: .lastResponse)
    }
}

extension SummaryReport.ElementRow {
    /// The same names as the synthesized keys that decoding uses.
    enum JSONKeys: String, CodingKey {
        case code, label, index, previous, change, criteria
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(label, forKey: .label)
        try c.encodeOrNull(index, forKey: .index)
        try c.encodeOrNull(previous, forKey: .previous)
        try c.encodeOrNull(change, forKey: .change)
        try c.encode(criteria, forKey: .criteria)
    }
}

extension SummaryReport.CriterionRow {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(label, forKey: .label)
        try c.encode(answered, forKey: .answered)
        try c.encode(satisfied, forKey: .satisfied)
        try c.encode(dissatisfied, forKey: .dissatisfied)
        try c.encode(noAnswer, forKey: .noAnswer)
        try c.encodeOrNull(rate, forKey: .rate)
        try c.encodeOrNull(previous, forKey: .previous)
        try c.encodeOrNull(change, forKey: .change)
    }
}

extension SummaryReport.Previous {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(source, forKey: .source)
        try c.encodeOrNull(index, forKey: .index)
        try c.encodeOrNull(responses, forKey: .responses)
        try c.encode(elements, forKey: .elements)
        try c.encodeOrNull(rank, forKey: .rank)
        try c.encodeOrNull(rankOf, forKey: .rankOf)
        try c.encodeOrNull(reference, forKey: .reference)
    }
}

extension SummaryReport.GroupRow {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encodeOrNull(unit, forKey: .unit)
        try c.encode(responses, forKey: .responses)
        try c.encodeOrNull(index, forKey: .index)
        try c.encode(tooFewAnswers, forKey: .tooFewAnswers)
        try c.encode(elements, forKey: .elements)
        try c.encodeOrNull(previous, forKey: .previous)
        try c.encodeOrNull(change, forKey: .change)
    }
}

extension SummaryReport.ElementFigureOptional {
    enum JSONKeys: String, CodingKey {
        case code, index
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKeys.self)
        try c.encode(code, forKey: .code)
        try c.encodeOrNull(index, forKey: .index)
    }
}

extension FlagReport.FlaggedGroup {
    enum JSONKeys: String, CodingKey {
        case code, name, unit, responses, index, previous, change, flags, impact, dissatisfied, weakest, comments
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encodeOrNull(unit, forKey: .unit)
        try c.encode(responses, forKey: .responses)
        try c.encodeOrNull(index, forKey: .index)
        try c.encodeOrNull(previous, forKey: .previous)
        try c.encodeOrNull(change, forKey: .change)
        try c.encode(flags, forKey: .flags)
        try c.encode(impact, forKey: .impact)
        try c.encode(dissatisfied, forKey: .dissatisfied)
        try c.encodeOrNull(weakest, forKey: .weakest)
        try c.encode(comments, forKey: .comments)
    }
}

extension FlagReport {
    /// The list is `procedures[]` (or `units[]` with `--by unit`).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(period, forKey: .period)
        try c.encode(method, forKey: .method)
        try c.encode(intervalMethod, forKey: .intervalMethod)
        try c.encode(target, forKey: .target)
        try c.encode(minAnswers, forKey: .minAnswers)
        try c.encode(by, forKey: .by)
        try c.encode(responses, forKey: .responses)
        try c.encodeOrNull(index, forKey: .index)
        try c.encodeOrNull(previousSource, forKey: .previousSource)
        try c.encode(examined, forKey: .examined)
        try c.encode(items, forKey: by == "unit" ? .units : .procedures)
        try c.encodeOrNull(rank, forKey: .rank)
        try c.encodeOrNull(path, forKey: .path)
    }
}

extension RankStanding {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(year, forKey: .year)
        try c.encode(previous, forKey: .previous)
        try c.encode(of, forKey: .of)
        try c.encodeOrNull(projected, forKey: .projected)
        try c.encodeOrNull(projectedBest, forKey: .projectedBest)
        try c.encodeOrNull(projectedWorst, forKey: .projectedWorst)
        try c.encode(needed, forKey: .needed)
        try c.encodeOrNull(onTrack, forKey: .onTrack)
        try c.encodeOrNull(source, forKey: .source)
    }
}

extension RankStanding.Needed {
    enum JSONKeys: String, CodingKey { case places, index }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKeys.self)
        try c.encode(places, forKey: .places)
        try c.encodeOrNull(index, forKey: .index)
    }
}

extension TargetPath.ProcedureStep {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encodeOrNull(unit, forKey: .unit)
        try c.encode(gain, forKey: .gain)
        try c.encode(indexAfter, forKey: .indexAfter)
    }
}

extension ChangeValue {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(value, forKey: .value)
        try c.encode(low, forKey: .low)
        try c.encode(high, forKey: .high)
        try c.encode(clear, forKey: .clear)
        try c.encode(method, forKey: .method)
        try c.encodeOrNull(commonCriteria, forKey: .commonCriteria)
    }
}

extension SummaryReport.ComparisonBasis {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(basis, forKey: .basis)
        try c.encodeOrNull(commonCriteria, forKey: .commonCriteria)
        try c.encode(leftOut, forKey: .leftOut)
        try c.encode(previousOnly, forKey: .previousOnly)
        try c.encodeOrNull(currentIndex, forKey: .currentIndex)
    }
}
