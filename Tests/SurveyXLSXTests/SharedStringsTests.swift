import XCTest
import ZIPFoundation
import SIPASTestSupport
@testable import SurveyXLSX

/// The shared strings read on their own thread while the sheet is read: any string a cell points at,
/// in any order; a damaged table is the workbook's error, not an empty cell or "no table".
final class SharedStringsTests: XCTestCase {
    /// A workbook of one sheet and the given shared-strings XML, written part by part (deflated).
    private func workbook(_ name: String, strings: String, sheetRows: String) throws -> String {
        let path = try temporaryDirectory(self).appendingPathComponent(name).path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let parts = [
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>"),
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData>\(sheetRows)</sheetData></worksheet>"),
        ]
        for (part, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: part, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                (p: Int64, n: Int) in data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        return path
    }

    private func table(_ n: Int) -> String {
        "<sst count=\"\(n)\" uniqueCount=\"\(n)\">" + (0..<n).map { "<si><t>chuỗi \($0)</t></si>" }.joined() + "</sst>"
    }

    /// The first row points at the last of 50,000 strings, then at the first and one in the middle; later
    /// rows at strings in order. Every cell gets its own string whether or not the table was read by then.
    func testCellsGetTheirStringsInAnyOrder() throws {
        let n = 50_000
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>\(n - 1)</v></c><c r=\"B1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>\(n / 2)</v></c></row>"
        for r in 2...200 { rows += "<row r=\"\(r)\"><c r=\"A\(r)\" t=\"s\"><v>\(r * 97)</v></c></row>" }
        let path = try workbook("order.xlsx", strings: table(n), sheetRows: rows)
        let book = try Workbook(path: path)
        let read = try book.rows(of: book.sheets[0])
        XCTAssertEqual(read[0].texts(), ["chuỗi \(n - 1)", "chuỗi 0", "chuỗi \(n / 2)"])
        for r in 2...200 { XCTAssertEqual(read[r - 1].texts(), ["chuỗi \(r * 97)"], "row \(r)") }
        XCTAssertEqual(book.sharedStrings.count, n)
    }

    /// A table whose XML breaks off after its second string: reading the sheet is the damaged part's
    /// error, and so is looking for the header (not "no table found").
    func testDamagedTableIsTheWorkbooksError() throws {
        let path = try workbook("damaged.xlsx", strings: "<sst><si><t>Mã phiếu</t></si><si><t>b</t></sx>",
                                sheetRows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>5</v></c></row>")
        let book = try Workbook(path: path)
        XCTAssertThrowsError(try book.rows(of: book.sheets[0])) { error in
            guard case let .damagedPart(_, part, reason)? = error as? XLSXError else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "xl/sharedStrings.xml")
            XCTAssertTrue(reason.hasPrefix("line 1: "), reason)
        }
        XCTAssertThrowsError(try WorkbookTableReader(path: path, rules: TableRules(bind: { _ in nil }, isFooter: { _ in false }))) { error in
            guard case let .damagedPart(_, part, _)? = error as? XLSXError else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "xl/sharedStrings.xml")
        }
    }

    /// A workbook let go of while its table is still being read stops the reading and frees it.
    func testClosingEarlyStopsTheReading() throws {
        let path = try workbook("early.xlsx", strings: table(300_000), sheetRows: "")
        for _ in 0..<3 {
            let book = try Workbook(path: path)
            XCTAssertLessThan(book.sharedStrings.count, 300_000 + 1)
        }
        let book = try Workbook(path: path)
        try book.sharedStringsLoaded()
        XCTAssertEqual(book.sharedStrings.count, 300_000)
        XCTAssertEqual(String(decoding: book.sharedStrings.bytes(299_999), as: UTF8.self), "chuỗi 299999")
    }
}
