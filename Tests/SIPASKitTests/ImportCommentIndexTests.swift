import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// A file at least as large as its database has the comment index built after its rows, in the same
/// transaction: afterwards the index is there with the schema's own definition and answers as a scan
/// does; a failed import and an already-imported file leave it as it was.
final class ImportCommentIndexTests: ImportTestCase {
    override func setUp() {
        super.setUp()
        ImportWriter.deferredIndexMinimumBytes = 0
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

    /// A file larger than the (fresh) database, so the index is dropped for its transaction.
    private func largeFile(prefix: String = "BIG") throws -> String {
        let text = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(12_000, prefix: prefix))
        let path = try dir.write(text, as: "\(prefix).csv")
        XCTAssertGreaterThanOrEqual(text.utf8.count, try databaseBytes(), "the file must be at least the database's size")
        return path
    }

    func testTheIndexIsBuiltAgainAfterTheRowsOfALargeFile() throws {
        let before = try XCTUnwrap(try indexSQL())
        let (receipt, _) = try importPath(try largeFile())
        XCTAssertEqual(receipt.imported, 12_000)
        XCTAssertEqual(try indexSQL(), before, "the same index, from the schema's own SQL")
        XCTAssertTrue(try integrityIsOK())
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
        let (_, receipt, _) = try importText(small, as: "small.csv")
        XCTAssertEqual(receipt.imported, 300)
        XCTAssertNotNil(try indexSQL())
        XCTAssertTrue(try integrityIsOK())
    }
}
