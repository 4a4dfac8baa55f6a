import Foundation
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

final class RenderFlagTests: XCTestCase {
    // MARK: Golden files

    func testTableVietnamese() {
        assertGolden(FlagRenderer.table(ReportFixtures.flags(.vi), lang: .vi, color: false), named: "flag-table-vi.txt")
    }

    func testTableEnglish() {
        assertGolden(FlagRenderer.table(ReportFixtures.flags(.en), lang: .en, color: false), named: "flag-table-en.txt")
    }

    func testEmptyTableVietnamese() {
        assertGolden(FlagRenderer.table(ReportFixtures.emptyFlags(.vi), lang: .vi, color: false), named: "flag-empty-table-vi.txt")
    }

    func testCSVVietnamese() {
        assertGolden(FlagRenderer.csv(ReportFixtures.flags(.vi), lang: .vi), named: "flag-vi.csv")
    }

    func testCSVEnglish() {
        assertGolden(FlagRenderer.csv(ReportFixtures.flags(.en), lang: .en), named: "flag-en.csv")
    }

    func testJSON() {
        assertGolden(FlagRenderer.json(ReportFixtures.flags(.vi)), named: "flag.json")
    }

    func testMarkdownVietnamese() {
        assertGolden(FlagRenderer.markdown(ReportFixtures.flags(.vi), lang: .vi), named: "flag-vi.md")
    }

    func testMarkdownEnglish() {
        assertGolden(FlagRenderer.markdown(ReportFixtures.flags(.en), lang: .en), named: "flag-en.md")
    }

    // MARK: Table

    func testFlagsImpactAndCommentsInWords() {
        let vi = FlagRenderer.table(ReportFixtures.flags(.vi), lang: .vi, color: false)
        for phrase in ["✗ dưới mục tiêu; ▼ giảm so với năm trước", "ít phiếu — chưa kết luận", "Nếu đạt 96%: chỉ số Sở +0,9 điểm",
                       "Đã xem xét 24 thủ tục; 3 bị cảnh báo", "  2024-05-14  “Cán bộ nói \"cứ nộp đi rồi tính\", không hướng dẫn cụ thể”",
                       "CC3 Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần: 85,2% (431/506 hài lòng, 41 không hài lòng)"] {
            XCTAssertTrue(vi.contains(phrase), "missing \(phrase)\n\(vi)")
        }
        let en = FlagRenderer.table(ReportFixtures.flags(.en), lang: .en, color: false)
        for phrase in ["✗ below target; ▼ fell since last year", "too few answers — no verdict",
                       "If it reached 96%: department index +0.9 pt", "24 procedures examined; 3 flagged"] {
            XCTAssertTrue(en.contains(phrase), "missing \(phrase)\n\(en)")
        }
    }

    func testPossiblyBelowTargetWords() {
        var report = ReportFixtures.flags(.vi)
        report.items[0].flags = [.possiblyBelowTarget]
        XCTAssertTrue(FlagRenderer.table(report, lang: .vi, color: false).contains("? có thể dưới mục tiêu"))
        XCTAssertTrue(FlagRenderer.table(report, lang: .en, color: false).contains("? possibly below target"))
    }

    func testAtMostThreeCommentsEachOnItsLine() {
        var report = ReportFixtures.flags(.vi)
        report.items[0].comments.append(.init(date: "2024-11-30", text: "Ý kiến thứ tư"))
        report.items[0].comments[0].text = "dòng một\ndòng hai"
        let text = FlagRenderer.table(report, lang: .vi, color: false)
        XCTAssertFalse(text.contains("Ý kiến thứ tư"))
        XCTAssertTrue(text.contains("  2024-03-12  “dòng một dòng hai”"), text)
    }

