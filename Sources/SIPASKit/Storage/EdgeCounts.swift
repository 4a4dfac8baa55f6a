import Foundation
import GRDB

/// The responses of an edge plan's day ranges (`EdgeDayTallies`), counted per sign and catalogue in the
/// import's accumulator (bit-sliced pair counts), in one or more parts that add up.
struct EdgeCounts {
    /// Accumulators by sign (1 added, −1 taken out), then catalogue.
    typealias Part = [Int: [Int: TallyAccumulator]]

    let pieces: [EdgePlan.Piece]
    private(set) var parts: [Part] = []

    init(pieces: [EdgePlan.Piece]) { self.pieces = pieces }

    /// Edge-day rows of at least this many bytes in all are counted on two threads (tests lower it):
    /// below it, starting a thread costs more than it saves.
    nonisolated(unsafe) static var twoThreadBytes = 256 << 10
    /// How many threads the last `readByDay` counted on (for tests).
    nonisolated(unsafe) static var lastThreads = 0

    /// One `response_by_day` row of an edge range, its blocks copied out of SQLite.
    private struct Row: Sendable {
        var piece: Int
        var month: Int32
        var catalog: Int
        var sign: Int
        var criteria: Int
        var groups: [UInt8]
    }

    /// What one thread counted: its part, each range's heads, and whether every row was whole.
    private struct Counted {
        var part: Part = [1: [:], -1: [:]]
        var heads: [EdgePlan.Heads]
        var whole = true
    }

