import Foundation
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
/// the responses of 1–4 March and 21–30 September are then counted from their ratings by day
/// (`ResponsesByDay`): a few rows a day, not each response. Only when those do not add up to the daily
/// tallies' counts of those days are the responses found by a scan.
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

    /// Whether the last edge-day read counted from the ratings by day (`response_by_day`) rather than
    /// by a scan of the responses (for tests).
    nonisolated(unsafe) static var lastEdgeCountedByDay = false

    /// Counts the responses of the plan's day ranges — from the ratings by day, or, when those do not
    /// add up to the daily tallies' counts of those days, in one scan of the responses — then adds (or
    /// takes out) their group tallies.
    private func addEdgeResponses(_ db: Database, plan: EdgePlan, into builder: inout TallySetBuilder) throws {
        guard !plan.pieces.isEmpty else { return }
        let version = try EdgeCountsCache.Version(db)
        var parts: [EdgeCounts.Part]
        if let cached = edgeCounts.parts(plan.pieces, version) {
            parts = cached
        } else {
            var counts = EdgeCounts(pieces: plan.pieces)
            AppDatabase.lastEdgeCountedByDay = try counts.readByDay(db)
            if !AppDatabase.lastEdgeCountedByDay {
                counts = EdgeCounts(pieces: plan.pieces)
                try counts.readByScan(db)
            }
            AppDatabase.edgeReads += 1
            parts = counts.parts
            edgeCounts.keep(parts, plan.pieces, version)
        }
        for part in parts {
            for sign in [1, -1] {
                for (catalog, tally) in part[sign]!.sorted(by: { $0.key < $1.key }) {
                    builder.add(tally, catalog: catalog, sign: sign)
                }
            }
        }
    }

    /// Edge-day reads (not answered from `edgeCounts`) since the process started (for tests).
    nonisolated(unsafe) static var edgeReads = 0
}

/// Which edge months are added whole (and corrected by taking out the days the period leaves out)
/// and which are left out (and their kept days counted instead), whichever scans fewer responses.
struct EdgePlan {
    /// Months of the period not added from the group tallies.
    var skippedMonths: Set<Int> = []
    /// A range of days whose responses are added (sign 1) or taken out (sign −1), with their counts
    /// as the daily tallies have them.
    struct Piece: Equatable, Sendable {
        var days: ClosedRange<Int>
        var sign: Int
        var heads: Heads
        /// By catalogue: the rating counts (n0…n5 a position) and pair counts of those days.
        var counts: [Int: Counts]
        var responses: Int { heads.responses }
    }

    /// Responses, "answered any" and "all satisfied" of some days' responses.
    struct Heads: Equatable, Sendable {
        var responses = 0, answeredAny = 0, allSatisfied = 0

        /// Counts in (sign 1) or out (sign −1) one response, as the accumulator recorded it.
        mutating func count(_ response: (answeredAny: Bool, allSatisfied: Bool), sign: Int) {
            responses += sign
            if response.answeredAny {
                answeredAny += sign
                if response.allSatisfied { allSatisfied += sign }
            }
        }
    }

    /// One catalogue's rating counts (n0…n5 for each position) and pair counts (aa, sa, as, ss for each
    /// pair of positions), laid out as in `tally_day`.
    struct Counts: Equatable, Sendable {
        var ratings: [Int]
        var pairs: [Int]

        /// Adds `counts` times `sign` to `total`'s entry for `catalog` (zero if none); false, adding
        /// nothing, when that entry is of another size.
        static func add(_ counts: Counts, sign: Int, catalog: Int, to total: inout [Int: Counts]) -> Bool {
            var sum = total[catalog] ?? Counts(ratings: Array(repeating: 0, count: counts.ratings.count),
                                               pairs: Array(repeating: 0, count: counts.pairs.count))
            guard sum.ratings.count == counts.ratings.count, sum.pairs.count == counts.pairs.count else { return false }
            for i in sum.ratings.indices { sum.ratings[i] += sign * counts.ratings[i] }
            for i in sum.pairs.indices { sum.pairs[i] += sign * counts.pairs[i] }
            total[catalog] = sum
            return true
        }

        var isZero: Bool { ratings.allSatisfy { $0 == 0 } && pairs.allSatisfy { $0 == 0 } }
    }

    /// What the daily tallies say the pieces' responses add up to, by catalogue: each piece's counts
    /// times its sign (catalogues that come to zero left out).
    static func expectedCounts(_ pieces: [Piece]) -> [Int: Counts]? {
        var total: [Int: Counts] = [:]
        for piece in pieces {
            for (catalog, counts) in piece.counts {
                guard Counts.add(counts, sign: piece.sign, catalog: catalog, to: &total) else { return nil }
            }
        }
        return total.filter { !$0.value.isZero }
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
            let keptPiece = try Self.piece(db, kept, sign: 1)
            let leftPieces = try left.map { try Self.piece(db, $0, sign: -1) }
            if keptPiece.responses <= leftPieces.reduce(0, { $0 + $1.responses }) {
                skippedMonths.insert(month)
                pieces.append(keptPiece)
            } else {
                pieces += leftPieces
            }
        }
    }

    /// The range with the counts of the responses stored on its days, from the daily tallies.
    private static func piece(_ db: Database, _ range: ClosedRange<Int>, sign: Int) throws -> Piece {
        let rows = try RawStatement(db, sql: """
            SELECT catalog_id, responses, answered_any, all_satisfied, ratings, pairs
            FROM tally_day WHERE day BETWEEN ?1 AND ?2
            """)
        rows.bind(1, range.lowerBound)
        rows.bind(2, range.upperBound)
        var piece = Piece(days: range, sign: sign, heads: Heads(), counts: [:])
        while try rows.step() {
            piece.heads.responses += rows.int(1)
            piece.heads.answeredAny += rows.int(2)
            piece.heads.allSatisfied += rows.int(3)
            let day = Counts(ratings: rows.withBlob(4) { PairBlob.decode($0) }, pairs: rows.withBlob(5) { PairBlob.decode($0) })
            guard Counts.add(day, sign: 1, catalog: rows.int(0), to: &piece.counts) else {
                throw DatabaseError(message: "tally_day \(range): counts of another catalogue size")
            }
        }
        return piece
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
