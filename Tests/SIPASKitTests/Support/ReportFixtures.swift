import Foundation
import SIPASStatistics
import XCTest

@testable import SIPASKit

/// Hand-made report models for the renderer tests: the 2024 survey of a department, 1,248 responses on
/// the 19 criteria of `schema/catalogs/sipas-2023.json`, with 2023 both from imported responses and as
/// the province published it (QĐ 2385/QĐ-UBND). Rates and criterion intervals are computed from the
/// counts below with the real Wilson and Newcombe code; element and index intervals are Wilson at a
/// plausible effective sample size (half the answers), enough for a renderer.
///
/// What the data is built to show: CC (officers) is below target (91,3% [88,8–93,2]); the index, KQ, PA
/// are possibly below; KQ1 (result on the promised date) fell clearly, 97,5% → 92,2%; the --by variant
/// has 4 procedures, one under 30 answers, one named `=HYPERLINK(…` and one unit starting with `+`.
enum ReportFixtures {
    struct CriterionData {
        var code: String
        var vi: String
        var en: String
        var answered: Int
        var satisfied: Int
        var dissatisfied: Int
        var previousAnswered: Int
        var previousSatisfied: Int
    }

    struct ElementData {
        var code: String
        var vi: String
        var en: String
        var criteria: [CriterionData]
    }

    static let year = 2024
    static let responses = 1_248
    static let previousResponses = 1_102
    static let target = 0.96

