/// Where an index would stand in a published table of the other departments' indices (the rank
/// target: 2–4 places better than last year).
///
///     rank(v) = 1 + #{others strictly above v}            ties share the better place
///
/// The interval's ends give the range: the high end the best rank, the low end the worst. The index
/// needed for rank r (r ≤ number of others) is the r-th highest of the others — equal to it is enough,
/// since ties share the better place.
///
/// Worked example — others (0.97, 0.955, 0.95, 0.95, 0.93), last year's rank 5 of 6, current index
/// 0.952 [0.947, 0.958]:
///
///     projected rank = 1 + #{0.97, 0.955} = 3; best (0.958) = 2; worst (0.947) = 1 + 4 = 5
///     +2 places → rank 3: the 3rd highest, 0.95; +4 places → rank 1: 0.97
///     on track: 3 ≤ 5 − 2 ✓
public enum RankProjection {
    /// The rank `value` would take among `others`.
    public static func rank(of value: Double, among others: [Double]) -> Int {
        1 + others.filter { $0 > value }.count
    }

    /// The least index that takes rank `rank` among `others`; nil when `rank` is not a place one can
    /// move to (under 1, or beyond the table).
    public static func indexNeeded(forRank rank: Int, among others: [Double]) -> Double? {
        guard rank >= 1 else { return nil }
        let sorted = others.sorted(by: >)
        guard rank <= sorted.count else { return nil }
        return sorted[rank - 1]
    }

    /// The rank the target asks for: `places` better than `previous`, never above first place.
    public static func targetRank(previous: Int, places: Int) -> Int { max(1, previous - places) }

    /// On track when the projected rank is at least 2 places better than last year's (first place
    /// when last year's was 1 to 3).
    public static func onTrack(projected: Int, previous: Int, places: Int = 2) -> Bool {
        projected <= targetRank(previous: previous, places: places)
    }
}
