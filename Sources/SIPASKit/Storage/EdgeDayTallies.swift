import GRDB

/// Periods off month boundaries for any grouping (procedure, unit, channel, respondent type): the
/// monthly group tallies (`tally_group`) of every month the period touches, corrected at its two edge
/// months by the responses of the days the period leaves out there — or, where fewer responses fall
/// on the days it keeps, the edge month is left out and those days are counted instead. All counts
/// are additive integers, so the result is exactly the recomputation's.
///
/// Worked example: 05/03/2024–20/09/2024. March: the period keeps 5–31 and leaves out 1–4; fewer
/// responses fall on 1–4, so March's groups are added whole and the responses of 1–4 March taken
/// back out. September: it keeps 1–20 and leaves out 21–30; 21–30 has fewer, so the same. April to
/// August are added whole. The daily tallies say how many fall on each side before anything is read;
/// the responses of 1–4 March and 21–30 September are then read by id from the day runs
/// (`ResponseDayRuns`): at 1,000,000 responses about 31,000 lookups instead of a scan of all of them.
/// Only when the runs do not account for every one of those responses are they found by a scan.
extension AppDatabase {
    /// Nil when a catalogue of the period has criteria the reporting one lacks (only a recomputation
    /// is exact then); `.some(nil)` when the period has no data.
    func talliesFromMonthsAndEdgeDays(period: DayRange, by dimension: GroupDimension?) throws(SIPASError) -> TallySet?? {
        try read { db in
            guard var builder = try TallySetBuilder(db, period: period, dimension: dimension) else { return .some(nil) }
            if builder.dropsCriteria { return nil }
            let plan = try EdgePlan(db, period: period)
            try addMonthGroups(db, months: period.fromMonth...period.toMonth, skipping: plan.skippedMonths, into: &builder)
            try addEdgeResponses(db, plan: plan, into: &builder)
            var set = builder.finish()
            if set != nil {
                let range = try Row.fetchOne(db, sql: """
                    SELECT MIN(day), MAX(day) FROM tally_day WHERE day BETWEEN ? AND ? AND responses > 0
                    """, arguments: [period.from, period.to])
                set!.firstDay = range?[0]
                set!.lastDay = range?[1]
            }
            return .some(set)
        }
    }

    /// Adds the stored group tallies of `months` (yyyymm), but for those in `skipping`.
    func addMonthGroups(_ db: Database, months: ClosedRange<Int>, skipping: Set<Int> = [],
                        into builder: inout TallySetBuilder) throws {
        // The months' groups are found in the month index, then read in id order: read in month order,
        // groups an import wrote together share pages, and each page was read again for every month on
        // it (the 2 MiB page cache holds a fraction of the pair counts).
        let groups = try RawStatement(db, sql: """
            SELECT id, catalog_id, month, procedure_id, unit_id, channel_id, respondent_type_id,
                   responses, answered_any, all_satisfied, pairs
            FROM tally_group
            WHERE id IN (SELECT id FROM tally_group WHERE month BETWEEN ?1 AND ?2 AND responses > 0)
            """)
        groups.bind(1, months.lowerBound)
        groups.bind(2, months.upperBound)
        var sums = SlotSums()
        var entryOfGroup: [Int: Int] = [:]
        while try groups.step() {
            if skipping.contains(groups.int(2)) { continue }
            let key = TallySetBuilder.Key(month: groups.int(2), procedure: groups.int(3), unit: groups.int(4),
                                          channel: groups.int(5), respondentType: groups.int(6))
            let slot = builder.slot(for: key)
            builder.addHead(slot, responses: groups.int(7), answeredAny: groups.int(8),
                            allSatisfied: groups.int(9), procedure: key.procedure, unit: key.unit)
            let entry = sums.entry(slot: slot, catalog: groups.int(1))
            entryOfGroup[groups.int(0)] = entry
            groups.withBlob(10) { sums.addPairs(entry, $0) }
        }
        let ratings = try RawStatement(db, sql: """
            SELECT r.group_id, r.position, r.n0, r.n1, r.n2, r.n3, r.n4, r.n5
            FROM tally_rating r JOIN tally_group g ON g.id = r.group_id WHERE g.month BETWEEN ?1 AND ?2
            """)
        ratings.bind(1, months.lowerBound)
        ratings.bind(2, months.upperBound)
        while try ratings.step() {
            guard let entry = entryOfGroup[ratings.int(0)] else { continue }
            sums.addRatings(entry, position: ratings.int(1),
                            counts: (ratings.int(2), ratings.int(3), ratings.int(4), ratings.int(5),
                                     ratings.int(6), ratings.int(7)))
        }
        sums.add(into: &builder)
    }

