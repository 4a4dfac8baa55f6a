import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// A large database is quick-checked alongside the first import of a run, which commits only after a
/// sound verdict; a damaged one is refused with nothing committed; an import that writes nothing does
/// not wait for the check, and the next one runs it.
final class ConcurrentIntegrityCheckTests: ImportTestCase {
    override func setUp() {
        super.setUp()
        AppDatabase.concurrentCheckMinimumBytes = 0
        AppDatabase.rollbackJournalMinimumBytes = .max
    }

    override func tearDown() {
        AppDatabase.concurrentCheckMinimumBytes = 8 << 20
        AppDatabase.rollbackJournalMinimumBytes = 8 << 20
        super.tearDown()
    }

    private func file(_ rows: Int, prefix: String) throws -> String {
        try dir.write(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(rows, prefix: prefix)),
                      as: "\(prefix).csv")
    }

    /// The database as an import opens it: with the quick check.
    private func forImport() throws -> AppDatabase {
        try AppDatabase(path: dir.path("sipas.sqlite"), checkIntegrity: true)
    }

    func testTheFirstImportOfARunWaitsForTheCheckAndTheNextDoesNot() throws {
        _ = try importPath(try file(2_000, prefix: "BASE"))
        let database = try forImport()
        XCTAssertTrue(database.integrityOwed.isOwed, "the check was not left for the import")
        let first = try Importer(database: database).importFile(try file(500, prefix: "NEXT"), options: ImportOptions()).0
        XCTAssertEqual(first.imported, 500)
        XCTAssertTrue(AppDatabase.lastImportCheckedAlongside)
        XCTAssertFalse(database.integrityOwed.isOwed)
        let second = try Importer(database: database).importFile(try file(300, prefix: "MORE"), options: ImportOptions()).0
        XCTAssertEqual(second.imported, 300)
        XCTAssertFalse(AppDatabase.lastImportCheckedAlongside, "checked twice in one run")
        XCTAssertEqual(try database.responseCount(), 2_800)
    }

    func testASmallDatabaseIsCheckedBeforeTheImport() throws {
        _ = try importPath(try file(200, prefix: "BASE"))
        AppDatabase.concurrentCheckMinimumBytes = Int.max
        let database = try forImport()
        XCTAssertFalse(database.integrityOwed.isOwed)
        _ = try Importer(database: database).importFile(try file(100, prefix: "NEXT"), options: ImportOptions())
        XCTAssertFalse(AppDatabase.lastImportCheckedAlongside)
    }

    /// A database of 6,000 responses with 64 KiB of garbage in the middle of its file: pages of the
    /// stored responses, which an import that appends new ones never reads itself.
    private func damagedDatabase() throws -> (path: String, bytes: Data) {
        _ = try importPath(try file(6_000, prefix: "BASE"))
        db = nil
        let path = dir.path("sipas.sqlite")
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        handle.write(Data((0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        try handle.close()
        return (path, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    func testADamagedDatabaseIsRefusedAndNothingIsCommitted() throws {
        let (path, before) = try damagedDatabase()
        let next = try file(500, prefix: "NEXT")
        let database = try forImport()
        XCTAssertTrue(database.integrityOwed.isOwed)
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try Importer(database: database).importFile(next, options: ImportOptions())
        }
        guard case .databaseFault(_, .corrupt(let detail))? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertFalse(detail.isEmpty)
        XCTAssertTrue(database.integrityOwed.isOwed, "a damaged file was taken as checked")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before, "the damaged file was written")
        // Nothing of the refused import is visible to a reader either.
        let records = try ImportFixtures.rows(path, "SELECT COUNT(*) FROM import_file WHERE path = ?", [next])
        XCTAssertEqual(records.first.map { $0[0] as Int }, 0)
    }

    func testADamagedDatabaseStopsTheRunAsTheCommandsError() throws {
        let (path, before) = try damagedDatabase()
        let files = [try file(500, prefix: "NEXT"), try file(300, prefix: "MORE")]
        let outcome = Importer(database: try forImport()).importFiles(files, options: ImportOptions())
        guard case .databaseFault(_, .corrupt)? = outcome.damagedDatabase else {
            return XCTFail("got \(String(describing: outcome.damagedDatabase))")
        }
        XCTAssertTrue(outcome.files.isEmpty)
        XCTAssertTrue(outcome.failures.isEmpty, "the database's damage was reported as a file's")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testASmallDamagedDatabaseIsRefusedWhenOpened() throws {
        let (path, before) = try damagedDatabase()
        AppDatabase.concurrentCheckMinimumBytes = Int.max
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try AppDatabase(path: path, checkIntegrity: true)
        }
        guard case .databaseFault(_, .corrupt)? = error else { return XCTFail("got \(String(describing: error))") }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), before)
    }

    func testAFileImportedBeforeDoesNotWaitAndTheNextImportChecks() throws {
        let base = try file(4_000, prefix: "BASE")
        _ = try importPath(base)
        let database = try forImport()
        var options = ImportOptions()
        options.digestInlineBelow = 0   // recognised a few batches in, inside the transaction
        options.batchSize = 256
        let again = try Importer(database: database).importFile(base, options: options).0
        XCTAssertTrue(again.alreadyImported)
        XCTAssertFalse(AppDatabase.lastImportCheckedAlongside)
        XCTAssertTrue(database.integrityOwed.isOwed)
        _ = try Importer(database: database).importFile(try file(100, prefix: "NEXT"), options: ImportOptions())
        XCTAssertTrue(AppDatabase.lastImportCheckedAlongside)
        XCTAssertEqual(try database.responseCount(), 4_100)
    }
}