    // Labels from schema/catalogs/sipas-2023.json.
    static let catalogue: [ElementData] = [
        ElementData(code: "TC", vi: "Tiếp cận dịch vụ", en: "Access to the service", criteria: [
            CriterionData(code: "TC1", vi: "Thông tin về thủ tục dễ tìm, dễ hiểu",
                          en: "Information on procedures is easy to find and understand",
                          answered: 1_236, satisfied: 1_203, dissatisfied: 11, previousAnswered: 1_090, previousSatisfied: 1_052),
            CriterionData(code: "TC2", vi: "Nơi làm việc có biển chỉ dẫn rõ ràng", en: "The office has clear signs and directions",
                          answered: 1_240, satisfied: 1_219, dissatisfied: 6, previousAnswered: 1_095, previousSatisfied: 1_071),
            CriterionData(code: "TC3", vi: "Nơi làm việc sạch sẽ, ngăn nắp", en: "The office is clean and orderly",
                          answered: 1_241, satisfied: 1_226, dissatisfied: 4, previousAnswered: 1_098, previousSatisfied: 1_079),
            CriterionData(code: "TC4", vi: "Ghế, bàn và trang thiết bị đầy đủ", en: "Seats, desks and equipment are adequate",
                          answered: 1_229, satisfied: 1_188, dissatisfied: 14, previousAnswered: 1_081, previousSatisfied: 1_035),
        ]),
        ElementData(code: "TT", vi: "Thủ tục hành chính", en: "Administrative procedures", criteria: [
            CriterionData(code: "TT1", vi: "Thủ tục được niêm yết công khai, dễ đọc",
                          en: "The procedure is publicly posted and easy to read",
                          answered: 1_212, satisfied: 1_172, dissatisfied: 15, previousAnswered: 1_066, previousSatisfied: 1_027),
            CriterionData(code: "TT2", vi: "Thành phần hồ sơ đúng quy định", en: "The documents asked for are those the law requires",
                          answered: 1_198, satisfied: 1_151, dissatisfied: 19, previousAnswered: 1_052, previousSatisfied: 1_004),
            CriterionData(code: "TT3", vi: "Phí, lệ phí đúng quy định", en: "Fees and charges are those the law sets",
                          answered: 1_187, satisfied: 1_160, dissatisfied: 9, previousAnswered: 1_049, previousSatisfied: 1_021),
            CriterionData(code: "TT4", vi: "Thời hạn giải quyết đúng quy định", en: "The processing time is the legal one",
                          answered: 1_203, satisfied: 1_142, dissatisfied: 27, previousAnswered: 1_060, previousSatisfied: 1_003),
        ]),
        ElementData(code: "CC", vi: "Công chức giải quyết thủ tục", en: "Officers who handle the case", criteria: [
            CriterionData(code: "CC1", vi: "Lịch sự, tôn trọng", en: "Polite and respectful",
                          answered: 1_244, satisfied: 1_170, dissatisfied: 30, previousAnswered: 1_099, previousSatisfied: 1_026),
            CriterionData(code: "CC2", vi: "Trả lời câu hỏi kịp thời, đầy đủ", en: "Answers questions promptly and fully",
                          answered: 1_238, satisfied: 1_121, dissatisfied: 52, previousAnswered: 1_094, previousSatisfied: 980),
            CriterionData(code: "CC3", vi: "Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần",
                          en: "Guidance clear enough to complete the dossier in one go",
                          answered: 1_231, satisfied: 1_082, dissatisfied: 71, previousAnswered: 1_088, previousSatisfied: 940),
            CriterionData(code: "CC4", vi: "Tuân thủ quy định", en: "Follows the rules",
                          answered: 1_226, satisfied: 1_139, dissatisfied: 38, previousAnswered: 1_085, previousSatisfied: 1_000),
            CriterionData(code: "CC5", vi: "Nhiệt tình giúp đỡ trong suốt quá trình", en: "Helpful throughout",
                          answered: 1_239, satisfied: 1_128, dissatisfied: 49, previousAnswered: 1_096, previousSatisfied: 991),
        ]),
        ElementData(code: "KQ", vi: "Kết quả giải quyết", en: "The result", criteria: [
            CriterionData(code: "KQ1", vi: "Trả kết quả đúng hẹn", en: "Result returned on the promised date",
                          answered: 1_175, satisfied: 1_083, dissatisfied: 44, previousAnswered: 1_050, previousSatisfied: 1_024),
            CriterionData(code: "KQ2", vi: "Kết quả đầy đủ, chính xác", en: "Result complete and accurate",
                          answered: 1_169, satisfied: 1_138, dissatisfied: 13, previousAnswered: 1_041, previousSatisfied: 1_010),
            CriterionData(code: "KQ3", vi: "Kết quả công bằng", en: "Result is fair",
                          answered: 1_158, satisfied: 1_126, dissatisfied: 12, previousAnswered: 1_030, previousSatisfied: 1_001),
        ]),
        ElementData(code: "PA", vi: "Tiếp nhận, xử lý phản ánh, kiến nghị", en: "Feedback and complaints", criteria: [
            CriterionData(code: "PA1", vi: "Có cách gửi phản ánh, kiến nghị dễ dàng", en: "There is an easy way to send feedback",
                          answered: 318, satisfied: 301, dissatisfied: 9, previousAnswered: 262, previousSatisfied: 246),
            CriterionData(code: "PA2", vi: "Phản ánh được xử lý đúng quy định", en: "Feedback is handled by the rules",
                          answered: 204, satisfied: 192, dissatisfied: 7, previousAnswered: 171, previousSatisfied: 160),
            CriterionData(code: "PA3", vi: "Kết quả xử lý phản ánh được thông báo kịp thời",
                          en: "The outcome of feedback is reported promptly",
                          answered: 197, satisfied: 181, dissatisfied: 10, previousAnswered: 165, previousSatisfied: 150),
        ]),
    ]

    static func label(_ vi: String, _ en: String, _ lang: Language) -> String { lang == .vi ? vi : en }

    static func rate(_ s: Int, _ n: Int) -> Double { Double(s) / Double(n) }

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    /// Wilson at a plausible effective size: an index of correlated rates is worth about half its answers.
    static func indexInterval(_ value: Double, answers: Int) -> Interval {
        Wilson.interval(proportion: value, trials: Double(answers) / 2)!
    }

