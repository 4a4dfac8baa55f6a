import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// SQLite holds the invariants: constraints that actually fire, tried on a real file-backed database.
final class StorageConstraintTests: ImportTestCase {
    private var queue: DatabaseQueue!
    private var fileID: Int64 = 0
    private var procedureID: Int64 = 0
    private var catalogID: Int64 = 0

    override func setUpWithError() throws {
        try super.setUpWithError()
        try importText(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(3)), as: "seed.csv")
        queue = try ImportFixtures.rawQueue(db.path)
        try queue.read { db in
            fileID = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM import_file")!
            procedureID = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM procedure")!
            catalogID = try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM catalog")!
        }
    }

    override func tearDownWithError() throws {
        queue = nil
        try super.tearDownWithError()
    }

    private func insertResponse(procedure: Int64? = nil, day: Int = 20240315, key: String? = nil,
                                ratings: [UInt8] = [5, 4], comment: String? = nil, rowNumber: Int = 2) throws {
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO response (file_id, row_number, response_key, content_hash, day, time, procedure_id, unit_id,
                                      channel_id, respondent_type_id, dossier_code, ratings, comment)
                VALUES (?, ?, ?, 0, ?, NULL, ?, 0, 0, 0, NULL, ?, ?)
                """, arguments: [fileID, rowNumber, key, day, procedure ?? procedureID, Data(ratings), comment])
        }
    }

    private func assertConstraint(_ expected: ResultCode, file: StaticString = #filePath, line: UInt = #line,
                                  _ body: () throws -> Void) {
        guard let error = ImportFixtures.databaseError(body, file: file, line: line) else { return }
        XCTAssertEqual(error.resultCode, .SQLITE_CONSTRAINT, "\(error)", file: file, line: line)
        XCTAssertEqual(error.extendedResultCode, expected, "\(error)", file: file, line: line)
    }

    func testAValidResponseIsAccepted() throws {
        let before = try db.responseCount()
        try insertResponse()
        XCTAssertEqual(try db.responseCount(), before + 1)
    }

    func testResponseWithAnUnknownProcedureViolatesTheForeignKey() {
        assertConstraint(.SQLITE_CONSTRAINT_FOREIGNKEY) { try insertResponse(procedure: 999_999) }
    }

    func testResponseWithAnImpossibleDayViolatesACheck() {
        // 2024-13-41: month 13, day 41. A yyyymmdd integer within the year range is not yet a date.
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) { try insertResponse(day: 20241341) }
    }

    func testResponseWithDayZeroViolatesACheck() {
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) { try insertResponse(day: 0) }
    }

    func testResponseFieldChecks() {
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) { try insertResponse(key: "") }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) { try insertResponse(comment: "") }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) { try insertResponse(ratings: []) }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) { try insertResponse(rowNumber: 1) }
    }

    func testResponseKeyIsUnique() throws {
        try insertResponse(key: "K-1")
        assertConstraint(.SQLITE_CONSTRAINT_UNIQUE) { try insertResponse(key: "K-1") }
    }

    func testTwoImportFilesWithTheSameSHA256ViolateUnique() throws {
        let sha = String(repeating: "ab", count: 32)
        func insert() throws {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO import_file (path, sha256, bytes, imported_at, catalog_id, encoding, delimiter, scale,
                                             rows, imported, duplicates, conflicts, replaced, rejected)
                    VALUES ('x.csv', ?, 10, '2024-01-01T00:00:00Z', ?, 'utf-8', ',', 5, 0, 0, 0, 0, 0, 0)
                    """, arguments: [sha, catalogID])
            }
        }
        try insert()
        assertConstraint(.SQLITE_CONSTRAINT_UNIQUE) { try insert() }
    }

    func testImportFileCountsMustAddUp() {
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) {
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO import_file (path, sha256, bytes, imported_at, catalog_id, encoding, delimiter, scale,
                                             rows, imported, duplicates, conflicts, replaced, rejected)
                    VALUES ('x.csv', ?, 10, '2024-01-01T00:00:00Z', ?, 'utf-8', ',', 5, 1, 1, 1, 0, 0, 0)
                    """, arguments: [String(repeating: "cd", count: 32), catalogID])
            }
        }
    }

    func testNegativeTallyCountViolatesACheck() throws {
        let group = try queue.read { db in try Int64.fetchOne(db, sql: "SELECT MIN(id) FROM tally_group")! }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) {
            try queue.write { db in
                try db.execute(sql: "UPDATE tally_rating SET n3 = -1 WHERE group_id = ?", arguments: [group])
                if db.changesCount == 0 { throw DatabaseError(message: "fixture: no tally_rating row to update") }
            }
        }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO tally_rating (group_id, position, n0, n1, n2, n3, n4, n5) VALUES (?, 60, 0, 0, -2, 0, 0, 0)",
                               arguments: [group])
            }
        }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) {
            try queue.write { db in
                try db.execute(sql: "UPDATE tally_group SET responses = -1 WHERE id = ?", arguments: [group])
            }
        }
    }

    func testBaselineRankAboveRankOfViolatesACheck() throws {
        let error = ImportFixtures.sipasError { () throws(SIPASError) in
            try db.setBaseline(Baseline(year: 2023, index: 0.94, rank: 21, rankOf: 20))
        }
        guard case .database? = error else { return XCTFail("got \(String(describing: error))") }
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO baseline (year, index_value, rank, rank_of, recorded_at) VALUES (2023, 0.94, 21, 20, 'now')")
            }
        }
        XCTAssertEqual(try db.baselines(), [])
        try db.setBaseline(Baseline(year: 2023, index: 0.94, rank: 20, rankOf: 20, recordedAt: "now"))
        XCTAssertEqual(try db.baselines().map(\.rank), [20])
    }

    func testBaselineValuesAreShares() {
        assertConstraint(.SQLITE_CONSTRAINT_CHECK) {
            try queue.write { db in
                try db.execute(sql: "INSERT INTO baseline (year, index_value, recorded_at) VALUES (2023, 94.1, 'now')")
            }
        }
    }

    func testForeignKeysAreOnInTheAppConnection() throws {
        // The importer's own connection enforces foreign keys too (not only this test's connection).
        XCTAssertEqual(try db.read { db in try Int.fetchOne(db, sql: "PRAGMA foreign_keys") }, 1)
    }
}
