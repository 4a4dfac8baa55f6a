import Foundation
import GRDB
import XCTest
@testable import SIPASKit

/// Re-importing changes nothing and says so; a response id seen again is a duplicate (same content)
/// or a conflict (other content), rejected or replaced.
final class ImportIdempotencyTests: ImportTestCase {
    private let header = ImportFixtures.standardHeader
    private var rows: [[String]] {
        [
            ImportFixtures.row("ID-1", "02/01/2024", ratings: ["5", "5", "4", "4", ""]),
            ImportFixtures.row("ID-2", "03/01/2024", procedure: "P2", comment: "Tốt, nhanh", ratings: ["3", "2", "KTL", "5", "1"]),
            ImportFixtures.row("ID-3", "15/02/2024", unit: "Phòng QLKH", ratings: ["Rất hài lòng", "Hài lòng", "", "", "4"]),
            ImportFixtures.row("ID-4", "20/03/2024", channel: "Trực tuyến", ratings: ["1", "2", "3", "4", "5"]),
        ]
    }

    private func tallyDump() throws -> [String: [Row]] {
        try ImportFixtures.dumpTallies(db.path)
    }

    func testSameFileTwiceIsAlreadyImported() throws {
        let text = ImportFixtures.csv(header, rows)
        let (path, first, _) = try importText(text, as: "a.csv")
        XCTAssertEqual(first.imported, 4)
        XCTAssertFalse(first.alreadyImported)
        let count = try db.responseCount()
        let tallies = try tallyDump()
        let everything = try ImportFixtures.dumpAll(db.path)

        let (second, diagnostics) = try importPath(path)
        XCTAssertTrue(second.alreadyImported)
        XCTAssertEqual(second.imported, 0)
        XCTAssertEqual(second.duplicates, 0)
        XCTAssertEqual(second.rows, 4)
        XCTAssertEqual(second.sha256, first.sha256)
        XCTAssertEqual(diagnostics.map(\.code), [.alreadyImported])
        XCTAssertEqual(diagnostics.first?.detail?.hasPrefix(path + ", "), true, diagnostics.first?.detail ?? "")
        XCTAssertEqual(try db.responseCount(), count)
        XCTAssertEqual(try tallyDump(), tallies)
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), everything)

        // The same bytes under another name are the same file.
        let copy = try dir.write(text, as: "copy-of-a.csv")
        let (third, _) = try importPath(copy)
        XCTAssertTrue(third.alreadyImported)
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), everything)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testSameResponsesInOtherBytesAreAllDuplicates() throws {
        try importText(ImportFixtures.csv(header, rows, newline: "\n"), as: "lf.csv")
        let count = try db.responseCount()
        let tallies = try tallyDump()
        let responses = try ImportFixtures.dump(db.path, table: "response")

        let (_, receipt, diagnostics) = try importText(ImportFixtures.csv(header, rows, newline: "\r\n"), as: "crlf.csv")
        XCTAssertFalse(receipt.alreadyImported)
        XCTAssertEqual(receipt.rows, 4)
        XCTAssertEqual(receipt.duplicates, 4)
        XCTAssertEqual(receipt.imported, 0)
        XCTAssertEqual(receipt.conflicts, 0)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try db.responseCount(), count)
        XCTAssertEqual(try ImportFixtures.dump(db.path, table: "response"), responses)
        XCTAssertEqual(try tallyDump(), tallies)
        XCTAssertEqual(try db.importRecords().map(\.duplicates), [0, 4])
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testColumnsInAnotherOrderAreStillDuplicates() throws {
        try importText(ImportFixtures.csv(header, rows), as: "a.csv")
        let tallies = try tallyDump()
        let order = Array(header.indices.reversed())
        let reordered = ImportFixtures.csv(order.map { header[$0] }, rows.map { row in order.map { row[$0] } })
        let (_, receipt, _) = try importText(reordered, as: "reordered.csv")
        XCTAssertEqual(receipt.duplicates, 4)
        XCTAssertEqual(receipt.imported, 0)
        XCTAssertEqual(try tallyDump(), tallies)
    }

    func testRepeatedIdWithIdenticalContentInOneFile() throws {
        let text = ImportFixtures.csv(header, rows + [rows[1]])
        let (_, receipt, diagnostics) = try importText(text, as: "dup.csv")
        XCTAssertEqual(receipt.rows, 5)
        XCTAssertEqual(receipt.imported, 4)
        XCTAssertEqual(receipt.duplicates, 1)
        XCTAssertEqual(receipt.conflicts, 0)
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertEqual(diagnostics, [])
        assertReceiptAddsUp(receipt)
        XCTAssertEqual(try db.responseCount(), 4)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE response_key = 'ID-2'"), 1)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT row_number FROM response WHERE response_key = 'ID-2'"), 3)
        XCTAssertEqual(try db.rejectRecords(), [])
        let total = try XCTUnwrap(db.tallies(period: .year(2024), by: nil)).total
        XCTAssertEqual(total.responses, 4)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testRepeatedIdWithOtherContentIsAConflictKeptAside() throws {
        var changed = rows[1]
        changed[7] = "1"                      // TC1 3 → 1
        let text = ImportFixtures.csv(header, rows + [changed])
        let (path, receipt, diagnostics) = try importText(text, as: "conflict.csv")
        XCTAssertEqual(receipt.rows, 5)
        XCTAssertEqual(receipt.imported, 4)
        XCTAssertEqual(receipt.conflicts, 1)
        XCTAssertEqual(receipt.duplicates, 0)
        XCTAssertEqual(receipt.rejected, 0)
        assertReceiptAddsUp(receipt)
        XCTAssertEqual(diagnostics.map(\.code), [.conflict])
        XCTAssertEqual(diagnostics.first?.row, 6)
        XCTAssertEqual(diagnostics.first?.value, "ID-2")
        XCTAssertEqual(diagnostics.first?.detail, "\(path):3")
        XCTAssertEqual(try db.responseCount(), 4)
        // The first version is the one stored.
        let tc1 = try ImportFixtures.rows(db.path, "SELECT ratings FROM response WHERE response_key = 'ID-2'")
            .map { Array(($0[0] as Data))[0] }
        XCTAssertEqual(tc1, [3])
        let rejects = try db.rejectRecords()
        XCTAssertEqual(rejects.count, 1)
        XCTAssertEqual(rejects.first?.row, 6)
        XCTAssertEqual(rejects.first?.code, "conflict")
        XCTAssertEqual(rejects.first?.file, path)
        XCTAssertEqual(try rejects.first.map { try ImportFixtures.fields(ofCSV: $0.raw, delimiter: 0x2C) }, [changed])
        XCTAssertEqual(try db.importRecords().map(\.conflicts), [1])
        XCTAssertEqual(Importer(database: db).importFiles([dir.path("conflict.csv")], options: ImportOptions()).exitCode, 0,
                       "the second time the file is already imported")
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testConflictAcrossFilesIsRejectedByDefault() throws {
        try importText(ImportFixtures.csv(header, rows), as: "a.csv")
        let before = try tallyDump()
        var changed = rows[0]
        changed[9] = "1"
        let outcome = Importer(database: db).importFiles(
            [try dir.write(ImportFixtures.csv(header, [changed, ImportFixtures.row("ID-5", "01/04/2024")]), as: "b.csv")],
            options: ImportOptions())
        XCTAssertEqual(outcome.exitCode, 1)
        let receipt = try XCTUnwrap(outcome.files.first)
        XCTAssertEqual(receipt.conflicts, 1)
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(try db.responseCount(), 5)
        XCTAssertNotEqual(try tallyDump(), before)
        XCTAssertEqual(try db.rejectRecords().map(\.code), ["conflict"])
        XCTAssertEqual(try db.rejectRecords().first?.row, 2)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testReplaceAcrossFiles() throws {
        try importText(ImportFixtures.csv(header, rows), as: "a.csv")
        var options = ImportOptions()
        options.onConflict = .replace
        var changed = rows[0]
        changed[7] = "1"; changed[8] = "2"     // TC1 5 → 1, TT1 5 → 2
        changed[6] = "Sửa lại"
        let (_, receipt, diagnostics) = try importText(
            ImportFixtures.csv(header, [changed, rows[1], ImportFixtures.row("ID-5", "01/04/2024")]), as: "b.csv",
            options: options)
        XCTAssertEqual(receipt.rows, 3)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.replaced, 1)
        XCTAssertEqual(receipt.duplicates, 1)
        XCTAssertEqual(receipt.conflicts, 0)
        assertReceiptAddsUp(receipt)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(try db.responseCount(), 5)
        let stored = try ImportFixtures.rows(db.path, "SELECT ratings, comment FROM response WHERE response_key = 'ID-1'")
        XCTAssertEqual(stored.count, 1)
        XCTAssertEqual(Array((stored[0][0] as Data)).prefix(5), [1, 0xFF, 0xFF, 0xFF, 2])
        XCTAssertEqual(stored[0][1] as String?, "Sửa lại")
        XCTAssertEqual(try db.rejectRecords(), [])
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
        let total = try XCTUnwrap(db.tallies(period: .year(2024), by: nil)).total
        XCTAssertEqual(total.responses, 5)
        XCTAssertEqual(total.ratings[0], [0, 2, 0, 1, 0, 2], "TC1: ID-1 now 1, ID-2 3, ID-3 5, ID-4 1, ID-5 5")
    }

    func testReplaceThatMovesAResponseToAnotherProcedureAndMonth() throws {
        // The only response of (January, P-OLD) is corrected to (April, P-NEW): the old group is empty.
        try importText(ImportFixtures.csv(header, [
            ImportFixtures.row("M-1", "10/01/2024", procedure: "P-OLD", unit: "Đơn vị cũ", ratings: ["2", "2", "2", "2", "2"]),
            ImportFixtures.row("M-2", "10/02/2024", procedure: "P-KEEP", ratings: ["5", "5", "5", "5", "5"]),
        ]), as: "a.csv")
        var options = ImportOptions()
        options.onConflict = .replace
        let (_, receipt, _) = try importText(ImportFixtures.csv(header, [
            ImportFixtures.row("M-1", "10/04/2024", procedure: "P-NEW", unit: "Đơn vị mới", ratings: ["4", "4", "4", "4", "4"]),
        ]), as: "b.csv", options: options)
        XCTAssertEqual(receipt.replaced, 1)
        XCTAssertEqual(try db.responseCount(), 2)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024], context: "after moving M-1")
        let byProcedure = try XCTUnwrap(db.tallies(period: .year(2024), by: .procedure))
        XCTAssertEqual(Set(byProcedure.groups.keys), ["P-KEEP", "P-NEW"])
        let byMonth = try XCTUnwrap(db.tallies(period: .year(2024), by: .month))
        XCTAssertEqual(Set(byMonth.groups.keys), ["2024-02", "2024-04"])
    }

    func testReplaceWithinOneFile() throws {
        var options = ImportOptions()
        options.onConflict = .replace
        var changed = rows[2]
        changed[7] = "Không hài lòng"
        let (_, receipt, _) = try importText(ImportFixtures.csv(header, rows + [changed]), as: "self.csv", options: options)
        XCTAssertEqual(receipt.rows, 5)
        XCTAssertEqual(receipt.imported, 5)
        XCTAssertEqual(receipt.replaced, 1)
        assertReceiptAddsUp(receipt)
        XCTAssertEqual(try db.responseCount(), 4)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT row_number FROM response WHERE response_key = 'ID-3'"), 6)
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testRowsWithoutIdsAreNeverDuplicates() throws {
        let noID = header.enumerated().map { $0.offset == 0 ? "Ghi chú" : $0.element }
        let same = ImportFixtures.row("", "02/01/2024")
        let (_, receipt, _) = try importText(ImportFixtures.csv(noID, [same, same]), as: "noid.csv")
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.duplicates, 0)
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE response_key IS NULL"), 2)
        // …but the same file again is still recognised by its bytes.
        let (_, again, _) = try importText(ImportFixtures.csv(noID, [same, same]), as: "noid-again.csv")
        XCTAssertTrue(again.alreadyImported)
        XCTAssertEqual(try db.responseCount(), 2)
    }
    /// The content hash is stored with every response and decides, across versions of sipas, whether a
    /// response id seen again is a duplicate or a conflict: it must stay FNV-1a (64 bits) over day and
    /// time (little-endian Int64), the FNV of the procedure code, unit, channel and respondent type
    /// (each over its NFC text + 0x1F, as little-endian UInt64), dossier and comment (NFC + 0x1F), then
    /// the ratings. Computed here independently of `ContentHash`.
    func testTheStoredContentHashIsTheDocumentedFNV() throws {
        func fnv(_ bytes: [UInt8]) -> UInt64 {
            bytes.reduce(0xcbf2_9ce4_8422_2325 as UInt64) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        func le(_ value: UInt64) -> [UInt8] { (0..<8).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        func text(_ value: String) -> [UInt8] { Array(value.precomposedStringWithCanonicalMapping.utf8) + [0x1F] }
        let header = ["response_id", "date", "dossier_code", "procedure_code", "unit", "channel", "respondent_type",
                      "comment", "TC1", "TT1"]
        let nfdComment = "Tốt, cán bộ nhiệt tình".decomposedStringWithCanonicalMapping
        let nfcComment = "  Thủ tục \"một cửa\" nhanh,\nrõ ràng ₫ "
        let rows = [
            ["H-1", "05/03/2024 08:30", "HS-01", "1.000411.000.00.00.H33", "Chi cục TĐC", "", "Doanh nghiệp", nfdComment,
             "5", "Hài lòng"],
            ["H-2", "2024-03-06", "", " 1.004490.000.00.00.H33 ", "", "Trực tuyến", "", "", "", "KTL"],
            // Already NFC, so kept as the file's bytes: a non-ASCII id and dossier code, and a comment
            // with spaces around it (a comment is not trimmed), quotes and a line break.
            ["Đ-3", "2024-03-07", " HS-Đ03 ", "1.004490.000.00.00.H33", "", "", "", nfcComment, "4", ""],
        ]
        try importText(ImportFixtures.csv(header, rows), as: "hash.csv")
        let stored = try ImportFixtures.rows(db.path, "SELECT response_key, content_hash FROM response ORDER BY id")
            .map { ($0[0] as String, $0[1] as Int64) }
        let texts = try ImportFixtures.rows(db.path, "SELECT dossier_code, comment FROM response ORDER BY id")
            .map { [$0[0] as String?, $0[1] as String?] }
        XCTAssertEqual(texts, [["HS-01", "Tốt, cán bộ nhiệt tình"], [nil, nil], ["HS-Đ03", nfcComment]])

        var ratings1 = [UInt8](repeating: 0xFF, count: 19), ratings2 = ratings1
        (ratings1[0], ratings1[4]) = (5, 4)     // TC1 is position 0, TT1 position 4 of the standard catalogue
        (ratings2[0], ratings2[4]) = (0, 0)
        let first = le(20_240_305) + le(8 * 3600 + 30 * 60) + le(fnv(text("1.000411.000.00.00.H33")))
            + le(fnv(text("Chi cục TĐC"))) + le(fnv(text(""))) + le(fnv(text("Doanh nghiệp")))
            + text("HS-01") + text("Tốt, cán bộ nhiệt tình") + ratings1
        let second = le(20_240_306) + le(UInt64(bitPattern: -1)) + le(fnv(text("1.004490.000.00.00.H33")))
            + le(fnv(text(""))) + le(fnv(text("Trực tuyến"))) + le(fnv(text("")))
            + [0x1F] + [0x1F] + ratings2
        var ratings3 = [UInt8](repeating: 0xFF, count: 19)
        (ratings3[0], ratings3[4]) = (4, 0)
        let third = le(20_240_307) + le(UInt64(bitPattern: -1)) + le(fnv(text("1.004490.000.00.00.H33")))
            + le(fnv(text(""))) + le(fnv(text(""))) + le(fnv(text("")))
            + text("HS-Đ03") + text(nfcComment) + ratings3
        XCTAssertEqual(stored.map(\.0), ["H-1", "H-2", "Đ-3"])
        XCTAssertEqual(stored.map(\.1), [Int64(bitPattern: fnv(first)), Int64(bitPattern: fnv(second)),
                                         Int64(bitPattern: fnv(third))])
    }
}
