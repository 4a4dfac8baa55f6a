import Foundation
import GRDB
import SIPASTestSupport
import XCTest
import SurveyCSV
@testable import SIPASKit

/// Nothing lost: every row of a messy file is stored, counted as a duplicate, or kept aside with its
/// file, row, column, reason and raw text; the raw text reads back as the original fields.
final class ImportRejectsTests: ImportTestCase {
    private let header = ["Mã phiếu", "Ngày đánh giá", "Mã TTHC", "Tên TTHC", "Đơn vị", "Ý kiến", "TC1", "TT1", "CC1", "KQ1", "PA1"]

    /// (row number, fields) of the messy fixture, in file order. Header = row 1.
    private var messy: [(row: Int, fields: [String])] {
        [
            (2, ["X-1", "02/01/2024", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "4", ""]),
            (3, ["X-2", "02/01/2024", "P1", "Cấp phép", "Phòng A", "", "5", "5", "6", "4", ""]),
            (4, ["X-3", "02/01/2024", "P1", "Cấp phép", "Phòng A", "Ý kiến, có dấu phẩy", "5", "5", "4", "tốt", ""]),
            (5, ["X-4", "31/02/2024", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "4", ""]),
            (6, ["X-5", "hôm qua", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "4", ""]),
            (7, ["X-6", "", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "4", ""]),
            (8, ["X-7", "03/01/2024", "", "Cấp phép", "Phòng A", "", "5", "5", "4", "4", ""]),
            (9, ["X-8", "03/01/2024", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "4"]),            // ragged
            (10, ["X-9", "04/01/2024", "P2", "Gia hạn", "Phòng B", "Nói \"cầm tay chỉ việc\"\nrất tốt", "4", "4", "4", "4", "4"]),
            (11, ["X-1", "02/01/2024", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "2", ""]),        // conflict with row 2
            (12, ["X-9", "04/01/2024", "P2", "Gia hạn", "Phòng B", "Nói \"cầm tay chỉ việc\"\nrất tốt", "4", "4", "4", "4", "4"]),  // duplicate of 10
            (13, ["X-10", "12/31/2024", "P1", "Cấp phép", "Phòng A", "", "0", "5", "Bình thường", "4", "7"]),  // three problems
            (14, ["X-11", "05/01/2024", "P1", "Cấp phép", "Phòng A", "", "5", "5", "4", "4", ""]),
        ]
    }

    private func messyText() -> String {
        var text = CSVQuoting.line(header, delimiter: 0x2C) + "\r\n"
        for (_, fields) in messy { text += CSVQuoting.line(fields, delimiter: 0x2C) + "\r\n" }
        // The last row opens a quote that never closes.
        text += "X-12,06/01/2024,P1,\"Tên chưa đóng,Phòng A,,5,5,4,4,\r\n"
        return text
    }

    /// The raw text of a rejected row is its line as the file has it — needless quotes, spaces, a line
    /// break inside quotes — stored NFC, so the Office can find it in the file.
    func testTheRawTextIsTheLineAsTheFileHasIt() throws {
        let lines = [
            "Mã phiếu;Ngày đánh giá;Mã TTHC;Ý kiến;TC1",
            "\"A-1\";\"01/01/2024\";\"P1\";\"Rất tốt\";\"9\"",
            "A-2 ; 02/01/2024;P1;" + "  Chậm, \"khó\" hiểu  ".decomposedStringWithCanonicalMapping + ";x",
            "A-3;03/01/2024;P1;\"hai\r\ndòng\";5",
            "A-3;03/01/2024;P1;\"khác\r\nhẳn\";5",
        ]
        let (_, receipt, _) = try importText(lines.joined(separator: "\r\n") + "\r\n", as: "raw.csv")
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(receipt.conflicts, 1)
        let rejects = try db.rejectRecords()
        XCTAssertEqual(rejects.map(\.row), [2, 3, 5])
        XCTAssertEqual(rejects.map(\.code), ["rating-out-of-scale", "rating-unknown", "conflict"])
        XCTAssertEqual(rejects.map(\.raw), [lines[1], lines[2].precomposedStringWithCanonicalMapping, lines[4]])
        XCTAssertEqual(rejects.map { Array($0.raw.utf8) }, [lines[1], lines[2], lines[4]].map {
            Array($0.precomposedStringWithCanonicalMapping.utf8)
        })
    }

