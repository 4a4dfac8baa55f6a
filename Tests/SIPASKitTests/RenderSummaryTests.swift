import Foundation
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

final class RenderSummaryTests: XCTestCase {
    // MARK: Golden files

    func testTableVietnamese() {
        assertGolden(SummaryRenderer.table(ReportFixtures.summary(.vi), lang: .vi, color: false), named: "summary-table-vi.txt")
    }

    func testTableEnglish() {
        assertGolden(SummaryRenderer.table(ReportFixtures.summary(.en), lang: .en, color: false), named: "summary-table-en.txt")
    }

    func testTableByProcedure() {
        assertGolden(SummaryRenderer.table(ReportFixtures.summaryByProcedure(.vi), lang: .vi, color: false),
                     named: "summary-table-by-procedure-vi.txt")
    }

    func testCSVVietnamese() {
        assertGolden(SummaryRenderer.csv(ReportFixtures.summary(.vi), lang: .vi), named: "summary-vi.csv")
    }

    func testCSVEnglish() {
        assertGolden(SummaryRenderer.csv(ReportFixtures.summary(.en), lang: .en), named: "summary-en.csv")
    }

    func testCSVByProcedure() {
        assertGolden(SummaryRenderer.csv(ReportFixtures.summaryByProcedure(.vi), lang: .vi), named: "summary-by-procedure-vi.csv")
    }

    func testJSON() {
        assertGolden(SummaryRenderer.json(ReportFixtures.summary(.vi)), named: "summary.json")
    }

    func testJSONByProcedure() {
        assertGolden(SummaryRenderer.json(ReportFixtures.summaryByProcedure(.vi)), named: "summary-by-procedure.json")
    }

    func testMarkdownVietnamese() {
        assertGolden(SummaryRenderer.markdown(ReportFixtures.summary(.vi), lang: .vi), named: "summary-vi.md")
    }

    func testMarkdownEnglish() {
        assertGolden(SummaryRenderer.markdown(ReportFixtures.summary(.en), lang: .en), named: "summary-en.md")
    }

    // MARK: Table

    func testHeadlineNamesBothSourcesOfLastYear() {
        let text = SummaryRenderer.table(ReportFixtures.summary(.vi), lang: .vi, color: false)
        XCTAssertTrue(text.contains("So với năm 2023 theo phiếu đã nhập (1.102 phiếu): "), text)
        XCTAssertTrue(text.contains("Năm 2023 theo số liệu tỉnh công bố (QĐ 2385/QĐ-UBND), hạng 7/20: 93,1%"), text)
        XCTAssertTrue(text.contains("mục tiêu 96%"), text)
        XCTAssertTrue(text.contains("(chưa rõ)"), text)   // the index change 2023 → 2024 is not clear
    }

    func testPublishedOnlyIsNamedAsPublished() {
        var report = ReportFixtures.summary(.vi)
        report.previous = ReportFixtures.published
        report.previousPublished = nil
        report.change = ChangeValue(Change.against(report.index!, published: 0.9312), method: "published")
        let text = SummaryRenderer.table(report, lang: .vi, color: false)
        XCTAssertTrue(text.contains("So với năm 2023 theo số liệu tỉnh công bố (QĐ 2385/QĐ-UBND), hạng 7/20: 93,1% · thay đổi "), text)
        XCTAssertFalse(text.contains("theo phiếu đã nhập"), text)
    }

    func testNoPreviousYearSaysSo() {
        var report = ReportFixtures.summary(.en)
        report.previous = nil
        report.previousPublished = nil
        report.change = nil
        let text = SummaryRenderer.table(report, lang: .en, color: false)
        XCTAssertTrue(text.contains("Previous year: no figures (no 2023 responses imported, no published figures recorded)"), text)
    }

    func testBelowTargetAndClearFallAreMarkedInText() {
        let text = SummaryRenderer.table(ReportFixtures.summary(.vi), lang: .vi, color: false)
        let cc = text.split(separator: "\n").first { $0.hasPrefix("CC ") }.map(String.init) ?? ""
        XCTAssertTrue(cc.hasSuffix("✗ dưới mục tiêu"), cc)
        let kq1 = text.split(separator: "\n").first { $0.hasPrefix("  KQ1") }.map(String.init) ?? ""
        XCTAssertTrue(kq1.contains("▼"), kq1)
        let tc3 = text.split(separator: "\n").first { $0.hasPrefix("  TC3") }.map(String.init) ?? ""
        XCTAssertFalse(tc3.contains("✗") || tc3.contains("?"), tc3)
    }