    func testTerminalControlCharactersInUserTextAreDefused() {
        var report = ReportFixtures.flags(.vi)
        report.items[0].name = "Tên\u{1B}[2J xoá màn hình"
        report.items[0].comments[0].text = "\u{1B}]0;title\u{07}"
        let text = FlagRenderer.table(report, lang: .vi, color: false)
        XCTAssertFalse(text.contains("\u{1B}"))
        XCTAssertFalse(text.contains("\u{07}"))
    }

    func testEmptyReportSaysSoPositively() {
        let vi = FlagRenderer.table(ReportFixtures.emptyFlags(.vi), lang: .vi, color: false)
        XCTAssertTrue(vi.contains("Không có thủ tục nào bị cảnh báo (đã xem xét 24 thủ tục)."), vi)
        let en = FlagRenderer.table(ReportFixtures.emptyFlags(.en), lang: .en, color: false)
        XCTAssertTrue(en.contains("No procedure is flagged (24 examined)."), en)
        var units = ReportFixtures.emptyFlags(.vi)
        units.by = "unit"
        XCTAssertTrue(FlagRenderer.table(units, lang: .vi, color: false).contains("Không có đơn vị nào bị cảnh báo"))
        XCTAssertTrue(FlagRenderer.markdown(ReportFixtures.emptyFlags(.vi), lang: .vi).contains("Không có thủ tục nào bị cảnh báo"))
        let rows = parseCSV(FlagRenderer.csv(ReportFixtures.emptyFlags(.vi), lang: .vi))
        XCTAssertEqual(rows.count, 1)   // the header alone
    }

    func testColourOnlyWithColorAndAlwaysBesideATextMark() {
        for report in [ReportFixtures.flags(.vi), ReportFixtures.emptyFlags(.vi)] {
            let plain = FlagRenderer.table(report, lang: .vi, color: false)
            XCTAssertFalse(plain.contains("\u{1B}"))
            let coloured = FlagRenderer.table(report, lang: .vi, color: true)
            assertColourDoublesMarks(coloured)
            XCTAssertEqual(stripANSI(coloured), plain)
        }
    }

    // MARK: CSV

    func testCSVFlattensAndNeutralises() {
        var report = ReportFixtures.flags(.vi)
        report.items[1].name = "=HYPERLINK(\"http://example.invalid\")"
        report.items[1].unit = "+Chi cục"
        report.items[2].name = "-1"
        report.items[2].code = "@x"
        let text = FlagRenderer.csv(report, lang: .en)
        assertExcelCSV(text)
        let rows = parseCSV(text)
        XCTAssertEqual(rows.count, 4)
        let header = rows[0]
        XCTAssertTrue(rows.allSatisfy { $0.count == header.count })
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        XCTAssertEqual(rows[1][column("flags")], "below target;fell since last year")
        XCTAssertEqual(rows[2][column("name")], "'=HYPERLINK(\"http://example.invalid\")")
        XCTAssertEqual(rows[2][column("unit")], "'+Chi cục")
        XCTAssertEqual(rows[3][column("name")], "'-1")
        XCTAssertEqual(rows[3][column("code")], "'@x")
        XCTAssertEqual(rows[1][column("comments")],
                       "2024-03-12: Hướng dẫn chưa rõ, phải bổ sung hồ sơ 2 lần | 2024-05-14: Cán bộ nói \"cứ nộp đi rồi tính\", không hướng dẫn cụ thể | 2024-09-03: Trả kết quả trễ hẹn 3 ngày mà không báo trước")
        XCTAssertEqual(rows[2][column("comments")], "2024-06-20: <script>alert(1)</script>")
        XCTAssertEqual(rows[1][column("impact")], "0.0094")
        XCTAssertEqual(rows[1][column("weakest_criterion_1_code")], "CC3")
        // The fall is ours: negative and numeric.
        XCTAssertLessThan(Double(rows[1][column("change")])!, 0)
        XCTAssertTrue(rows[1][column("change")].hasPrefix("-"))
    }

    // MARK: JSON

