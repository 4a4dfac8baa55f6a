import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// A large file into a database without responses is written with the rollback journal, and the file is
/// in the write-ahead log again afterwards, committed or not; it stores exactly what the log would
/// have; a database with responses, or one another connection has open, keeps the log throughout.
final class EmptyDatabaseLoadTests: ImportTestCase {
    override func setUp() {
        super.setUp()
        AppDatabase.rollbackJournalMinimumBytes = 0
        AppDatabase.lastImportUsedRollbackJournal = false
    }

    override func tearDown() {
        AppDatabase.rollbackJournalMinimumBytes = 8 << 20
        super.tearDown()
    }

    private func journalMode(_ path: String) throws -> String {
        try ImportFixtures.rows(path, "PRAGMA journal_mode").first.map { $0[0] as String } ?? ""
    }

    private func file(_ rows: Int, prefix: String) throws -> String {
        var generated = ImportFixtures.generatedRows(rows, prefix: prefix)
        generated[rows / 2][1] = "31/02/2024"            // one reject, so rejected_row is written too
        generated[rows / 3] = generated[rows / 4]        // and one duplicate row
        return try dir.write(ImportFixtures.csv(ImportFixtures.standardHeader, generated), as: "\(prefix).csv")
    }

    func testAnEmptyDatabaseIsLoadedThroughTheRollbackJournalAndStoresWhatTheLogWould() throws {
        let path = try file(6_000, prefix: "LOAD")
        let (receipt, _) = try importPath(path)
        XCTAssertTrue(AppDatabase.lastImportUsedRollbackJournal)
        XCTAssertEqual(receipt.imported, 5_998)
        XCTAssertEqual(receipt.rejected, 1)
        XCTAssertEqual(receipt.duplicates, 1)
        XCTAssertEqual(try journalMode(db.path), "wal")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db.path + "-journal"))
        XCTAssertEqual(try ImportFixtures.rows(db.path, "PRAGMA integrity_check").map { $0[0] as String }, ["ok"])

        // The same file through the log, into another database: the same rows, rejects and tallies.
        AppDatabase.rollbackJournalMinimumBytes = .max
        let other = try dir.database("log.sqlite")
        _ = try Importer(database: other).importFile(path, options: ImportOptions())
        XCTAssertFalse(AppDatabase.lastImportUsedRollbackJournal)
        XCTAssertEqual(try ImportFixtures.responses(db.path), try ImportFixtures.responses(other.path))
        XCTAssertEqual(try ImportFixtures.dump(db.path, table: "rejected_row"), try ImportFixtures.dump(other.path, table: "rejected_row"))
        XCTAssertEqual(try ImportFixtures.dumpTallies(db.path), try ImportFixtures.dumpTallies(other.path))
        XCTAssertEqual(try db.responseCount(), 5_998)
    }

    func testADatabaseWithResponsesKeepsTheLog() throws {
        _ = try importPath(try file(300, prefix: "FIRST"))
        XCTAssertTrue(AppDatabase.lastImportUsedRollbackJournal)
        _ = try importPath(try file(300, prefix: "SECOND"))
        XCTAssertFalse(AppDatabase.lastImportUsedRollbackJournal)
        XCTAssertEqual(try journalMode(db.path), "wal")
        XCTAssertEqual(try db.responseCount(), 2 * 298)
    }

    func testAFailedLoadLeavesTheDatabaseEmptyAndInTheLog() throws {
        try db.setBaseline(Baseline(year: 2023, index: 0.941, elements: ["TC": 0.95], rank: 7, rankOf: 20,
                                    source: "QĐ 2385/QĐ-UBND", recordedAt: "2024-01-01T00:00:00Z"))
        let before = try ImportFixtures.dumpAll(db.path)
        var options = ImportOptions()
        options.fault = .throwAfterRows(2_000)
        options.batchSize = 256
        let path = try file(6_000, prefix: "FAIL")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: db).importFile(path, options: options)
        }
        guard case .injectedFailure? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertTrue(AppDatabase.lastImportUsedRollbackJournal)
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)
        XCTAssertEqual(try journalMode(db.path), "wal")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db.path + "-journal"))
    }

    func testAnotherOpenConnectionKeepsTheLogAndReadsTheLastCommit() throws {
        let reader = try AppDatabase(path: db.path, access: .readOnly)
        XCTAssertEqual(try reader.responseCount(), 0)
        var options = ImportOptions()
        options.fault = .pauseAfterRows(1, marker: dir.path("paused"))
        let path = try file(3_000, prefix: "OPEN")
        let (database, paused) = (db!, options)
        let importing = Thread { _ = try? Importer(database: database).importFile(path, options: paused) }
        importing.start()
        var waited = 0
        while !FileManager.default.fileExists(atPath: dir.path("paused")) && waited < 600 { usleep(10_000); waited += 1 }
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir.path("paused")), "the import never paused")
        // Mid-import, the reader answers at once from the last commit: the log is still in use.
        XCTAssertEqual(try reader.responseCount(), 0)
        XCTAssertFalse(AppDatabase.lastImportUsedRollbackJournal)
        try FileManager.default.removeItem(atPath: dir.path("paused"))
        while try db.importRecords().first?.rows ?? 0 == 0 && waited < 6_000 { usleep(10_000); waited += 1 }
        XCTAssertEqual(try reader.responseCount(), 2_998)
    }
}