    func testElementWithoutAnswersGetsAFootnote() {
        var report = ReportFixtures.summary(.vi)
        let pa = report.elements.firstIndex { $0.code == "PA" }!
        report.elements[pa].index = nil
        report.elements[pa].previous = nil
        report.elements[pa].change = nil
        for i in report.elements[pa].criteria.indices {
            report.elements[pa].criteria[i].answered = 0
            report.elements[pa].criteria[i].satisfied = 0
            report.elements[pa].criteria[i].dissatisfied = 0
            report.elements[pa].criteria[i].noAnswer = ReportFixtures.responses
            report.elements[pa].criteria[i].rate = nil
            report.elements[pa].criteria[i].change = nil
        }
        report.elementsWithoutAnswers = ["PA"]
        let text = SummaryRenderer.table(report, lang: .vi, color: false)
        XCTAssertTrue(text.contains("Không có câu trả lời cho yếu tố PA (Tiếp nhận, xử lý phản ánh, kiến nghị): không tính vào chỉ số."), text)
        let pa1 = text.split(separator: "\n").first { $0.hasPrefix("  PA1") }.map(String.init) ?? ""
        XCTAssertTrue(pa1.contains("—"), pa1)
        let english = SummaryRenderer.table(report, lang: .en, color: false)
        XCTAssertTrue(english.contains("No answers for element PA"), english)
    }

    func testGroupsUnderTheMinimumComeLastWithoutARank() {
        let text = SummaryRenderer.table(ReportFixtures.summaryByProcedure(.vi), lang: .vi, color: false)
        let rows = text.split(separator: "\n").map(String.init)
        let tableRows = rows.filter { $0.hasPrefix("1 ") || $0.hasPrefix("2 ") || $0.hasPrefix("3 ") || $0.hasPrefix("ít phiếu") }
        XCTAssertEqual(tableRows.count, 4, text)
        XCTAssertTrue(tableRows.last?.hasPrefix("ít phiếu (<30)") == true, text)
        XCTAssertTrue(tableRows.last?.contains("1.002368") == true, text)
    }

    func testColourOnlyWithColorAndAlwaysBesideATextMark() {
        for report in [ReportFixtures.summary(.vi), ReportFixtures.summaryByProcedure(.vi)] {
            let plain = SummaryRenderer.table(report, lang: .vi, color: false)
            XCTAssertFalse(plain.contains("\u{1B}"))
            let coloured = SummaryRenderer.table(report, lang: .vi, color: true)
            XCTAssertTrue(coloured.contains("\u{1B}["))
            assertColourDoublesMarks(coloured)
            // Without the colour codes, the coloured table is the plain one: same text, same alignment.
            XCTAssertEqual(stripANSI(coloured), plain)
        }
    }

    // MARK: CSV

    func testCSVIsForExcel() {
        for text in [SummaryRenderer.csv(ReportFixtures.summary(.vi), lang: .vi),
                     SummaryRenderer.csv(ReportFixtures.summaryByProcedure(.en), lang: .en)] {
            assertExcelCSV(text)
        }
        let rows = parseCSV(SummaryRenderer.csv(ReportFixtures.summary(.en), lang: .en))
        XCTAssertEqual(rows.count, 1 + 19)
        XCTAssertEqual(rows[0][0...2], ["year", "element_code", "element_label"])
        XCTAssertTrue(rows[0].contains("rate_low") && rows[0].contains("rate_high"))
    }

