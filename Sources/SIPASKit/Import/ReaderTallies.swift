/// What the reading thread counts of the rows it accepts: per group (`TallyAccumulator.GroupKey`) and
/// per day (the key's `month` field holding yyyymmdd, the rest 0: `tally_day`). Counted there, where
/// the core has time to spare, rather than by the writer, which on most exports is the busier thread;
/// the writer takes back out the rows it does not store (duplicates, refused conflicts).
struct ReaderTallies: Sendable {
    var groups: TallyAccumulator
    var days: TallyAccumulator

    init(criterionCount: Int) {
        groups = TallyAccumulator(criterionCount: criterionCount)
        days = TallyAccumulator(criterionCount: criterionCount)
    }

    /// The key of a day's counts.
    static func dayKey(_ day: Int32) -> TallyAccumulator.GroupKey {
        TallyAccumulator.GroupKey(month: day, procedure: 0, unit: 0, channel: 0, respondentType: 0)
    }

    /// Counts one accepted row: `ratings` are its `criterionCount` ratings.
    mutating func record(_ row: ParsedRow, ratings: UnsafeBufferPointer<UInt8>) {
        groups.record(row.groupKey, ratings: ratings)
        days.record(Self.dayKey(row.day), ratings: ratings)
    }

    mutating func record(_ row: ParsedRow, ratings: ArraySlice<UInt8>) {
        ratings.withUnsafeBufferPointer { record(row, ratings: $0) }
    }

    mutating func settle() {
        groups.settle()
        days.settle()
    }
}
