import XCTest
import ZIPFoundation
import SIPASTestSupport
@testable import SurveyXLSX

/// Real workbooks, written cell form by cell form, read back through ZIPFoundation and expat.
final class CellKindTests: XCTestCase {
    func write(_ name: String, date1904: Bool = false, rows: [[WorkbookWriter.Value]], references: Bool = true) throws -> String {
        let path = try temporaryDirectory(self).appendingPathComponent(name).path
        let writer = try WorkbookWriter(date1904: date1904)
        try writer.addSheet(named: "Trang 1") { sink in
            for (i, cells) in rows.enumerated() { try sink.row(i + 1, cells, references: references) }
        }
        try writer.write(to: path)
        return path
    }

    func testEveryCellKind() throws {
        let day = CellDate(year: 2024, month: 9, day: 5)
        let stamp = CellDate(year: 2024, month: 12, day: 31, hour: 16, minute: 5, second: 9, hasTime: true)
        let path = try write("kinds.xlsx", rows: [[
            .text("Mã TTHC"), .inlineText("Ý kiến <đẹp> & \"tốt\""), .richText(["Rất ", "hài lòng"]), .number(4),
            .number(2.00152), .bool(true), .date(day), .date(stamp), .builtInDate(day), .error("#N/A"),
            .formula("A1+1", cached: .number(5)), .formula("A1&\"x\"", cached: .text("ax")), .formula("1/0", cached: nil),
            .empty, .formattedNumber(0.955, code: "0.0%"), .number(123456789012),
        ]])
        let book = try Workbook(path: path)
        XCTAssertEqual(book.sheets.map(\.name), ["Trang 1"])
        let rows = try book.rows(of: book.sheets[0])
        XCTAssertEqual(rows.count, 1)
        let cells = rows[0].cells
        XCTAssertEqual(cells.map(\.column), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15])
        XCTAssertEqual(cells.map(\.value), [
            .text("Mã TTHC"), .text("Ý kiến <đẹp> & \"tốt\""), .text("Rất hài lòng"), .number(4), .number(2.00152),
            .bool(true), .date(day), .date(stamp), .date(day), .error("#N/A"), .number(5), .text("ax"), .empty,
            .number(0.955), .number(123456789012),
        ])
        XCTAssertEqual(cells.map(\.isFormula), [false, false, false, false, false, false, false, false, false, false,
                                                true, true, true, false, false])
        XCTAssertEqual(rows[0].texts(), [
            "Mã TTHC", "Ý kiến <đẹp> & \"tốt\"", "Rất hài lòng", "4", "2.00152", "TRUE", "05/09/2024",
            "31/12/2024 16:05:09", "05/09/2024", "#N/A", "5", "ax", "", "", "95.5%", "1.23457E+11",
        ])
        XCTAssertEqual(cells[13].reference(row: 1), "O1")
    }

    func testDate1904System() throws {
        let day = CellDate(year: 2024, month: 2, day: 29)
        XCTAssertEqual(day.serial(date1904: false), 45351)
        XCTAssertEqual(day.serial(date1904: true), 45351 - 1462)
        let path = try write("mac.xlsx", date1904: true, rows: [[.date(day), .number(0)]])
        let book = try Workbook(path: path)
        XCTAssertTrue(book.usesDate1904)
        XCTAssertEqual(try book.rows(of: book.sheets[0])[0].cells[0].value, .date(day))
        // The same serial in the 1900 system is four years and a day later.
        XCTAssertEqual(CellDate(serial: 45351 - 1462, date1904: false, hasTime: false),
                       CellDate(year: 2020, month: 2, day: 28))
    }

    func testSerialsAroundExcelsPhantomLeapDay() {
        XCTAssertEqual(CellDate(serial: 1, date1904: false, hasTime: false), CellDate(year: 1900, month: 1, day: 1))
        XCTAssertEqual(CellDate(serial: 59, date1904: false, hasTime: false), CellDate(year: 1900, month: 2, day: 28))
        XCTAssertNil(CellDate(serial: 60, date1904: false, hasTime: false))
        XCTAssertEqual(CellDate(serial: 61, date1904: false, hasTime: false), CellDate(year: 1900, month: 3, day: 1))
        XCTAssertEqual(CellDate(serial: 45_658.5, date1904: false, hasTime: true),
                       CellDate(year: 2025, month: 1, day: 1, hour: 12, hasTime: true))
    }

    func testCellsWithoutReferencesAndMissingRows() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("sparse.xlsx").path
        let writer = try WorkbookWriter()
        try writer.addSheet(named: "S") { sink in
            try sink.row(3, [.text("a"), .empty, .number(1)], references: false)
            try sink.row(7, [.empty, .text("b")], firstColumn: 26)
        }
        try writer.write(to: path)
        let book = try Workbook(path: path)
        let rows = try book.rows(of: book.sheets[0])
        XCTAssertEqual(rows.map(\.number), [3, 7])
        XCTAssertEqual(rows[0].cells.map(\.column), [0, 2])
        XCTAssertEqual(rows[1].cells.map { $0.reference(row: 7) }, ["AB7"])
    }

    func testWorkbookToldByBytesNotName() throws {
        let zip = try write("bao-cao.xls", rows: [[.text("x")]])
        XCTAssertEqual(WorkbookKind.of(path: zip), .workbook)
        XCTAssertEqual(try Workbook(path: zip).sheets.count, 1)
        let dir = try temporaryDirectory(self)
        let ole = dir.appendingPathComponent("cu.xlsx").path
        FileManager.default.createFile(atPath: ole, contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)))
        XCTAssertEqual(WorkbookKind.of(path: ole), .binaryWorkbook)
        XCTAssertThrowsError(try Workbook(path: ole)) { XCTAssertEqual($0 as? XLSXError, .binaryWorkbook(path: ole)) }
        let csv = dir.appendingPathComponent("a.xlsx").path
        FileManager.default.createFile(atPath: csv, contents: Data("a,b\n".utf8))
        XCTAssertEqual(WorkbookKind.of(path: csv), .other)
        // A zip without xl/workbook.xml (say a .docx) is not a workbook.
        let other = dir.appendingPathComponent("x.zip")
        let archive = try Archive(url: other, accessMode: .create)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(3)) { (_: Int64, _: Int) in Data("abc".utf8) }
        XCTAssertEqual(WorkbookKind.of(path: other.path), .other)
    }

    func testSheetByNameOrNumber() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("two.xlsx").path
        let writer = try WorkbookWriter()
        try writer.addSheet(named: "Ghi chú") { try $0.row(1, [.text("note")]) }
        try writer.addSheet(named: "Dữ liệu") { try $0.row(1, [.text("data")]) }
        try writer.write(to: path)
        let book = try Workbook(path: path)
        XCTAssertEqual(try book.sheet("Dữ liệu").index, 1)
        XCTAssertEqual(try book.sheet("2").name, "Dữ liệu")
        XCTAssertEqual(try book.sheet("ghi chú").index, 0)
        XCTAssertThrowsError(try book.sheet("3"))
        XCTAssertEqual(try book.rows(of: book.sheet("2"))[0].texts(), ["data"])
    }

    func testDamagedSheetIsAnError() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("bad.xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, text) in [("xl/workbook.xml", "<workbook><sheets><sheet name=\"A\"/></sheets></workbook>"),
                             ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c><v>1</v></row>")] {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count)) { (p: Int64, n: Int) in
                data.subdata(in: Int(p)..<Int(p) + n)
            }
        }
        let book = try Workbook(path: path)
        XCTAssertThrowsError(try book.rows(of: book.sheets[0])) { error in
            guard case let .damagedPart(_, "xl/worksheets/sheet1.xml", reason)? = error as? XLSXError else {
                return XCTFail("\(error)")
            }
            // libxml2's first error with its line, not a later one the parser ran into after it.
            XCTAssertEqual(reason, "line 1: Opening and ending tag mismatch: c line 1 and row")
        }
    }

    /// A sheet whose inflated bytes do not match the CRC-32 the zip stores for it is a damaged part, as
    /// ZIPFoundation's own check would report it; the part's XML is fine, only the checksum says otherwise.
    func testSheetWithAWrongChecksumIsAnError() throws {
        let path = try write("crc.xlsx", rows: [[.text("a"), .number(1)], [.text("b"), .number(2)]])
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        var patched = 0
        // Central directory headers (PK\1\2: CRC at +16, name at +46) and local headers (PK\3\4: CRC at +14,
        // name at +30) of the sheet: one bit of the stored CRC flipped in both.
        for i in 0..<(bytes.count - 46) where bytes[i] == 0x50 && bytes[i + 1] == 0x4B {
            if bytes[i + 2] == 1, bytes[i + 3] == 2, u16(i + 28) == name.count, Array(bytes[(i + 46)..<(i + 46 + name.count)]) == name {
                bytes[i + 16] ^= 0x01
                patched += 1
            } else if bytes[i + 2] == 3, bytes[i + 3] == 4, u16(i + 26) == name.count,
                      Array(bytes[(i + 30)..<(i + 30 + name.count)]) == name {
                bytes[i + 14] ^= 0x01
                patched += 1
            }
        }
        XCTAssertEqual(patched, 2)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let book = try Workbook(path: path)
        XCTAssertThrowsError(try book.rows(of: book.sheets[0])) { error in
            XCTAssertEqual(error as? XLSXError, .damagedPart(path: path, part: "xl/worksheets/sheet1.xml", reason: "invalidCRC32"))
        }
    }

    /// The compact table: lengths in a byte (255 and more aside), a start every 32 strings.
    func testSharedStringsOfEveryLength() throws {
        // 3,000 strings, in a table sized as for the XML they would come from (`<si><t>…</t></si>` each).
        let strings: [[UInt8]] = (0..<3000).map { i in
            let n = i % 7 == 3 ? 255 + i * 13 : (i % 11 == 5 ? 254 : i % 9)
            return (0..<n).map { UInt8(0x61 + ($0 + i) % 26) }
        }
        let table = SharedStrings(xmlBytes: strings.reduce(0) { $0 + $1.count + 16 })
        for s in strings { try table.append(s) }
        XCTAssertEqual(table.count, 3000)
        for (i, s) in strings.enumerated() { XCTAssertEqual(Array(table.bytes(i)), s, "string \(i)") }
        XCTAssertTrue(table.bytes(3000).isEmpty)
        XCTAssertNil(table.string(-1))
    }
}