    /// Counts, range by range, the ratings by day of its days (`ResponsesByDay`), each block times its
    /// row's sign and the range's, the rows split by size between two threads. True when every range's
    /// responses, "answered any" and "all satisfied", and the ranges' rating and pair counts by
    /// catalogue, come to what `tally_day` holds for those days (`EdgePlan`); false when not, or when a
    /// row is damaged: the counts are then not those days' and must be thrown away.
    mutating func readByDay(_ db: Database) throws -> Bool {
        let statement = try RawStatement(db, sql: """
            SELECT day, catalog_id, sign, criteria, groups FROM response_by_day WHERE day BETWEEN ?1 AND ?2
            """)
        var rows: [Row] = []
        var bytes = 0
        for (index, piece) in pieces.enumerated() {
            statement.bind(1, piece.days.lowerBound)
            statement.bind(2, piece.days.upperBound)
            while try statement.step() {
                let row = Row(piece: index, month: Int32(statement.int(0) / 100), catalog: statement.int(1),
                              sign: statement.int(2), criteria: statement.int(3), groups: statement.blob(4))
                guard row.sign == 1 || row.sign == -1 else { try statement.finish(); return false }
                bytes += row.groups.count
                rows.append(row)
            }
        }
        // Two halves of about the same size, in read order.
        var cut = rows.count
        if bytes >= Self.twoThreadBytes {
            var first = 0
            cut = rows.firstIndex { row in
                first += row.groups.count
                return first * 2 >= bytes
            }.map { $0 + 1 } ?? rows.count
        }
        let halves = cut < rows.count ? [rows[..<cut], rows[cut...]] : [rows[...]]
        let pieces = self.pieces
        nonisolated(unsafe) let results = UnsafeMutableBufferPointer<Counted>.allocate(capacity: halves.count)
        defer { results.deallocate() }
        _ = results.initialize(from: halves.map { _ in Counted(heads: Array(repeating: EdgePlan.Heads(), count: pieces.count)) })
        defer { _ = results.deinitialize() }
        let work: @Sendable (Int) -> Void = { t in Self.count(halves[t], pieces: pieces, into: &results[t]) }
        Self.lastThreads = halves.count
        if halves.count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: halves.count, execute: work) }
        guard results.allSatisfy(\.whole) else { return false }
        for (index, piece) in pieces.enumerated() {
            var heads = EdgePlan.Heads()
            for result in results {
                heads.responses += result.heads[index].responses
                heads.answeredAny += result.heads[index].answeredAny
                heads.allSatisfied += result.heads[index].allSatisfied
            }
            if heads != piece.heads { return false }
        }
        parts = results.map(\.part)
        settle()
        // The contents too: every rating and pair count of the ranges as the daily tallies have them.
        return EdgePlan.expectedCounts(pieces) == countedTotals()
    }

    /// Folds every accumulator's partly filled blocks (before they are read).
    private mutating func settle() {
        for p in parts.indices {
            for sign in [1, -1] {
                for catalog in parts[p][sign]!.keys { parts[p][sign]![catalog]!.settle() }
            }
        }
    }

    /// The parts' rating and pair counts by catalogue, each sign's accumulators times the sign
    /// (catalogues that come to zero left out), to compare with `EdgePlan.expectedCounts`.
    private func countedTotals() -> [Int: EdgePlan.Counts]? {
        var total: [Int: EdgePlan.Counts] = [:]
        for part in parts {
            for sign in [1, -1] {
                for (catalog, tally) in part[sign]! {
                    let (ratings, pairs) = tally.totals()
                    guard EdgePlan.Counts.add(EdgePlan.Counts(ratings: ratings, pairs: pairs), sign: sign,
                                              catalog: catalog, to: &total) else { return nil }
                }
            }
        }
        return total.filter { !$0.value.isZero }
    }

    /// Counts `rows` into `counted`.
    private static func count(_ rows: ArraySlice<Row>, pieces: [EdgePlan.Piece], into counted: inout Counted) {
        for row in rows {
            let sign = pieces[row.piece].sign * row.sign, criteria = row.criteria
            // Taken out of the dictionary while it grows: counted in place, not copied.
            var tally = counted.part[sign]!.removeValue(forKey: row.catalog) ?? TallyAccumulator(criterionCount: criteria)
            defer { counted.part[sign]![row.catalog] = tally }
            guard tally.criterionCount == criteria else { counted.whole = false; return }
            var heads = counted.heads[row.piece]
            defer { counted.heads[row.piece] = heads }
            var whole = true
            let blocks = row.groups.withUnsafeBytes { blob in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: criteria) { values in
                    ResponsesByDay.forEachBlock(blob, criteria: criteria) { group, count, packed in
                        var key = group
                        key.month = row.month
                        let slot = tally.slot(for: key)
                        if criteria <= 21 {
                            for i in 0..<count where whole {
                                guard let codes = ResponsesByDay.codes(packed, index: i, criteria: criteria) else {
                                    whole = false
                                    break
                                }
                                heads.count(tally.record(slot: slot, codes: codes), sign: row.sign)
                            }
                            return
                        }
                        for i in 0..<count where whole {
                            whole = ResponsesByDay.unpack(packed, index: i, into: values)
                            guard whole else { break }
                            heads.count(tally.record(slot: slot, ratings: UnsafeBufferPointer(values)), sign: row.sign)
                        }
                    }
                }
            }
            guard blocks && whole else { counted.whole = false; return }
        }
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
        var part: Part = [1: [:], -1: [:]]
        while try rows.step() {
            let day = rows.int(0)
            let sign = pieces.first { $0.days.contains(day) }!.sign, catalog = rows.int(6)
            let key = TallyAccumulator.GroupKey(month: Int32(day / 100), procedure: Int32(rows.int(1)),
                                                unit: Int32(rows.int(2)), channel: Int32(rows.int(3)),
                                                respondentType: Int32(rows.int(4)))
            rows.withBlob(5) { ratings in
                let values = ratings.bindMemory(to: UInt8.self)
                part[sign]![catalog, default: TallyAccumulator(criterionCount: values.count)].record(key, ratings: values)
            }
        }
        parts = [part]
        settle()
    }
}

/// The last edge days counted, with the database's state they were counted in: `summary` without
/// `--by` (or with one) and `flag` ask for the same period by two groupings, and the counts of the
/// edge days, kept by full group, answer any grouping. The state is SQLite's `data_version` (changed
/// by another connection's commit) and this connection's total changes: either moves, the counts
/// are read again.
final class EdgeCountsCache: @unchecked Sendable {
    struct Version: Equatable {
        var data: Int
        var changes: Int

        init(_ db: Database) throws {
            data = try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0
            changes = db.totalChangesCount
        }
    }

    private let lock = NSLock()
    private var last: (pieces: [EdgePlan.Piece], version: Version, parts: [EdgeCounts.Part])?

    func parts(_ pieces: [EdgePlan.Piece], _ version: Version) -> [EdgeCounts.Part]? {
        lock.withLock { last.flatMap { $0.pieces == pieces && $0.version == version ? $0.parts : nil } }
    }

    func keep(_ parts: [EdgeCounts.Part], _ pieces: [EdgePlan.Piece], _ version: Version) {
        lock.withLock { last = (pieces, version, parts) }
    }
}
