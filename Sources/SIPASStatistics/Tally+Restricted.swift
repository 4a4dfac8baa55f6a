extension Tally {
    /// The same counts with the criteria not in `keep` made "not asked" (no answers, no pairs), so
    /// that two years are compared on the criteria both have (see `CriteriaMean`: a criterion
    /// without answers carries no weight). `responses`, `answeredAny` and `allSatisfied` are kept
    /// as they are: a respondent who answered only dropped criteria still counts among the
    /// respondents, which errs on the wide side for the interval.
    public func restricted(to keep: [Bool]) -> Tally {
        precondition(keep.count == criterionCount, "one flag per criterion expected")
        var t = self
        let k = criterionCount
        for c in 0..<k where !keep[c] {
            t.ratings[c] = Array(repeating: 0, count: 6)
            for d in 0..<k {
                for i in [c * k + d, d * k + c] {
                    t.bothAnswered[i] = 0
                    t.satisfiedAnswered[i] = 0
                    t.bothSatisfied[i] = 0
                }
            }
        }
        return t
    }
}
