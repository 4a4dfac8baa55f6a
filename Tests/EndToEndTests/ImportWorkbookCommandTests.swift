import Foundation
import SIPASKit
import SIPASTestSupport
import SurveyXLSX
import XCTest

/// `sipas import` on workbooks, run as a user runs it: the built binary, stdout, stderr and exit code.
final class ImportWorkbookCommandTests: XCTestCase {
    func testTheBundledCentreWorkbook() throws {
        let db = try temporaryDirectory(self).appendingPathComponent("t.sqlite").path
        let run = try Sipas.run(["import", "--db", db, "surveys/2025-q1-trung-tam-hcc.xlsx"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "")
        assertGolden(run.stderr, named: "import-workbook.stderr")
        let again = try Sipas.run(["import", "--db", db, "--lang", "en", "surveys/2025-q1-trung-tam-hcc.xlsx"])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("[already-imported]"), again.stderr)
        XCTAssertTrue(again.stderr.contains("imported 0 responses from 1 file(s)."), again.stderr)
    }

    func testARejectedCellIsNamedAsExcelNamesIt() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("x.xlsx").path
        let writer = try WorkbookWriter()
        try writer.addSheet(named: "Sheet1") { sink in
            try sink.row(1, ["Mã phiếu", "Ngày đánh giá", "Mã TTHC", "Tên TTHC", "TC1", "TC2"].map { .text($0) })
            for row in 2...16 {
                try sink.row(row, [.text("X-\(row)"), .date(CellDate(year: 2024, month: 4, day: 2)), .text("1.000411.000.00.00.H33"),
                                   .text("Kiểm tra"), .number(5), .number(4)])
            }
            try sink.row(17, [.text("X-17"), .date(CellDate(year: 2024, month: 4, day: 2)), .text("1.000411.000.00.00.H33"),
                              .text("Kiểm tra"), .number(5), .error("#N/A")])
        }
        try writer.write(to: path)
        let db = dir.appendingPathComponent("t.sqlite").path
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", path])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(path):Sheet1!F17: error: [error-cell] 'TC2' is Excel's error value '#N/A', not a value\n"),
                      run.stderr)
        let rejects = try Sipas.run(["rejects", "--db", db, "--format", "csv"])
        XCTAssertTrue(rejects.stdout.contains("X-17,02/04/2024,1.000411.000.00.00.H33,Kiểm tra,5,#N/A"), rejects.stdout)
        XCTAssertEqual(try AppDatabase(path: db).responseCount(), 15)
    }

    func testABinaryXlsSaysHowToConvert() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("cu.xls").path
        FileManager.default.createFile(atPath: path, contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)))
        let run = try Sipas.run(["import", "--db", dir.appendingPathComponent("t.sqlite").path, "--lang", "en", path])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("\(path): is an Excel 97–2003 binary workbook (.xls), which sipas does not read"), run.stderr)
        XCTAssertTrue(run.stderr.contains("libreoffice --headless --convert-to xlsx FILE.xls"), run.stderr)
    }

    func testSheetOptionWithAMissingSheet() throws {
        let dir = try temporaryDirectory(self)
        let run = try Sipas.run(["import", "--db", dir.appendingPathComponent("t.sqlite").path, "--lang", "en",
                                 "--sheet", "Nope", "surveys/2025-q1-trung-tam-hcc.xlsx"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("surveys/2025-q1-trung-tam-hcc.xlsx: no sheet 'Nope' (there are: Báo cáo)"), run.stderr)
    }
}