    static let period = SummaryReport.Period(from: "2024-01-01", to: "2024-12-31",
                                             firstResponse: "2024-01-03", lastResponse: "2024-12-27")

    static func catalogRef(_ lang: Language) -> SummaryReport.CatalogRef {
        SummaryReport.CatalogRef(key: "sipas-2023", name: label(
            "SIPAS 2023–2026 (QĐ 1001/QĐ-BNV): 5 yếu tố, 19 tiêu chí",
            "SIPAS 2023–2026 (Decision 1001/QĐ-BNV): 5 elements, 19 criteria", lang))
    }

    static var currentIndex: Interval {
        let value = mean(catalogue.map { e in mean(e.criteria.map { rate($0.satisfied, $0.answered) }) })
        return indexInterval(value, answers: responses)
    }

    static var previousIndex: Interval {
        let value = mean(catalogue.map { e in mean(e.criteria.map { rate($0.previousSatisfied, $0.previousAnswered) }) })
        return indexInterval(value, answers: previousResponses)
    }

    /// The 2023 figures of Quyết định 2385/QĐ-UBND (made up for the test: a fixed figure, no interval).
    static let published = SummaryReport.Previous(
        year: 2023, source: "published", index: Interval(value: 0.9312, low: 0.9312, high: 0.9312), responses: nil,
        elements: [
            .init(code: "TC", index: 0.965), .init(code: "TT", index: 0.948), .init(code: "CC", index: 0.901),
            .init(code: "KQ", index: 0.964), .init(code: "PA", index: 0.878),
        ],
        rank: 7, rankOf: 20, reference: "QĐ 2385/QĐ-UBND")

    /// The default view (no --by): elements and criteria, 2023 from responses, the published figures too.
    static func summary(_ lang: Language = .vi) -> SummaryReport {
        var elements: [SummaryReport.ElementRow] = []
        var previousElements: [SummaryReport.ElementFigure] = []
        for e in catalogue {
            var rows: [SummaryReport.CriterionRow] = []
            for c in e.criteria {
                let change = Change.betweenRates(successes: c.satisfied, trials: c.answered,
                                                 previousSuccesses: c.previousSatisfied, previousTrials: c.previousAnswered)!
                rows.append(SummaryReport.CriterionRow(
                    code: c.code, label: label(c.vi, c.en, lang), answered: c.answered, satisfied: c.satisfied,
                    dissatisfied: c.dissatisfied, noAnswer: responses - c.answered,
                    rate: Wilson.interval(successes: c.satisfied, trials: c.answered),
                    previous: rate(c.previousSatisfied, c.previousAnswered),
                    change: ChangeValue(change, method: "newcombe")))
            }
            let answers = e.criteria.map(\.answered).max()!
            let index = indexInterval(mean(e.criteria.map { rate($0.satisfied, $0.answered) }), answers: answers)
            let previousValue = mean(e.criteria.map { rate($0.previousSatisfied, $0.previousAnswered) })
            let previous = indexInterval(previousValue, answers: e.criteria.map(\.previousAnswered).max()!)
            previousElements.append(.init(code: e.code, index: previousValue))
            elements.append(SummaryReport.ElementRow(
                code: e.code, label: label(e.vi, e.en, lang), index: index, previous: previousValue,
                change: ChangeValue(Change.between(index, previous), method: "mover"), criteria: rows))
        }
        let index = currentIndex
        return SummaryReport(
            year: year, period: period, method: .criteriaMean, target: target, minAnswers: 30,
            catalog: catalogRef(lang), responses: responses, index: index, gap: index.value - target,
            elements: elements, elementsWithoutAnswers: [],
            previous: SummaryReport.Previous(year: 2023, source: "responses", index: previousIndex,
                                             responses: previousResponses, elements: previousElements,
                                             rank: nil, rankOf: nil, reference: nil),
            previousPublished: published,
            change: ChangeValue(Change.between(index, previousIndex), method: "mover"),
            by: nil, groups: nil)
    }

