import Foundation
import SIPASTestSupport
import WorkbookTestSupport
import XCTest
import XLSXWriter

/// The libxlsxwriter wrapper on its own: the rules it enforces and the text it makes safe.
final class XLSXWriterTests: XCTestCase {
    func temporary() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("xlsxwriter-\(UUID().uuidString).xlsx").path
    }

    func testRowsGoInOrder() throws {
        let path = temporary()
        defer { unlink(path) }
        let book = try XLSXWorkbook(path: path)
        let sheet = try book.addSheet("A")
        try sheet.write(.number(1), row: 3, column: 0)
        try sheet.write(.number(2), row: 3, column: 2)
        XCTAssertThrowsError(try sheet.write(.number(3), row: 3, column: 1), "left of the last cell of its row")
        XCTAssertThrowsError(try sheet.write(.number(3), row: 2, column: 5), "a row already left")
        try sheet.write(.text("b"), row: 4, column: 0)
        try book.close()
        let rows = try WorkbookReadBack(path: path).rows("A")
        XCTAssertEqual(rows[3].map(\.value), [.number(1), .empty, .number(2)])
        XCTAssertEqual(rows[4].map(\.value), [.text("b")])
    }

    func testSheetNames() {
        XCTAssertEqual(SheetName.valid("Tổng quan"), "Tổng quan")
        XCTAssertEqual(SheetName.valid("Q1/2024: [nháp]?"), "Q1-2024- -nháp--")
        XCTAssertEqual(SheetName.valid("'trích'"), "trích")
        XCTAssertEqual(SheetName.valid(""), "Sheet")
        XCTAssertEqual(SheetName.valid("History"), "Sheet-History")
        let long = SheetName.valid("Thủ tục hành chính có chỉ số dưới mục tiêu năm 2024")
        XCTAssertEqual(long.utf16.count, 31)
        XCTAssertTrue(SheetName.isValid(long))
    }

    func testTheSameSheetNameTwiceIsAnError() throws {
        let book = try XLSXWorkbook(path: temporary())
        _ = try book.addSheet("Tháng")
        XCTAssertThrowsError(try book.addSheet("tháng"))
    }

    func testAWorkbookNotClosedWritesNothing() throws {
        let path = temporary()
        do {
            let book = try XLSXWorkbook(path: path)
            try book.addSheet("A").write(.text("x"), row: 0, column: 0)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    func testCellTextLimits() {
        XCTAssertEqual(CellText.xmlSafe("a\u{0}b\u{1F}c\td\ne\rf"), "a\u{FFFD}b\u{FFFD}c\td\ne\rf")
        XCTAssertEqual(CellText.xmlSafe("_x0041_ and _xZZZZ_"), "_x005F_x0041_ and _xZZZZ_")
        XCTAssertEqual(CellText.fitted("ngắn").text, "ngắn")
        let (cut, wasCut) = CellText.fitted(String(repeating: "😀", count: 20_000))   // 2 UTF-16 units each
        XCTAssertTrue(wasCut)
        XCTAssertLessThanOrEqual(cut.utf16.count, CellText.maximumLength)
    }

    func testDatesAndNumbers() throws {
        let path = temporary()
        defer { unlink(path) }
        let book = try XLSXWorkbook(path: path)
        let sheet = try book.addSheet("D")
        try sheet.write(row: 0, [.date(year: 2024, month: 2, day: 29), .dateTime(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 58),
                                 .number(0.9643), .number(-0.0412), .number(.nan)],
                        styles: [CellStyle(numberFormat: "dd/mm/yyyy"), CellStyle(numberFormat: "yyyy-mm-dd hh:mm:ss"),
                                 CellStyle(numberFormat: "0.0%"), nil, nil])
        try book.close()
        let row = try WorkbookReadBack(path: path).rows("D")[0]
        XCTAssertEqual(row.map(\.value), [.date(year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0),
                                          .date(year: 2024, month: 12, day: 31, hour: 23, minute: 59, second: 58),
                                          .number(0.9643), .number(-0.0412)])
        XCTAssertEqual(row[2].format, "0.0%")
    }
}
