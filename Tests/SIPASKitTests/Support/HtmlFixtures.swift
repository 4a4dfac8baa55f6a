import Foundation
import SIPASStatistics

@testable import SIPASKit

/// A whole `ReportDocument` for the HTML report tests: the 2024 survey of the Department of Science
/// and Technology of Lai Châu, 1,486 responses on the 19 criteria of `schema/catalogs/sipas-2023.json`
/// (labels in both languages), 2023 both from imported responses (1,186) and as the province published
/// it (94,1%, rank 7/20, QĐ 2385/QĐ-UBND). Criterion rates, intervals and changes come from the counts
/// below through the real Wilson / Newcombe / MOVER code; element and index intervals are plausible
/// hand-made widths (a renderer test needs realistic shapes, not exact variances).
///
/// Built to show: the index 95,4% is possibly below the 96% target; CC (officers) below target with a
/// clear fall; 12 months with August under 30 answers; 7 procedure groups, 2 under 30 answers; 3
/// flagged procedures whose comments include `<script>alert(1)</script>`, `=HYPERLINK("http://x","bấm")`
/// and `"quotes" & ampersands`, and a unit with `<`, `"` and `&` in it.
enum HtmlFixtures {
    struct Criterion {
        var code: String, vi: String, en: String
        var answered: Int, satisfied: Int, previousAnswered: Int, previousSatisfied: Int
    }

    struct Element {
        var code: String, vi: String, en: String
        var criteria: [Criterion]
    }

    static let responses = 1_486
    static let previousResponses = 1_186
    static let target = 0.96
    static let scriptComment = "<script>alert(1)</script>"
    static let hyperlinkComment = "=HYPERLINK(\"http://x\",\"bấm\")"
    static let quotesComment = "Hồ sơ phải bổ sung 3 lần: \"quotes\" & ampersands, cán bộ nói 'chờ thêm'."
    static let oddUnit = "Phòng \"Quản lý\" công nghệ & <An toàn bức xạ>"

    static let catalogue: [Element] = [
        Element(code: "TC", vi: "Tiếp cận dịch vụ", en: "Access to the service", criteria: [
            Criterion(code: "TC1", vi: "Thông tin về thủ tục dễ tìm, dễ hiểu", en: "Information on procedures is easy to find and understand",
                      answered: 1_478, satisfied: 1_431, previousAnswered: 1_180, previousSatisfied: 1_128),
            Criterion(code: "TC2", vi: "Nơi làm việc có biển chỉ dẫn rõ ràng", en: "The office has clear signs and directions",
                      answered: 1_480, satisfied: 1_449, previousAnswered: 1_182, previousSatisfied: 1_141),
            Criterion(code: "TC3", vi: "Nơi làm việc sạch sẽ, ngăn nắp", en: "The office is clean and orderly",
                      answered: 1_482, satisfied: 1_461, previousAnswered: 1_184, previousSatisfied: 1_149),
            Criterion(code: "TC4", vi: "Ghế, bàn và trang thiết bị đầy đủ", en: "Seats, desks and equipment are adequate",
                      answered: 1_476, satisfied: 1_428, previousAnswered: 1_179, previousSatisfied: 1_120),
        ]),
        Element(code: "TT", vi: "Thủ tục hành chính", en: "Administrative procedures", criteria: [
            Criterion(code: "TT1", vi: "Thủ tục được niêm yết công khai, dễ đọc", en: "The procedure is publicly posted and easy to read",
                      answered: 1_479, satisfied: 1_430, previousAnswered: 1_181, previousSatisfied: 1_130),
            Criterion(code: "TT2", vi: "Thành phần hồ sơ đúng quy định", en: "The documents asked for are those the law requires",
                      answered: 1_474, satisfied: 1_412, previousAnswered: 1_177, previousSatisfied: 1_124),
            Criterion(code: "TT3", vi: "Phí, lệ phí đúng quy định", en: "Fees and charges are those the law sets",
                      answered: 1_470, satisfied: 1_438, previousAnswered: 1_175, previousSatisfied: 1_137),
            Criterion(code: "TT4", vi: "Thời hạn giải quyết đúng quy định", en: "The processing time is the legal one",
                      answered: 1_468, satisfied: 1_391, previousAnswered: 1_172, previousSatisfied: 1_108),
        ]),
        Element(code: "CC", vi: "Công chức giải quyết thủ tục", en: "Officers who handle the case", criteria: [
            Criterion(code: "CC1", vi: "Lịch sự, tôn trọng", en: "Polite and respectful",
                      answered: 1_481, satisfied: 1_420, previousAnswered: 1_183, previousSatisfied: 1_139),
            Criterion(code: "CC2", vi: "Trả lời câu hỏi kịp thời, đầy đủ", en: "Answers questions promptly and fully",
                      answered: 1_477, satisfied: 1_368, previousAnswered: 1_180, previousSatisfied: 1_121),
            Criterion(code: "CC3", vi: "Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần", en: "Guidance clear enough to complete the dossier in one go",
                      answered: 1_475, satisfied: 1_342, previousAnswered: 1_178, previousSatisfied: 1_107),
            Criterion(code: "CC4", vi: "Tuân thủ quy định", en: "Follows the rules",
                      answered: 1_480, satisfied: 1_398, previousAnswered: 1_182, previousSatisfied: 1_126),
            Criterion(code: "CC5", vi: "Nhiệt tình giúp đỡ trong suốt quá trình", en: "Helpful throughout",
                      answered: 1_478, satisfied: 1_383, previousAnswered: 1_181, previousSatisfied: 1_117),
        ]),
        Element(code: "KQ", vi: "Kết quả giải quyết", en: "The result", criteria: [
            Criterion(code: "KQ1", vi: "Trả kết quả đúng hẹn", en: "Result returned on the promised date",
                      answered: 1_471, satisfied: 1_402, previousAnswered: 1_176, previousSatisfied: 1_116),
            Criterion(code: "KQ2", vi: "Kết quả đầy đủ, chính xác", en: "Result complete and accurate",
                      answered: 1_473, satisfied: 1_437, previousAnswered: 1_177, previousSatisfied: 1_136),
            Criterion(code: "KQ3", vi: "Kết quả công bằng", en: "Result is fair",
                      answered: 1_469, satisfied: 1_426, previousAnswered: 1_174, previousSatisfied: 1_128),
        ]),
        Element(code: "PA", vi: "Tiếp nhận, xử lý phản ánh, kiến nghị", en: "Feedback and complaints", criteria: [
            Criterion(code: "PA1", vi: "Có cách gửi phản ánh, kiến nghị dễ dàng", en: "There is an easy way to send feedback",
                      answered: 612, satisfied: 577, previousAnswered: 490, previousSatisfied: 455),
            Criterion(code: "PA2", vi: "Phản ánh được xử lý đúng quy định", en: "Feedback is handled by the rules",
                      answered: 418, satisfied: 391, previousAnswered: 344, previousSatisfied: 318),
            Criterion(code: "PA3", vi: "Kết quả xử lý phản ánh được thông báo kịp thời", en: "The outcome of feedback is reported promptly",
                      answered: 395, satisfied: 362, previousAnswered: 330, previousSatisfied: 301),
        ]),
    ]