    func testEveryRejectedRowIsKeptWithWhereAndWhy() throws {
        let (path, receipt, diagnostics) = try importText(messyText(), as: "messy.csv")
        XCTAssertEqual(receipt.rows, 14)
        XCTAssertEqual(receipt.imported, 3)            // rows 2, 10, 14
        XCTAssertEqual(receipt.duplicates, 1)          // row 12
        XCTAssertEqual(receipt.conflicts, 1)           // row 11
        XCTAssertEqual(receipt.rejected, 9)            // rows 3–9, 13, 15
        assertReceiptAddsUp(receipt)
        XCTAssertEqual(try db.responseCount(), 3)
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT row_number FROM response ORDER BY row_number").map { $0[0] as Int },
                       [2, 10, 14])

        let rejects = try db.rejectRecords()
        XCTAssertEqual(rejects.map(\.row), [3, 4, 5, 6, 7, 8, 9, 11, 13, 15])
        XCTAssertTrue(rejects.allSatisfy { $0.file == path })
        XCTAssertEqual(rejects.map(\.code), ["rating-out-of-scale", "rating-unknown", "impossible-date", "bad-date",
                                             "missing-date", "missing-procedure-code", "ragged-row", "conflict",
                                             "impossible-date", "unterminated-quote"])
        XCTAssertEqual(rejects.map(\.column), ["CC1", "KQ1", "Ngày đánh giá", "Ngày đánh giá", "Ngày đánh giá", "Mã TTHC",
                                               nil, "Mã phiếu", "Ngày đánh giá", nil])  // the conflict names the id column as the file spells it
        XCTAssertTrue(rejects.allSatisfy { !$0.message.isEmpty && !$0.reasons.isEmpty })
        // Row 13 has three problems (date, TC1, PA1; "Bình thường" in CC1 is a 3): one rejected row that lists all three.
        let row13 = try XCTUnwrap(rejects.first { $0.row == 13 })
        XCTAssertEqual(row13.reasons.split(separator: "\n").count, 3, row13.reasons)
        XCTAssertEqual(diagnostics.filter { $0.row == 13 }.map(\.code), [.impossibleDate, .ratingOutOfScale, .ratingOutOfScale])
        XCTAssertEqual(diagnostics.filter { $0.row == 13 }.map(\.columnName), ["Ngày đánh giá", "TC1", "PA1"])

        // Raw text reads back as the original fields.
        let original = Dictionary(uniqueKeysWithValues: messy.map { ($0.row, $0.fields) })
        for reject in rejects {
            let records = try ImportFixtures.fields(ofCSV: reject.raw, delimiter: 0x2C)
            XCTAssertEqual(records.count, 1, "row \(reject.row): '\(reject.raw)'")
            if reject.row == 15 {
                XCTAssertEqual(records.first, ["X-12", "06/01/2024", "P1", "Tên chưa đóng,Phòng A,,5,5,4,4,\r\n"])
            } else {
                XCTAssertEqual(records.first, original[reject.row], "row \(reject.row)")
            }
        }