    func testCSVNeutralisesUserTextAndKeepsOurNegativeNumbers() {
        var report = ReportFixtures.summaryByProcedure(.vi)
        report.groups![0].label = "-2+3"
        report.groups![1].label = "@SUM(A1:A9)"
        report.groups![1].unit = "\tTab"
        report.groups![3].key = "\r=1"
        let rows = parseCSV(SummaryRenderer.csv(report, lang: .en))
        let header = rows[0]
        let label = header.firstIndex(of: "label")!, unit = header.firstIndex(of: "unit")!, key = header.firstIndex(of: "key")!
        let change = header.firstIndex(of: "change")!, low = header.firstIndex(of: "change_low")!
        let body = rows.dropFirst()
        for row in body {
            for column in [label, unit, key] {
                let cell = row[column]
                XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) }, "not neutralised: \(cell.debugDescription)")
            }
        }
        XCTAssertTrue(body.contains { $0[label] == "'=HYPERLINK(\"http://example.invalid/x\",\"Bấm vào đây\")" })
        XCTAssertTrue(body.contains { $0[unit] == "'+Phòng Kế hoạch - Tài chính" })
        XCTAssertTrue(body.contains { $0[label] == "'-2+3" })
        XCTAssertTrue(body.contains { $0[label] == "'@SUM(A1:A9)" })
        XCTAssertTrue(body.contains { $0[unit] == "'\tTab" })
        XCTAssertTrue(body.contains { $0[key] == "'\r=1" })
        // The busy procedure fell: our own negative numbers stay numbers.
        let busy = body.first { $0[header.firstIndex(of: "responses")!] == "512" }!
        XCTAssertTrue(busy[change].hasPrefix("-0.") && Double(busy[change])! < 0, busy[change])
        XCTAssertTrue(busy[low].hasPrefix("-0.") && Double(busy[low]) != nil, busy[low])
    }

    func testCSVFractionsArePlainAndInRange() {
        let rows = parseCSV(SummaryRenderer.csv(ReportFixtures.summary(.en), lang: .en))
        let header = rows[0]
        for name in ["rate", "rate_low", "rate_high", "element_index", "previous"] {
            let column = header.firstIndex(of: name)!
            for row in rows.dropFirst() {
                let value = try! XCTUnwrap(Double(row[column]), "\(name): \(row[column])")
                XCTAssertTrue((0...1).contains(value), "\(name) \(value)")
                XCTAssertEqual(row[column].split(separator: ".").last?.count, 4, row[column])
            }
        }
    }

    // MARK: JSON

    func testJSONKeepsNullKeysAndFractions() throws {
        var report = ReportFixtures.summaryByProcedure(.vi)
        report.previousPublished = nil
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SummaryRenderer.json(report).utf8)) as? [String: Any])
        for key in ["previous", "previous_published", "change", "index", "gap", "groups", "by"] {
            XCTAssertTrue(object.keys.contains(key), key)
        }
        XCTAssertTrue(object["previous_published"] is NSNull)
        let groups = try XCTUnwrap(object["groups"] as? [[String: Any]])
        XCTAssertEqual(groups.count, 4)
        for group in groups {
            for key in ["previous", "change", "index", "unit"] { XCTAssertTrue(group.keys.contains(key), key) }
        }
        let few = try XCTUnwrap(groups.first { $0["key"] as? String == "1.002368" })
        XCTAssertTrue(few["previous"] is NSNull)
        XCTAssertTrue(few["change"] is NSNull)
        let pa = try XCTUnwrap((few["elements"] as? [[String: Any]])?.first { $0["code"] as? String == "PA" })
        XCTAssertTrue(pa["index"] is NSNull)

        let plain = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SummaryRenderer.json(ReportFixtures.summary()).utf8)) as? [String: Any])
        XCTAssertTrue(plain["groups"] is NSNull)
        XCTAssertTrue(plain["by"] is NSNull)
        for (name, value) in fractions(in: plain) {
            XCTAssertTrue((0...1).contains(value), "\(name) = \(value)")
        }
        // Unrounded (JSONSerialization may lose the last bit; JSONDecoder round-trips exactly, see below).
        let index = try XCTUnwrap(plain["index"] as? [String: Double])
        XCTAssertEqual(try XCTUnwrap(index["value"]), ReportFixtures.currentIndex.value, accuracy: 1e-15)
    }

    func testJSONNullsWhenNothingIsKnown() throws {
        var report = ReportFixtures.summary(.vi)
        report.index = nil
        report.gap = nil
        report.previous = nil
        report.previousPublished = nil
        report.change = nil
        report.period.firstResponse = nil
        report.elements[0].criteria[0].rate = nil
        report.elements[0].criteria[0].previous = nil
        report.elements[0].criteria[0].change = nil
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(SummaryRenderer.json(report).utf8)) as? [String: Any])
        for key in ["index", "gap", "previous", "previous_published", "change"] {
            XCTAssertTrue(object[key] is NSNull, key)
        }
        XCTAssertTrue((object["period"] as? [String: Any])?["first_response"] is NSNull)
        let criterion = try XCTUnwrap(((object["elements"] as? [[String: Any]])?.first?["criteria"] as? [[String: Any]])?.first)
        for key in ["rate", "previous", "change"] { XCTAssertTrue(criterion[key] is NSNull, key) }
    }

    func testJSONRoundTrips() throws {
        for report in [ReportFixtures.summary(.vi), ReportFixtures.summaryByProcedure(.en)] {
            let decoded = try JSONDecoder().decode(SummaryReport.self, from: Data(SummaryRenderer.json(report).utf8))
            XCTAssertEqual(decoded, report)
        }
    }

    // MARK: Markdown

    func testMarkdownEscapesPipesLineBreaksAndMarkup() {
        var report = ReportFixtures.summaryByProcedure(.vi)
        report.groups![0].label = "A | B\nC <b>"
        let text = SummaryRenderer.markdown(report, lang: .vi)
        XCTAssertTrue(text.contains("| A \\| B<br>C \\<b\\> |"), text)
        XCTAssertTrue(text.hasPrefix("## "))
        // Every table line has as many cells as the header.
        let tableLines = text.split(separator: "\n").filter { $0.hasPrefix("|") }
        let counts = Set(tableLines.map { $0.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count })
        XCTAssertEqual(counts.count, 1, "\(counts)")
    }

    // MARK: Every format

    func testAllOutputsAreNFC() {
        for lang in Language.allCases {
            for report in [ReportFixtures.summary(lang), ReportFixtures.summaryByProcedure(lang)] {
                for text in [SummaryRenderer.table(report, lang: lang, color: false), SummaryRenderer.csv(report, lang: lang),
                             SummaryRenderer.json(report), SummaryRenderer.markdown(report, lang: lang)] {
                    assertNFC(text)
                }
            }
        }
    }
}