    static func mean(_ xs: [Double]) -> Double { xs.reduce(0, +) / Double(xs.count) }

    /// A hand-made interval of half-width `half` around `value`, kept inside [0, 1].
    static func around(_ value: Double, _ half: Double) -> Interval {
        Interval(value: value, low: max(0, value - half), high: min(1, value + half))
    }

    static func change(_ current: Interval, _ previous: Interval) -> ChangeValue {
        ChangeValue(Change.between(current, previous), method: "mover")
    }

    // MARK: summary

    static func elementRows(_ lang: Language) -> [SummaryReport.ElementRow] {
        catalogue.map { el in
            let criteria = el.criteria.map { c -> SummaryReport.CriterionRow in
                let previous = Double(c.previousSatisfied) / Double(c.previousAnswered)
                let change = Change.betweenRates(successes: c.satisfied, trials: c.answered,
                                                 previousSuccesses: c.previousSatisfied, previousTrials: c.previousAnswered)
                return SummaryReport.CriterionRow(
                    code: c.code, label: lang.pick(c.vi, c.en), answered: c.answered, satisfied: c.satisfied,
                    dissatisfied: (c.answered - c.satisfied) * 2 / 3, noAnswer: responses - c.answered,
                    rate: Wilson.interval(successes: c.satisfied, trials: c.answered), previous: previous,
                    change: change.map { ChangeValue($0, method: "newcombe") })
            }
            let value = mean(criteria.compactMap { $0.rate?.value })
            let previousValue = mean(el.criteria.map { Double($0.previousSatisfied) / Double($0.previousAnswered) })
            let half = el.code == "PA" ? 0.016 : 0.0065
            let index = around(value, half)
            return SummaryReport.ElementRow(code: el.code, label: lang.pick(el.vi, el.en), index: index,
                                            previous: previousValue,
                                            change: change(index, around(previousValue, half * 1.1)),
                                            criteria: criteria)
        }
    }

    static let period = SummaryReport.Period(from: "2024-01-01", to: "2024-12-31",
                                             firstResponse: "2024-01-03", lastResponse: "2024-12-30")

