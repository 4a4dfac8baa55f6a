import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SIPASStatistics
import XCTest

@testable import SIPASKit

final class HtmlReportTests: XCTestCase {
    private lazy var vi = HtmlReport.render(HtmlFixtures.document(.vi), lang: .vi,
                                            source: .init(version: "0.1.0", database: "sipas.sqlite"))
    private lazy var en = HtmlReport.render(HtmlFixtures.document(.en), lang: .en)

    private func parse(_ html: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLDocument {
        do {
            return try XMLDocument(xmlString: html, options: [])
        } catch {
            XCTFail("the report is not well-formed XML: \(error)", file: file, line: line)
            throw error
        }
    }

    private func texts(_ doc: XMLDocument, _ xpath: String) throws -> [String] {
        try doc.nodes(forXPath: xpath).compactMap(\.stringValue)
    }

    /// The part of `html` from the element with `id` up to the next `<section` (or the end).
    private func section(_ html: String, id: String) -> String {
        guard let start = html.range(of: "id=\"\(id)\"") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "<section")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    // MARK: structure

    func testBothLanguagesAreWellFormedXHTML() throws {
        for html in [vi, en, HtmlReport.render(HtmlFixtures.document(flagged: false), lang: .vi)] {
            let doc = try parse(html)
            XCTAssertEqual(doc.rootElement()?.name, "html")
            XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang="))
            XCTAssertTrue(html.hasSuffix("</html>\n"))
            XCTAssertEqual(try doc.nodes(forXPath: "/html/head/meta[@charset='utf-8']").count, 1)
            XCTAssertEqual(try doc.nodes(forXPath: "/html/head/style").count, 1)
            XCTAssertEqual(try doc.nodes(forXPath: "/html/body/header/h1").count, 1)
            XCTAssertEqual(try doc.nodes(forXPath: "/html/body/footer").count, 1)
        }
        XCTAssertTrue(vi.contains("<html lang=\"vi\">"))
        XCTAssertTrue(en.contains("<html lang=\"en\">"))
    }

    func testNothingExternalAndNoScript() throws {
        for html in [vi, en] {
            for forbidden in ["href=\"http", "src=", "<link", "<script", "<iframe", "<img", "<object", "@import", "url(",
                              "https://", "javascript:"] {
                XCTAssertFalse(html.lowercased().contains(forbidden), "found \(forbidden)")
            }
            // The one `http://` is the escaped comment text.
            XCTAssertEqual(html.components(separatedBy: "http://").count - 1,
                           html.components(separatedBy: "HYPERLINK(&quot;http://x&quot;").count - 1)
            let doc = try parse(html)
            XCTAssertTrue(try doc.nodes(forXPath: "//script").isEmpty)
            XCTAssertTrue(try doc.nodes(forXPath: "//@src").isEmpty)
            // Event handler attributes: none.
            XCTAssertTrue(try doc.nodes(forXPath: "//@*[starts-with(name(), 'on')]").isEmpty)
            // The only links are anchors inside the page, and each points at an element that exists.
            let hrefs = try texts(doc, "//@href")
            XCTAssertFalse(hrefs.isEmpty)
            for href in hrefs {
                XCTAssertTrue(href.hasPrefix("#"), href)
                XCTAssertEqual(try doc.nodes(forXPath: "//*[@id='\(href.dropFirst())']").count, 1, href)
            }
        }
    }

    // MARK: escaping

    func testCommentsAreTextNeverMarkup() throws {
        XCTAssertTrue(vi.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(vi.contains("=HYPERLINK(&quot;http://x&quot;,&quot;bấm&quot;)"))
        XCTAssertTrue(vi.contains("&quot;quotes&quot; &amp; ampersands, cán bộ nói &#39;chờ thêm&#39;."))
        XCTAssertFalse(vi.contains(HtmlFixtures.scriptComment))
        XCTAssertFalse(vi.contains("<An toàn"))
        XCTAssertTrue(vi.contains("Phòng &quot;Quản lý&quot; công nghệ &amp; &lt;An toàn bức xạ&gt;"))
        XCTAssertTrue(vi.contains("<span class=\"sub\"><code>2.001266</code> · Phòng &quot;Quản lý&quot; công nghệ &amp; &lt;An toàn bức xạ&gt;</span>"))
        XCTAssertTrue(vi.contains("KH&amp;CN"))

        // Parsed back, the comments are exactly the citizens' text, inside blockquotes.
        let doc = try parse(vi)
        let quotes = try texts(doc, "//article[@id='flag-1']//blockquote/p")
        XCTAssertEqual(quotes, [HtmlFixtures.scriptComment, HtmlFixtures.hyperlinkComment, HtmlFixtures.quotesComment])
        XCTAssertEqual(try texts(doc, "//article[@id='flag-1']//blockquote/footer"), ["28/11/2024", "15/10/2024", "02/09/2024"])
        XCTAssertTrue(vi.contains("Ý kiến người dân (3 trong 4 ý kiến)"))
        // A multi-line comment keeps its line break (shown with white-space: pre-line).
        XCTAssertEqual(try texts(doc, "//article[@id='flag-2']//blockquote/p"),
                       ["Cán bộ nhiệt tình.\nNhưng phí thẩm định chưa được niêm yết rõ ràng."])
        XCTAssertTrue(try doc.nodes(forXPath: "//a[not(starts-with(@href, '#'))]").isEmpty)
    }

    func testEscapeRules() {
        XCTAssertEqual(HtmlEscape.text("a & b < c > d \" e ' f"), "a &amp; b &lt; c &gt; d &quot; e &#39; f")
        XCTAssertEqual(HtmlEscape.attribute("\"><script>"), "&quot;&gt;&lt;script&gt;")
        XCTAssertEqual(HtmlEscape.text("x\u{0}y\u{8}z\u{1B}\u{85}"), "x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{FFFD}")
        XCTAssertEqual(HtmlEscape.text("một\r\nhai\rba\nbốn\tnăm"), "một\nhai\nba\nbốn\tnăm")
        // Decomposed input comes out NFC.
        let decomposed = "Vie\u{0302}\u{0323}t"
        XCTAssertEqual(HtmlEscape.text(decomposed), "Việt")
        XCTAssertEqual(HtmlEscape.text(decomposed).unicodeScalars.count, 4)
    }

    func testControlCharactersInDataKeepTheDocumentWellFormed() throws {
        var doc = HtmlFixtures.document()
        doc.flags.items[0].comments[0].text = "tab\tbell\u{7} nul\u{0} esc\u{1B}[31m đỏ"
        doc.flags.items[0].name = "Tên <b>đậm</b> & \"x\""
        let html = HtmlReport.render(doc, lang: .vi)
        _ = try parse(html)
        XCTAssertTrue(html.contains("Tên &lt;b&gt;đậm&lt;/b&gt; &amp; &quot;x&quot;"))
    }

    // MARK: content

    func testTitleIsVietnameseNFC() throws {
        let title = "Báo cáo chỉ số hài lòng SIPAS năm 2024"
        XCTAssertEqual(title, title.precomposedStringWithCanonicalMapping)
        XCTAssertTrue(vi.contains("<h1>\(title)</h1>"))
        XCTAssertTrue(vi.contains("<title>\(title) — Sở Khoa học và Công nghệ tỉnh Lai Châu</title>"))
        XCTAssertEqual(vi, vi.precomposedStringWithCanonicalMapping)
        XCTAssertEqual(en, en.precomposedStringWithCanonicalMapping)
        XCTAssertTrue(vi.contains("trung bình các tiêu chí"))
        XCTAssertTrue(vi.contains("10/01/2025 08:15 (+07:00)"))
        XCTAssertTrue(vi.contains("01/01/2024 – 31/12/2024"))
    }

    func testHeadlineNumbersAreVietnameseStyle() throws {
        let s = HtmlFixtures.summary(.vi)
        let index = NumberFormat.percent(s.index!.value, .vi)
        XCTAssertTrue(index.contains(","), index)
        XCTAssertTrue(vi.contains("<p class=\"big\">\(index)</p>"), index)
        XCTAssertTrue(vi.contains("95,4%"))
        XCTAssertTrue(vi.contains("1.486 phiếu"))
        XCTAssertTrue(vi.contains("KTC 95%: 94,7–96,2%"))
        XCTAssertTrue(vi.contains("<p class=\"gap v-possibly\">▼ −0,6 điểm</p>"))
        XCTAssertTrue(vi.contains("Thấp hơn mục tiêu"))
        XCTAssertTrue(vi.contains("? Có thể dưới mục tiêu"))
        XCTAssertTrue(vi.contains("Mục tiêu 96%"))
    }

    func testPreviousYearNamesBothSources() throws {
        XCTAssertTrue(vi.contains("theo phiếu năm 2023 đã nhập (1.186 phiếu) — dùng cho mọi so sánh trong báo cáo"))
        XCTAssertTrue(vi.contains("theo số liệu tỉnh công bố: hạng 7/20, nguồn QĐ 2385/QĐ-UBND — để đối chiếu"))
        XCTAssertTrue(vi.contains("<strong>94,1%</strong>"))
        XCTAssertTrue(vi.contains("Thay đổi: "))
        XCTAssertTrue(vi.contains("phương pháp MOVER"))

        var onlyPublished = HtmlFixtures.document()
        onlyPublished.summary.previous = onlyPublished.summary.previousPublished
        onlyPublished.summary.previousPublished = nil
        let html = HtmlReport.render(onlyPublished, lang: .vi)
        XCTAssertTrue(html.contains("theo số liệu tỉnh công bố: hạng 7/20, nguồn QĐ 2385/QĐ-UBND</span>"))
        XCTAssertFalse(html.contains("theo phiếu năm 2023 đã nhập"))

        var none = HtmlFixtures.document()
        none.summary.previous = nil
        none.summary.previousPublished = nil
        none.summary.change = nil
        let noneHtml = HtmlReport.render(none, lang: .vi)
        XCTAssertTrue(noneHtml.contains("Chưa có số liệu năm trước"))
        _ = try parse(noneHtml)
    }

    func testBothChartsWithTargetLine() throws {
        let doc = try parse(vi)
        let charts = try doc.nodes(forXPath: "//figure/svg[@class='chart']")
        XCTAssertEqual(charts.count, 2)
        for chart in charts {
            let dashed = try chart.nodes(forXPath: ".//line[@class='target-line' and @stroke-dasharray]")
            XCTAssertGreaterThanOrEqual(dashed.count, 1)
            let labels = try chart.nodes(forXPath: ".//text").compactMap(\.stringValue)
            XCTAssertTrue(labels.contains("Mục tiêu 96%"), "\(labels)")
            XCTAssertTrue(labels.contains { $0.hasPrefix("Trục") && $0.contains("bắt đầu từ") }, "axis start not stated")
        }
        // Chart 1: one bar per element and one grey bar for each previous figure; element labels in SVG text.
        let elements = charts[0]
        XCTAssertEqual(try elements.nodes(forXPath: ".//rect[@fill='#4d7099']").count, 5 + 1)   // + legend swatch
        XCTAssertEqual(try elements.nodes(forXPath: ".//rect[@fill='#aab3bd']").count, 5 + 1)
        let labels = try elements.nodes(forXPath: ".//text").compactMap(\.stringValue)
        XCTAssertTrue(labels.contains { $0.contains("Năm 2023 (theo phiếu năm 2023 đã nhập)") })
        XCTAssertTrue(labels.contains("2023: 94,8%") || labels.contains { $0.hasPrefix("2023: ") })
        // Chart 2: 12 points, August hollow and noted.
        let trend = charts[1]
        XCTAssertEqual(try trend.nodes(forXPath: ".//circle").count, 12 + 2)   // + two legend markers
        XCTAssertEqual(try trend.nodes(forXPath: ".//circle[@fill='#ffffff']").count, 1 + 1)
        XCTAssertTrue(vi.contains("Điểm rỗng — dưới 30 phiếu, chưa kết luận: tháng 8/2024 (18 phiếu)."))
        XCTAssertEqual(try trend.nodes(forXPath: ".//polygon").count, 1)
    }

    func testCriteriaTable() throws {
        let doc = try parse(vi)
        let rows = try doc.nodes(forXPath: "//table[@class='criteria']/tbody/tr[not(@class)]")
        XCTAssertEqual(rows.count, 19)
        XCTAssertEqual(try doc.nodes(forXPath: "//table[@class='criteria']/tbody/tr[@class='element']").count, 5)
        let codes = try texts(doc, "//table[@class='criteria']/tbody/tr[not(@class)]/td[1]")
        XCTAssertEqual(codes, HtmlFixtures.catalogue.flatMap { $0.criteria.map(\.code) })
        // CC3: 1.342 of 1.475 (91,0%) is clearly below target.
        let cc3 = try texts(doc, "//table[@class='criteria']/tbody/tr[td[1]='CC3']/td")
        XCTAssertEqual(Array(cc3.prefix(6)), ["CC3", "Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần", "1.475", "1.342", "11", "91,0%"])
        XCTAssertEqual(cc3.last, "✗\u{00A0}dưới mục tiêu▼\u{00A0}giảm so với năm trước")
        let tc3 = try texts(doc, "//table[@class='criteria']/tbody/tr[td[1]='TC3']/td")
        XCTAssertEqual(tc3.last, "✓\u{00A0}đạt mục tiêu")
    }

    func testProceduresWorstFirstThinOnesLastAndMarked() throws {
        let doc = try parse(vi)
        let codes = try texts(doc, "//table[@class='procedures']/tbody/tr/td[2]/span[@class='sub']/code")
        XCTAssertEqual(codes, ["1.004315", "2.001266", "1.005104", "1.008902", "2.002134", "1.003011", "1.009870"])
        let few = try doc.nodes(forXPath: "//table[@class='procedures']/tbody/tr[@class='few']")
        XCTAssertEqual(few.count, 2)
        for row in few {
            XCTAssertTrue(row.stringValue?.contains("○\u{00A0}ít phiếu — chưa kết luận") ?? false)
            XCTAssertTrue(row.stringValue?.hasPrefix("—") ?? false)
        }
        // Flagged procedures link to their card.
        XCTAssertEqual(try texts(doc, "//table[@class='procedures']//a/@href"), ["#flag-1", "#flag-2", "#flag-3"])
    }

    func testEveryFlaggedProcedureInImpactOrder() throws {
        let flags = section(vi, id: "flags")
        var last = flags.startIndex
        for item in HtmlFixtures.flags(.vi).items {
            let range = try XCTUnwrap(flags.range(of: "<code>\(item.code)</code>"), item.code)
            XCTAssertGreaterThan(range.lowerBound, last)
            last = range.lowerBound
        }
        XCTAssertTrue(flags.contains("Nếu đạt 96%: chỉ số Sở +0,9 điểm"))
        XCTAssertTrue(flags.contains("Nếu đạt 96%: chỉ số Sở +0,04 điểm"))
        for words in ["✗\u{00A0}dưới mục tiêu", "?\u{00A0}có thể dưới mục tiêu", "▼\u{00A0}giảm so với năm trước",
                      "○\u{00A0}ít phiếu — chưa kết luận"] {
            XCTAssertTrue(flags.contains(words), words)
        }
        XCTAssertTrue(flags.contains("Đã xét 7 thủ tục; 3 thủ tục bị gắn cờ"))
        XCTAssertTrue(flags.contains("<code>CC</code> Công chức giải quyết thủ tục — 88,7%"))
        XCTAssertTrue(flags.contains("<td><code>CC3</code></td><td>Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần</td><td class=\"num\">86,1%</td>"))
        XCTAssertTrue(flags.contains("<dt>Câu trả lời không hài lòng (mức 1–2)</dt><dd>171</dd>"))
        XCTAssertTrue(flags.contains("Đơn vị: Phòng Quản lý khoa học"))
    }

    func testNoFlagsSaysSo() throws {
        let html = HtmlReport.render(HtmlFixtures.document(flagged: false), lang: .vi)
        XCTAssertTrue(html.contains("✓ Không có thủ tục nào bị gắn cờ trong số 7 thủ tục đã xét."))
        XCTAssertFalse(html.contains("<article"))
        XCTAssertFalse(html.contains("href="))
    }

    func testEnglish() throws {
        for heading in ["SIPAS satisfaction report 2024", "Index by element", "Month by month", "Criteria", "By procedure",
                        "Procedures to fix first", "Against the target of 96%", "Against last year", "Method.",
                        "Made by sipas.", "If it reached 96%: department index +0.9 pt", "Target 96%",
                        "as published by the province: rank 7/20, source QĐ 2385/QĐ-UBND",
                        "Department of Science and Technology of Lai Châu", "1,486 responses", "95.4%"] {
            XCTAssertTrue(en.contains(heading), heading)
        }
        for word in ["Báo cáo", "Mục tiêu", "phiếu", "điểm", "dưới mục tiêu"] {
            XCTAssertFalse(en.contains(word), word)
        }
        XCTAssertTrue(en.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testFooterNamesMethodAndSource() {
        let footer = vi[vi.range(of: "<footer class=\"report\">")!.lowerBound...]
        for words in ["Wilson", "tuyến tính hoá", "Newcombe", "MOVER", "sipas 0.1.0", "cơ sở dữ liệu sipas.sqlite",
                      "bộ tiêu chí sipas-2023", "Tạo bởi sipas."] {
            XCTAssertTrue(footer.contains(words), words)
        }
    }

    func testQuarterlyTrendAndEmptyTrend() throws {
        var doc = HtmlFixtures.document()
        doc.trendGranularity = "quarter"
        doc.trend = [
            .init(key: "2024-Q1", responses: 346, index: HtmlFixtures.around(0.944, 0.012), tooFewAnswers: false),
            .init(key: "2024-Q2", responses: 426, index: HtmlFixtures.around(0.951, 0.011), tooFewAnswers: false),
            .init(key: "2024-Q3", responses: 0, index: nil, tooFewAnswers: true),
            .init(key: "2024-Q4", responses: 453, index: HtmlFixtures.around(0.961, 0.010), tooFewAnswers: false),
        ]
        let html = HtmlReport.render(doc, lang: .vi)
        _ = try parse(html)
        XCTAssertTrue(html.contains("Diễn biến theo quý"))
        XCTAssertTrue(html.contains(">Quý 1</text>"))
        XCTAssertTrue(html.contains("quý 3/2024 (0 phiếu)"))

        doc.trend = []
        let empty = HtmlReport.render(doc, lang: .vi)
        _ = try parse(empty)
        XCTAssertTrue(empty.contains("Không có dữ liệu"))
    }

    func testNumbersNeverRoundOntoTheTargetOrZero() throws {
        // 0.95996 is under 96%: printed 95,996%, not 96,0%; a clear change from +0.0002 is +0,02, not 0,0.
        XCTAssertEqual(HtmlWords.percent(0.95996, .vi, target: 0.96), "95,996%")
        XCTAssertEqual(HtmlWords.percent(0.9612, .vi, target: 0.96), "96,1%")
        XCTAssertEqual(HtmlWords.percent(0.96, .vi, target: 0.96), "96,0%")
        XCTAssertEqual(HtmlWords.range(Interval(value: 0.955, low: 0.95, high: 0.9598), .vi, target: 0.96), "95,0–95,98%")
        XCTAssertEqual(HtmlWords.bound(0.0002, .vi, against: 0, sign: true), "+0,02")
        XCTAssertEqual(HtmlWords.bound(-0.00004, .en, against: 0, sign: true), "−0.004")

        var doc = HtmlFixtures.document()
        doc.summary.index = Interval(value: 0.9531, low: 0.9462, high: 0.95996)
        doc.summary.gap = 0.9531 - 0.96
        doc.summary.change = ChangeValue(Change(difference: Interval(value: 0.008, low: 0.0002, high: 0.0158)), method: "mover")
        let html = HtmlReport.render(doc, lang: .vi)
        XCTAssertTrue(html.contains("KTC 95%: 94,6–95,996%"))
        XCTAssertTrue(html.contains("✗ Dưới mục tiêu: cả khoảng tin cậy nằm dưới 96%."))
        XCTAssertTrue(html.contains("KTC 95%: +0,02 đến +1,6 điểm"))
        XCTAssertTrue(html.contains("tăng rõ rệt"))
    }

    func testAxisStartAndWrap() {
        XCTAssertEqual(HtmlCharts.axisStart(0.921, margin: 5), 80)   // 92.1 − 5 = 87.1 → 85, capped at 80
        XCTAssertEqual(HtmlCharts.axisStart(0.62, margin: 5), 55)
        XCTAssertEqual(HtmlCharts.axisStart(0.01, margin: 5), 0)
        XCTAssertEqual(HtmlCharts.wrap("Tiếp nhận, xử lý phản ánh, kiến nghị", maxChars: 28, maxLines: 2),
                       ["Tiếp nhận, xử lý phản ánh,", "kiến nghị"])
        XCTAssertEqual(HtmlCharts.wrap("một hai ba bốn năm sáu bảy tám", maxChars: 8, maxLines: 2), ["một hai", "ba bốn…"])
    }

}
