import Foundation
import XCTest
@testable import SIPASKit

/// Each batch's rows are counted into the tallies by the reading thread or by the writer, whichever
/// has the time (`SharedTallies`). Whoever counts, through a first file, a cumulative re-export,
/// duplicates inside a file, refused conflicts, replacements and rows without ids, the tallies equal
/// the recomputation from the responses and are the same table for table.
final class ImportTallyCountingTests: ImportTestCase {
    private let header = ImportFixtures.standardHeader

    override func tearDownWithError() throws {
        ImportOptions.defaultTallyCounting = .adaptive
        try super.tearDownWithError()
    }

    /// The import history, each file in batches of 64 rows; checks the tallies after each file.
    private func importHistory(_ counting: TallyCounting) throws -> [String: [String]] {
        ImportOptions.defaultTallyCounting = counting
        var options = ImportOptions()
        options.batchSize = 64
        XCTAssertEqual(options.tallyCounting, counting)
        let rows = ImportFixtures.generatedRows(1_200)
        var changed = Array(rows[100..<160])
        for i in changed.indices { changed[i][7] = changed[i][7] == "1" ? "5" : "1"; changed[i][1] = "28/02/2024" }
        let noID = header.enumerated().map { $0.offset == 0 ? "Ghi chú" : $0.element }
        var replace = options
        replace.onConflict = .replace
        let files: [(String, String, ImportOptions, (FileReceipt) -> Void)] = [
            ("a.csv", ImportFixtures.csv(header, rows + rows[1_000..<1_100]), options, {
                XCTAssertEqual($0.imported, 1_200); XCTAssertEqual($0.duplicates, 100) }),
            ("cumulative.csv", ImportFixtures.csv(header, rows.prefix(900) + ImportFixtures.generatedRows(300, prefix: "NEW"),
                                                  newline: "\r\n"), options, {
                XCTAssertEqual($0.imported, 300); XCTAssertEqual($0.duplicates, 900) }),
            ("conflicts.csv", ImportFixtures.csv(header, changed + rows[500..<700]), options, {
                XCTAssertEqual($0.conflicts, 60); XCTAssertEqual($0.duplicates, 200) }),
            ("replace.csv", ImportFixtures.csv(header, changed, newline: "\r\n"), replace, {
                XCTAssertEqual($0.replaced, 60) }),
            ("noid.csv", ImportFixtures.csv(noID, [ImportFixtures.row("", "29/02/2024"), ImportFixtures.row("", "01/03/2024")]),
             options, { XCTAssertEqual($0.imported, 2) }),
        ]
        for (name, text, fileOptions, check) in files {
            let (_, receipt, _) = try importText(text, as: "\(counting)-\(name)", options: fileOptions)
            check(receipt)
            try ImportFixtures.assertTalliesMatchResponses(db, years: [2024], context: "\(counting), after \(name)")
        }
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT SUM(responses) FROM tally_day"), try db.responseCount())
        return try talliesByKey()
    }

    /// The tally tables by their keys, not their row ids (which follow the order groups were first
    /// counted in, and that order depends on which thread counted what).
    private func talliesByKey() throws -> [String: [String]] {
        let key = "g.month, g.catalog_id, g.procedure_id, g.unit_id, g.channel_id, g.respondent_type_id"
        let queries = [
            "tally_group": "SELECT \(key), g.responses, g.answered_any, g.all_satisfied, hex(g.pairs) FROM tally_group g ORDER BY \(key)",
            "tally_rating": """
                SELECT \(key), r.position, r.n0, r.n1, r.n2, r.n3, r.n4, r.n5
                FROM tally_rating r JOIN tally_group g ON g.id = r.group_id ORDER BY \(key), r.position
                """,
            "tally_day": "SELECT day, catalog_id, responses, answered_any, all_satisfied, hex(ratings), hex(pairs) FROM tally_day ORDER BY day, catalog_id",
        ]
        return try queries.mapValues { sql in try ImportFixtures.rows(db.path, sql).map { "\($0)" } }
    }

    func testWhoeverCountsTheTalliesEqualTheRecomputation() throws {
        let byReader = try importHistory(.reader)
        XCTAssertEqual(byReader.count, 3)
        XCTAssertGreaterThan(byReader["tally_group"]?.count ?? 0, 40)
        for counting in [TallyCounting.writer, .alternating, .adaptive] {
            db = nil
            dir.remove()
            dir = try ImportFixtureDirectory()
            db = try dir.database()
            let tallies = try importHistory(counting)
            for table in byReader.keys.sorted() where tallies[table] != byReader[table] {
                XCTFail("\(counting): \(table) differs from the reader's counts")
            }
        }
    }
}
