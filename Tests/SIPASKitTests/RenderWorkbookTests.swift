import Foundation
import SIPASStatistics
import SIPASTestSupport
import WorkbookTestSupport
import XCTest

@testable import SIPASKit

/// The workbook renderer on the report fixtures: text from the data stays text, sheet names are
/// valid, rows under the target are shaded, long and odd text survives.
final class RenderWorkbookTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-wb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// A comment starting with `=`, `+`, `-` or `@` is a text cell holding exactly that text — never a
    /// formula, never given a quote or any other mark.
    func testCommentsThatLookLikeFormulasAreTextCells() throws {
        let tricky = ["=HYPERLINK(\"http://example.invalid\",\"Bấm vào đây\")", "+84 912 345 678", "-rất chậm, 3 lần hẹn",
                      "@SUM(A1:A9)", "=1+1", "=cmd|' /C calc'!A0"]
        var report = ReportFixtures.flags(.vi)
        report.items[0].comments = tricky.enumerated().map { .init(date: "2024-03-1\($0.offset)", text: $0.element) }
        try WorkbookRenderer.write(report, lang: .vi, to: path("flags.xlsx"))
        let book = try WorkbookReadBack(path: path("flags.xlsx"))
        let rows = book.dataRows("Ý kiến người dân").prefix(tricky.count)
        XCTAssertEqual(rows.map { $0[4].value }, tricky.map { .text($0) })
        XCTAssertTrue(rows.allSatisfy { !$0[4].isFormula })
        for i in 1...book.sheetNames.count {
            let xml = try XCTUnwrap(book.part("xl/worksheets/sheet\(i).xml"))
            XCTAssertFalse(xml.contains("<f>") || xml.contains("<f "), "sheet \(i) holds a formula")
        }
        let comments = try XCTUnwrap(book.part("xl/worksheets/sheet2.xml"))
        XCTAssertTrue(comments.contains("<c r=\"E2\" s=\"") && comments.contains("t=\"inlineStr\"><is><t>=HYPERLINK("),
                      "an inline string cell")
    }

    func testRejectedRowTextSurvivesAsWritten() throws {
        let long = String(repeating: "dữ liệu dài, ", count: 4000)   // 52,000 characters: more than a cell holds
        let records = [
            RejectRecord(file: "=x.csv", row: 7, column: "CC2", code: "rating-out-of-scale", message: "'CC2' là '6'",
                         reasons: "rating-out-of-scale", raw: "=SUM(1;2),-3,@x,\"a\nb\""),
            RejectRecord(file: "b.csv", row: 9, column: nil, code: "ragged-row", message: "m", reasons: "r",
                         raw: "ctrl\u{1}char _x0041_ tab\there"),
            RejectRecord(file: "c.csv", row: 11, column: nil, code: "ragged-row", message: "m", reasons: "r", raw: long),
        ]
        try WorkbookRenderer.write(rejects: records, lang: .vi, to: path("rejects.xlsx"))
        let rows = try WorkbookReadBack(path: path("rejects.xlsx")).dataRows("Hàng bị loại")
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0][0].value, .text("=x.csv"))
        XCTAssertEqual(rows[0][1].value, .number(7))
        XCTAssertEqual(rows[0][6].value, .text("=SUM(1;2),-3,@x,\"a\nb\""))
        XCTAssertEqual(rows[1][2].value, .empty)
        // A control character XML cannot carry becomes U+FFFD; a literal `_x0041_` stays literal.
        XCTAssertEqual(rows[1][6].value, .text("ctrl\u{FFFD}char _x0041_ tab\there"))
        guard case let .text(cut) = rows[2][6].value else { return XCTFail("\(rows[2][6].value)") }
        XCTAssertEqual(cut.utf16.count, 32_767, "Excel's limit for one cell")
        XCTAssertTrue(cut.hasSuffix("…"))
        XCTAssertTrue(long.hasPrefix(String(cut.dropLast())))
    }

    func testSheetNamesAreValidExcelNames() {
        for lang in Language.allCases {
            var names = [WorkbookWords.overview(lang), WorkbookWords.criteria(lang), WorkbookWords.flags(lang),
                         WorkbookWords.comments(lang), WorkbookWords.rejects(lang), WorkbookWords.imports(lang)]
            names += GroupDimension.allCases.map { WorkbookWords.groups($0.rawValue, lang) }
            XCTAssertEqual(Set(names).count, names.count, "\(lang): names differ")
            for name in names {
                XCTAssertLessThanOrEqual(name.utf16.count, 31, name)
                XCTAssertFalse(name.contains { "[]:*?/\\".contains($0) }, name)
                XCTAssertEqual(name, name.precomposedStringWithCanonicalMapping, "\(name) is NFC")
            }
        }
    }

    func testRowsUnderTheTargetAreShaded() {
        let r = ReportFixtures.summary(.vi)
        let table = WorkbookSummary.overview(r, .vi)
        XCTAssertEqual(table.rows.count, 1 + r.elements.count)
        for (row, element) in zip(table.rows.dropFirst(), r.elements) {
            let index = try? XCTUnwrap(element.index)
            let answers = element.criteria.map(\.answered).max() ?? 0
            let expected: WorkbookRow.Shade? = answers < r.minAnswers || index == nil ? nil
                : index!.high < r.target ? .below : index!.value < r.target ? .possiblyBelow : nil
            XCTAssertEqual(row.shade, expected, element.code)
        }
        XCTAssertTrue(table.rows.contains { $0.shade == .below }, "the fixture has an element under the target")
        XCTAssertTrue(table.rows.contains { $0.shade == nil }, "and one that meets it")
    }

    func testSummaryWorkbookChartsElementsAgainstTheTarget() throws {
        try WorkbookRenderer.write(ReportFixtures.summary(.en), lang: .en, to: path("s.xlsx"))
        let book = try WorkbookReadBack(path: path("s.xlsx"))
        XCTAssertEqual(book.sheetNames, ["Overview", "Criteria"])
        let chart = try XCTUnwrap(book.part("xl/charts/chart1.xml"))
        XCTAssertTrue(chart.contains("<c:lineChart>"))
        XCTAssertTrue(chart.contains("Element indices against the target"))
        XCTAssertTrue(chart.contains("<c:v>Target 96%</c:v>") || chart.contains("Target 96%"))
        let core = try XCTUnwrap(book.part("docProps/core.xml"))
        XCTAssertTrue(core.contains("<dc:creator>sipas</dc:creator>"))
        XCTAssertTrue(core.contains("<dc:title>Satisfaction Index of Public Administrative Services (SIPAS), 2024</dc:title>"), core)
    }
}
