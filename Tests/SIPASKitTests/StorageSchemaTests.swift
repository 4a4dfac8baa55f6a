import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// The database records its schema version; opening again does not migrate again; a database made
/// by a newer sipas is refused.
final class StorageSchemaTests: ImportTestCase {
    private func migrationFiles() throws -> [String] {
        let dir = ImportFixtures.repoRoot.appendingPathComponent("schema/migrations")
        return try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".sql") }.sorted()
    }

    func testTheDatabaseRecordsItsVersion() throws {
        let files = try migrationFiles()
        XCTAssertFalse(files.isEmpty)
        XCTAssertEqual(try db.schemaVersion(), files.count)
        XCTAssertEqual(try ImportFixtures.int(db.path, "PRAGMA user_version"), files.count)
        let applied = try ImportFixtures.rows(db.path, "SELECT identifier FROM grdb_migrations ORDER BY identifier").map { $0[0] as String }
        XCTAssertEqual(applied, files)
    }

    func testTheDatabaseIsAFileWithTheExpectedTables() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: db.path))
        let tables = try ImportFixtures.rows(db.path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            .map { $0[0] as String }
        let required: Set = ["catalog", "criterion", "catalog_criterion", "procedure", "unit", "channel", "respondent_type",
                             "import_file", "response", "rejected_row", "tally_group", "tally_rating", "baseline",
                             "baseline_element", "grdb_migrations"]
        XCTAssertTrue(required.isSubset(of: tables), "missing: \(required.subtracting(tables).sorted())")
        // The "not given" rows of the dimension tables.
        for table in ["unit", "channel", "respondent_type"] {
            XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT id, name FROM \(table)").map { [$0[0] as Int64 == 0, ($0[1] as String).isEmpty] },
                           [[true, true]], table)
        }
    }

    /// A summary's questions about the monthly groups are answered from the month index (migration 6)
    /// without reading the groups' rows, and the groups of a period are read in id order: each of the
    /// table's pages once (a whole-year summary at 1M responses read 59 MiB before, 13 MiB after).
    func testSummaryQueriesOfTheGroupsUseTheMonthIndex() throws {
        try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(50)), as: "a.csv")
        func plan(_ sql: String) throws -> String {
            try ImportFixtures.rows(db.path, "EXPLAIN QUERY PLAN " + sql).map { $0[3] as String }.joined(separator: " | ")
        }
        for sql in ["SELECT catalog_id, SUM(responses) AS n FROM tally_group WHERE month BETWEEN 202401 AND 202412 GROUP BY catalog_id",
                    "SELECT DISTINCT month / 100 FROM tally_group WHERE responses > 0 ORDER BY 1"] {
            let found = try plan(sql)
            XCTAssertTrue(found.contains("COVERING INDEX tally_group_month"), found)
        }
        let groups = try plan("SELECT pairs FROM tally_group WHERE id IN (SELECT id FROM tally_group WHERE month BETWEEN 202401 AND 202412 AND responses > 0)")
        XCTAssertTrue(groups.contains("INTEGER PRIMARY KEY (rowid=?)") && groups.contains("COVERING INDEX tally_group_month"), groups)
    }

    func testReopeningDoesNotMigrateAgainAndKeepsTheData() throws {
        try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(20)), as: "a.csv")
        let before = try ImportFixtures.dumpAll(db.path)
        let path = db.path
        db = nil
        for _ in 0..<3 {
            let reopened = try AppDatabase(path: path)
            XCTAssertEqual(try reopened.responseCount(), 20)
            XCTAssertEqual(try reopened.schemaVersion(), try migrationFiles().count)
        }
        XCTAssertEqual(try ImportFixtures.dumpAll(path), before)
        db = try AppDatabase(path: path)
        let (_, receipt, _) = try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(20)), as: "a.csv")
        XCTAssertTrue(receipt.alreadyImported, "the import log survives reopening")
    }

    func testADatabaseFromANewerSipasIsRefused() throws {
        let path = db.path
        db = nil
        try ImportFixtures.rawQueue(path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future.sql')")
        }
        let error = ImportFixtures.sipasError { () throws(SIPASError) in try AppDatabase(path: path) }
        let known = try migrationFiles().count
        XCTAssertEqual(error, .databaseNewer(path: path, version: known + 1))
        // …and it was left alone.
        XCTAssertEqual(try ImportFixtures.int(path, "SELECT COUNT(*) FROM grdb_migrations"), known + 1)
        XCTAssertEqual(try ImportFixtures.int(path, "PRAGMA user_version"), known)
    }

    func testANonDatabaseFileIsADatabaseError() throws {
        let path = try dir.write("Ngày,Mã TTHC,TC1\n" + String(repeating: "x", count: 5000), as: "not-a-db.sqlite")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in try AppDatabase(path: path) }
        XCTAssertEqual(error, .databaseFault(path: path, fault: .notADatabase))
    }

    func testTwoDatabasesAreIndependent() throws {
        let other = try dir.database("other.sqlite")
        try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(5)), as: "a.csv")
        XCTAssertEqual(try db.responseCount(), 5)
        XCTAssertEqual(try other.responseCount(), 0)
        let (_, receipt, _) = try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(5)),
                                             as: "b.csv", into: other)
        XCTAssertFalse(receipt.alreadyImported)
        XCTAssertEqual(try other.responseCount(), 5)
    }
}
