import Foundation
import GRDB
import XCTest
@testable import SIPASKit
import SIPASTestSupport

/// The day runs (`response_day_run`) name every stored response under its day, so that the edge days
/// of an off-month period are read by id; where they do not account for every response of those days
/// (a damaged or missing run), the edge days are found by a scan, with the same figures either way.
final class ResponseDayRunTests: ImportTestCase {
    private let header = ImportFixtures.standardHeader
    private let period = DayRange(from: 20240305, to: 20240920)
    private let flushBytes = ResponseDayRuns.flushBytes

    private let idsPerRead = EdgeCounts.idsPerRead

    override func tearDownWithError() throws {
        ResponseDayRuns.flushBytes = flushBytes
        EdgeCounts.idsPerRead = idsPerRead
        try super.tearDownWithError()
    }

    /// Every run's ids by day, decoded.
    private func runIDs() throws -> [Int: Set<Int64>] {
        var byDay: [Int: Set<Int64>] = [:]
        for row in try ImportFixtures.rows(db.path, "SELECT day, ids FROM response_day_run") {
            let bytes = [UInt8](row[1] as Data)
            let ids = try XCTUnwrap(bytes.withUnsafeBytes { ResponseDayRuns.decode($0) })
            byDay[row[0], default: []].formUnion(ids)
        }
        return byDay
    }

    /// The stored responses' ids by day.
    private func storedIDs() throws -> [Int: Set<Int64>] {
        var byDay: [Int: Set<Int64>] = [:]
        for row in try ImportFixtures.rows(db.path, "SELECT day, id FROM response") { byDay[row[0], default: []].insert(row[1]) }
        return byDay
    }

    private func assertEdgeTalliesEqualTheRecomputation(_ period: DayRange, byID: Bool,
                                                        file: StaticString = #filePath, line: UInt = #line) throws {
        for dimension in [GroupDimension.procedure, .unit, nil] {
            let label = "\(period.from)–\(period.to) by \(dimension?.rawValue ?? "nil")"
            let answered = try XCTUnwrap(try db.talliesFromMonthsAndEdgeDays(period: period, by: dimension), label,
                                         file: file, line: line)
            XCTAssertEqual(AppDatabase.lastEdgeReadByID, byID, "\(label): read by id", file: file, line: line)
            let recomputed = try db.talliesFromResponses(period: period, by: dimension)
            XCTAssertEqual(answered?.total, recomputed?.total, label, file: file, line: line)
            XCTAssertEqual(answered?.groups, recomputed?.groups, label, file: file, line: line)
        }
    }

