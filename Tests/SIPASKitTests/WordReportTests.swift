import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SIPASStatistics
import SIPASTestSupport
import XCTest

@testable import SIPASKit

/// The Word report: unzipped, every part well-formed, the decree's layout (page, margins, font,
/// headers), the administrative parts and the figures.
final class WordReportTests: XCTestCase {
    /// The HTML fixtures' document with the rank, the path, the unit plans and the weak criteria set.
    static func document(_ lang: Language = .vi, identity: DocumentIdentity? = nil) -> ReportDocument {
        var doc = HtmlFixtures.document(lang)
        doc.identity = identity ?? .resolve([:], lang: lang)
        doc.summary.rank = RankStanding(year: 2023, previous: 7, of: 20, projected: 4, projectedBest: 3, projectedWorst: 6,
                                        needed: [.init(places: 2, index: 0.9495), .init(places: 4, index: 0.9572)],
                                        onTrack: true, source: "QĐ 2385/QĐ-UBND")
        doc.flags.path = TargetPath(
            target: 0.96, start: 0.9468, end: 0.9601, reaches: true,
            procedures: [.init(code: "1.004315", name: "Cấp giấy phép <bức xạ>", unit: "Phòng A", gain: 0.0092, indexAfter: 0.956),
                         .init(code: "2.001266", name: "Đăng ký", unit: nil, gain: 0.0031, indexAfter: 0.9591)],
            criteria: [.init(code: "CC3", label: "Hướng dẫn", rate: 0.931, gain: 0.001, indexAfter: 0.9601)], candidates: 2)
        doc.unitPlans = [.init(unit: "Phòng A", gain: 0.0092, procedures: [
            .init(code: "1.004315", name: "Cấp giấy phép", index: nil, gain: 0.0092,
                  criteria: [.init(code: "CC3", label: "Hướng dẫn", rate: 0.8611, gain: 0.004)]),
        ])]
        doc.weakCriteria = [.init(code: "TT4", label: "Thời hạn", elementLabel: "Thủ tục hành chính",
                                  rate: Interval(value: 0.907, low: 0.895, high: 0.917), answered: 2634, dissatisfied: 122,
                                  comments: [.init(date: "2024-12-26", text: HtmlFixtures.scriptComment)])]
        return doc
    }

    func parts(_ doc: ReportDocument, _ lang: Language) throws -> [String: String] {
        let bytes = try WordReport.render(doc, lang: lang)
        XCTAssertEqual(Array(bytes.prefix(4)), [0x50, 0x4B, 0x03, 0x04], "a zip")
        var out: [String: String] = [:]
        for part in try DocxArchive.unzip(bytes) {
            out[part.path] = String(decoding: part.data, as: UTF8.self)
        }
        return out
    }

    func testEveryPartIsWellFormedXML() throws {
        for lang in Language.allCases {
            let parts = try parts(Self.document(lang), lang)
            XCTAssertEqual(Set(parts.keys), [
                "[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml",
                "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml", "word/header1.xml",
                "word/header2.xml", "word/charts/chart1.xml", "word/charts/chart2.xml",
            ])
            for (path, text) in parts {
                let parser = XMLParser(data: Data(text.utf8))
                XCTAssertTrue(parser.parse(), "\(lang) \(path): \(parser.parserError.map { "\($0)" } ?? "")")
            }
            // Every relationship target exists, every part has a content type.
            let rels = parts["word/_rels/document.xml.rels"]!
            for target in ["styles.xml", "settings.xml", "header1.xml", "header2.xml", "charts/chart1.xml", "charts/chart2.xml"] {
                XCTAssertTrue(rels.contains("Target=\"\(target)\""), target)
            }
            for part in ["/word/document.xml", "/word/charts/chart1.xml", "/word/charts/chart2.xml", "/word/header2.xml"] {
                XCTAssertTrue(parts["[Content_Types].xml"]!.contains("PartName=\"\(part)\""), part)
            }
        }
    }

