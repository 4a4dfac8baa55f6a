import Foundation
import GRDB
import XCTest
@testable import SIPASKit
import SIPASStatistics
import SIPASTestSupport

/// The ratings by day (`response_by_day`) hold every stored response under its day, catalogue and group,
/// so that the edge days of an off-month period are counted from them; where they do not add up to the
/// daily tallies (a row missing, damaged or doubled), the edge days are found by a scan, with the same
/// figures either way.
final class ResponsesByDayTests: ImportTestCase {
    private let header = ImportFixtures.standardHeader
    private let period = DayRange(from: 20240305, to: 20240920)
    private let flushBytes = ResponsesByDay.flushBytes
    private let twoThreadBytes = EdgeCounts.twoThreadBytes

    /// Every count here on two threads, however few the rows (`TallyDayTests` counts on one).
    override func setUpWithError() throws {
        try super.setUpWithError()
        EdgeCounts.twoThreadBytes = 0
    }

    override func tearDownWithError() throws {
        ResponsesByDay.flushBytes = flushBytes
        EdgeCounts.twoThreadBytes = twoThreadBytes
        try super.tearDownWithError()
    }

    /// "day catalogue procedure unit channel type ratings" → how many such responses, from `response_by_day`
    /// (each block times its row's sign; what comes to zero left out).
    private func heldResponses() throws -> [String: Int] {
        var held: [String: Int] = [:]
        for row in try ImportFixtures.rows(db.path, "SELECT day, catalog_id, sign, criteria, groups FROM response_by_day") {
            let day: Int = row[0], catalog: Int = row[1], sign: Int = row[2], criteria: Int = row[3]
            let whole = [UInt8](row[4] as Data).withUnsafeBytes { blob in
                ResponsesByDay.forEachResponse(blob, criteria: criteria) { group, ratings in
                    let key = "\(day) \(catalog) \(group.procedure) \(group.unit) \(group.channel) \(group.respondentType) \(Array(ratings))"
                    held[key, default: 0] += sign
                }
            }
            XCTAssertTrue(whole, "row of \(day): whole blocks")
        }
        return held.filter { $0.value != 0 }
    }

    /// The same keys from the stored responses.
    private func storedResponses() throws -> [String: Int] {
        var stored: [String: Int] = [:]
        for row in try ImportFixtures.rows(db.path, """
            SELECT r.day, f.catalog_id, r.procedure_id, r.unit_id, r.channel_id, r.respondent_type_id, r.ratings
            FROM response r JOIN import_file f ON f.id = r.file_id
            """) {
            let day: Int = row[0], catalog: Int = row[1], procedure: Int = row[2], unit: Int = row[3]
            let channel: Int = row[4], type: Int = row[5]
            stored["\(day) \(catalog) \(procedure) \(unit) \(channel) \(type) \([UInt8](row[6] as Data))", default: 0] += 1
        }
        return stored
    }

    private func assertEdgeTalliesEqualTheRecomputation(_ period: DayRange, byDay: Bool,
                                                        file: StaticString = #filePath, line: UInt = #line) throws {
        for dimension in [GroupDimension.procedure, .unit, nil] {
            let label = "\(period.from)–\(period.to) by \(dimension?.rawValue ?? "nil")"
            let answered = try XCTUnwrap(try db.talliesFromMonthsAndEdgeDays(period: period, by: dimension), label,
                                         file: file, line: line)
            XCTAssertEqual(AppDatabase.lastEdgeCountedByDay, byDay, "\(label): counted by day", file: file, line: line)
            let recomputed = try db.talliesFromResponses(period: period, by: dimension)
            XCTAssertEqual(answered?.total, recomputed?.total, label, file: file, line: line)
            XCTAssertEqual(answered?.groups, recomputed?.groups, label, file: file, line: line)
        }
    }