    /// Whether the last edge-day read found the responses by id (`response_day_run`) rather than by
    /// a scan (for tests).
    nonisolated(unsafe) static var lastEdgeReadByID = false

    /// Counts the responses of the plan's day ranges — read by id from the day runs, or, when those
    /// do not account for every response of those days, in one scan — then adds (or takes out) their
    /// group tallies.
    private func addEdgeResponses(_ db: Database, plan: EdgePlan, into builder: inout TallySetBuilder) throws {
        guard !plan.pieces.isEmpty else { return }
        var counts = EdgeCounts(pieces: plan.pieces)
        AppDatabase.lastEdgeReadByID = try counts.readByID(db)
        if !AppDatabase.lastEdgeReadByID {
            counts = EdgeCounts(pieces: plan.pieces)
            try counts.readByScan(db)
        }
        for sign in [1, -1] {
            for (catalog, var tally) in counts.counted[sign]!.sorted(by: { $0.key < $1.key }) {
                tally.settle()
                builder.add(tally, catalog: catalog, sign: sign)
            }
        }
    }
}

/// The responses of an edge plan's day ranges, counted per sign and catalogue in the import's
/// accumulator (bit-sliced pair counts).
struct EdgeCounts {
    let pieces: [EdgePlan.Piece]
    var counted: [Int: [Int: TallyAccumulator]] = [1: [:], -1: [:]]

    init(pieces: [EdgePlan.Piece]) { self.pieces = pieces }

    private mutating func record(_ rows: RawStatement, sign: Int, catalog: Int) {
        let day = rows.int(0)
        let key = TallyAccumulator.GroupKey(month: Int32(day / 100), procedure: Int32(rows.int(1)),
                                            unit: Int32(rows.int(2)), channel: Int32(rows.int(3)),
                                            respondentType: Int32(rows.int(4)))
        rows.withBlob(5) { ratings in
            let values = ratings.bindMemory(to: UInt8.self)
            counted[sign]![catalog, default: TallyAccumulator(criterionCount: values.count)]
                .record(key, ratings: values)
        }
    }

    /// Reads, range by range, the responses the day runs of its days name, keeping those whose day is
    /// in that range (an id reused on another day is counted under its own day's range only). True when
    /// every range got as many as `tally_day` said it has (`EdgePlan`): the runs name a superset of each day's
    /// responses, and each is read once, so the same number is the same responses. False when not, or
    /// when a run is damaged: the counts are then incomplete and must be thrown away.
    mutating func readByID(_ db: Database) throws -> Bool {
        var catalogOfFile: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, catalog_id FROM import_file") { catalogOfFile[row[0]] = row[1] }
        // One statement for many ids (a JSON array, in id order: each search starts near the last), not
        // a statement run a response (31,460 responses: 40 ms in the sqlite3 shell; a statement run a
        // response spent about 65 ms stepping and resetting); at most `idsPerRead` ids a time, so the
        // text stays small at any size.
        let rows = try RawStatement(db, sql: """
            SELECT r.day, r.procedure_id, r.unit_id, r.channel_id, r.respondent_type_id, r.ratings, r.file_id
            FROM json_each(?1) AS e CROSS JOIN response AS r ON r.id = e.value
            """)
        for piece in pieces {
            guard let ids = try ResponseDayRuns.ids(db, days: piece.days), ids.count >= piece.responses else { return false }
            var found = 0
            for start in stride(from: 0, to: ids.count, by: Self.idsPerRead) {
                rows.bind(1, Self.jsonArray(ids[start..<min(start + Self.idsPerRead, ids.count)]))
                while try rows.step() {
                    guard piece.days.contains(rows.int(0)), let catalog = catalogOfFile[rows.int(6)] else { continue }
                    found += 1
                    record(rows, sign: piece.sign, catalog: catalog)
                }
            }
            if found != piece.responses { return false }
        }
        return true
    }

    /// Ids read in one statement (tests lower it).
    nonisolated(unsafe) static var idsPerRead = 65_536