    /// `--by procedure`: 4 procedures in the engine's order (worst first), one under 30 answers — given
    /// second, so the renderer must move it last — one named `=HYPERLINK(…`, one unit starting with `+`.
    static func summaryByProcedure(_ lang: Language = .vi) -> SummaryReport {
        var report = summary(lang)
        func figures(_ values: [Double?]) -> [SummaryReport.ElementFigureOptional] {
            zip(["TC", "TT", "CC", "KQ", "PA"], values).map { .init(code: $0, index: $1) }
        }
        report.by = "procedure"
        report.groups = [
            SummaryReport.GroupRow(
                key: "1.004256", label: "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
                unit: "Phòng Quản lý khoa học", responses: 512, index: busy, tooFewAnswers: false,
                elements: figures([0.9721, 0.9488, 0.8874, 0.9102, 0.9375]), previous: busyPrevious,
                change: busyChange),
            SummaryReport.GroupRow(
                key: "1.002368", label: "Thẩm định công nghệ dự án đầu tư", unit: "Phòng Quản lý chuyên ngành",
                responses: 18, index: Interval(value: 0.8889, low: 0.6713, high: 0.9690), tooFewAnswers: true,
                elements: figures([0.9444, 0.8889, 0.8556, 0.8667, nil]), previous: nil, change: nil),
            SummaryReport.GroupRow(
                key: "2.000150", label: "=HYPERLINK(\"http://example.invalid/x\",\"Bấm vào đây\")",
                unit: "+Phòng Kế hoạch - Tài chính", responses: 232,
                index: Interval(value: 0.9534, low: 0.9182, high: 0.9741), tooFewAnswers: false,
                elements: figures([0.9784, 0.9612, 0.9231, 0.9559, 0.9483]), previous: nil, change: nil),
            SummaryReport.GroupRow(
                key: "1.003587",
                label: "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong y tế)",
                unit: "Phòng Quản lý chuyên ngành", responses: 486,
                index: Interval(value: 0.9781, low: 0.9614, high: 0.9876), tooFewAnswers: false,
                elements: figures([0.9877, 0.9802, 0.9625, 0.9811, 0.9790]), previous: 0.9693,
                change: ChangeValue(Change.between(Interval(value: 0.9781, low: 0.9614, high: 0.9876),
                                                   Interval(value: 0.9693, low: 0.9490, high: 0.9817)), method: "mover")),
        ]
        return report
    }

    /// The busy procedure: 512 responses, below target and clearly down on 2023 (the engine's interval
    /// for the difference, from the two years' respondent-level variances, excludes 0).
    static let busy = Interval(value: 0.9312, low: 0.9117, high: 0.9467)
    static let busyPrevious = 0.9524
    static let busyChange = ChangeValue(Change(difference: Interval(value: -0.0212, low: -0.0391, high: -0.0036)),
                                        method: "mover")

    // MARK: Flags

