import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// A file that brings at least as many new responses as its database holds has the comment index built
/// after its rows, in the same transaction: afterwards the index is there with the schema's own
/// definition and answers as a scan does; a failed import and an already-imported file leave it as it
/// was; a cumulative export (its first rows known) and a small file keep the index up instead.
final class ImportCommentIndexTests: ImportTestCase {
    override func setUp() {
        super.setUp()
        ImportWriter.deferredIndexMinimumBytes = 0
        ImportWriter.lastImportRebuiltCommentIndex = false
    }

    override func tearDown() {
        ImportWriter.deferredIndexMinimumBytes = 8 << 20
        super.tearDown()
    }

    private func integrityIsOK() throws -> Bool {
        try ImportFixtures.rows(db.path, "PRAGMA integrity_check").map { $0[0] as String } == ["ok"]
    }

    private func indexSQL() throws -> String? {
        try ImportFixtures.rows(db.path, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'response_comment'")
            .first?[0]
    }

    private func databaseBytes() throws -> Int {
        try ImportFixtures.int(db.path, "PRAGMA page_count") * ImportFixtures.int(db.path, "PRAGMA page_size")
    }

    /// 12,000 new rows: more than the rows read before deciding, and than the small databases here hold.
    private func largeFile(prefix: String = "BIG") throws -> String {
        let text = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(12_000, prefix: prefix))
        return try dir.write(text, as: "\(prefix).csv")
    }

    func testTheIndexIsBuiltAgainAfterTheRowsOfALargeFile() throws {
        let before = try XCTUnwrap(try indexSQL())
        let (receipt, _) = try importPath(try largeFile())
        XCTAssertEqual(receipt.imported, 12_000)
        XCTAssertTrue(ImportWriter.lastImportRebuiltCommentIndex, "an empty database: rebuilt")
        XCTAssertEqual(try indexSQL(), before, "the same index, from the schema's own SQL")
        XCTAssertTrue(try integrityIsOK())
        // The sorter's settings for the index (a helper thread, a smaller page cache: `SorterRuns`) are
        // undone on the import's connection.
        let (cacheSize, threads) = try db.queue.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA threads"))
        }
        XCTAssertEqual(cacheSize, -AppDatabase.cacheKiB)
        XCTAssertEqual(threads, 0)
        // It answers as a full scan does: the three most recent comments of a procedure in a period.
        let period = DayRange(from: 20240301, to: 20240831)
        let answered = try db.recentComments(procedureCode: "1.004482.000.00.00.H33", period: period)
        let scanned = try ImportFixtures.rows(db.path, """
            SELECT r.day, r.comment FROM response r NOT INDEXED JOIN procedure p ON p.id = r.procedure_id
            WHERE p.code = '1.004482.000.00.00.H33' AND r.comment IS NOT NULL AND r.day BETWEEN 20240301 AND 20240831
            ORDER BY r.day DESC, r.time DESC, r.id DESC LIMIT 3
            """).map { (day: $0[0] as Int, text: $0[1] as String) }
        XCTAssertEqual(answered.count, 3)
        XCTAssertEqual(answered.map(\.day), scanned.map(\.day))
        XCTAssertEqual(answered.map(\.text), scanned.map(\.text))
        let plan = try ImportFixtures.rows(db.path, """
            EXPLAIN QUERY PLAN SELECT r.day FROM response r WHERE r.procedure_id = 2 AND r.comment IS NOT NULL
            AND r.day BETWEEN 20240301 AND 20240831 ORDER BY r.day DESC LIMIT 3
            """).map { $0[3] as String }.joined(separator: " ")
        XCTAssertTrue(plan.contains("response_comment"), plan)
    }

    func testAFailedOrRefusedImportLeavesTheIndexAsItWas() throws {
        let before = try XCTUnwrap(try indexSQL())
        let path = try largeFile()
        var options = ImportOptions()
        options.fault = .throwAfterRows(500)
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: options)
        }
        guard case .injectedFailure? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertEqual(try indexSQL(), before)
        XCTAssertEqual(try db.responseCount(), 0)
        // Imported, then the same file again (recognised as imported before): the index stays.
        _ = try importPath(path)
        let (again, _) = try importPath(path)
        XCTAssertTrue(again.alreadyImported)
        XCTAssertEqual(try indexSQL(), before)
        XCTAssertTrue(try integrityIsOK())
    }

    func testAFileSmallAgainstItsDatabaseKeepsTheIndexUp() throws {
        _ = try importPath(try largeFile())
        let small = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(300, prefix: "SMALL"))
        XCTAssertLessThan(small.utf8.count, try databaseBytes())
        ImportWriter.lastImportRebuiltCommentIndex = true
        let (_, receipt, _) = try importText(small, as: "small.csv")
        XCTAssertEqual(receipt.imported, 300)
        XCTAssertFalse(ImportWriter.lastImportRebuiltCommentIndex)
        XCTAssertNotNil(try indexSQL())
        XCTAssertTrue(try integrityIsOK())
    }

    /// The year so far exported again with rows added: its first rows are all known, so the index is kept
    /// up (a rebuild would cover every stored comment for a few new ones), and it ends the same.
    func testACumulativeExportKeepsTheIndexUp() throws {
        let old = ImportFixtures.generatedRows(12_000, prefix: "BIG")
        _ = try importText(ImportFixtures.csv(ImportFixtures.standardHeader, old), as: "first.csv")
        ImportWriter.lastImportRebuiltCommentIndex = true
        let cumulative = ImportFixtures.csv(ImportFixtures.standardHeader, old + ImportFixtures.generatedRows(6_000, prefix: "NEW"))
        let (_, receipt, _) = try importText(cumulative, as: "year-to-date.csv")
        XCTAssertEqual(receipt.imported, 6_000)
        XCTAssertEqual(receipt.duplicates, 12_000)
        XCTAssertFalse(ImportWriter.lastImportRebuiltCommentIndex)
        XCTAssertNotNil(try indexSQL())
        XCTAssertTrue(try integrityIsOK())
        let indexed = try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response INDEXED BY response_comment WHERE comment IS NOT NULL AND procedure_id > 0")
        let scanned = try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response NOT INDEXED WHERE comment IS NOT NULL AND procedure_id > 0")
        XCTAssertEqual(indexed, scanned)
        XCTAssertGreaterThan(scanned, 0)
    }

    /// Many more new rows than the database holds: decided after the first rows, the index is dropped for
    /// the rest and built again.
    func testManyNewRowsIntoASmallDatabaseRebuildTheIndex() throws {
        _ = try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(2_000, prefix: "FEW")), as: "few.csv")
        XCTAssertGreaterThan(12_000, ImportWriter.deferralSampleRows)
        let (receipt, _) = try importPath(try largeFile())
        XCTAssertEqual(receipt.imported, 12_000)
        XCTAssertTrue(ImportWriter.lastImportRebuiltCommentIndex)
        XCTAssertNotNil(try indexSQL())
        XCTAssertTrue(try integrityIsOK())
        let indexed = try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response INDEXED BY response_comment WHERE comment IS NOT NULL AND procedure_id > 0")
        XCTAssertEqual(indexed, try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response NOT INDEXED WHERE comment IS NOT NULL AND procedure_id > 0"))
    }
}
