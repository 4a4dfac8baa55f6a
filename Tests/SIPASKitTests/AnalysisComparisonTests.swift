import Foundation
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

/// Comparable comparisons (issue 9): when last year's responses did not answer every criterion this
/// year's did, index and element changes are computed on the criteria both years answered, and
/// every output says so. Real CSV files, real importer, a file-backed database.
final class AnalysisComparisonTests: XCTestCase {
    /// 2023 asks TC1 and CC1 (no PA1 column: "not asked"); 2024 asks TC1, CC1 and PA1. Both years
    /// 90 % on TC1 and CC1; PA1 in 2024 only 10 %. Procedure P1 holds everything.
    func makeDatabase(previousAsksPA: Bool = false, allSatisfied: Bool = false) throws -> AppDatabase {
        let dir = try temporaryDirectory(self)
        let db = try AppDatabase(path: dir.appendingPathComponent("compare.sqlite").path)
        for year in [2023, 2024] {
            let withPA = year == 2024 || previousAsksPA
            var lines = ["response_id,date,procedure_code,procedure_name,TC1,CC1" + (withPA ? ",PA1" : "")]
            for i in 0..<100 {
                let main = allSatisfied || i < 90 ? "5" : "2"
                let pa = allSatisfied || i < 10 ? "5" : "2"
                lines.append("R\(year)-\(i),15/0\(1 + i % 9)/\(year),P1,Thủ tục P1,\(main),\(main)" + (withPA ? ",\(pa)" : ""))
            }
            let file = dir.appendingPathComponent("\(year).csv")
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
            _ = try Importer(database: db).importFile(file.path, options: ImportOptions())
        }
        return db
    }

    func testChangeIsOnTheCommonCriteria() throws {
        var options = AnalysisOptions()
        options.year = 2024
        let analyst = Analyst(database: try makeDatabase())
        let report = try analyst.summary(options)
        // This year on all its criteria: (0.9 + 0.9 + 0.1)/3 = 0.6333; on TC1 and CC1: 0.9.
        XCTAssertEqual(report.index!.value, 1.9 / 3, accuracy: 1e-12)
        let basis = try XCTUnwrap(report.comparison)
        XCTAssertEqual(basis.basis, "common-criteria")
        XCTAssertEqual(basis.commonCriteria, ["TC1", "CC1"])
        XCTAssertEqual(basis.leftOut, ["PA1"])
        XCTAssertEqual(basis.previousOnly, [])
        XCTAssertEqual(basis.currentIndex!.value, 0.9, accuracy: 1e-12)
        // Last year 0.9 on the same two criteria: no change, not a fall of 26.7 points.
        XCTAssertEqual(report.previous!.index!.value, 0.9, accuracy: 1e-12)
        let change = try XCTUnwrap(report.change)
        XCTAssertEqual(change.value, 0, accuracy: 1e-12)
        XCTAssertFalse(change.clear)
        XCTAssertEqual(change.commonCriteria, ["TC1", "CC1"])
        // Element TC is on its common criterion; the criterion itself has no basis to state.
        let tc = report.elements.first { $0.code == "TC" }!
        XCTAssertEqual(tc.change?.commonCriteria, ["TC1", "CC1"])
        XCTAssertEqual(tc.change!.value, 0, accuracy: 1e-12)
        XCTAssertNil(tc.criteria.first { $0.code == "TC1" }!.change!.commonCriteria)
        XCTAssertNil(report.elements.first { $0.code == "PA" }!.change, "PA has nothing to compare with")

        // Every output says so.
        let json = SummaryRenderer.json(report)
        XCTAssertTrue(json.contains("\"basis\" : \"common-criteria\""), json)
        XCTAssertTrue(json.contains("\"left_out\" : [\n      \"PA1\"\n    ]"), json)
        XCTAssertTrue(json.contains("\"interval_method\" : \"shrunk-design-t\""))
        let table = SummaryRenderer.table(report)
        XCTAssertTrue(table.contains("tính trên 2 tiêu chí có ở cả hai năm (không tính PA1 (năm 2023 không có)); năm nay trên các tiêu chí đó: 90,0%."), table)
        XCTAssertTrue(SummaryRenderer.table(report, lang: .en).contains("Index and element changes against 2023 are on the 2 criteria both years have"))
        XCTAssertTrue(SummaryRenderer.markdown(report).contains("tính trên 2 tiêu chí có ở cả hai năm"))
        XCTAssertTrue(SummaryRenderer.csv(report, lang: .en).contains("TC1 CC1"))

        // The groups too (procedure P1, and the flag list).
        options.by = .procedure
        let groups = try analyst.summary(options).groups!
        XCTAssertEqual(groups[0].change?.commonCriteria, ["TC1", "CC1"])
        XCTAssertEqual(groups[0].change!.value, 0, accuracy: 1e-12)
        options.by = nil
        options.all = true
        let flags = try analyst.flags(options)
        XCTAssertEqual(flags.items[0].change?.commonCriteria, ["TC1", "CC1"])
        XCTAssertFalse(flags.items[0].flags.contains(.fell))
        XCTAssertTrue(FlagRenderer.table(flags).contains("(trên 2 tiêu chí chung)"))
        XCTAssertTrue(FlagRenderer.json(flags).contains("\"common_criteria\" : [\n"))
    }

    func testSameCriteriaBothYearsNeedNoBasis() throws {
        var options = AnalysisOptions()
        options.year = 2024
        let report = try Analyst(database: try makeDatabase(previousAsksPA: true)).summary(options)
        XCTAssertEqual(report.comparison?.basis, "all-criteria")
        XCTAssertNil(report.comparison?.commonCriteria)
        XCTAssertNil(report.change?.commonCriteria)
        XCTAssertEqual(report.change!.value, 0, accuracy: 1e-12)
        XCTAssertFalse(SummaryRenderer.table(report).contains("tiêu chí có ở cả hai năm"))
        XCTAssertTrue(SummaryRenderer.json(report).contains("\"common_criteria\" : null"))
    }

    /// Everyone satisfied: the index is exactly 1 in the model and `1` in the JSON.
    func testEveryoneSatisfiedIsExactlyOneInJSON() throws {
        var options = AnalysisOptions()
        options.year = 2024
        let report = try Analyst(database: try makeDatabase(previousAsksPA: true, allSatisfied: true)).summary(options)
        XCTAssertEqual(report.index!.value, 1)
        XCTAssertEqual(report.index!.high, 1)
        XCTAssertEqual(report.elements.compactMap { $0.index?.value }, [1, 1, 1], "TC, CC and PA")
        let json = SummaryRenderer.json(report)
        XCTAssertFalse(json.contains("0.9999999"), json)
        XCTAssertTrue(json.contains("\"value\" : 1\n"), json)
    }
}
