import Foundation
import SIPASStatistics

/// `sipas report`: the year's report as ONE self-contained HTML5 file — inline CSS (with an A4 print
/// stylesheet), two inline SVG charts, no script, no font, image or stylesheet fetched, no external
/// URL. Vietnamese by default, English with `.en`.
///
/// Everything that came from data (comments, procedure codes and names, units, labels, the
/// department name, the published reference) is escaped by `HtmlEscape`; no link is ever made from
/// data (the only links are `#flag-N` anchors inside the page). The output is also well-formed XML
/// (every element closed, attributes quoted, only the five XML entities and numeric references), so
/// tests can parse it with an XML parser.
///
/// Sections: header, headline (index, target, last year, change), chart of the elements, chart of
/// the trend, table of criteria, table of procedures, flagged procedures, footer (method, source).
public enum HtmlReport {
    /// What the footer names as the source of the figures; not part of `ReportDocument`.
    public struct Source: Sendable, Equatable {
        /// The sipas version, e.g. `0.1.0`.
        public var version: String?
        /// The database the figures were read from (a path or a file name).
        public var database: String?

        public init(version: String? = nil, database: String? = nil) {
            self.version = version
            self.database = database
        }
    }

    /// The whole document, ending in a newline.
    public static func render(_ doc: ReportDocument, lang: Language) -> String {
        render(doc, lang: lang, source: Source())
    }

    /// The whole document, naming `source` (sipas version, database) in its footer.
    public static func render(_ doc: ReportDocument, lang: Language, source: Source) -> String {
        HtmlPage(doc: doc, lang: lang, source: source).build().precomposedStringWithCanonicalMapping
    }
}

/// Builds the page; one method per section, each returning escaped markup.
struct HtmlPage {
    let doc: ReportDocument
    let lang: Language
    let source: HtmlReport.Source

    private var s: SummaryReport { doc.summary }
    private var target: String { HtmlWords.target(s.target, lang) }

    private func e(_ text: String) -> String { HtmlEscape.text(text) }
    /// A share as a percentage; more digits only when one would print it as the target it is not.
    private func pct(_ x: Double?) -> String { HtmlWords.percent(x, lang, target: s.target) }
    private func int(_ n: Int) -> String { NumberFormat.integer(n, lang) }

    /// A paragraph with the escaped Vietnamese or English text.
    private func para(_ cls: String?, _ vi: String, _ en: String) -> String {
        let attribute = cls.map { " class=\"\($0)\"" } ?? ""
        return "<p\(attribute)>" + e(lang.pick(vi, en)) + "</p>\n"
    }

    /// A `<dt>`/`<dd>` pair; `markup` is already escaped.
    private func item(_ term: String, _ markup: String) -> String {
        "<dt>" + e(term) + "</dt><dd>" + markup + "</dd>\n"
    }

    /// A `<colgroup>` fixing the columns' widths (percent), so that a wide table prints on A4.
    private func columns(_ widths: [Int]) -> String {
        "<colgroup>" + widths.map { "<col style=\"width: \($0)%\"/>" }.joined() + "</colgroup>\n"
    }

    /// `<th>` cells of a header row.
    private func headCells(_ heads: [(String, Bool)]) -> String {
        heads.map { "<th scope=\"col\"" + ($0.1 ? " class=\"num\"" : "") + ">" + e($0.0) + "</th>" }.joined()
    }

