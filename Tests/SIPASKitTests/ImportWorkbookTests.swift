import Foundation
import GRDB
import XCTest
import SurveyXLSX
@testable import SIPASKit

/// Workbooks go through the CSV path after the reader: the same rows give the same database, and the
/// workbook-only findings (table search, typed cells, spreadsheet damage) are checked on real files.
final class ImportWorkbookTests: ImportTestCase {
    typealias V = WorkbookWriter.Value

    /// Writes a one-sheet (or more) workbook into the test directory.
    func workbook(_ name: String, date1904: Bool = false, sheets: [(String, [(Int, [V])])]) throws -> String {
        let path = dir.path(name)
        let writer = try WorkbookWriter(date1904: date1904)
        for (sheetName, rows) in sheets {
            try writer.addSheet(named: sheetName) { sink in for (n, cells) in rows { try sink.row(n, cells) } }
        }
        try writer.write(to: path)
        return path
    }

    func importTyped(_ path: String, options: ImportOptions = ImportOptions()) throws(SIPASError) -> (FileReceipt, [Diagnostic]) {
        try Importer(database: db).importFile(path, options: options)
    }

    func workbook(_ name: String, rows: [(Int, [V])]) throws -> String {
        try workbook(name, sheets: [("Sheet1", rows)])
    }

    /// A CSV cell as a workbook exporter types it: dates as date cells, digits as numbers, text as text.
    static func typed(_ text: String, column: Int) -> V {
        if text.isEmpty { return .empty }
        if column == 1 {
            let p = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
            return .date(CellDate(year: p[2], month: p[1], day: p[0], hour: p.count > 3 ? p[3] : 0,
                                  minute: p.count > 4 ? p[4] : 0, hasTime: p.count > 3))
        }
        if let n = Int(text), column >= 7 { return .number(Double(n)) }
        return .text(text)
    }