    func testJSONKeepsNullKeys() throws {
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(FlagRenderer.json(ReportFixtures.flags()).utf8)) as? [String: Any])
        XCTAssertTrue(object.keys.contains("index"))
        XCTAssertTrue(object.keys.contains("previous_source"))
        let items = try XCTUnwrap(object["procedures"] as? [[String: Any]])
        XCTAssertEqual(items.count, 3)
        for item in items {
            for key in ["previous", "change", "weakest", "index", "unit"] { XCTAssertTrue(item.keys.contains(key), key) }
        }
        XCTAssertTrue(items[1]["previous"] is NSNull)
        XCTAssertTrue(items[1]["change"] is NSNull)
        XCTAssertEqual(items[0]["flags"] as? [String], ["below-target", "fell"])
        for (name, value) in fractions(in: object) { XCTAssertTrue((0...1).contains(value), "\(name) = \(value)") }

        var bare = ReportFixtures.flags()
        bare.index = nil
        bare.previousSource = nil
        bare.items[2].weakest = nil
        bare.items[2].index = nil
        bare.items[2].unit = nil
        let nulls = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(FlagRenderer.json(bare).utf8)) as? [String: Any])
        XCTAssertTrue(nulls["index"] is NSNull)
        XCTAssertTrue(nulls["previous_source"] is NSNull)
        let third = try XCTUnwrap((nulls["procedures"] as? [[String: Any]])?[2])
        for key in ["weakest", "index", "unit", "previous", "change"] { XCTAssertTrue(third[key] is NSNull, key) }
    }

    func testJSONRoundTrips() throws {
        for report in [ReportFixtures.flags(.vi), ReportFixtures.emptyFlags(.en)] {
            let decoded = try JSONDecoder().decode(FlagReport.self, from: Data(FlagRenderer.json(report).utf8))
            XCTAssertEqual(decoded, report)
        }
    }

    // MARK: Markdown

    func testMarkdownIsShort() {
        let text = FlagRenderer.markdown(ReportFixtures.flags(.vi), lang: .vi)
        let items = text.split(separator: "\n").filter { $0.first?.isNumber == true }
        XCTAssertEqual(items.count, 3)
        XCTAssertTrue(items[0].contains("Nếu đạt 96%: chỉ số Sở +0,9 điểm"))
        // One comment each at most.
        XCTAssertFalse(text.contains("2024-05-14"))
        XCTAssertTrue(text.contains("(2024-03-12)"))
        // A citizen's markup is backslash-escaped, so any Markdown renderer shows it as text.
        XCTAssertTrue(text.contains("\\<script\\>alert(1)\\</script\\>"))
        XCTAssertFalse(text.contains("<script>"))
    }

    func testMarkdownShortensLongComments() {
        var report = ReportFixtures.flags(.vi)
        report.items[0].comments[0].text = String(repeating: "thủ tục rườm rà ", count: 20)
        let text = FlagRenderer.markdown(report, lang: .vi)
        let line = text.split(separator: "\n").first { $0.hasPrefix("1. ") }.map(String.init) ?? ""
        XCTAssertTrue(line.contains("…” (2024-03-12)"), line)
        XCTAssertLessThan(line.count, 600)
    }

    // MARK: Every format

    func testAllOutputsAreNFC() {
        for lang in Language.allCases {
            for report in [ReportFixtures.flags(lang), ReportFixtures.emptyFlags(lang)] {
                for text in [FlagRenderer.table(report, lang: lang, color: true), FlagRenderer.csv(report, lang: lang),
                             FlagRenderer.json(report), FlagRenderer.markdown(report, lang: lang)] {
                    assertNFC(text)
                }
            }
        }
    }
}

final class RenderMarkdownEscapingTests: XCTestCase {
    func testACitizensMarkupIsShownAsTextInMarkdown() {
        XCTAssertEqual(Markdown.text("<script>alert(1)</script> & co"), "\\<script\\>alert(1)\\</script\\> \\& co")
        XCTAssertEqual(Markdown.cell("a|b\n<i>"), "a\\|b<br>\\<i\\>")
    }
}