    func build() -> String {
        let title = lang.pick("Báo cáo chỉ số hài lòng SIPAS năm \(s.year)", "SIPAS satisfaction report \(s.year)")
        let fullTitle = doc.department.isEmpty ? title : title + " — " + doc.department
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang.rawValue)\">\n<head>\n"
        out += "<meta charset=\"utf-8\"/>\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        out += "<meta name=\"generator\" content=\"sipas\"/>\n"
        out += "<title>" + e(fullTitle) + "</title>\n"
        out += "<style>\n" + HtmlStyle.css + "\n</style>\n</head>\n<body>\n"
        out += header(title)
        out += "<main>\n"
        out += headline()
        out += elementsSection()
        out += trendSection()
        out += criteriaSection()
        out += proceduresSection()
        out += flagsSection()
        out += "</main>\n"
        out += footer()
        out += "</body>\n</html>\n"
        return out
    }

    // MARK: 1. header

    private func header(_ title: String) -> String {
        var h = "<header class=\"report\">\n<h1>" + e(title) + "</h1>\n"
        if !doc.department.isEmpty { h += "<p class=\"department\">" + e(doc.department) + "</p>\n" }
        h += "<dl class=\"meta\">\n"
        var period = HtmlWords.date(s.period.from, lang) + " – " + HtmlWords.date(s.period.to, lang)
        if let first = s.period.firstResponse, let last = s.period.lastResponse {
            let f = HtmlWords.date(first, lang), l = HtmlWords.date(last, lang)
            period += lang.pick(" (phiếu đầu tiên \(f), phiếu cuối cùng \(l))", " (first response \(f), last \(l))")
        }
        h += item(lang.pick("Thời gian", "Period"), e(period))
        h += item(lang.pick("Số phiếu", "Responses"), int(s.responses))
        h += item(lang.pick("Phương pháp tính", "Method"), e(HtmlWords.method(s.method, lang)))
        h += item(lang.pick("Bộ tiêu chí", "Catalogue"), e(s.catalog.name))
        let min = s.minAnswers
        h += item(lang.pick("Mục tiêu", "Target"),
                  e(target + lang.pick("; kết quả dưới \(min) phiếu chỉ hiển thị, không đánh giá",
                                       "; results with fewer than \(min) answers are shown, not judged")))
        h += item(lang.pick("Thời điểm lập", "Generated"), e(HtmlWords.timestamp(doc.generatedAt, lang)))
        h += "</dl>\n</header>\n"
        return h
    }

    // MARK: 2. headline

    private func headline() -> String {
        var h = "<div class=\"headline\">\n"
        // The index.
        h += "<section>\n<h2>" + e(lang.pick("Chỉ số SIPAS năm \(s.year)", "SIPAS index \(s.year)")) + "</h2>\n"
        if let index = s.index {
            h += "<p class=\"big\">" + e(pct(index.value)) + "</p>\n"
            h += "<p>" + e(HtmlWords.ci(index, lang, target: s.target)) + "</p>\n"
        } else {
            h += "<p class=\"big\">—</p>\n" + para(nil, "chưa có câu trả lời", "no answers yet")
        }
        let n = int(s.responses)
        h += para("small", "\(n) phiếu", "\(n) responses")
        h += "</section>\n"

        // The target.
        h += "<section>\n<h2>" + e(lang.pick("So với mục tiêu ", "Against the target of ") + target) + "</h2>\n"
        if let index = s.index {
            let gap = s.gap ?? index.value - s.target
            let under = gap < 0
            let cls = under ? (index.high < s.target ? "v-below" : "v-possibly") : "v-ok"
            h += "<p class=\"gap \(cls)\">" + (under ? "▼ " : "▲ ")
                + e(HtmlWords.bound(gap, lang, against: 0, sign: true) + lang.pick(" điểm", " pt")) + "</p>\n"
            let word = under ? lang.pick("Thấp hơn mục tiêu", "Under the target")
                             : lang.pick("Bằng hoặc cao hơn mục tiêu", "At or over the target")
            h += "<p class=\"\(cls)\"><strong>" + e(word) + "</strong></p>\n"
            let statusClass: String, status: String
            if s.responses < s.minAnswers {
                statusClass = "v-few"
                status = "○ " + HtmlWords.verdict(.tooFewAnswers, lang)
            } else if index.high < s.target {
                statusClass = "v-below"
                status = lang.pick("✗ Dưới mục tiêu: cả khoảng tin cậy nằm dưới \(target).",
                                   "✗ Below target: the whole interval lies under \(target).")
            } else if index.value < s.target {
                statusClass = "v-possibly"
                status = lang.pick("? Có thể dưới mục tiêu: ước lượng dưới \(target), khoảng tin cậy còn chạm \(target).",
                                   "? Possibly below target: the estimate is under \(target), the interval reaches it.")
            } else if index.low >= s.target {
                statusClass = "v-ok"
                status = lang.pick("✓ Đạt mục tiêu: cả khoảng tin cậy từ \(target) trở lên.",
                                   "✓ Meets the target: the whole interval is at or over \(target).")
            } else {
                statusClass = "v-ok"
                status = lang.pick("✓ Đạt mục tiêu theo ước lượng; khoảng tin cậy còn xuống dưới \(target).",
                                   "✓ Meets the target on the estimate; the interval still reaches under \(target).")
            }
            h += "<p class=\"\(statusClass)\">" + e(status) + "</p>\n"
        } else {
            h += "<p>—</p>\n"
        }
        h += "</section>\n"

        // Last year.
        h += "<section>\n<h2>" + e(lang.pick("So với năm trước", "Against last year")) + "</h2>\n"
        if let p = s.previous {
            let both = s.previousPublished != nil
            let role = both ? lang.pick("dùng cho mọi so sánh trong báo cáo", "used for every comparison in this report") : nil
            h += previousLine(p, role: role)
            if let pub = s.previousPublished {
                h += previousLine(pub, role: lang.pick("để đối chiếu", "for reference"))
            }
            if let change = s.change {
                let cls = change.clear ? (change.value > 0 ? "v-up" : "v-fell") : "plain"
                let symbol = HtmlWords.changeSymbol(change)
                let headline = lang.pick("Thay đổi: ", "Change: ") + (symbol.isEmpty ? "" : symbol + " ")
                    + HtmlWords.points(change.value, lang)
                h += "<p><strong class=\"\(cls)\">" + e(headline) + "</strong>"
                h += "<br/>" + e(lang.pick("KTC 95%: ", "95% CI: ") + HtmlWords.changeRange(change, lang))
                h += "<br/><span class=\"\(cls)\">" + e(HtmlWords.changeVerdict(change, lang)) + "</span>"
                h += " <span class=\"small\">(" + e(HtmlWords.changeMethod(change.method, lang)) + ")</span></p>\n"
                if let note = Labels.comparisonNote(s, lang) { h += "<p class=\"small\">" + e(note) + "</p>\n" }
            }
        } else if let pub = s.previousPublished {
            h += previousLine(pub, role: nil)
        } else {
            h += para("muted", "Chưa có số liệu năm trước: chưa nhập phiếu năm trước và chưa ghi số liệu tỉnh công bố.",
                      "No figures for last year: neither its responses nor the published figures were recorded.")
        }
        if let rank = s.rank {
            h += "<p class=\"rank\">" + TargetLabels.rankLines(rank, lang).map(e).joined(separator: "<br/>") + "</p>\n"
        }
        h += "</section>\n</div>\n"
        return h
    }

    /// `Năm 2023: 94,1% (KTC …)` and where the figure comes from.
    private func previousLine(_ p: SummaryReport.Previous, role: String?) -> String {
        var h = "<p class=\"prev-line\">" + e(lang.pick("Năm \(p.year): ", "\(p.year): "))
            + "<strong>" + e(pct(p.index?.value)) + "</strong>"
        if p.source != "published", let iv = p.index, iv.high > iv.low {
            h += " <span class=\"small\">(" + e(HtmlWords.ci(iv, lang)) + ")</span>"
        }
        var origin = HtmlWords.sourceShort(p, lang)
        if p.source == "published" {
            var details: [String] = []
            if let rank = p.rank {
                details.append(lang.pick("hạng ", "rank ") + (p.rankOf.map { "\(rank)/\($0)" } ?? "\(rank)"))
            }
            if let ref = p.reference, !ref.isEmpty { details.append(lang.pick("nguồn ", "source ") + ref) }
            if !details.isEmpty { origin += ": " + details.joined(separator: ", ") }
        } else if let n = p.responses {
            let count = int(n)
            origin += lang.pick(" (\(count) phiếu)", " (\(count) responses)")
        }
        if let role { origin += " — " + role }
        h += "<br/><span class=\"small\">" + e(origin) + "</span></p>\n"
        return h
    }

    // MARK: 3. elements chart

    private func elementsSection() -> String {
        var h = "<section id=\"elements\">\n<h2>" + e(lang.pick("Chỉ số theo yếu tố", "Index by element")) + "</h2>\n"
        h += "<figure>\n" + HtmlCharts.elements(s, lang) + "\n"
        var caption = lang.pick(
            "Hình 1. Chỉ số các yếu tố năm \(s.year) (thanh, với khoảng tin cậy 95%), mục tiêu \(target) (đường đứt nét)",
            "Figure 1. The elements' indices in \(s.year) (bars, with 95% confidence intervals), the \(target) target (dashed line)")
        if let p = s.previous {
            let source = HtmlWords.sourceShort(p, lang)
            caption += lang.pick(" và năm \(p.year) (thanh xám, \(source)).", " and \(p.year) (grey bars, \(source)).")
        } else {
            caption += "."
        }
        h += "<figcaption>" + e(caption) + "</figcaption>\n</figure>\n"
        if !s.elementsWithoutAnswers.isEmpty {
            let list = s.elementsWithoutAnswers.joined(separator: ", ")
            h += para("v-few", "Yếu tố không có câu trả lời (không tính vào chỉ số): " + list,
                      "Elements without answers (left out of the index): " + list)
        }
        return h + "</section>\n"
    }

    // MARK: 4. trend chart

    private func trendSection() -> String {
        let quarterly = doc.trendGranularity == "quarter"
        let heading = quarterly ? lang.pick("Diễn biến theo quý", "Quarter by quarter")
                                : lang.pick("Diễn biến theo tháng", "Month by month")
        var h = "<section id=\"trend\">\n<h2>" + e(heading) + "</h2>\n"
        h += "<figure>\n"
        h += HtmlCharts.trend(doc.trend, granularity: doc.trendGranularity, target: s.target, year: s.year, lang)
        h += "\n"
        let viUnit = quarterly ? "quý" : "tháng", enUnit = quarterly ? "quarter" : "month"
        var caption = lang.pick(
            "Hình 2. Chỉ số SIPAS theo \(viUnit) (đường và điểm), khoảng tin cậy 95% (dải mờ), mục tiêu \(target) (đường đứt nét); n: số phiếu.",
            "Figure 2. SIPAS index by \(enUnit) (line and points), 95% confidence interval (shaded band), the \(target) target (dashed line); n: responses.")
        let few = doc.trend.filter(\.tooFewAnswers)
        var fewText = ""
        if !few.isEmpty {
            let list = few.map { p -> String in
                let count = int(p.responses)
                return HtmlWords.trendName(p.key, lang) + lang.pick(" (\(count) phiếu)", " (\(count) responses)")
            }.joined(separator: "; ")
            let min = s.minAnswers
            fewText = lang.pick("Điểm rỗng — dưới \(min) phiếu, chưa kết luận: ", "Hollow points — fewer than \(min) responses, no verdict: ")
                + list + "."
            caption += " "
        }
        h += "<figcaption>" + e(caption)
        if !fewText.isEmpty { h += "<br/>" + e(fewText) }
        h += "</figcaption>\n</figure>\n</section>\n"
        return h
    }

    // MARK: 5. criteria

    private func criteriaSection() -> String {
        let prevYear = s.previous.map { lang.pick("Năm \($0.year)", "\($0.year)") } ?? lang.pick("Năm trước", "Last year")
        var h = "<section id=\"criteria\">\n<h2>" + e(lang.pick("Các tiêu chí", "Criteria")) + "</h2>\n"
        h += "<table class=\"criteria\">\n" + columns([5, 24, 7, 7, 7, 7, 12, 7, 10, 14]) + "<thead>\n<tr>"
        h += headCells([
            (lang.pick("Mã", "Code"), false), (lang.pick("Tiêu chí", "Criterion"), false),
            (lang.pick("Trả lời", "Answered"), true), (lang.pick("Hài lòng", "Satisfied"), true),
            (lang.pick("Không trả lời", "No answer"), true), (lang.pick("Tỷ lệ hài lòng", "Rate"), true),
            (lang.pick("KTC 95%", "95% CI"), true), (prevYear, true),
            (lang.pick("Thay đổi (điểm)", "Change (pt)"), true), (lang.pick("Đánh giá", "Assessment"), false),
        ])
        h += "</tr>\n</thead>\n"
        for el in s.elements {
            h += "<tbody>\n<tr class=\"element\"><th scope=\"rowgroup\">" + e(el.code) + "</th><td>" + e(el.label) + "</td>"
            h += "<td colspan=\"3\" class=\"small\">" + e(lang.pick("chỉ số yếu tố", "element index")) + "</td>"
            h += "<td class=\"num\">" + e(pct(el.index?.value)) + "</td>"
            h += "<td class=\"num\">" + e(el.index.map { HtmlWords.range($0, lang, target: s.target) } ?? "—") + "</td>"
            h += "<td class=\"num\">" + e(pct(el.previous)) + "</td>" + changeCell(el.change)
            h += "<td>" + marks(el.index, el.change, responses: s.responses) + "</td></tr>\n"
            for c in el.criteria {
                h += "<tr><td><code>" + e(c.code) + "</code></td><td>" + e(c.label) + "</td>"
                h += "<td class=\"num\">" + int(c.answered) + "</td><td class=\"num\">" + int(c.satisfied) + "</td>"
                h += "<td class=\"num\">" + int(c.noAnswer) + "</td>"
                h += "<td class=\"num\">" + e(pct(c.rate?.value)) + "</td>"
                h += "<td class=\"num\">" + e(c.rate.map { HtmlWords.range($0, lang, target: s.target) } ?? "—") + "</td>"
                h += "<td class=\"num\">" + e(pct(c.previous)) + "</td>" + changeCell(c.change)
                h += "<td>" + marks(c.rate, c.change, responses: c.answered) + "</td></tr>\n"
            }
            h += "</tbody>\n"
        }
        h += "</table>\n"
        let min = s.minAnswers
        h += para("small",
                  "Đánh giá: ✗ dưới mục tiêu (cả khoảng tin cậy dưới \(target)); ? có thể dưới mục tiêu; ▼ giảm so với năm trước (rõ rệt); ○ dưới \(min) câu trả lời — chưa kết luận; ✓ đạt mục tiêu theo ước lượng. Thay đổi: điểm phần trăm, dòng dưới là khoảng tin cậy 95%; có ▲/▼ khi khoảng đó không chứa 0.",
                  "Assessment: ✗ below target (the whole interval under \(target)); ? possibly below target; ▼ fell since last year (clearly); ○ fewer than \(min) answers — no verdict; ✓ meets the target on the estimate. Change: percentage points, with its 95% interval below; ▲/▼ when that interval excludes 0.")
        return h + "</section>\n"
    }

    private func changeCell(_ change: ChangeValue?) -> String {
        guard let change else { return "<td class=\"num\">—</td>" }
        let symbol = HtmlWords.changeSymbol(change)
        let cls = change.clear ? (change.value > 0 ? " v-up" : " v-fell") : ""
        let value = NumberFormat.decimal(change.value * 100, lang, digits: 1, sign: true)
        let range = HtmlWords.bound(change.low, lang, against: 0, sign: true) + "…"
            + HtmlWords.bound(change.high, lang, against: 0, sign: true)
        return "<td class=\"num\(cls)\">" + e((symbol.isEmpty ? "" : symbol + " ") + value)
            + "<span class=\"sub\">" + e(range) + "</span></td>"
    }

    /// The verdict marks of an estimate, as text with a symbol (never colour alone).
    private func marks(_ index: Interval?, _ change: ChangeValue?, responses: Int) -> String {
        guard let index else { return "" }
        let changeInterval = change.map { Interval(value: $0.value, low: $0.low, high: $0.high) }
        let flags = verdicts(index: index, change: changeInterval, responses: responses, target: s.target,
                             minimumAnswers: s.minAnswers)
        var parts = flags.map(mark)
        if !flags.contains(.belowTarget) && !flags.contains(.possiblyBelowTarget) && !flags.contains(.tooFewAnswers)
            && index.value >= s.target {
            parts.insert("<span class=\"mark v-ok\">✓\u{00A0}" + e(HtmlWords.meetsTarget(lang)) + "</span>", at: 0)
        }
        return parts.joined(separator: "<br/>")
    }

    private func mark(_ v: Verdict) -> String {
        "<span class=\"mark \(HtmlWords.verdictClass(v))\">" + HtmlWords.verdictSymbol(v) + "\u{00A0}"
            + e(HtmlWords.verdict(v, lang)) + "</span>"
    }

    // MARK: 6. procedures

    private func proceduresSection() -> String {
        let groups = doc.procedures.groups ?? []
        let ordered = groups.filter { !$0.tooFewAnswers } + groups.filter(\.tooFewAnswers)
        let byUnit = doc.procedures.by == "unit"
        var anchors: [String: Int] = [:]
        for (i, item) in doc.flags.items.enumerated() where anchors[item.code] == nil { anchors[item.code] = i + 1 }
        let linkable = byUnit == (doc.flags.by == "unit")
        let prevYear = doc.procedures.previous.map { lang.pick("Năm \($0.year)", "\($0.year)") }
            ?? lang.pick("Năm trước", "Last year")

        let heading = byUnit ? lang.pick("Theo đơn vị", "By unit") : lang.pick("Theo thủ tục hành chính", "By procedure")
        var h = "<section id=\"procedures\">\n<h2>" + e(heading) + "</h2>\n"
        guard !ordered.isEmpty else {
            return h + para("muted", "Không có số liệu theo thủ tục.", "No figures by procedure.") + "</section>\n"
        }
        let min = doc.procedures.minAnswers
        h += para(nil,
                  "Xếp từ thấp nhất; \(byUnit ? "đơn vị" : "thủ tục") dưới \(min) phiếu xếp cuối, chỉ hiển thị, không đánh giá. Tên có gạch chân: xem phần cần ưu tiên cải thiện.",
                  "Worst first; \(byUnit ? "units" : "procedures") with fewer than \(min) responses come last, shown but not judged. Underlined names: see the section on what to fix first.")
        // The code goes under the name: provincial procedure codes are long (1.010843.000.00.00.H33).
        h += "<table class=\"procedures\">\n" + columns([4, 31, 6, 7, 12, 9, 7, 10, 14]) + "<thead>\n<tr>"
        h += headCells([
            ("#", true),
            (byUnit ? lang.pick("Đơn vị (mã)", "Unit (code)") : lang.pick("Thủ tục (mã, đơn vị)", "Procedure (code, unit)"), false),
            (lang.pick("Phiếu", "Responses"), true), (lang.pick("Chỉ số", "Index"), true),
            (lang.pick("KTC 95%", "95% CI"), true), (lang.pick("Yếu tố thấp nhất", "Weakest element"), false),
            (prevYear, true), (lang.pick("Thay đổi (điểm)", "Change (pt)"), true), (lang.pick("Đánh giá", "Assessment"), false),
        ])
        h += "</tr>\n</thead>\n<tbody>\n"
        var rank = 0
        for g in ordered {
            var name = e(g.label)
            if linkable, let anchor = anchors[g.key] {
                name = "<a href=\"#flag-\(anchor)\">" + name + "</a>"
            }
            name += "<span class=\"sub\"><code>" + e(g.key) + "</code>"
            if let unit = g.unit, !unit.isEmpty, !byUnit { name += " · " + e(unit) }
            name += "</span>"
            let rankText: String
            if g.tooFewAnswers {
                rankText = "—"
            } else {
                rank += 1
                rankText = String(rank)
            }
            h += "<tr" + (g.tooFewAnswers ? " class=\"few\"" : "") + "><td class=\"num\">" + rankText + "</td>"
            h += "<td>" + name + "</td>"
            h += "<td class=\"num\">" + int(g.responses) + "</td><td class=\"num\">" + e(pct(g.index?.value)) + "</td>"
            h += "<td class=\"num\">" + e(g.index.map { HtmlWords.range($0, lang, target: s.target) } ?? "—") + "</td>"
            let scored = g.elements.compactMap { el in el.index.map { (el.code, $0) } }
            if let weakest = scored.min(by: { $0.1 < $1.1 }) {
                h += "<td class=\"nowrap\">" + e(weakest.0 + " " + pct(weakest.1)) + "</td>"
            } else {
                h += "<td>—</td>"
            }
            h += "<td class=\"num\">" + e(pct(g.previous)) + "</td>" + changeCell(g.change)
            if g.tooFewAnswers {
                h += "<td>" + mark(.tooFewAnswers) + "</td></tr>\n"
            } else {
                h += "<td>" + marks(g.index, g.change, responses: g.responses) + "</td></tr>\n"
            }
        }
        h += "</tbody>\n</table>\n</section>\n"
        return h
    }

    // MARK: 7. flags

    private func flagsSection() -> String {
        let f = doc.flags
        let byUnit = f.by == "unit"
        let what = byUnit ? lang.pick("đơn vị", "units") : lang.pick("thủ tục", "procedures")
        let heading = byUnit ? lang.pick("Đơn vị cần ưu tiên cải thiện", "Units to fix first")
                             : lang.pick("Thủ tục cần ưu tiên cải thiện", "Procedures to fix first")
        var h = "<section id=\"flags\">\n"
        let title = "<h2>" + e(heading) + "</h2>\n"
        let examined = int(f.examined), flagged = int(f.items.count), goal = HtmlWords.target(f.target, lang)
        guard !f.items.isEmpty else {
            h += title + para("v-ok", "✓ Không có \(what) nào bị gắn cờ trong số \(examined) \(what) đã xét.",
                              "✓ None of the \(examined) \(what) examined is flagged.")
            return h + pathBlock() + "</section>\n"
        }
        // The heading, its lead and the first card stay together on paper.
        h += "<div class=\"keep\">\n" + title
        h += para("lead",
                  "Đã xét \(examined) \(what); \(flagged) \(what) bị gắn cờ, xếp theo mức ảnh hưởng: \(what) nào nếu đạt \(goal) thì chỉ số của Sở tăng nhiều nhất được xếp trước.",
                  "\(examined) \(what) examined; \(flagged) flagged, ordered by impact: the one that would raise the department's index most by reaching \(goal) comes first.")
        h += pathBlock()
        for (i, item) in f.items.enumerated() {
            h += flagCard(item, number: i + 1, goal: goal)
            if i == 0 { h += "</div>\n" }
        }
        return h + "</section>\n"
    }

    /// The path to the target: its headline, then the procedures (numbered) and criteria to raise.
    private func pathBlock() -> String {
        guard let path = doc.flags.path else { return "" }
        var h = "<div class=\"path\">\n<p><strong>" + e(TargetLabels.pathHeadline(path, lang)) + "</strong></p>\n"
        if !path.procedures.isEmpty {
            h += "<ol>\n" + path.procedures.map { "<li>" + e(TargetLabels.procedureStep($0, lang)) + "</li>\n" }.joined() + "</ol>\n"
        }
        if !path.criteria.isEmpty {
            h += "<ul>\n" + path.criteria.map { "<li>" + e(TargetLabels.criterionStep($0, target: path.target, lang)) + "</li>\n" }.joined() + "</ul>\n"
        }
        return h + "</div>\n"
    }

    private func flagCard(_ g: FlagReport.FlaggedGroup, number: Int, goal: String) -> String {
        let serious = g.flags.contains(.belowTarget) || g.flags.contains(.fell)
        var h = "<article class=\"flag" + (serious ? "" : " minor") + "\" id=\"flag-\(number)\">\n"
        h += "<h3><span class=\"rank\">\(number).</span> <code>" + e(g.code) + "</code> " + e(g.name) + "</h3>\n"
        if let unit = g.unit, !unit.isEmpty {
            h += "<p class=\"small\">" + e(lang.pick("Đơn vị: ", "Unit: ") + unit) + "</p>\n"
        }
        if !g.flags.isEmpty {
            h += "<ul class=\"badges\">"
            for v in g.flags {
                h += "<li class=\"\(HtmlWords.verdictClass(v))\">" + HtmlWords.verdictSymbol(v) + "\u{00A0}" + e(HtmlWords.verdict(v, lang)) + "</li>"
            }
            h += "</ul>\n"
        }
        let digits = g.impact > 0 && g.impact < 0.0005 ? 2 : 1
        let impact = NumberFormat.decimal(g.impact * 100, lang, digits: digits, sign: true) + lang.pick(" điểm", " pt")
        h += para("impact", "Nếu đạt \(goal): chỉ số Sở \(impact)", "If it reached \(goal): department index \(impact)")
        h += "<dl class=\"facts\">\n"
        h += item(lang.pick("Số phiếu", "Responses"), int(g.responses))
        let index = pct(g.index?.value) + (g.index.map { " (" + HtmlWords.ci($0, lang, target: s.target) + ")" } ?? "")
        h += item(lang.pick("Chỉ số", "Index"), e(index))
        var previous = pct(g.previous)
        if let change = g.change {
            let symbol = HtmlWords.changeSymbol(change)
            previous += lang.pick("; thay đổi ", "; change ") + (symbol.isEmpty ? "" : symbol + " ")
                + HtmlWords.points(change.value, lang)
                + " (" + HtmlWords.changeRange(change, lang) + "; " + HtmlWords.changeVerdict(change, lang) + ")"
        }
        h += item(lang.pick("Năm trước", "Last year"), e(previous))
        h += item(lang.pick("Câu trả lời không hài lòng (mức 1–2)", "Dissatisfied answers (ratings 1–2)"), int(g.dissatisfied))
        if let w = g.weakest {
            h += item(lang.pick("Yếu tố thấp nhất", "Weakest element"),
                      "<code>" + e(w.element.code) + "</code> " + e(w.element.label + " — " + pct(w.element.index)))
        }
        h += "</dl>\n"
        if let w = g.weakest, !w.criteria.isEmpty {
            h += "<table class=\"weak\">\n<thead><tr>"
            h += "<th scope=\"col\" colspan=\"2\">" + e(lang.pick("Tiêu chí thấp nhất", "Weakest criteria")) + "</th>"
            h += headCells([
                (lang.pick("Tỷ lệ", "Rate"), true), (lang.pick("Trả lời", "Answered"), true),
                (lang.pick("Hài lòng", "Satisfied"), true), (lang.pick("Không hài lòng", "Dissatisfied"), true),
            ])
            h += "</tr></thead>\n<tbody>\n"
            for c in w.criteria {
                h += "<tr><td><code>" + e(c.code) + "</code></td><td>" + e(c.label) + "</td>"
                h += "<td class=\"num\">" + e(pct(c.rate)) + "</td><td class=\"num\">" + int(c.answered) + "</td>"
                h += "<td class=\"num\">" + int(c.satisfied) + "</td><td class=\"num\">" + int(c.dissatisfied) + "</td></tr>\n"
            }
            h += "</tbody>\n</table>\n"
        }
        if !g.comments.isEmpty {
            let shown = g.comments.prefix(3)
            var title = lang.pick("Ý kiến người dân", "Citizens' comments")
            if g.comments.count > shown.count {
                title += lang.pick(" (\(shown.count) trong \(g.comments.count) ý kiến)", " (\(shown.count) of \(g.comments.count))")
            }
            h += "<h4>" + e(title) + "</h4>\n"
            for c in shown {
                h += "<blockquote><p>" + e(c.text) + "</p><footer>" + e(HtmlWords.date(c.date, lang)) + "</footer></blockquote>\n"
            }
        }
        return h + "</article>\n"
    }

    // MARK: 8. footer

    private func footer() -> String {
        let methodSentence: String
        switch s.method {
        case .criteriaMean:
            methodSentence = lang.pick(
                "Chỉ số yếu tố là trung bình các tỷ lệ tiêu chí của yếu tố; chỉ số SIPAS là trung bình các chỉ số yếu tố.",
                "An element's index is the mean of its criteria's rates; the SIPAS index is the mean of the element indices.")
        case .pooled:
            methodSentence = lang.pick(
                "Chỉ số là tổng số câu trả lời hài lòng chia cho tổng số câu trả lời (gộp chung).",
                "The index is all satisfied answers over all answers (pooled).")
        case .allSatisfied:
            methodSentence = lang.pick(
                "Chỉ số là tỷ lệ người hài lòng với mọi tiêu chí họ đã trả lời (hài lòng toàn diện).",
                "The index is the share of respondents satisfied with every criterion they answered (all-satisfied).")
        }
        let min = s.minAnswers
        let note = lang.pick(
            "Tỷ lệ hài lòng của một tiêu chí là số câu trả lời “Hài lòng” hoặc “Rất hài lòng” chia cho số người trả lời tiêu chí đó; câu không trả lời không tính vào mẫu số. "
                + methodSentence
                + " Khoảng tin cậy (KTC) 95% của tỷ lệ tiêu chí theo phương pháp Wilson; của yếu tố và chỉ số theo phương sai tuyến tính hoá trên từng phiếu (các câu trả lời của cùng một người có tương quan), phương pháp: " + Labels.intervalMethodName(s.intervalMethod, lang) + ". "
                + "KTC của thay đổi so với năm trước theo phương pháp Newcombe (tỷ lệ) và MOVER (chỉ số); so với số liệu tỉnh công bố thì coi số liệu đó là cố định. "
                + "Một thay đổi là rõ rệt khi KTC của nó không chứa 0. Kết quả dưới \(min) phiếu được hiển thị nhưng không đánh giá.",
            "A criterion's satisfaction rate is the answers “Satisfied” or “Very satisfied” over those who answered it; a criterion left blank is left out of the denominator. "
                + methodSentence
                + " 95% confidence intervals (CI): Wilson score intervals for criterion rates; for elements and indices a linearised variance over respondents (one person's answers are correlated), method: " + Labels.intervalMethodName(s.intervalMethod, lang) + ". "
                + "Changes against last year: Newcombe's interval for rates and MOVER for indices; a published figure is taken as fixed. "
                + "A change is clear when its interval excludes 0. Results with fewer than \(min) answers are shown but not judged.")
        var sourceParts: [String] = ["sipas" + (source.version.map { " " + $0 } ?? "")]
        if let db = source.database, !db.isEmpty { sourceParts.append(lang.pick("cơ sở dữ liệu ", "database ") + db) }
        sourceParts.append(lang.pick("bộ tiêu chí ", "catalogue ") + s.catalog.key)
        sourceParts.append(lang.pick("lập lúc ", "generated ") + HtmlWords.timestamp(doc.generatedAt, lang))
        var h = "<footer class=\"report\">\n"
        h += "<p><strong>" + e(lang.pick("Phương pháp.", "Method.")) + "</strong> " + e(note) + "</p>\n"
        h += "<p><strong>" + e(lang.pick("Nguồn số liệu.", "Source.")) + "</strong> " + e(sourceParts.joined(separator: "; ")) + "</p>\n"
        h += para("small", "Tạo bởi sipas.", "Made by sipas.")
        return h + "</footer>\n"
    }
}
