import GRDB
import SIPASStatistics

/// A group of responses in a summary: its key (procedure code, unit name, `2024-Q1`…) and label.
public struct GroupInfo: Sendable, Equatable {
    public var key: String
    public var label: String
    /// For a procedure: the unit that handles most of its responses.
    public var unit: String?
}

/// The counts for a period, in the reporting catalogue's criterion order: the total and, when
/// grouped, one tally per group.
public struct TallySet: Sendable {
    public var catalog: Catalog
    public var total: Tally
    public var groups: [String: Tally]
    public var info: [String: GroupInfo]
    /// First and last day with responses in the period (day precision from the files' ranges).
    public var firstDay: Int?
    public var lastDay: Int?
    /// Criteria of other catalogues used in the period that the reporting catalogue lacks.
    public var droppedCriteria: [String]
}

extension AppDatabase {
    /// The counts for `period`, grouped by `dimension`, from the tally tables (never scanning every
    /// response): by month from `tally_group` when the period is whole months; else by day from
    /// `tally_day` when the grouping needs no more than days (none, month, quarter); else the monthly
    /// groups corrected by the responses of the edge days (`talliesFromMonthsAndEdgeDays`). Only a
    /// period with a catalogue whose criteria the reporting one lacks is recomputed from the
    /// responses. Nil when there is no data.
    public func tallies(period: DayRange, by dimension: GroupDimension?) throws(SIPASError) -> TallySet? {
        if !period.isWholeMonths {
            if dimension == nil || dimension == .month || dimension == .quarter,
               let counted = try talliesFromDays(period: period, by: dimension) {
                return counted
            }
            if let counted = try talliesFromMonthsAndEdgeDays(period: period, by: dimension) { return counted }
            return try talliesFromResponses(period: period, by: dimension)
        }
        let counted: TallySet?? = try read { db in
            guard var builder = try TallySetBuilder(db, period: period, dimension: dimension) else { return .some(nil) }
            // A catalogue with criteria the reporting one lacks: its stored "answered any" and "all
            // satisfied" counts include those criteria, so only a recomputation is exact.
            if builder.dropsCriteria { return nil }
            try addMonthGroups(db, months: period.fromMonth...period.toMonth, into: &builder)
            return builder.finish()
        }
        if let counted { return counted }
        return try talliesFromResponses(period: period, by: dimension)
    }

    /// The counts for any days from the daily tallies: one row per day and catalogue. Nil (not
    /// answered here) when a catalogue of the period has criteria the reporting one lacks.
    func talliesFromDays(period: DayRange, by dimension: GroupDimension?) throws(SIPASError) -> TallySet?? {
        try read { db in
            guard var builder = try TallySetBuilder(db, period: period, dimension: dimension) else { return .some(nil) }
            if builder.dropsCriteria { return nil }
            let days = try RawStatement(db, sql: """
                SELECT day, catalog_id, responses, answered_any, all_satisfied, ratings, pairs
                FROM tally_day WHERE day BETWEEN ?1 AND ?2 AND responses > 0
                """)
            days.bind(1, period.from)
            days.bind(2, period.to)
            var first = Int.max, last = Int.min
            while try days.step() {
                let day = days.int(0), catalog = days.int(1)
                first = min(first, day)
                last = max(last, day)
                let slot = builder.slot(for: TallySetBuilder.Key(month: day / 100, procedure: 0, unit: 0, channel: 0,
                                                                 respondentType: 0))
                builder.addHead(slot, responses: days.int(2), answeredAny: days.int(3), allSatisfied: days.int(4),
                                procedure: 0, unit: 0)
                let n = days.withBlob(5) { PairBlob.decode($0) }
                for position in 0..<(n.count / 6) {
                    let i = position * 6
                    builder.addRatings(slot, catalog: catalog, position: position,
                                       counts: (n[i], n[i + 1], n[i + 2], n[i + 3], n[i + 4], n[i + 5]))
                }
                builder.addPairs(slot, catalog: catalog, counts: days.withBlob(6) { PairBlob.decode($0) })
            }
            var set = builder.finish()
            if set != nil, first <= last {
                set!.firstDay = first
                set!.lastDay = last
            }
            return .some(set)
        }
    }

    /// The same counts recomputed from the stored responses, one by one: the reference the tally
    /// tables are tested against, and the way to answer periods that are not whole months.
    public func talliesFromResponses(period: DayRange, by dimension: GroupDimension?) throws(SIPASError) -> TallySet? {
        try read { db in
            guard var builder = try TallySetBuilder(db, period: period, dimension: dimension) else { return nil }
            let rows = try RawStatement(db, sql: """
                SELECT r.day, r.procedure_id, r.unit_id, r.channel_id, r.respondent_type_id, r.ratings, f.catalog_id
                FROM response r JOIN import_file f ON f.id = r.file_id WHERE r.day BETWEEN ?1 AND ?2
                """)
            rows.bind(1, period.from)
            rows.bind(2, period.to)
            var first = Int.max, last = Int.min
            while try rows.step() {
                let day = rows.int(0)
                first = min(first, day)
                last = max(last, day)
                let key = TallySetBuilder.Key(month: day / 100, procedure: rows.int(1), unit: rows.int(2),
                                              channel: rows.int(3), respondentType: rows.int(4))
                builder.addResponse(builder.slot(for: key), catalog: rows.int(6), ratings: rows.blob(5),
                                    procedure: key.procedure, unit: key.unit)
            }
            var set = builder.finish()
            if set != nil, first <= last {
                set!.firstDay = first
                set!.lastDay = last
            }
            return set
        }
    }
}