    func testSameRowsGiveTheSameDatabaseAsCSV() throws {
        let rows = ImportFixtures.generatedRows(90)
        let csvDB = try dir.database("csv.sqlite")
        try importText(ImportFixtures.csv(ImportFixtures.standardHeader, rows), as: "a.csv", into: csvDB)
        let path = try workbook("a.xlsx", rows: [(1, ImportFixtures.standardHeader.map { .text($0) })]
            + rows.enumerated().map { (i, r) in (i + 2, r.enumerated().map { Self.typed($1, column: $0) }) })
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.encoding, "xlsx")
        XCTAssertEqual(receipt.sheet, "Sheet1")
        XCTAssertEqual(receipt.rows, 90)
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }, [])
        XCTAssertEqual(try ImportFixtures.responses(db.path), try ImportFixtures.responses(csvDB.path))
        XCTAssertEqual(try ImportFixtures.dumpTallies(db.path), try ImportFixtures.dumpTallies(csvDB.path))
        var options = AnalysisOptions()
        options.year = 2024
        XCTAssertEqual(try Analyst(database: db).summary(options), try Analyst(database: csvDB).summary(options))
    }

    /// The shape of a centre's export: title block, blank row, a two-row header whose upper row holds the
    /// element headings (merged over the criteria) and the other labels (merged down), STT, footer rows.
    func centreRows(dataRows: [[V]]) -> [(Int, [V])] {
        var out: [(Int, [V])] = [
            (1, [.text("UBND TỈNH LAI CHÂU")]), (2, [.text("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")]),
            (4, [.text("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ")]), (5, [.text("Thời điểm đánh giá: Quý 1 Năm 2024")]),
            (13, [.text("STT"), .text("Mã phiếu"), .text("Ngày đánh giá"), .text("Mã TTHC"), .text("Tên TTHC"),
                  .text("Mức độ hài lòng"), .empty, .empty, .text("Ý kiến")]),
            (14, [.empty, .empty, .empty, .empty, .empty, .text("TC1"), .text("TT1"), .text("CC1")]),
        ]
        for (i, cells) in dataRows.enumerated() { out.append((15 + i, [.number(Double(i + 1))] + cells)) }
        let last = 15 + dataRows.count
        out.append((last, [.text("Tổng số: \(dataRows.count) phiếu")]))
        out.append((last + 1, [.text("Điểm bình quân chỉ số"), .empty, .empty, .empty, .empty,
                               .formula("AVERAGE(F15:F\(last - 1))", cached: .number(4.5))]))
        return out
    }

    func dataRow(_ id: String, _ date: V, code: V = .text("1.000411.000.00.00.H33"), ratings: [V] = [.number(5), .number(4), .number(4)],
                 comment: V = .empty) -> [V] {
        [.text(id), date, code, .text("Kiểm tra chất lượng")] + ratings + [comment]
    }

    func testCentreExportTitleBlockTwoRowHeaderFooter() throws {
        let day = CellDate(year: 2024, month: 3, day: 15, hour: 9, minute: 30, hasTime: true)
        let path = try workbook("bao-cao.xlsx", rows: centreRows(dataRows: [
            dataRow("A-1", .date(day)), dataRow("A-2", .text("16/03/2024 10:00")),
            dataRow("A-3", .date(day), ratings: [.text("Rất hài lòng"), .empty, .number(2)], comment: .richText(["Tốt, ", "nhanh"])),
        ]))
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.imported, 3)
        XCTAssertEqual(receipt.rows, 3)
        XCTAssertEqual(receipt.headerRow, 14)
        XCTAssertEqual(receipt.footerRowsSkipped, 2)
        XCTAssertEqual(diagnostics.map(\.code), [.workbookTable, .footerSkipped, .footerSkipped])
        XCTAssertEqual(diagnostics.compactMap(\.row), [18, 19])
        XCTAssertEqual(diagnostics.first?.detail, "Sheet1|13|14")
        let stored = try ImportFixtures.rows(db.path, "SELECT response_key, day, time, hex(ratings), comment, row_number FROM response ORDER BY id")
        XCTAssertEqual(stored.map { $0[0] as String }, ["A-1", "A-2", "A-3"])
        XCTAssertEqual(stored.map { $0[1] as Int }, [20240315, 20240316, 20240315])
        XCTAssertEqual(stored.map { $0[2] as Int }, [34200, 36000, 34200])
        XCTAssertEqual(stored.map { $0[5] as Int }, [15, 16, 17])
        XCTAssertEqual(stored[2][4] as String?, "Tốt, nhanh")
        XCTAssertEqual(stored[2][3] as String, "05" + String(repeating: "FF", count: 3) + "00" + String(repeating: "FF", count: 3)
                       + "02" + String(repeating: "FF", count: 10), "TC1 = 5, TT1 no answer, CC1 = 2, the rest not asked")
    }

    func testRowsWithOnlyARowNumberAreEmpty() throws {
        var rows = centreRows(dataRows: [dataRow("S-1", .date(CellDate(year: 2024, month: 3, day: 15)))])
        let footers = rows.suffix(2)
        rows.removeLast(2)
        rows += (17...30).map { ($0, [V.number(Double($0 - 14))]) }   // a template numbered ahead of its data
        rows += footers.map { ($0.0 + 20, $0.1) }
        let (receipt, diagnostics) = try importPath(try workbook("mau.xlsx", rows: rows))
        XCTAssertEqual(receipt.rows, 1)
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
    }

    func testErrorCellsAndFormulasWithoutValuesRejectTheirRows() throws {
        let day = V.date(CellDate(year: 2024, month: 3, day: 15))
        let path = try workbook("loi.xlsx", rows: centreRows(dataRows: [
            dataRow("B-1", day),
            dataRow("B-2", day, ratings: [.number(5), .error("#N/A"), .number(4)]),
            dataRow("B-3", .formula("TODAY()", cached: nil)),
            dataRow("B-4", day, ratings: [.formula("1+3", cached: .number(4)), .number(4), .number(4)]),
        ]))
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 2)
        let errors = diagnostics.filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.code), [.errorCell, .formulaWithoutValue])
        XCTAssertEqual(errors.map { ImportReceiptRenderer.location($0) }, ["\(path):Sheet1!G16", "\(path):Sheet1!C17"])
        XCTAssertEqual(errors.first?.columnName, "TT1")
        let rejected = try ImportFixtures.rows(db.path, "SELECT row_number, code, raw FROM rejected_row ORDER BY row_number")
        XCTAssertEqual(rejected.map { $0[0] as Int }, [16, 17])
        XCTAssertEqual(rejected[0][2] as String, "2,B-2,15/03/2024,1.000411.000.00.00.H33,Kiểm tra chất lượng,5,#N/A,4,",
                       "the cells as the sheet shows them")
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE response_key = 'B-4'"), 1,
                       "a formula with its cached value is that value")
    }

    /// A CSV with day-first dates opened in a month-first spreadsheet: `05/09/2024` became a date cell of
    /// 9 May, `25/09/2024` stayed text. The evidence is certain, so the dates are swapped back.
    func testDayMonthSwapIsRepairedWhenTheEvidenceIsCertain() throws {
        let path = try workbook("dao.xlsx", rows: centreRows(dataRows: [
            dataRow("C-1", .date(CellDate(year: 2024, month: 5, day: 9))),
            dataRow("C-2", .text("25/09/2024")),
            dataRow("C-3", .date(CellDate(year: 2024, month: 12, day: 1, hour: 8, minute: 5, hasTime: true))),
            dataRow("C-4", .text("13/10/2024 14:00")),
        ]))
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.imported, 4)
        XCTAssertEqual(receipt.datesSwapped, 2)
        let note = try XCTUnwrap(diagnostics.first { $0.code == .datesSwapped })
        XCTAssertEqual(note.detail, "2")
        XCTAssertEqual(note.columnName, "Ngày đánh giá")
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT day FROM response ORDER BY id").map { $0[0] as Int },
                       [20240905, 20240925, 20240112, 20241013])
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT time FROM response WHERE response_key = 'C-3'"), 8 * 3600 + 5 * 60)
    }

    /// The same mix, but one date cell has a day over 12 (a swap cannot make one): which cells were
    /// swapped is not certain, so the ambiguous ones are rejected, never guessed.
    func testDayMonthEvidenceNotCertainRejectsTheAmbiguousCells() throws {
        let path = try workbook("dao2.xlsx", rows: centreRows(dataRows: [
            dataRow("D-1", .date(CellDate(year: 2024, month: 5, day: 9))),
            dataRow("D-2", .text("25/09/2024")),
            dataRow("D-3", .date(CellDate(year: 2024, month: 9, day: 20))),
        ]))
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.rejected, 1)
        XCTAssertEqual(receipt.datesSwapped, 0)
        let error = try XCTUnwrap(diagnostics.first { $0.severity == .error })
        XCTAssertEqual(error.code, .ambiguousDate)
        XCTAssertEqual(error.value, "09/05/2024")
        XCTAssertEqual(ImportReceiptRenderer.location(error), "\(path):Sheet1!C15")
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT day FROM response ORDER BY id").map { $0[0] as Int },
                       [20240925, 20240920])
    }

    func testDateCellsAloneAreTakenAsStored() throws {
        let path = try workbook("ngay.xlsx", rows: centreRows(dataRows: [
            dataRow("E-1", .date(CellDate(year: 2024, month: 5, day: 9))),
            dataRow("E-2", .builtInDate(CellDate(year: 2024, month: 2, day: 3))),
        ]))
        let (receipt, _) = try importPath(path)
        XCTAssertEqual(receipt.datesSwapped, 0)
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT day FROM response ORDER BY id").map { $0[0] as Int },
                       [20240509, 20240203])
    }

    func testProcedureCodesThatBecameNumbers() throws {
        let day = V.date(CellDate(year: 2024, month: 3, day: 15))
        let path = try workbook("ma.xlsx", rows: centreRows(dataRows: [
            dataRow("F-1", day, code: .number(2.00152)),
            dataRow("F-2", day, code: .number(1.004482)),
            dataRow("F-3", day, code: .number(12.5)),
            dataRow("F-4", day, code: .number(1.0044821)),
        ]))
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.imported, 2)
        XCTAssertEqual(receipt.codesRestored, 1, "only 2.00152 had lost a zero")
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT p.code FROM response r JOIN procedure p ON p.id = r.procedure_id ORDER BY r.id")
            .map { $0[0] as String }, ["2.001520", "1.004482"])
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.code), [.codeAsNumber, .codeAsNumber])
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.value), ["12.5", "1.0044821"])
        XCTAssertTrue(diagnostics.contains { $0.code == .codesRestored && $0.detail == "1" })
    }

    func testLongDigitStringsThatBecameNumbersAreRejected() throws {
        let day = V.date(CellDate(year: 2024, month: 3, day: 15))
        var rows = centreRows(dataRows: [
            [.number(123456789012), day, .text("1.000411.000.00.00.H33"), .text("x"), .number(5), .number(4), .number(4)],
            [.text("1.23457E+11"), day, .text("1.000411.000.00.00.H33"), .text("x"), .number(5), .number(4), .number(4)],
            [.number(1234), day, .text("1.000411.000.00.00.H33"), .text("x"), .number(5), .number(4), .number(4)],
        ])
        rows = rows.filter { $0.0 < 18 }
        let path = try workbook("so.xlsx", rows: rows)
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.imported, 1)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.code), [.digitsAsNumber, .digitsAsNumber])
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.value), ["1.23457E+11", "1.23457E+11"])
        XCTAssertEqual(try ImportFixtures.rows(db.path, "SELECT response_key FROM response").map { $0[0] as String }, ["1234"])
    }

    func testTheFirstSheetWithAHeaderOrTheOneAskedFor() throws {
        let day = V.date(CellDate(year: 2024, month: 3, day: 15))
        let path = try workbook("hai-trang.xls", sheets: [
            ("Hướng dẫn", [(1, [.text("Trang này là ghi chú")])]),
            ("Dữ liệu", centreRows(dataRows: [dataRow("G-1", day)])),
        ])
        let (receipt, _) = try importPath(path)
        XCTAssertEqual(receipt.sheet, "Dữ liệu")
        XCTAssertEqual(receipt.imported, 1)
        var first = ImportOptions()
        first.sheet = "1"
        XCTAssertEqual(ImportFixtures.sipasError { () throws(SIPASError) in try importTyped(path, options: first) },
                       .workbook(.noTable(path: path, sheets: ["Hướng dẫn"])))
        first.sheet = "7"
        XCTAssertEqual(ImportFixtures.sipasError { () throws(SIPASError) in try importTyped(path, options: first) },
                       .workbook(.noSuchSheet(path: path, sheet: "7", available: ["Hướng dẫn", "Dữ liệu"])))
        first.sheet = "Dữ liệu"
        XCTAssertTrue(try importPath(path, options: first).0.alreadyImported)
    }

    func testReimportIsIdempotentAndAFailedImportLeavesNothing() throws {
        let day = V.date(CellDate(year: 2024, month: 3, day: 15))
        let path = try workbook("lap.xlsx", rows: centreRows(dataRows: (1...40).map { dataRow("H-\($0)", day) }))
        var failing = ImportOptions()
        failing.batchSize = 8
        failing.fault = .throwAfterRows(10)
        let before = try ImportFixtures.dumpAll(db.path)
        guard case .injectedFailure? = ImportFixtures.sipasError({ () throws(SIPASError) in try importTyped(path, options: failing) })
        else { return XCTFail("the injected failure did not stop the import") }
        XCTAssertEqual(try ImportFixtures.dumpAll(db.path), before)
        let (first, _) = try importPath(path)
        XCTAssertEqual(first.imported, 40)
        let (again, diagnostics) = try importPath(path)
        XCTAssertTrue(again.alreadyImported)
        XCTAssertEqual(diagnostics.map(\.code), [.alreadyImported])
        XCTAssertEqual(try db.responseCount(), 40)
    }

    func testDate1904WorkbookAndInlineStrings() throws {
        let path = try workbook("mac.xlsx", date1904: true, sheets: [("S", [
            (1, ["Ngày đánh giá", "Mã TTHC", "TC1", "TC2"].map { V.inlineText($0) }),
            (2, [.date(CellDate(year: 2024, month: 7, day: 1)), .inlineText("1.000411.000.00.00.H33"), .number(4), .bool(true)]),
        ])])
        let (receipt, diagnostics) = try importPath(path)
        XCTAssertEqual(receipt.rejected, 1, "a boolean is not a rating")
        XCTAssertEqual(diagnostics.first { $0.severity == .error }?.code, .ratingUnknown)
        let rows = try ImportFixtures.rows(db.path, "SELECT raw FROM rejected_row")
        XCTAssertEqual(rows.first?[0] as String?, "01/07/2024,1.000411.000.00.00.H33,4,TRUE")
    }

    func testBinaryExcelWorkbookIsRefusedWithHowToConvert() throws {
        let path = try dir.write([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 1024), as: "cu.xls")
        let error = ImportFixtures.sipasError { () throws(SIPASError) in try importTyped(path) }
        XCTAssertEqual(error, .workbook(.binaryWorkbook(path: path)))
        XCTAssertTrue(Messages.hint(error!, .en)?.contains("--convert-to xlsx") == true)
    }

    func testTheBundledCentreWorkbook() throws {
        let (receipt, diagnostics) = try importPath(ImportFixtures.survey("2025-q1-trung-tam-hcc.xlsx"))
        XCTAssertEqual(receipt.rejected, 0)
        XCTAssertEqual(receipt.imported, receipt.rows)
        XCTAssertEqual(receipt.headerRow, 9)
        XCTAssertEqual(receipt.footerRowsSkipped, 2)
        XCTAssertEqual(diagnostics.filter { $0.severity != .note }, [])
        XCTAssertEqual(try ImportFixtures.int(db.path, "SELECT COUNT(*) FROM response WHERE day / 100 BETWEEN 202501 AND 202503"),
                       receipt.imported)
    }
}