    func testTheWorkedExampleEncodesAsDocumented() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: EmbeddedSchema.migrations.first { $0.name == "0007_response_day_run.sql" }!.sql)
            var runs = ResponseDayRuns()
            for id in [1000, 1003, 1002] as [Int64] { runs.add(day: 20240305, id: id) }
            runs.add(day: 20240306, id: Int64.max)
            runs.add(day: 20240306, id: 1)
            XCTAssertEqual(runs.heldBytes, 4 + 10 + 10)
            try runs.flush(db)
            XCTAssertEqual(runs.heldBytes, 0)
            let stored = try Row.fetchAll(db, sql: "SELECT day, ids FROM response_day_run ORDER BY day")
            let blobs = stored.map { [UInt8]($0[1] as Data) }
            XCTAssertEqual(blobs.first, [0xD0, 0x0F, 0x06, 0x01])
            let decoded = blobs.map { $0.withUnsafeBytes { ResponseDayRuns.decode($0) } }
            XCTAssertEqual(decoded, [[1000, 1003, 1002], [Int64.max, 1]])
            XCTAssertEqual(try ResponseDayRuns.ids(db, days: 20240301...20240310), [1, 1000, 1002, 1003, Int64.max])
        }
        XCTAssertNil([UInt8]([0x80]).withUnsafeBytes { ResponseDayRuns.decode($0) }, "a run cut inside a varint")
        XCTAssertNil([UInt8](repeating: 0xFF, count: 11).withUnsafeBytes { ResponseDayRuns.decode($0) })
    }

    /// Runs written a few bytes at a time during the import name exactly the stored responses by day,
    /// through duplicates and replacements (the replaced ones stay named but are not stored); the edge
    /// days read seven ids a statement.
    func testRunsNameEveryStoredResponseUnderItsDay() throws {
        ResponseDayRuns.flushBytes = 64
        EdgeCounts.idsPerRead = 7
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
        let runs = try runIDs(), stored = try storedIDs()
        XCTAssertGreaterThan(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response_day_run"),
                             try ImportFixtures.int(db.path, "SELECT COUNT(DISTINCT day) FROM response_day_run") * 2,
                             "runs written during the import, not only at its end")
        for (day, ids) in stored {
            XCTAssertTrue(ids.isSubset(of: runs[day] ?? []), "day \(day): \(ids.subtracting(runs[day] ?? []).count) unnamed")
        }
        let named = runs.values.reduce(0) { $0 + $1.count }
        XCTAssertEqual(named, try db.responseCount() + 30, "the 30 replaced responses stay named")
        try assertEdgeTalliesEqualTheRecomputation(period, byID: true)
        try assertEdgeTalliesEqualTheRecomputation(DayRange(from: 20240101, to: 20240920), byID: true)
    }

    /// A replaced response that was the last stored gives its id to the row replacing it, on another
    /// day: both days' runs name the id; the response is counted once, on its own day.
    func testAnIDReusedOnAnotherDayIsCountedOnceOnItsDay() throws {
        // 26/09 is off month: 1–4 March taken out (two responses, against three on 5–31), 1–26
        // September added (one, against two on 27–30): the runs of 2 March and 25 September both read.
        let rows = [ImportFixtures.row("A", "04/03/2024"), ImportFixtures.row("B", "03/03/2024"),
                    ImportFixtures.row("F", "10/03/2024"), ImportFixtures.row("G", "11/03/2024"),
                    ImportFixtures.row("H", "12/03/2024"), ImportFixtures.row("D", "28/09/2024"),
                    ImportFixtures.row("E", "29/09/2024"),
                    ImportFixtures.row("C", "02/03/2024", ratings: ["1", "2", "1", "2", "1"])]
        try importText(ImportFixtures.csv(header, rows), as: "a.csv")
        let lastID = try ImportFixtures.int(db.path, "SELECT id FROM response WHERE response_key = 'C'")
        var options = ImportOptions()
        options.onConflict = .replace
        try importText(ImportFixtures.csv(header, [ImportFixtures.row("C", "25/09/2024")]), as: "c.csv", options: options)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT id FROM response WHERE response_key = 'C'"), lastID,
                       "SQLite gives the new row the id of the one it replaced")
        let runs = try runIDs()
        XCTAssertTrue(runs[20240302]?.contains(Int64(lastID)) == true && runs[20240925]?.contains(Int64(lastID)) == true)
        try assertEdgeTalliesEqualTheRecomputation(period, byID: true)
        try assertEdgeTalliesEqualTheRecomputation(DayRange(from: 20240305, to: 20240926), byID: true)
        try assertEdgeTalliesEqualTheRecomputation(DayRange(from: 20240302, to: 20240925), byID: true)
    }

    /// Runs that do not account for every response of the edge days — one deleted, one damaged, one
    /// naming only a response of another day — are not trusted: the edge days are scanned, with the
    /// same figures as the recomputation.
    func testRunsThatMissResponsesAreNotTrusted() throws {
        try importText(ImportFixtures.csv(header, ImportFixtures.generatedRows(1_200)), as: "a.csv")
        try assertEdgeTalliesEqualTheRecomputation(period, byID: true)
        let queue = try ImportFixtures.rawQueue(db.path)
        let saved = try queue.read { try Row.fetchAll($0, sql: "SELECT id, day, ids FROM response_day_run") }
        let restore = {
            try queue.write { db in
                try db.execute(sql: "DELETE FROM response_day_run")
                for row in saved {
                    try db.execute(sql: "INSERT INTO response_day_run (id, day, ids) VALUES (?, ?, ?)",
                                   arguments: [row[0], row[1], row[2]])
                }
            }
        }
        // The generated rows of March fall on days 3, 7, 11…, of September on 1, 5, 9…: the period
        // takes out 1–4 March and 21–30 September, read from the runs of 3 March, 21 and 25 September.
        let tamperings = [
            "DELETE FROM response_day_run WHERE day = 20240303",
            "UPDATE response_day_run SET ids = x'80' WHERE day = 20240921",
            // 1 September's ids (a day the period keeps) in place of 25 September's.
            "UPDATE response_day_run SET ids = (SELECT ids FROM response_day_run WHERE day = 20240901) WHERE day = 20240925",
        ]
        for sql in tamperings {
            try restore()
            let changed = try queue.write { db -> Int in
                try db.execute(sql: sql)
                return db.changesCount
            }
            XCTAssertGreaterThan(changed, 0, sql)
            try assertEdgeTalliesEqualTheRecomputation(period, byID: false)
        }
        try restore()
        try queue.write { db in
            try db.execute(sql: "INSERT INTO response_day_run (day, ids) SELECT day, ids FROM response_day_run")
        }
        try assertEdgeTalliesEqualTheRecomputation(period, byID: true)
    }

    /// A database made before the day runs gets them, for every stored response, when it is migrated.
    func testMigratingADatabaseWithoutDayRunsBuildsThem() throws {
        try importText(ImportFixtures.csv(header, ImportFixtures.generatedRows(900)), as: "a.csv")
        try reopenAsIfMadeBefore(migration: "0007_response_day_run.sql", table: "response_day_run")
        XCTAssertEqual(try runIDs(), try storedIDs())
        try assertEdgeTalliesEqualTheRecomputation(period, byID: true)
    }
}