    func testTheWorkedExampleEncodesAsDocumented() throws {
        var config = Configuration()
        config.foreignKeysEnabled = false
        let queue = try DatabaseQueue(configuration: config)
        let group = TallyAccumulator.GroupKey(month: 0, procedure: 3, unit: 1, channel: 2, respondentType: 0)
        try queue.write { db in
            try db.execute(sql: EmbeddedSchema.migrations.first { $0.name == "0008_response_by_day.sql" }!.sql)
            var byDay = ResponsesByDay()
            byDay.add(day: 20240305, catalog: 1, sign: 1, group: group, ratings: [5, 4, 0, Tally.notAsked])
            byDay.add(day: 20240305, catalog: 1, sign: 1, group: group, ratings: [1, 2, 3, 4])
            byDay.add(day: 20240306, catalog: 1, sign: -1, group: group, ratings: [3, 3, 3, 3])
            XCTAssertEqual(byDay.heldBytes, 3 * (4 + 2), "per response its group's number and two bytes of ratings")
            try byDay.flush(db)
            XCTAssertEqual(byDay.heldBytes, 0)
            let rows = try Row.fetchAll(db, sql: "SELECT day, sign, criteria, responses, groups FROM response_by_day ORDER BY day")
            XCTAssertEqual(rows.map { [$0[0], $0[1], $0[2], $0[3]] as [Int] }, [[20240305, 1, 4, 2], [20240306, -1, 4, 1]])
            XCTAssertEqual([UInt8](rows[0][4] as Data), [0x03, 0x01, 0x02, 0x00, 0x02, 0x25, 0x0E, 0xD1, 0x08])
        }
        let block: [UInt8] = [0x03, 0x01, 0x02, 0x00, 0x02, 0x25, 0x0E, 0xD1, 0x08]
        var read: [[UInt8]] = []
        XCTAssertTrue(block.withUnsafeBytes { ResponsesByDay.forEachResponse($0, criteria: 4) { key, ratings in
            XCTAssertEqual(key, group)
            read.append(Array(ratings))
        } })
        XCTAssertEqual(read, [[5, 4, 0, Tally.notAsked], [1, 2, 3, 4]])
        XCTAssertFalse(Array(block.dropLast()).withUnsafeBytes { ResponsesByDay.forEachResponse($0, criteria: 4) { _, _ in } },
                       "a block cut short")
        XCTAssertFalse([UInt8](repeating: 0x80, count: 4).withUnsafeBytes { ResponsesByDay.forEachResponse($0, criteria: 4) { _, _ in } },
                       "a header cut inside a varint")
        // The word a reader takes: codes 5, 4, 0, 7 then 1, 2, 3, 4; a 6 anywhere is refused.
        let packed: [UInt8] = [0x25, 0x0E, 0xD1, 0x08]
        XCTAssertEqual(packed.withUnsafeBytes { [ResponsesByDay.codes($0, index: 0, criteria: 4),
                                                  ResponsesByDay.codes($0, index: 1, criteria: 4)] }, [0xE25, 0x8D1])
        for (bytes, at) in [([0x06, 0x00], "first"), ([0x00, 0x0C], "last"), ([0x80, 0x01], "third")] as [([UInt8], String)] {
            XCTAssertNil(bytes.withUnsafeBytes { ResponsesByDay.codes($0, index: 0, criteria: 4) }, "a 6 as the \(at) code")
        }
        // More criteria than a word holds (23: 69 bits, 9 bytes) go through the bit-by-bit path.
        let many: [UInt8] = (0..<23).map { [0, 1, 2, 3, 4, 5, Tally.notAsked][$0 % 7] }
        var manyPacked: [UInt8] = []
        many.withUnsafeBufferPointer { ResponsesByDay.pack($0, into: &manyPacked) }
        XCTAssertEqual(manyPacked.count, ResponsesByDay.width(criteria: 23))
        XCTAssertEqual(manyPacked.count, 9)
        var unpacked = [UInt8](repeating: 0, count: 23)
        XCTAssertTrue(manyPacked.withUnsafeBytes { raw in
            unpacked.withUnsafeMutableBufferPointer { ResponsesByDay.unpack(raw, index: 0, into: $0) } })
        XCTAssertEqual(unpacked, many)
        manyPacked[8] = 0x06 << 2          // criterion 22's code (bits 66–68) made 6
        XCTAssertFalse(manyPacked.withUnsafeBytes { raw in
            unpacked.withUnsafeMutableBufferPointer { ResponsesByDay.unpack(raw, index: 0, into: $0) } })
        XCTAssertFalse([0x03, 0x01, 0x02, 0x00, 0x01, 0x06, 0x00].withUnsafeBytes {
            ResponsesByDay.forEachResponse($0, criteria: 4) { _, _ in } }, "code 6 is no rating")
    }

