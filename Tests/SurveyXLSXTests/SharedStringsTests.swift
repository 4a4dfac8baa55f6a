import XCTest
import ZIPFoundation
import SIPASTestSupport
@testable import SurveyXLSX
@testable import SurveyCSV

/// The shared strings read on their own thread while the sheet is read: any string a cell points at,
/// in any order; a damaged table is the workbook's error, not an empty cell or "no table".
final class SharedStringsTests: XCTestCase {
    /// A workbook of one sheet and the given shared-strings XML, written part by part (deflated).
    private func workbook(_ name: String, strings: String, sheetRows: String) throws -> String {
        try workbook(name, strings: Data(strings.utf8), sheet: Data("<worksheet><sheetData>\(sheetRows)</sheetData></worksheet>".utf8))
    }

    private func workbook(_ name: String, strings: Data, sheet: Data) throws -> String {
        let path = try temporaryDirectory(self).appendingPathComponent(name).path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let parts = [
            ("xl/workbook.xml", Data("<workbook><sheets><sheet name=\"A\"/></sheets></workbook>".utf8)),
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        for (part, data) in parts {
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

    /// The workbook's text reaches the import as valid UTF-8 by construction (its batches skip the scan):
    /// libxml2 refuses a part that is not proper UTF-8, in the shared strings and in inline strings alike.
    func testTextThatIsNotUTF8IsADamagedPart() throws {
        let bad = Data("<sst><si><t>M".utf8) + Data([0xC3, 0x28]) + Data("</t></si></sst>".utf8)
        let sheet = Data("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>".utf8)
        let path = try workbook("bad-strings.xlsx", strings: bad, sheet: sheet)
        let book = try Workbook(path: path)
        XCTAssertThrowsError(try book.rows(of: book.sheets[0])) { error in
            guard case let .damagedPart(_, part, _)? = error as? XLSXError else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "xl/sharedStrings.xml")
        }
        let inline = Data("<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".utf8) + Data([0xFF, 0x41])
            + Data("</t></is></c></row></sheetData></worksheet>".utf8)
        let other = try workbook("bad-inline.xlsx", strings: Data("<sst/>".utf8), sheet: inline)
        let second = try Workbook(path: other)
        XCTAssertThrowsError(try second.rows(of: second.sheets[0])) { error in
            guard case let .damagedPart(_, part, _)? = error as? XLSXError else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
        }
    }

    /// The table's batches are marked valid UTF-8 (the validation does not scan them); the header and
    /// the data come through as written.
    func testBatchesAreMarkedValidUTF8() throws {
        let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
            + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\" t=\"s\"><v>3</v></c></row>"
        let path = try workbook("valid.xlsx", strings: "<sst><si><t>Ngày</t></si><si><t>Điểm</t></si><si><t>Hà Nội</t></si><si><t>Mã 1.001</t></si></sst>",
                                sheetRows: rows)
        let rules = TableRules(bind: { $0.first == "Ngày" ? TableColumns(date: 0, procedureCode: 1) : nil }, isFooter: { _ in false })
        let reader = try WorkbookTableReader(path: path, rules: rules)
        var batches: [RecordBatch] = []
        _ = try reader.read { batches.append($0) }
        XCTAssertFalse(batches.isEmpty)
        XCTAssertTrue(batches.allSatisfy(\.knownValidUTF8))
        XCTAssertEqual(batches.flatMap { b in (0..<b.count).map { b.strings($0) } }, [["Ngày", "Điểm"], ["Hà Nội", "Mã 1.001"]])
    }

    /// A workbook let go of while its table is still being read stops the reading and frees it.
    func testClosingEarlyStopsTheReading() throws {
        let path = try workbook("early.xlsx", strings: table(300_000), sheetRows: "")
        for _ in 0..<3 {
            let book = try Workbook(path: path)
            // Closed while (most likely) still reading: it stops, every string read so far is whole, and
            // asking past them answers at once (empty) instead of waiting for strings that never come.
            book.sharedStrings.close()
            let read = book.sharedStrings.count
            XCTAssertLessThanOrEqual(read, 300_000)
            for i in stride(from: 0, to: read, by: 997) {
                XCTAssertEqual(String(decoding: book.sharedStrings.bytes(i), as: UTF8.self), "chuỗi \(i)")
            }
            if read < 300_000 { XCTAssertTrue(book.sharedStrings.bytes(read).isEmpty) }
        }
        let book = try Workbook(path: path)
        try book.sharedStringsLoaded()
        XCTAssertEqual(book.sharedStrings.count, 300_000)
        XCTAssertEqual(String(decoding: book.sharedStrings.bytes(299_999), as: UTF8.self), "chuỗi 299999")
    }

    /// The table never writes past the buffers sized from its part: text beyond them is refused (the
    /// part is then damaged), and the strings before stay as they were.
    func testTextBeyondThePartsSizeIsRefused() throws {
        let table = SharedStrings(xmlBytes: 40)
        try table.append(Array("Hà Nội".utf8))
        XCTAssertThrowsError(try table.append(Array(repeating: 0x61, count: 64))) { error in
            XCTAssertEqual("\(error)", "more text than the part's size")
        }
        XCTAssertEqual(table.count, 1)
        XCTAssertEqual(table.string(0), "Hà Nội")
    }
}