    static func flags(_ lang: Language = .vi) -> FlagReport {
        let items = [
            FlagReport.FlaggedGroup(
                code: "1.004256", name: "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
                unit: "Phòng Quản lý khoa học", responses: 512, index: busy, previous: busyPrevious,
                change: busyChange,
                flags: [.belowTarget, .fell], impact: 0.0094, dissatisfied: 118,
                weakest: FlagReport.Weakest(
                    element: .init(code: "CC", label: label("Công chức giải quyết thủ tục", "Officers who handle the case", lang),
                                   index: 0.8874),
                    criteria: [
                        .init(code: "CC3", label: label("Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần",
                                                        "Guidance clear enough to complete the dossier in one go", lang),
                              rate: 431.0 / 506.0, answered: 506, satisfied: 431, dissatisfied: 41),
                        .init(code: "CC2", label: label("Trả lời câu hỏi kịp thời, đầy đủ", "Answers questions promptly and fully", lang),
                              rate: 447.0 / 509.0, answered: 509, satisfied: 447, dissatisfied: 30),
                    ]),
                comments: [
                    .init(date: "2024-03-12", text: "Hướng dẫn chưa rõ, phải bổ sung hồ sơ 2 lần"),
                    .init(date: "2024-05-14", text: "Cán bộ nói \"cứ nộp đi rồi tính\", không hướng dẫn cụ thể"),
                    .init(date: "2024-09-03", text: "Trả kết quả trễ hẹn 3 ngày mà không báo trước"),
                ]),
            FlagReport.FlaggedGroup(
                code: "2.001504", name: "Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá",
                unit: "Chi cục Tiêu chuẩn Đo lường Chất lượng", responses: 41,
                index: Interval(value: 0.8121, low: 0.6674, high: 0.9021), previous: nil, change: nil,
                flags: [.belowTarget], impact: 0.0031, dissatisfied: 29,
                weakest: FlagReport.Weakest(
                    element: .init(code: "TT", label: label("Thủ tục hành chính", "Administrative procedures", lang), index: 0.7439),
                    criteria: [
                        .init(code: "TT4", label: label("Thời hạn giải quyết đúng quy định", "The processing time is the legal one", lang),
                              rate: 28.0 / 41.0, answered: 41, satisfied: 28, dissatisfied: 9),
                        .init(code: "TT2", label: label("Thành phần hồ sơ đúng quy định",
                                                        "The documents asked for are those the law requires", lang),
                              rate: 30.0 / 41.0, answered: 41, satisfied: 30, dissatisfied: 7),
                    ]),
                comments: [.init(date: "2024-06-20", text: "<script>alert(1)</script>")]),
            FlagReport.FlaggedGroup(
                code: "1.002368", name: "Thẩm định công nghệ dự án đầu tư", unit: "Phòng Quản lý chuyên ngành",
                responses: 18, index: Interval(value: 0.8889, low: 0.6713, high: 0.9690), previous: nil, change: nil,
                flags: [.tooFewAnswers], impact: 0.0008, dissatisfied: 4,
                weakest: FlagReport.Weakest(
                    element: .init(code: "KQ", label: label("Kết quả giải quyết", "The result", lang), index: 0.8667),
                    criteria: [
                        .init(code: "KQ1", label: label("Trả kết quả đúng hẹn", "Result returned on the promised date", lang),
                              rate: 14.0 / 18.0, answered: 18, satisfied: 14, dissatisfied: 3),
                        .init(code: "CC3", label: label("Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần",
                                                        "Guidance clear enough to complete the dossier in one go", lang),
                              rate: 15.0 / 18.0, answered: 18, satisfied: 15, dissatisfied: 2),
                    ]),
                comments: []),
        ]
        return FlagReport(year: year, period: period, method: .criteriaMean, target: target, minAnswers: 30,
                          by: "procedure", responses: responses, index: currentIndex, previousSource: "responses",
                          items: items, examined: 24)
    }

    static func emptyFlags(_ lang: Language = .vi) -> FlagReport {
        var report = flags(lang)
        report.items = []
        return report
    }
}

// MARK: - Assertions on rendered text, shared by the Render*Tests

/// NFC, scalar by scalar (Swift's `==` on String would call NFD and NFC equal).
func assertNFC(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    let nfc = text.precomposedStringWithCanonicalMapping
    XCTAssertEqual(Array(text.unicodeScalars), Array(nfc.unicodeScalars), "output is not NFC", file: file, line: line)
}