    /// `[1,22,333]`.
    static func jsonArray(_ ids: ArraySlice<Int64>) -> String {
        var text = "["
        text.reserveCapacity(ids.count * 9 + 2)
        for (i, id) in ids.enumerated() {
            if i > 0 { text += "," }
            text += String(id)
        }
        return text + "]"
    }

    /// Reads every response, keeping those whose day is in a range.
    mutating func readByScan(_ db: Database) throws {
        let condition = pieces.indices.map { "r.day BETWEEN ?\(2 * $0 + 1) AND ?\(2 * $0 + 2)" }.joined(separator: " OR ")
        let rows = try RawStatement(db, sql: """
            SELECT r.day, r.procedure_id, r.unit_id, r.channel_id, r.respondent_type_id, r.ratings, f.catalog_id
            FROM response r JOIN import_file f ON f.id = r.file_id WHERE \(condition)
            """)
        for (i, piece) in pieces.enumerated() {
            rows.bind(Int32(2 * i + 1), piece.days.lowerBound)
            rows.bind(Int32(2 * i + 2), piece.days.upperBound)
        }
        while try rows.step() {
            let day = rows.int(0)
            record(rows, sign: pieces.first { $0.days.contains(day) }!.sign, catalog: rows.int(6))
        }
    }
}

/// Which edge months are added whole (and corrected by taking out the days the period leaves out)
/// and which are left out (and their kept days counted instead), whichever scans fewer responses.
struct EdgePlan {
    /// Months of the period not added from the group tallies.
    var skippedMonths: Set<Int> = []
    /// A range of days whose responses are added (sign 1) or taken out (sign −1), with how many
    /// responses the daily tallies say it has.
    struct Piece {
        var days: ClosedRange<Int>
        var sign: Int
        var responses: Int
    }
    var pieces: [Piece] = []

    init(_ db: Database, period: DayRange) throws {
        var edges = [period.fromMonth]
        if period.toMonth != period.fromMonth { edges.append(period.toMonth) }
        for month in edges {
            let first = month * 100 + 1
            let last = month * 100 + DateReader.daysIn(month: month % 100, year: month / 100)
            let kept = max(first, period.from)...min(last, period.to)
            if kept == first...last { continue }
            var left: [ClosedRange<Int>] = []
            if kept.lowerBound > first { left.append(first...(kept.lowerBound - 1)) }
            if kept.upperBound < last { left.append((kept.upperBound + 1)...last) }
            let keptPiece = Piece(days: kept, sign: 1, responses: try Self.responses(db, kept))
            let leftPieces = try left.map { Piece(days: $0, sign: -1, responses: try Self.responses(db, $0)) }
            if keptPiece.responses <= leftPieces.reduce(0, { $0 + $1.responses }) {
                skippedMonths.insert(month)
                pieces.append(keptPiece)
            } else {
                pieces += leftPieces
            }
        }
    }

    /// Responses stored on the days of `range`, from the daily tallies.
    private static func responses(_ db: Database, _ range: ClosedRange<Int>) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(responses), 0) FROM tally_day WHERE day BETWEEN ? AND ?",
                         arguments: [range.lowerBound, range.upperBound]) ?? 0
    }
}

extension TallySetBuilder {
    /// Adds (sign 1) or takes out (sign −1) the settled group tallies of responses of `catalog`.
    mutating func add(_ tally: TallyAccumulator, catalog: Int, sign: Int) {
        precondition(tally.isSettled, "settle() an accumulator before reading it")
        for (index, key) in tally.keys.enumerated() {
            let head = tally.head(index)
            let slot = slot(for: Key(month: Int(key.month), procedure: Int(key.procedure), unit: Int(key.unit),
                                     channel: Int(key.channel), respondentType: Int(key.respondentType)))
            addHead(slot, responses: sign * head.responses, answeredAny: sign * head.answeredAny,
                    allSatisfied: sign * head.allSatisfied, procedure: Int(key.procedure), unit: Int(key.unit))
            for position in 0..<tally.criterionCount {
                let n = (0...5).map { sign * tally.rating(index, criterion: position, value: $0) }
                addRatings(slot, catalog: catalog, position: position, counts: (n[0], n[1], n[2], n[3], n[4], n[5]))
            }
            addPairs(slot, catalog: catalog, counts: tally.pairCounts(index).map { sign * $0 })
        }
    }
}