    static func catalogRef(_ lang: Language) -> SummaryReport.CatalogRef {
        .init(key: "sipas-2023", name: lang.pick("SIPAS 2023–2026 (QĐ 1001/QĐ-BNV): 5 yếu tố, 19 tiêu chí",
                                                 "SIPAS 2023–2026 (Decision 1001/QĐ-BNV): 5 elements, 19 criteria"))
    }

    static func summary(_ lang: Language) -> SummaryReport {
        let elements = elementRows(lang)
        let value = mean(elements.compactMap { $0.index?.value })
        let index = around(value, 0.0075)
        let previousValue = mean(elements.compactMap(\.previous))
        let previousIndex = around(previousValue, 0.0066)
        let previous = SummaryReport.Previous(
            year: 2023, source: "responses", index: previousIndex, responses: previousResponses,
            elements: elements.map { .init(code: $0.code, index: $0.previous!) }, rank: nil, rankOf: nil, reference: nil)
        let published = SummaryReport.Previous(
            year: 2023, source: "published", index: Interval(value: 0.9412, low: 0.9412, high: 0.9412), responses: nil,
            elements: [], rank: 7, rankOf: 20, reference: "QĐ 2385/QĐ-UBND")
        return SummaryReport(
            year: 2024, period: period, method: .criteriaMean, target: target, minAnswers: 30,
            catalog: catalogRef(lang), responses: responses, index: index, gap: index.value - target,
            elements: elements, elementsWithoutAnswers: [], previous: previous, previousPublished: published,
            change: change(index, previousIndex), by: nil, groups: nil)
    }

    // MARK: procedures

    struct Procedure {
        var code: String, vi: String, en: String, unit: String
        var responses: Int, index: Double, half: Double, previous: Double?
        var elements: [Double]
    }

    static let procedureData: [Procedure] = [
        Procedure(code: "1.004315", vi: "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
                  en: "Certificate of registration of science and technology activities", unit: "Phòng Quản lý khoa học",
                  responses: 412, index: 0.9184, half: 0.0125, previous: 0.9402, elements: [0.951, 0.927, 0.887, 0.919, 0.908]),
        Procedure(code: "2.001266", vi: "Thẩm định công nghệ dự án đầu tư", en: "Technology appraisal of investment projects",
                  unit: oddUnit, responses: 236, index: 0.9481, half: 0.0152, previous: 0.9455, elements: [0.962, 0.931, 0.944, 0.958, 0.946]),
        Procedure(code: "1.005104", vi: "Đăng ký kết quả thực hiện nhiệm vụ KH&CN", en: "Registration of S&T task results",
                  unit: "Phòng Quản lý khoa học", responses: 188, index: 0.9561, half: 0.0148, previous: 0.9517,
                  elements: [0.968, 0.951, 0.952, 0.961, 0.949]),
        Procedure(code: "1.008902", vi: "Cấp Giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán y tế)",
                  en: "Licence for radiation work (medical diagnostic X-ray equipment)", unit: oddUnit,
                  responses: 301, index: 0.9688, half: 0.0105, previous: 0.9601, elements: [0.975, 0.966, 0.963, 0.972, 0.968]),
        Procedure(code: "2.002134", vi: "Công bố hợp chuẩn, hợp quy sản phẩm", en: "Declaration of product conformity",
                  unit: "Chi cục Tiêu chuẩn Đo lường Chất lượng", responses: 254, index: 0.9712, half: 0.0108, previous: 0.9633,
                  elements: [0.978, 0.969, 0.965, 0.975, 0.969]),
        Procedure(code: "1.003011", vi: "Cấp chứng chỉ nhân viên bức xạ", en: "Radiation worker certificate", unit: oddUnit,
                  responses: 22, index: 0.9015, half: 0.061, previous: nil, elements: [0.93, 0.91, 0.86, 0.90, 0.91]),
        Procedure(code: "1.009870", vi: "Đăng ký chuyển giao công nghệ", en: "Registration of technology transfer",
                  unit: "Phòng Quản lý công nghệ", responses: 9, index: 0.98, half: 0.09, previous: 0.95,
                  elements: [1, 0.97, 0.98, 0.97, 0.98]),
    ]

    static func procedures(_ lang: Language) -> SummaryReport {
        var s = summary(lang)
        s.by = "procedure"
        s.groups = procedureData.map { p in
            let index = around(p.index, p.half)
            return SummaryReport.GroupRow(
                key: p.code, label: lang.pick(p.vi, p.en), unit: p.unit, responses: p.responses, index: index,
                tooFewAnswers: p.responses < 30,
                elements: zip(catalogue, p.elements).map { .init(code: $0.0.code, index: $0.1) },
                previous: p.previous, change: p.previous.map { change(index, around($0, p.half * 1.1)) })
        }
        return s
    }

    // MARK: flags