        // The import log says the same as the receipt.
        let record = try XCTUnwrap(db.importRecords().first)
        XCTAssertEqual([record.rows, record.imported, record.duplicates, record.conflicts, record.rejected],
                       [14, 3, 1, 1, 9])
        try ImportFixtures.assertTalliesMatchResponses(db, years: [2024])
    }

    func testDiagnosticsNameTheValueButNeverTheWholeComment() throws {
        let long = String(repeating: "Rất dài và có thông tin cá nhân. ", count: 10)
        let text = CSVQuoting.line(["Ngày", "Mã TTHC", "Ý kiến", "TC1"], delimiter: 0x2C) + "\n"
            + CSVQuoting.line(["01/01/2024", "P1", long, long], delimiter: 0x2C) + "\n"
        let (_, receipt, diagnostics) = try importText(text, as: "long.csv")
        XCTAssertEqual(receipt.rejected, 1)
        XCTAssertEqual(diagnostics.map(\.code), [.ratingUnknown])
        let value = try XCTUnwrap(diagnostics.first?.value)
        XCTAssertLessThanOrEqual(value.count, 40)
        XCTAssertTrue(value.hasSuffix("…"))
        let reject = try XCTUnwrap(db.rejectRecords().first)
        XCTAssertLessThan(reject.message.count, 120, reject.message)
        // The raw text is kept in full so that the row can be fixed and imported again.
        XCTAssertEqual(try ImportFixtures.fields(ofCSV: reject.raw, delimiter: 0x2C), [["01/01/2024", "P1", long, long]])
    }

    func testRejectsOfSemicolonAndTabFilesUseTheirDelimiter() throws {
        let semicolon = "date;procedure_code;comment;TC1\n01/01/2024;P1;a, b; c;5\n01/01/2024;P1;x;9\n"
        let (path1, r1, _) = try importText(semicolon, as: "semi.csv")
        XCTAssertEqual(r1.rejected, 2)
        let tab = "date\tprocedure_code\tcomment\tTC1\r\n01/01/2024\tP1\tcó; dấu\t9\r\n"
        let (path2, r2, _) = try importBytes(ImportFixtures.utf16(tab), as: "tab.csv")
        XCTAssertEqual(r2.rejected, 1)
        let first = try db.rejectRecords(file: path1)
        XCTAssertEqual(first.map(\.code), ["ragged-row", "rating-out-of-scale"])
        XCTAssertEqual(try ImportFixtures.fields(ofCSV: first[0].raw, delimiter: 0x3B), [["01/01/2024", "P1", "a, b", " c", "5"]])
        XCTAssertEqual(try ImportFixtures.fields(ofCSV: first[1].raw, delimiter: 0x3B), [["01/01/2024", "P1", "x", "9"]])
        let second = try db.rejectRecords(file: path2)
        XCTAssertEqual(second.map(\.row), [2])
        XCTAssertEqual(try ImportFixtures.fields(ofCSV: second[0].raw, delimiter: 0x09), [["01/01/2024", "P1", "có; dấu", "9"]])
    }

    func testExitCodes() throws {
        let good = try dir.write(ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(5)), as: "good.csv")
        let bad = try dir.write(messyText(), as: "messy.csv")
        let empty = try dir.write([UInt8](), as: "empty.csv")
        XCTAssertEqual(Importer(database: db).importFiles([good], options: ImportOptions()).exitCode, 0)
        let mixed = Importer(database: db).importFiles([bad, empty], options: ImportOptions())
        XCTAssertEqual(mixed.exitCode, 2)
        XCTAssertEqual(mixed.files.map(\.path), [bad], "a file that fails does not stop the others")
        XCTAssertEqual(mixed.failures.map(\.path), [empty])
        let oneBad = try dir.write(ImportFixtures.csv(ImportFixtures.standardHeader,
            [ImportFixtures.row("E-1", "01/01/2024", ratings: ["6", "", "", "", ""])]), as: "one-bad.csv")
        XCTAssertEqual(Importer(database: db).importFiles([oneBad], options: ImportOptions()).exitCode, 1)
    }

    func testDiagnosticsAreCappedPerCodeAndCounted() throws {
        let rows = (0..<30).map { ImportFixtures.row("C-\($0)", "01/01/2024", ratings: ["6", "", "", "", ""]) }
        let path = try dir.write(ImportFixtures.csv(ImportFixtures.standardHeader, rows), as: "capped.csv")
        var options = ImportOptions()
        options.diagnosticsPerCode = 20
        let outcome = Importer(database: db).importFiles([path], options: options)
        XCTAssertEqual(outcome.diagnostics.count, 20)
        XCTAssertEqual(outcome.omitted[path]?[.ratingOutOfScale], 10)
        XCTAssertEqual(outcome.files.first?.rejected, 30)
        XCTAssertEqual(try db.rejectRecords().count, 30, "every rejected row is kept, capped or not")
    }
}
