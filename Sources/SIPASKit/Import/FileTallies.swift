import Foundation

/// What one file's stored rows add to the tallies: per group (`TallyAccumulator.GroupKey`) and per day
/// (the key's `month` field holding yyyymmdd, the rest 0: `tally_day`).
struct FileTallies: Sendable {
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

    /// Counts one row in (sign +1) or out (sign −1): `ratings` are its `criterionCount` ratings.
    mutating func record(_ row: ParsedRow, ratings: UnsafeBufferPointer<UInt8>, sign: Int = 1) {
        groups.record(row.groupKey, ratings: ratings, sign: sign)
        days.record(Self.dayKey(row.day), ratings: ratings, sign: sign)
    }

    mutating func record(_ row: ParsedRow, ratings: ArraySlice<UInt8>, sign: Int = 1) {
        ratings.withUnsafeBufferPointer { record(row, ratings: $0, sign: sign) }
    }

    mutating func settle() {
        groups.settle()
        days.settle()
    }
}

/// One file's tallies, counted by whichever thread has time for a batch (`ValidatedBatch.countedByReader`).
/// While the writer has batches waiting it is the busier thread, and the reading thread counts each
/// batch it validates (the writer takes back out the rows it does not store: duplicates, refused
/// conflicts); while the writer waits for work — a cumulative export's known rows cost it one index
/// search each — the reading thread leaves the batch uncounted and the writer counts the rows it
/// stores, and no others. One accumulator for both, behind a lock taken once per batch: a second one
/// would hold another copy of every group's counts (about 7 MB at a year of 1,600 groups).
final class SharedTallies: @unchecked Sendable {
    private let lock = NSLock()
    private var tallies: FileTallies

    init(criterionCount: Int) { tallies = FileTallies(criterionCount: criterionCount) }

    /// Counts `rows` of `batch` in (sign +1) or out (sign −1), under the lock.
    func record(_ rows: some Sequence<ParsedRow>, of batch: ValidatedBatch, sign: Int) {
        lock.lock()
        defer { lock.unlock() }
        batch.ratings.withUnsafeBufferPointer { ratings in
            for row in rows {
                let start = Int(row.ratingsStart)
                tallies.record(row, ratings: UnsafeBufferPointer(rebasing: ratings[start..<(start + batch.criterionCount)]),
                               sign: sign)
            }
        }
    }

    /// The settled counts, once both threads are done with the file.
    func settled() -> FileTallies {
        lock.lock()
        defer { lock.unlock() }
        tallies.settle()
        return tallies
    }
}