    static func flags(_ lang: Language, empty: Bool = false) -> FlagReport {
        let groups = procedures(lang).groups!
        func group(_ code: String) -> SummaryReport.GroupRow { groups.first { $0.key == code }! }
        let first = group("1.004315"), second = group("2.001266"), third = group("1.003011")
        let items: [FlagReport.FlaggedGroup] = [
            .init(code: first.key, name: first.label, unit: first.unit, responses: first.responses, index: first.index,
                  previous: first.previous,
                  change: ChangeValue(Change(difference: Interval(value: -0.0218, low: -0.0391, high: -0.0042)), method: "mover"),
                  flags: [.belowTarget, .fell], impact: 0.0092, dissatisfied: 171,
                  weakest: .init(element: .init(code: "CC", label: lang.pick("Công chức giải quyết thủ tục", "Officers who handle the case"), index: 0.887),
                                 criteria: [
                                    .init(code: "CC3", label: lang.pick("Hướng dẫn rõ ràng, hoàn thiện hồ sơ một lần", "Guidance clear enough to complete the dossier in one go"),
                                          rate: 0.8611, answered: 410, satisfied: 353, dissatisfied: 39),
                                    .init(code: "CC2", label: lang.pick("Trả lời câu hỏi kịp thời, đầy đủ", "Answers questions promptly and fully"),
                                          rate: 0.8780, answered: 410, satisfied: 360, dissatisfied: 31),
                                 ]),
                  comments: [
                    .init(date: "2024-11-28", text: scriptComment),
                    .init(date: "2024-10-15", text: hyperlinkComment),
                    .init(date: "2024-09-02", text: quotesComment),
                    .init(date: "2024-06-20", text: "Thời gian chờ lâu, nên có thêm ghế ngồi."),
                  ]),
            .init(code: second.key, name: second.label, unit: second.unit, responses: second.responses, index: second.index,
                  previous: second.previous, change: second.change, flags: [.possiblyBelowTarget], impact: 0.0031,
                  dissatisfied: 64,
                  weakest: .init(element: .init(code: "TT", label: lang.pick("Thủ tục hành chính", "Administrative procedures"), index: 0.931),
                                 criteria: [
                                    .init(code: "TT3", label: lang.pick("Phí, lệ phí đúng quy định", "Fees and charges are those the law sets"),
                                          rate: 0.9107, answered: 224, satisfied: 204, dissatisfied: 12),
                                 ]),
                  comments: [
                    .init(date: "2024-08-12", text: "Cán bộ nhiệt tình.\nNhưng phí thẩm định chưa được niêm yết rõ ràng."),
                  ]),
            .init(code: third.key, name: third.label, unit: third.unit, responses: third.responses, index: third.index,
                  previous: nil, change: nil, flags: [.tooFewAnswers], impact: 0.0004, dissatisfied: 9,
                  weakest: .init(element: .init(code: "CC", label: lang.pick("Công chức giải quyết thủ tục", "Officers who handle the case"), index: 0.86),
                                 criteria: []),
                  comments: [.init(date: "2024-05-07", text: "Ổn.")]),
        ]
        return FlagReport(year: 2024, period: period, method: .criteriaMean, target: target, minAnswers: 30,
                          by: "procedure", responses: responses, index: summary(lang).index, previousSource: "responses",
                          items: empty ? [] : items, examined: procedureData.count)
    }

    // MARK: trend

    static let trend: [ReportDocument.TrendPoint] = {
        let data: [(Int, Double, Double)] = [
            (118, 0.9436, 0.021), (97, 0.9402, 0.024), (131, 0.9471, 0.019), (142, 0.9509, 0.018),
            (156, 0.9538, 0.017), (128, 0.9495, 0.019), (104, 0.9562, 0.020), (18, 0.9212, 0.072),
            (139, 0.9551, 0.018), (163, 0.9583, 0.016), (152, 0.9617, 0.016), (138, 0.9626, 0.017),
        ]
        return data.enumerated().map { i, d in
            let month = i + 1
            let key = "2024-" + (month < 10 ? "0\(month)" : "\(month)")
            return .init(key: key, responses: d.0, index: around(d.1, d.2), tooFewAnswers: d.0 < 30)
        }
    }()

    // MARK: document

    static func document(_ lang: Language = .vi, flagged: Bool = true) -> ReportDocument {
        ReportDocument(summary: summary(lang), procedures: procedures(lang), trend: trend, trendGranularity: "month",
                       flags: flags(lang, empty: !flagged), generatedAt: "2025-01-10T08:15:00+07:00",
                       department: lang.pick("Sở Khoa học và Công nghệ tỉnh Lai Châu",
                                             "Department of Science and Technology of Lai Châu"))
    }
}
