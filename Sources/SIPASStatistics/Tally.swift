/// Additive counts for one set of responses (a year, a quarter, a procedure, a unit, a channel…).
///
/// Every field is a plain sum over respondents, so two tallies of disjoint sets add exactly and a
/// tally of a subset can be subtracted from the tally that contains it. That is what lets the
/// database layer aggregate in SQL and this module compute indices and their intervals without
/// seeing individual responses.
///
/// A respondent *answered* criterion c when they gave a rating 1...5 (0 = no answer), and is
/// *satisfied* on c when the rating is 4 or 5.
///
/// The pair counts are full K×K matrices stored row-major (`[c * K + d]`), diagonal included:
/// `bothAnswered[c*K+c] == answered(c)`, `satisfiedAnswered[c*K+c] == bothSatisfied[c*K+c] == satisfied(c)`.
/// `bothAnswered` and `bothSatisfied` are symmetric; `satisfiedAnswered` is not.
public struct Tally: Sendable, Equatable, Hashable, Codable {
    public var criterionCount: Int
    /// Responses (rows) in the set, including those that answered nothing.
    public var responses: Int
    /// Respondents who answered at least one criterion.
    public var answeredAny: Int
    /// Of those, respondents satisfied with every criterion they answered.
    public var allSatisfied: Int
    /// `[criterion][0...5]`: 0 = no answer, 1...5 the five-point rating.
    public var ratings: [[Int]]
    /// Respondents who answered c and d.
    public var bothAnswered: [Int]
    /// Respondents satisfied on c and who answered d.
    public var satisfiedAnswered: [Int]
    /// Respondents satisfied on c and on d.
    public var bothSatisfied: [Int]

    /// A tally of no responses.
    public init(criterionCount: Int) {
        precondition(criterionCount >= 0, "criterionCount must not be negative")
        self.criterionCount = criterionCount
        responses = 0
        answeredAny = 0
        allSatisfied = 0
        ratings = Array(repeating: Array(repeating: 0, count: 6), count: criterionCount)
        let pairs = Array(repeating: 0, count: criterionCount * criterionCount)
        bothAnswered = pairs
        satisfiedAnswered = pairs
        bothSatisfied = pairs
    }

    // MARK: Recording and combining

    /// A rating value meaning "this criterion was not asked" (the file had no column for it, e.g. a
    /// counter tablet that asks five questions): it counts neither as an answer nor as a no-answer.
    public static let notAsked: UInt8 = 0xFF

    /// Records one respondent. `ratings[c]` is 0 (no answer), a rating 1...5, or `notAsked`; the
    /// array holds one entry per criterion.
    public mutating func record(ratings respondent: [UInt8]) {
        precondition(respondent.count == criterionCount, "one rating per criterion expected")
        precondition(respondent.allSatisfy { $0 <= 5 || $0 == Tally.notAsked },
                     "ratings are 0 (no answer), 1...5, or notAsked")
        let k = criterionCount
        responses += 1
        for c in 0..<k where respondent[c] <= 5 { ratings[c][Int(respondent[c])] += 1 }
        let answered = (0..<k).filter { respondent[$0] >= 1 && respondent[$0] <= 5 }
        guard !answered.isEmpty else { return }
        let satisfied = answered.filter { respondent[$0] >= 4 }
        answeredAny += 1
        if satisfied.count == answered.count { allSatisfied += 1 }
        for c in answered {
            for d in answered { bothAnswered[c * k + d] += 1 }
        }
        for c in satisfied {
            for d in answered { satisfiedAnswered[c * k + d] += 1 }
            for d in satisfied { bothSatisfied[c * k + d] += 1 }
        }
    }

    /// Adds the counts of a disjoint set of responses.
    public mutating func add(_ other: Tally) {
        combine(other, sign: 1)
    }

    /// Removes the counts of a subset of the responses counted here.
    public mutating func subtract(_ other: Tally) {
        combine(other, sign: -1)
    }

    public static func + (lhs: Tally, rhs: Tally) -> Tally {
        var sum = lhs
        sum.add(rhs)
        return sum
    }

    public static func - (lhs: Tally, rhs: Tally) -> Tally {
        var difference = lhs
        difference.subtract(rhs)
        return difference
    }

    private mutating func combine(_ other: Tally, sign: Int) {
        precondition(other.criterionCount == criterionCount, "tallies of different catalogues")
        responses += sign * other.responses
        answeredAny += sign * other.answeredAny
        allSatisfied += sign * other.allSatisfied
        for c in 0..<criterionCount {
            for r in 0...5 { ratings[c][r] += sign * other.ratings[c][r] }
        }
        for i in bothAnswered.indices {
            bothAnswered[i] += sign * other.bothAnswered[i]
            satisfiedAnswered[i] += sign * other.satisfiedAnswered[i]
            bothSatisfied[i] += sign * other.bothSatisfied[i]
        }
    }

    // MARK: Per-criterion counts

    /// Respondents who rated criterion c (1...5).
    public func answered(_ c: Int) -> Int { ratings[c][1...5].reduce(0, +) }
    /// Respondents satisfied on criterion c (rating 4 or 5).
    public func satisfied(_ c: Int) -> Int { ratings[c][4] + ratings[c][5] }
    /// Responses that left criterion c unanswered.
    public func noAnswer(_ c: Int) -> Int { ratings[c][0] }
    /// Respondents dissatisfied on criterion c (rating 1 or 2).
    public func dissatisfied(_ c: Int) -> Int { ratings[c][1] + ratings[c][2] }
    /// `satisfied(c) / answered(c)`, nil when nobody answered c.
    public func rate(_ c: Int) -> Double? {
        let n = answered(c)
        return n == 0 ? nil : Double(satisfied(c)) / Double(n)
    }

    // MARK: Checking counts that were aggregated elsewhere

    /// True when the counts obey the identities a tally built by `record` always obeys: no negative
    /// count, every criterion's ratings sum to at most `responses` (less when it was not asked), the diagonals match the per-criterion
    /// counts, `bothAnswered`/`bothSatisfied` are symmetric, satisfied ⊆ answered pairwise, and
    /// `allSatisfied <= answeredAny <= responses`. Meant for tallies read from a database.
    public var isConsistent: Bool {
        let k = criterionCount
        guard ratings.count == k, ratings.allSatisfy({ $0.count == 6 }),
              bothAnswered.count == k * k, satisfiedAnswered.count == k * k, bothSatisfied.count == k * k,
              0 <= allSatisfied, allSatisfied <= answeredAny, answeredAny <= responses
        else { return false }
        for c in 0..<k {
            guard ratings[c].allSatisfy({ $0 >= 0 }), ratings[c].reduce(0, +) <= responses,
                  bothAnswered[c * k + c] == answered(c),
                  satisfiedAnswered[c * k + c] == satisfied(c),
                  bothSatisfied[c * k + c] == satisfied(c),
                  answered(c) <= answeredAny
            else { return false }
            for d in 0..<k {
                let cd = c * k + d, dc = d * k + c
                guard bothAnswered[cd] == bothAnswered[dc], bothSatisfied[cd] == bothSatisfied[dc],
                      0 <= bothSatisfied[cd], bothSatisfied[cd] <= satisfiedAnswered[cd],
                      satisfiedAnswered[cd] <= bothAnswered[cd]
                else { return false }
            }
        }
        return true
    }
}