    /// A4 portrait, the decree's margins (top and bottom 20–25 mm, left 30–35, right 15–20), in twips.
    func testPageAndMargins() throws {
        let document = try parts(Self.document(), .vi)["word/document.xml"]!
        XCTAssertTrue(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\" w:orient=\"portrait\"/>"))
        let margins = try XCTUnwrap(document.range(of: "<w:pgMar [^>]*/>", options: .regularExpression).map { String(document[$0]) })
        func twips(_ name: String) -> Int {
            Int(margins.range(of: "w:\(name)=\"[0-9]+\"", options: .regularExpression).map {
                margins[$0].filter(\.isNumber) } ?? "") ?? -1
        }
        let mm = 1440.0 / 25.4
        XCTAssertTrue((20 * mm...25 * mm).contains(Double(twips("top"))), margins)
        XCTAssertTrue((20 * mm...25 * mm).contains(Double(twips("bottom"))), margins)
        XCTAssertTrue((30 * mm...35 * mm).contains(Double(twips("left"))), margins)
        XCTAssertTrue((15 * mm...20 * mm).contains(Double(twips("right"))), margins)
        XCTAssertEqual(11906 - twips("left") - twips("right"), Headers.textWidth)
    }

    func testTimesNewRomanBlack14AndJustifiedBody() throws {
        let styles = try parts(Self.document(), .vi)["word/styles.xml"]!
        XCTAssertTrue(styles.contains("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>"))
        XCTAssertTrue(styles.contains("<w:color w:val=\"000000\"/><w:sz w:val=\"28\"/>"))
        XCTAssertTrue(styles.contains("<w:lang w:val=\"vi-VN\""))
        // Body: first-line indent 1.27 cm (720 twips), ≥ 6 pt after, justified.
        XCTAssertTrue(styles.contains("<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"720\"/><w:jc w:val=\"both\"/>"))
        let charts = try parts(Self.document(), .vi)["word/charts/chart1.xml"]!
        XCTAssertTrue(charts.contains("<a:latin typeface=\"Times New Roman\"/>"))
    }

    /// No page number on page 1 (titlePg and an empty first header); a centred PAGE field from page 2.
    func testPageNumbersFromPageTwo() throws {
        let parts = try parts(Self.document(), .vi)
        let document = parts["word/document.xml"]!
        XCTAssertTrue(document.contains("<w:titlePg/>"))
        XCTAssertTrue(document.contains("<w:headerReference w:type=\"first\" r:id=\"rId3\"/>"))
        XCTAssertTrue(document.contains("<w:headerReference w:type=\"default\" r:id=\"rId4\"/>"))
        XCTAssertTrue(parts["word/_rels/document.xml.rels"]!.contains("Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\""))
        XCTAssertFalse(parts["word/header1.xml"]!.contains("PAGE"))
        XCTAssertTrue(parts["word/header2.xml"]!.contains("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>"))
        XCTAssertTrue(parts["word/styles.xml"]!.contains("w:styleId=\"PageNumber\"><w:name w:val=\"SIPAS Page Number\"/><w:basedOn w:val=\"Normal\"/>\n<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr><w:sz w:val=\"28\"/>"))
    }

    /// The administrative parts, in order, with number, date and signer left blank.
    func testTheDecreesPartsInOrder() throws {
        let document = try parts(Self.document(), .vi)["word/document.xml"]!
        let text = Self.plainText(document)
        let expected = ["UBND TỈNH LAI CHÂU", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                        "Độc lập - Tự do - Hạnh phúc", "Số:      /BC-SKHCN", "Lai Châu, ngày      tháng      năm 2024",
                        "BÁO CÁO", "Kết quả khảo sát sự hài lòng", "Kính gửi: Ủy ban nhân dân tỉnh Lai Châu.",
                        "I. KẾT QUẢ CHUNG", "II. KẾT QUẢ THEO YẾU TỐ VÀ TIÊU CHÍ", "III. THỦ TỤC CẦN ƯU TIÊN CẢI THIỆN",
                        "IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "V. NHIỆM VỤ, GIẢI PHÁP", "Nơi nhận:", "- Như trên;",
                        "- Lưu: VT, VP.", "GIÁM ĐỐC"]
        var position = text.startIndex
        for part in expected {
            guard let found = text.range(of: part, range: position..<text.endIndex) else {
                return XCTFail("missing or out of order: \(part)")
            }
            position = found.upperBound
        }
        // Italic date, bold motto, the short lines (bottom borders) under the department, the motto and the subject.
        XCTAssertTrue(document.contains("<w:i/><w:iCs/></w:rPr><w:t xml:space=\"preserve\">Lai Châu, ngày"))
        XCTAssertTrue(document.contains("<w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Độc lập - Tự do - Hạnh phúc"))
        XCTAssertEqual(document.components(separatedBy: "<w:pBdr><w:bottom w:val=\"single\"").count - 1, 3)
        XCTAssertTrue(document.contains("<w:b/><w:bCs/><w:i/><w:iCs/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr><w:t xml:space=\"preserve\">Nơi nhận:"))
    }

    func testNumberDateAndSignerWhenGiven() throws {
        var settings: [SettingKey: String] = [.signerTitle: "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC", .department: "Sở Tư pháp",
                                              .abbreviation: "STP", .recipients: "Như trên\nUBND tỉnh\nLưu: VT"]
        settings[.place] = "Điện Biên"
        let identity = DocumentIdentity.resolve(settings, overrides: [.signerName: "Nguyễn Văn A"], number: "125",
                                                date: 20240305, lang: .vi)
        let text = Self.plainText(try parts(Self.document(identity: identity), .vi)["word/document.xml"]!)
        for part in ["SỞ TƯ PHÁP", "Số: 125/BC-STP", "Điện Biên, ngày 05 tháng 3 năm 2024", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                     "Nguyễn Văn A", "- UBND tỉnh;", "- Lưu: VT."] {
            XCTAssertTrue(text.contains(part), part)
        }
        // Months 1 and 2 get a leading zero; days under 10 too.
        let january = DocumentIdentity.resolve([:], date: 20250109, lang: .vi)
        XCTAssertTrue(Self.plainText(try parts(Self.document(identity: january), .vi)["word/document.xml"]!)
            .contains("Lai Châu, ngày 09 tháng 01 năm 2025"))
    }

    /// Real tables whose header rows repeat; Vietnamese numbers; the figures of the model.
    func testTablesAndFigures() throws {
        let doc = Self.document()
        let document = try parts(doc, .vi)["word/document.xml"]!
        XCTAssertEqual(document.components(separatedBy: "<w:tblHeader/>").count - 1, 2, "criteria and procedures tables")
        let text = Self.plainText(document)
        let index = try XCTUnwrap(doc.summary.index)
        XCTAssertTrue(text.contains("đạt " + NumberFormat.percent(index.value, .vi) + " (khoảng tin cậy 95%: "), text)
        XCTAssertTrue(NumberFormat.percent(index.value, .vi).contains(","), "decimal comma")
        for e in doc.summary.elements { XCTAssertTrue(text.contains(e.label), e.label) }
        for c in doc.summary.elements.flatMap(\.criteria) { XCTAssertTrue(text.contains(NumberFormat.integer(c.answered, .vi)), c.code) }
        XCTAssertTrue(text.contains("Xếp hạng năm 2023: 7/20"))
        XCTAssertTrue(text.contains("Lộ trình đến 96%: nâng cả 2 thủ tục dưới mục tiêu lên 96% mới được 95,9%"))
        XCTAssertTrue(text.contains("1) 1.004315 · Cấp giấy phép <bức xạ> (Phòng A): +0,9 điểm → 95,6%;"))
        XCTAssertTrue(text.contains("1. Phòng A (nếu đạt mục tiêu: chỉ số Sở +0,9 điểm)"))
        XCTAssertTrue(text.contains("CC3 Hướng dẫn (86,1%, +0,4 điểm)"))
        XCTAssertTrue(text.contains("“" + HtmlFixtures.scriptComment + "”"))
        XCTAssertFalse(document.contains("<script>"), "data is escaped")
        // The charts: the element indices in percent against the target line.
        let chart = try parts(doc, .vi)["word/charts/chart1.xml"]!
        XCTAssertTrue(chart.contains("<c:barChart>") && chart.contains("<c:lineChart>"))
        let first = try XCTUnwrap(doc.summary.elements.first?.index?.value)
        XCTAssertTrue(chart.contains("<c:v>" + NumberFormat.plain(first * 100, digits: 2) + "</c:v>"))
        XCTAssertTrue(chart.contains("<c:v>96.00</c:v>"))
    }

    func testEnglish() throws {
        let text = Self.plainText(try parts(Self.document(.en), .en)["word/document.xml"]!)
        for part in ["SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness", "No.:      /BC-SKHCN", "REPORT",
                     "To: Lai Châu Provincial People's Committee.", "I. OVERALL RESULT", "Recipients:", "DIRECTOR",
                     "Rank in 2023: 7 of 20"] {
            XCTAssertTrue(text.contains(part), part)
        }
    }

    /// The same model makes the same bytes (no clock, fixed zip stamps).
    func testDeterministic() throws {
        XCTAssertEqual(try WordReport.render(Self.document(), lang: .vi), try WordReport.render(Self.document(), lang: .vi))
    }

    func testDocumentGolden() throws {
        let document = try parts(Self.document(), .vi)["word/document.xml"]!
        assertGolden(document.replacingOccurrences(of: "><w:", with: ">\n<w:"), named: "word-document-vi.xml")
    }

    /// The text of a document.xml: each paragraph's runs joined, paragraphs on lines.
    static func plainText(_ xml: String) -> String {
        final class Collector: NSObject, XMLParserDelegate {
            var text = ""
            var inText = false
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                        attributes: [String: String] = [:]) {
                if name == "w:t" { inText = true }
            }
            func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
                if name == "w:t" { inText = false }
                if name == "w:p" { text += "\n" }
            }
            func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { text += string } }
        }
        let collector = Collector()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = collector
        _ = parser.parse()
        return collector.text
    }
}