/// BOM first, every line ended by CRLF, no bare LF outside quotes… checked simply: after removing the
/// CRLFs, an LF can only be inside a quoted field.
func assertExcelCSV(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(text.hasPrefix("\u{FEFF}"), "no BOM", file: file, line: line)
    XCTAssertEqual(Array(text.utf8.prefix(3)), [0xEF, 0xBB, 0xBF], file: file, line: line)
    XCTAssertTrue(text.utf8.count >= 2 && Array(text.utf8.suffix(2)) == [0x0D, 0x0A], "last line not ended by CRLF", file: file, line: line)
    var inQuotes = false
    var previous: UInt8 = 0
    for byte in text.utf8 {
        if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
        if byte == 0x0A && !inQuotes { XCTAssertEqual(previous, 0x0D, "bare LF ends a line", file: file, line: line) }
        previous = byte
    }
    XCTAssertFalse(inQuotes, "unbalanced quotes", file: file, line: line)
}

/// A small RFC 4180 reader for the tests: BOM dropped, CRLF between records, quotes doubled inside.
func parseCSV(_ text: String) -> [[String]] {
    var scalars = Array(text.unicodeScalars)
    if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
    var rows: [[String]] = []
    var row: [String] = []
    var field = String.UnicodeScalarView()
    var i = 0
    var quoted = false
    while i < scalars.count {
        let s = scalars[i]
        if quoted {
            if s == "\"" {
                if i + 1 < scalars.count && scalars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else {
                field.append(s)
            }
        } else if s == "\"" {
            quoted = true
        } else if s == "," {
            row.append(String(field)); field = .init()
        } else if s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
            row.append(String(field)); field = .init()
            rows.append(row); row = []
            i += 1
        } else {
            field.append(s)
        }
        i += 1
    }
    if !field.isEmpty || !row.isEmpty { row.append(String(field)); rows.append(row) }
    return rows
}

/// The text without ANSI colour sequences.
func stripANSI(_ text: String) -> String {
    var out = ""
    var inEscape = false
    for ch in text {
        if inEscape { if ch == "m" { inEscape = false } } else if ch == "\u{1B}" { inEscape = true } else { out.append(ch) }
    }
    return out
}

/// Every coloured stretch is `ESC[3xm` + a text mark (✗ ? ▲ ▼ ✓ and its words) + `ESC[0m`: colour only
/// doubles a mark, never carries meaning alone.
func assertColourDoublesMarks(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
    var rest = Substring(text)
    var count = 0
    while let start = rest.range(of: "\u{1B}[") {
        let afterStart = rest[start.upperBound...]
        guard let m = afterStart.firstIndex(of: "m") else { XCTFail("unterminated escape", file: file, line: line); return }
        let code = afterStart[..<m]
        if code == "0" { XCTFail("reset without colour", file: file, line: line); return }
        let body = afterStart[afterStart.index(after: m)...]
        guard let end = body.range(of: "\u{1B}[0m") else { XCTFail("colour never reset", file: file, line: line); return }
        let inner = body[..<end.lowerBound]
        XCTAssertTrue(["✗", "?", "▲", "▼", "✓"].contains { inner.hasPrefix($0) }, "coloured without a mark: \(inner.debugDescription)",
                      file: file, line: line)
        XCTAssertFalse(inner.contains("\u{1B}"), file: file, line: line)
        count += 1
        rest = body[end.upperBound...]
    }
    XCTAssertGreaterThan(count, 0, "nothing coloured", file: file, line: line)
}

/// Every share in a report's JSON (rates, indices, interval ends, previous figures, target), with its
/// path; changes and gaps (which may be negative) are left out.
func fractions(in object: Any, path: String = "") -> [(String, Double)] {
    let shareKeys: Set<String> = ["value", "low", "high", "previous", "index", "rate", "target", "impact"]
    var out: [(String, Double)] = []
    if let dict = object as? [String: Any] {
        for (key, value) in dict where key != "change" && key != "gap" {
            if shareKeys.contains(key), let number = value as? NSNumber {
                out.append((path + "." + key, number.doubleValue))
            } else {
                out += fractions(in: value, path: path + "." + key)
            }
        }
    } else if let array = object as? [Any] {
        for (i, value) in array.enumerated() { out += fractions(in: value, path: path + "[\(i)]") }
    }
    return out
}