    /// Rows written a few bytes at a time during the import hold exactly the stored responses by day,
    /// catalogue and group, through duplicates, a cumulative export and replacements (the replaced
    /// ones taken back out by rows of sign −1).
    func testEveryStoredResponseIsHeldUnderItsDayAndGroup() throws {
        ResponsesByDay.flushBytes = 64
        let rows = ImportFixtures.generatedRows(1_200)
        var small = ImportOptions()
        small.batchSize = 64
        try importText(ImportFixtures.csv(header, rows), as: "a.csv", options: small)
        try importText(ImportFixtures.csv(header, rows.prefix(500) + ImportFixtures.generatedRows(100, prefix: "NEW"),
                                          newline: "\r\n"), as: "cumulative.csv")
        var changed = Array(rows[40..<70])
        for i in changed.indices { changed[i][7] = changed[i][7] == "1" ? "5" : "1"; changed[i][1] = "20/09/2024" }
        var options = ImportOptions()
        options.onConflict = .replace
        try importText(ImportFixtures.csv(header, changed), as: "replace.csv", options: options)
        XCTAssertGreaterThan(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response_by_day"),
                             try ImportFixtures.int(db.path, "SELECT COUNT(DISTINCT day) FROM response_by_day") * 2,
                             "rows written during the import, not only at its end")
        XCTAssertGreaterThan(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response_by_day WHERE sign = -1"), 0,
                             "the replaced responses taken out")
        let held = try heldResponses()
        XCTAssertEqual(held.values.reduce(0, +), try db.responseCount())
        XCTAssertEqual(held, try storedResponses())
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: true)
        XCTAssertEqual(EdgeCounts.lastThreads, 2, "counted on two threads")
        try assertEdgeTalliesEqualTheRecomputation(DayRange(from: 20240101, to: 20240920), byDay: true)
        try assertEdgeTalliesEqualTheRecomputation(DayRange(from: 20240302, to: 20240925), byDay: true)
    }

    /// Rows that do not add up to the daily tallies of the edge days — one deleted, one damaged, one
    /// of another day, all doubled — are not trusted: the edge days are scanned, with the same figures
    /// as the recomputation.
    func testRowsThatDoNotAddUpAreNotTrusted() throws {
        try importText(ImportFixtures.csv(header, ImportFixtures.generatedRows(1_200)), as: "a.csv")
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: true)
        let queue = try ImportFixtures.rawQueue(db.path)
        let saved = try queue.read { try Row.fetchAll($0, sql: "SELECT * FROM response_by_day") }
        let restore = {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM response_by_day")
                for row in saved {
                    try db.execute(sql: """
                        INSERT INTO response_by_day (id, day, catalog_id, sign, criteria, responses, groups)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [row["id"], row["day"], row["catalog_id"], row["sign"], row["criteria"],
                                         row["responses"], row["groups"]])
                }
            }
        }
        // The generated rows of March fall on days 3, 7, 11…, of September on 1, 5, 9…: the period
        // takes out 1–4 March and 21–30 September, counted from the rows of 3 March, 21 and 25 September.
        let tamperings = [
            "DELETE FROM response_by_day WHERE day = 20240303",
            "UPDATE response_by_day SET groups = x'80' WHERE day = 20240921",
            "UPDATE response_by_day SET groups = substr(groups, 1, length(groups) - 1) WHERE day = 20240925",
            "UPDATE response_by_day SET day = 20240919 WHERE day = 20240925",
            "UPDATE response_by_day SET sign = -1 WHERE day = 20240303",
            "INSERT INTO response_by_day (day, catalog_id, sign, criteria, responses, groups) "
                + "SELECT day, catalog_id, sign, criteria, responses, groups FROM response_by_day",
        ]
        for sql in tamperings {
            try restore()
            let changed = try queue.write { db -> Int in
                try db.execute(sql: sql)
                return db.changesCount
            }
            XCTAssertGreaterThan(changed, 0, sql)
            try assertEdgeTalliesEqualTheRecomputation(period, byDay: false)
        }
        // Contents changed with the counts kept: one rating 4 made 5 (or 5 made 4), both "satisfied", so
        // the responses, "answered any" and "all satisfied" stay as they were; and one criterion's
        // ratings swapped between two responses neither of which is all satisfied, which keeps each
        // criterion's rating counts too and changes only the pair counts.
        for change in [RatingChange.satisfiedLevel, .swapped] {
            try restore()
            try Self.changeRowOf3March(queue, change)
            try assertEdgeTalliesEqualTheRecomputation(period, byDay: false)
        }
        try restore()
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: true)
    }

    private enum RatingChange { case satisfiedLevel, swapped }

    /// Changes one response of the row of 3 March (an edge day of `period`) through `queue`.
    private static func changeRowOf3March(_ queue: DatabaseQueue, _ change: RatingChange) throws {
        try queue.write { db in
            let row = try XCTUnwrap(try Row.fetchOne(db, sql: "SELECT id, criteria, groups FROM response_by_day WHERE day = 20240303"))
            let id: Int64 = row[0]
            var groups = [UInt8](row[2] as Data)
            XCTAssertTrue(try Self.change(&groups, criteria: row[1], change), "\(change): a response to change")
            try db.execute(sql: "UPDATE response_by_day SET groups = ? WHERE id = ?", arguments: [Data(groups), id])
        }
    }

    /// Changes one response of `groups`' blocks in place; false when none had ratings to change so.
    private static func change(_ groups: inout [UInt8], criteria: Int, _ change: RatingChange) throws -> Bool {
        // Where each block's packed ratings start in the row.
        var starts: [(offset: Int, count: Int)] = []
        XCTAssertTrue(groups.withUnsafeBytes { blob in
            ResponsesByDay.forEachBlock(blob, criteria: criteria) { _, count, packed in
                starts.append((packed.baseAddress! - blob.baseAddress!, count))
            }
        })
        let width = ResponsesByDay.width(criteria: criteria)
        func codes(_ offset: Int, count: Int) -> [[UInt8]] {
            groups.withUnsafeBytes { blob in
                let packed = UnsafeRawBufferPointer(rebasing: blob[offset..<(offset + count * width)])
                return (0..<count).map { i in
                    var values = [UInt8](repeating: 0, count: criteria)
                    XCTAssertTrue(values.withUnsafeMutableBufferPointer { ResponsesByDay.unpack(packed, index: i, into: $0) })
                    return values
                }
            }
        }
        func flip(_ base: Int, _ c: Int, bits: UInt8) {
            for b in 0..<3 where bits >> b & 1 == 1 {
                let bit = base * 8 + 3 * c + b
                groups[bit / 8] ^= 1 << (bit % 8)
            }
        }
        let satisfied: ClosedRange<UInt8> = 4...5, unsatisfied: ClosedRange<UInt8> = 1...3
        for (offset, count) in starts {
            let responses = codes(offset, count: count)
            switch change {
            case .satisfiedLevel:
                for (i, codes) in responses.enumerated() {
                    if let c = codes.firstIndex(where: { satisfied.contains($0) }) { flip(offset + i * width, c, bits: 1); return true }
                }
            case .swapped:
                // a[c] satisfied, b[c] not; a[d] not, b[d] satisfied; b not satisfied at some e besides c.
                for a in responses.indices {
                    for b in responses.indices where b != a {
                        let (x, y) = (responses[a], responses[b])
                        for c in 0..<criteria where satisfied.contains(x[c]) && unsatisfied.contains(y[c]) {
                            guard (0..<criteria).contains(where: { unsatisfied.contains(x[$0]) && satisfied.contains(y[$0]) }),
                                  (0..<criteria).contains(where: { $0 != c && unsatisfied.contains(y[$0]) }) else { continue }
                            flip(offset + a * width, c, bits: x[c] ^ y[c])
                            flip(offset + b * width, c, bits: x[c] ^ y[c])
                            return true
                        }
                    }
                }
            }
        }
        return false
    }

    /// A catalogue of more criteria than one 64-bit word holds codes for (23 criteria: 69 bits) is
    /// counted rating by rating, with the same figures as the recomputation; a rating changed is caught.
    func testACatalogueOfMoreThan21CriteriaIsCountedRatingByRating() throws {
        let path = ImportFixtures.repoRoot.appendingPathComponent("schema/catalogs/sipas-2023.json").path
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        var elements = try XCTUnwrap(json["elements"] as? [[String: Any]])
        var criteria = try XCTUnwrap(elements[elements.count - 1]["criteria"] as? [[String: Any]])
        criteria += (4...7).map { ["code": "PA\($0)", "aliases": [String](), "label_vi": "Câu thêm \($0)", "label_en": "Extra \($0)"] }
        elements[elements.count - 1]["criteria"] = criteria
        json["elements"] = elements
        json["id"] = "sipas-23"
        var options = ImportOptions()
        options.catalog = try Catalog.parse(json: String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self),
                                            source: "sipas-23.json")
        XCTAssertEqual(options.catalog.criterionCount, 23)
        let values = ["1", "2", "3", "4", "5", ""]
        let rows = ImportFixtures.generatedRows(1_200).enumerated().map { i, row in
            row + (0..<4).map { c in values[(i * 5 + c * 7 + i / 3) % values.count] }
        }
        try importText(ImportFixtures.csv(header + (4...7).map { "PA\($0)" }, rows), as: "23.csv", options: options)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT MIN(criteria) FROM response_by_day"), 23)
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: true)
        XCTAssertEqual(EdgeCounts.lastThreads, 2, "counted on two threads")
        try Self.changeRowOf3March(try ImportFixtures.rawQueue(db.path), .satisfiedLevel)
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: false)
    }

    /// Two groupings of one period count its edge days once; another period, or a change to the
    /// database (an import through the same connection, a row changed by another), counts them again.
    func testTheEdgeDaysAreCountedOnceForTwoGroupingsAndAgainAfterAChange() throws {
        try importText(ImportFixtures.csv(header, ImportFixtures.generatedRows(600)), as: "a.csv")
        let reads = AppDatabase.edgeReads
        _ = try db.talliesFromMonthsAndEdgeDays(period: period, by: .procedure)
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: true)
        XCTAssertEqual(AppDatabase.edgeReads - reads, 1, "one read for four groupings")
        let other = DayRange(from: 20240302, to: 20240925)
        _ = try db.talliesFromMonthsAndEdgeDays(period: other, by: .unit)
        XCTAssertEqual(AppDatabase.edgeReads - reads, 2, "another period")
        try importText(ImportFixtures.csv(header, [ImportFixtures.row("LATE", "01/03/2024", ratings: ["1", "2", "1", "2", "1"])]),
                       as: "late.csv")
        try assertEdgeTalliesEqualTheRecomputation(other, byDay: true)
        XCTAssertEqual(AppDatabase.edgeReads - reads, 3, "read again after an import")
        try ImportFixtures.rawQueue(db.path).write { db in
            try db.execute(sql: "DELETE FROM response_by_day WHERE day = 20240301")
        }
        try assertEdgeTalliesEqualTheRecomputation(other, byDay: false)
        XCTAssertEqual(AppDatabase.edgeReads - reads, 4, "read again after another connection's change")
    }

    /// A database made before the ratings by day (with migration 0007's day runs) gets them, for every
    /// stored response, when it is migrated; the day runs are dropped.
    func testMigratingADatabaseWithoutRatingsByDayBuildsThem() throws {
        try importText(ImportFixtures.csv(header, ImportFixtures.generatedRows(900)), as: "a.csv")
        let queue = try ImportFixtures.rawQueue(db.path)
        try queue.write { db in
            try db.execute(sql: EmbeddedSchema.migrations.first { $0.name == "0007_response_day_run.sql" }!.sql)
        }
        try reopenAsIfMadeBefore(migration: "0008_response_by_day.sql", table: "response_by_day")
        XCTAssertEqual(try heldResponses(), try storedResponses())
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'response_day_run'"), 0)
        try assertEdgeTalliesEqualTheRecomputation(period, byDay: true)
    }
}
