import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// One transaction per file: a failure mid-file leaves the database exactly as before; a dry run
/// fills the receipt and writes nothing.
final class ImportRollbackTests: ImportTestCase {
    /// A database with something in it already (so "as before" is not just "empty").
    private func seed() throws {
        let messy = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(40, prefix: "SEED")
            + [ImportFixtures.row("BAD-1", "31/02/2024")])
        let (_, receipt, _) = try importText(messy, as: "seed.csv")
        XCTAssertEqual(receipt.imported, 40)
        XCTAssertEqual(receipt.rejected, 1)
        try db.setBaseline(Baseline(year: 2023, index: 0.941, elements: ["TC": 0.95], rank: 7, rankOf: 20,
                                    source: "QĐ 2385/QĐ-UBND", recordedAt: "2024-01-01T00:00:00Z"))
    }

    private func bigFile() -> String {
        var rows = ImportFixtures.generatedRows(2000, prefix: "BIG")
        rows[1500][1] = "30/02/2024"          // one reject, so rejected_row would change too
        rows[700][0] = "SEED-000003"          // a duplicate id of the seed
        return ImportFixtures.csv(ImportFixtures.standardHeader, rows)
    }

    func testAFailureMidFileLeavesTheDatabaseExactlyAsBefore() throws {
        try seed()
        let before = try ImportFixtures.dumpAll(db.path)
        let count = try db.responseCount()
        let path = try dir.write(bigFile(), as: "big.csv")

        var options = ImportOptions()
        options.fault = .throwAfterRows(500)
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: options)
        }
        guard case let .injectedFailure(row)? = error else { return XCTFail("got \(String(describing: error))") }
        // The fault is checked after each batch of rows handed to the writer, so it fires at 500 or later.
        XCTAssertGreaterThanOrEqual(row, 500)
        XCTAssertLessThanOrEqual(row, 2000)

        XCTAssertEqual(try db.responseCount(), count)
        let after = try ImportFixtures.dumpAll(db.path)
        XCTAssertEqual(after.keys.sorted(), before.keys.sorted())
        for table in before.keys.sorted() {
            XCTAssertEqual(after[table], before[table], "table \(table) changed")
        }
        XCTAssertTrue(try integrityIsOK())

        // Through importFiles: the failure is reported, exit code 2, and still nothing changed.
        let outcome = Importer(database: db).importFiles([path], options: options)
        XCTAssertEqual(outcome.exitCode, 2)
        XCTAssertEqual(outcome.files.count, 0)
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)

        // Then the same file imports normally.
        let (receipt, _) = try importPath(path)
        XCTAssertFalse(receipt.alreadyImported)
        XCTAssertEqual(receipt.rows, 2000)
        XCTAssertEqual(receipt.imported, 1998)
        XCTAssertEqual(receipt.duplicates, 0)
        XCTAssertEqual(receipt.conflicts, 1)
        XCTAssertEqual(receipt.rejected, 1)
        assertReceiptAddsUp(receipt)
        XCTAssertEqual(try db.responseCount(), count + 1998)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    /// A file longer than one batch: the fault fires while rows are still coming (truly mid-file).
    func testAFailureWellBeforeTheEndOfALongFileRollsBack() throws {
        try seed()
        let before = try ImportFixtures.dumpAll(db.path)
        var options = ImportOptions()
        options.fault = .throwAfterRows(500)
        options.chunkSize = 4093
        let rows = ImportFixtures.generatedRows(12_000, prefix: "LONG")
        let path = try dir.write(ImportFixtures.csv(ImportFixtures.standardHeader, rows), as: "long.csv")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: options)
        }
        guard case let .injectedFailure(row)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertGreaterThanOrEqual(row, 500)
        XCTAssertLessThan(row, 12_000, "the fault fires before the last rows were written")
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)
        let (receipt, _) = try importPath(path)
        XCTAssertEqual(receipt.imported, 12_000)
    }

    private func integrityIsOK() throws -> Bool {
        try ImportFixtures.rows(db.path, "PRAGMA integrity_check").map { $0[0] as String } == ["ok"]
    }

    func testIntegrityAfterRollback() throws {
        try seed()
        var options = ImportOptions()
        options.fault = .throwAfterRows(500)
        let path = try dir.write(bigFile(), as: "big.csv")
        XCTAssertThrowsError(try Importer(database: db).importFile(path, options: options))
        XCTAssertTrue(try integrityIsOK())
        XCTAssertEqual(try ImportFixtures.rows(db.path, "PRAGMA foreign_key_check").count, 0)
    }

    /// Foreign keys are not enforced row by row inside an import's transaction; the check of every
    /// referenced id before commit must refuse a file whose rows point at a row that does not exist,
    /// leave the database as it was, and leave enforcement on.
    func testADanglingReferenceIsRefusedBeforeCommit() throws {
        try seed()
        let before = try ImportFixtures.dumpAll(db.path)
        var options = ImportOptions()
        options.fault = .danglingReference
        let path = try dir.write(bigFile(), as: "big.csv")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: options)
        }
        guard case let .database(_, message)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertTrue(message.contains("FOREIGN KEY") && message.contains("procedure id"), message)
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }, 1)

        let (receipt, _) = try importPath(path)
        XCTAssertEqual(receipt.imported, 1998)
        XCTAssertEqual(try db.read { try Int.fetchOne($0, sql: "PRAGMA foreign_keys") }, 1)
        XCTAssertEqual(try ImportFixtures.rows(db.path, "PRAGMA foreign_key_check").count, 0)
        XCTAssertTrue(try integrityIsOK())
    }

    func testDryRunFillsTheReceiptAndWritesNothing() throws {
        try seed()
        let before = try ImportFixtures.dumpAll(db.path)
        var options = ImportOptions()
        options.dryRun = true
        let path = try dir.write(bigFile(), as: "big.csv")
        let (receipt, diagnostics) = try importPath(path, options: options)
        XCTAssertTrue(receipt.dryRun)
        XCTAssertFalse(receipt.alreadyImported)
        XCTAssertEqual(receipt.rows, 2000)
        XCTAssertEqual(receipt.imported, 1998)
        XCTAssertEqual(receipt.conflicts, 1)
        XCTAssertEqual(receipt.rejected, 1)
        XCTAssertEqual(receipt.sha256.count, 64)
        XCTAssertEqual(receipt.years, [2024])
        XCTAssertEqual(receipt.firstDay, "2024-01-01")
        XCTAssertEqual(Set(diagnostics.map(\.code)), [.impossibleDate, .conflict])
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)

        // A dry run leaves the file importable, with the same counts.
        let (real, _) = try importPath(path)
        XCTAssertFalse(real.alreadyImported)
        XCTAssertEqual(real.imported, receipt.imported)
        XCTAssertEqual(real.rejected, receipt.rejected)
        XCTAssertEqual(real.conflicts, receipt.conflicts)
        XCTAssertEqual(real.sha256, receipt.sha256)
    }

    func testDryRunOfAnImportedFileSaysAlreadyImported() throws {
        let text = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(10))
        try importText(text, as: "a.csv")
        let before = try ImportFixtures.dumpAll(db.path)
        var options = ImportOptions()
        options.dryRun = true
        let (receipt, _) = try importPath(dir.path("a.csv"), options: options)
        XCTAssertTrue(receipt.alreadyImported)
        XCTAssertTrue(receipt.dryRun)
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)
    }
}
