import SIPASStatistics

/// The report's two charts as inline SVG (no script, no external resource; presentation attributes
/// only, so a chart copied out of the page still looks the same). Every text from data is escaped.
///
/// Both charts start their value axis above 0 % (to make 80–100 % readable) and say so on the axis
/// itself: a break mark at the start of the axis and a sentence under it.
enum HtmlCharts {
    // Colours: dark navy for this year, grey for last year, dark red for the target.
    private static let ink = "#1b1b1b"
    private static let barFill = "#4d7099"
    private static let lineColour = "#13294b"
    private static let previousFill = "#aab3bd"
    private static let targetColour = "#a3161a"
    private static let grid = "#dfe4ea"
    private static let muted = "#555555"

    // MARK: chart 1 — elements

    /// Horizontal bars, one per element: this year's index with its interval as an error bar, last
    /// year's figure as a thinner grey bar under it, a dashed line at the target.
    static func elements(_ s: SummaryReport, _ lang: Language) -> String {
        let rows = s.elements
        let width = 860.0
        let x0 = 262.0, x1 = 676.0, column = 692.0
        let top = 44.0, rowHeight = 60.0
        let plotBottom = top + rowHeight * Double(max(rows.count, 1))
        let values = rows.flatMap { r in [r.index?.low, r.index?.value, r.previous].compactMap { $0 } } + [s.target]
        let start = axisStart(values.min() ?? s.target, margin: 5)
        let step = tickStep(100 - start)
        func x(_ fraction: Double) -> Double {
            let p = min(max(fraction * 100, start), 100)
            return x0 + (p - start) / (100 - start) * (x1 - x0)
        }
        let previousYear = s.previous.map { String($0.year) } ?? lang.pick("năm trước", "last year")
        let legendY = plotBottom + 62
        let height = legendY + 22

        var svg = open(width: width, height: height, titleID: "chart-elements-title",
                       title: lang.pick("Chỉ số theo yếu tố năm \(s.year), so với mục tiêu và năm trước",
                                        "Index by element in \(s.year), against the target and last year"))
        // Column header.
        svg += text(x: column, y: top - 14, lang.pick("Chỉ số (KTC 95%)", "Index (95% CI)"),
                    size: 12, fill: muted, weight: "600")
        // Grid and ticks.
        var tick = start
        while tick <= 100 + 1e-9 {
            let tx = x(tick / 100)
            svg += line(tx, top - 4, tx, plotBottom, stroke: grid, width: 1)
            svg += text(x: tx, y: plotBottom + 18, NumberFormat.decimal(tick, lang, digits: 0) + "%",
                        size: 12, anchor: "middle", fill: ink)
            tick += step
        }
        svg += line(x0, plotBottom, x1, plotBottom, stroke: ink, width: 1)
        svg += axisBreak(x: x0, y: plotBottom)
        svg += text(x: x0, y: plotBottom + 38,
                    lang.pick("Trục ngang bắt đầu từ \(NumberFormat.decimal(start, lang, digits: 0))%, không phải 0%; "
                              + "thanh lỗi: khoảng tin cậy 95%.",
                              "The axis starts at \(NumberFormat.decimal(start, lang, digits: 0))%, not 0%; "
                              + "error bars: 95% confidence interval."),
                    size: 12, fill: muted, style: "italic")

        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            if i > 0 { svg += line(0, y, width, y, stroke: "#eef1f4", width: 1) }
            // Label: code in bold, then the label, wrapped to two lines.
            let lines = wrap(row.label, maxChars: 28, maxLines: 2)
            svg += "<text x=\"0\" y=\"\(f(y + 22))\" font-size=\"13\" fill=\"\(ink)\">"
                + "<tspan font-weight=\"700\">\(HtmlEscape.text(row.code))</tspan>"
                + "<tspan> \(HtmlEscape.text(lines.first ?? ""))</tspan></text>"
            for (k, more) in lines.dropFirst().enumerated() {
                svg += text(x: 0, y: y + 22 + 17 * Double(k + 1), more, size: 13, fill: ink)
            }
            if let index = row.index {
                let barTop = y + 9, barHeight = 22.0, mid = barTop + barHeight / 2
                svg += rect(x0, barTop, x(index.value) - x0, barHeight, fill: barFill)
                svg += line(x(index.low), mid, x(index.high), mid, stroke: ink, width: 1.6)
                svg += line(x(index.low), mid - 6, x(index.low), mid + 6, stroke: ink, width: 1.6)
                svg += line(x(index.high), mid - 6, x(index.high), mid + 6, stroke: ink, width: 1.6)
                svg += "<text x=\"\(f(column))\" y=\"\(f(y + 24))\" font-size=\"13\" fill=\"\(ink)\">"
                    + "<tspan font-weight=\"700\">\(HtmlEscape.text(HtmlWords.percent(index.value, lang, target: s.target)))</tspan>"
                    + "<tspan font-size=\"12\" fill=\"\(muted)\"> (\(HtmlEscape.text(HtmlWords.range(index, lang, target: s.target))))</tspan>"
                    + "</text>"
            } else {
                svg += text(x: x0 + 6, y: y + 25, lang.pick("không có câu trả lời", "no answers"),
                            size: 12, fill: muted, style: "italic")
                svg += text(x: column, y: y + 24, "—", size: 13, fill: ink)
            }
            if let previous = row.previous {
                svg += rect(x0, y + 35, x(previous) - x0, 8, fill: previousFill)
                svg += line(x(previous), y + 33, x(previous), y + 45, stroke: "#5f6b78", width: 1.6)
            }
            svg += text(x: column, y: y + 44,
                        "\(previousYear): " + HtmlWords.percent(row.previous, lang, target: s.target),
                        size: 12, fill: muted)
        }
        // Target line over the bars.
        let tx = x(s.target)
        svg += line(tx, top - 8, tx, plotBottom, stroke: targetColour, width: 1.8, dash: "6 4")
        svg += text(x: tx, y: top - 14, lang.pick("Mục tiêu ", "Target ") + HtmlWords.target(s.target, lang),
                    size: 12, anchor: "middle", fill: targetColour, weight: "700")

        // Legend.
        var lx = 0.0
        svg += rect(lx, legendY - 11, 22, 12, fill: barFill)
        svg += line(lx + 2, legendY - 5, lx + 20, legendY - 5, stroke: ink, width: 1.4)
        lx += 28
        let thisYear = lang.pick("Năm \(s.year) (thanh lỗi: KTC 95%)", "\(s.year) (error bar: 95% CI)")
        svg += text(x: lx, y: legendY, thisYear, size: 12, fill: ink)
        lx += Double(thisYear.count) * 6.6 + 22
        svg += rect(lx, legendY - 8, 22, 7, fill: previousFill)
        lx += 28
        let prevText: String
        if let p = s.previous {
            prevText = lang.pick("Năm \(p.year) (", "\(p.year) (") + HtmlWords.sourceShort(p, lang) + ")"
        } else {
            prevText = lang.pick("Năm trước: không có số liệu", "Last year: no figures")
        }
        svg += text(x: lx, y: legendY, prevText, size: 12, fill: ink)
        lx += Double(prevText.count) * 6.6 + 22
        svg += line(lx, legendY - 4, lx + 24, legendY - 4, stroke: targetColour, width: 1.8, dash: "6 4")
        svg += text(x: lx + 30, y: legendY, lang.pick("Mục tiêu ", "Target ") + HtmlWords.target(s.target, lang),
                    size: 12, fill: ink)
        return svg + "</svg>"
    }

    // MARK: chart 2 — trend

    /// The index month by month (or quarter by quarter): line and points, the 95 % interval as a
    /// band, the target as a dashed line; points with too few answers are drawn hollow.
    static func trend(_ points: [ReportDocument.TrendPoint], granularity: String, target: Double,
                      year: Int, _ lang: Language) -> String {
        let width = 860.0, height = 350.0
        let x0 = 58.0, x1 = 788.0, top = 30.0, bottom = 250.0
        let lows = points.compactMap { $0.index?.low } + [target]
        let start = axisStart(lows.min() ?? target, margin: 2)
        let step = tickStep(100 - start)
        func y(_ fraction: Double) -> Double {
            let p = min(max(fraction * 100, start), 100)
            return bottom - (p - start) / (100 - start) * (bottom - top)
        }
        let n = points.count
        func x(_ i: Int) -> Double {
            n <= 1 ? (x0 + x1) / 2 : x0 + 28 + Double(i) * (x1 - x0 - 56) / Double(n - 1)
        }
        let unit = granularity == "quarter" ? lang.pick("quý", "quarter") : lang.pick("tháng", "month")
        var svg = open(width: width, height: height, titleID: "chart-trend-title",
                       title: lang.pick("Chỉ số SIPAS theo \(unit), năm \(year)", "SIPAS index by \(unit), \(year)"))
        // Grid and y ticks.
        var tick = start
        while tick <= 100 + 1e-9 {
            let ty = y(tick / 100)
            svg += line(x0, ty, x1, ty, stroke: grid, width: 1)
            svg += text(x: x0 - 8, y: ty + 4, NumberFormat.decimal(tick, lang, digits: 0) + "%",
                        size: 12, anchor: "end", fill: ink)
            tick += step
        }
        svg += line(x0, top - 6, x0, bottom, stroke: ink, width: 1)
        svg += line(x0, bottom, x1, bottom, stroke: ink, width: 1)
        svg += axisBreakVertical(x: x0, y: bottom)

        // Target line.
        let ty = y(target)
        svg += line(x0, ty, x1, ty, stroke: targetColour, width: 1.8, dash: "6 4")
        // Its label in the right margin, clear of the points.
        svg += "<text x=\"\(f(x1 + 8))\" y=\"\(f(ty - 3))\" font-size=\"12\" fill=\"\(targetColour)\" font-weight=\"700\">"
            + "<tspan>" + HtmlEscape.text(lang.pick("Mục tiêu", "Target")) + "</tspan>"
            + "<tspan x=\"\(f(x1 + 8))\" dy=\"14\">" + HtmlEscape.text(HtmlWords.target(target, lang)) + "</tspan></text>"

        // Runs of consecutive points that have an index: band, then line.
        var runs: [[Int]] = []
        var current: [Int] = []
        for (i, p) in points.enumerated() {
            if p.index != nil { current.append(i) } else if !current.isEmpty { runs.append(current); current = [] }
        }
        if !current.isEmpty { runs.append(current) }
        for run in runs {
            if run.count == 1, let iv = points[run[0]].index {
                svg += line(x(run[0]), y(iv.low), x(run[0]), y(iv.high), stroke: barFill, width: 6, opacity: 0.3)
                continue
            }
            let upper = run.map { "\(f(x($0))),\(f(y(points[$0].index!.high)))" }
            let lower = run.reversed().map { "\(f(x($0))),\(f(y(points[$0].index!.low)))" }
            svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(barFill)\" fill-opacity=\"0.18\" stroke=\"none\"/>"
            let path = run.map { "\(f(x($0))),\(f(y(points[$0].index!.value)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(lineColour)\" stroke-width=\"2\"/>"
        }

        // Points, value labels, x labels.
        var lastYear = ""
        for (i, p) in points.enumerated() {
            let px = x(i)
            let (period, pyear) = HtmlWords.trendLabel(p.key, lang)
            let showYear = pyear != lastYear
            lastYear = pyear
            svg += text(x: px, y: bottom + 18, period, size: 12, anchor: "middle", fill: ink,
                        weight: showYear ? "600" : nil)
            svg += text(x: px, y: bottom + 33, showYear ? pyear : "", size: 11, anchor: "middle", fill: muted)
            svg += text(x: px, y: bottom + 48, "n=" + NumberFormat.integer(p.responses, lang), size: 11,
                        anchor: "middle", fill: p.tooFewAnswers ? targetColour : muted,
                        style: p.tooFewAnswers ? "italic" : nil)
            guard let iv = p.index else {
                svg += text(x: px, y: bottom - 8, "—", size: 12, anchor: "middle", fill: muted)
                continue
            }
            let py = y(iv.value)
            if p.tooFewAnswers {
                svg += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"5\" fill=\"#ffffff\" stroke=\"\(lineColour)\" stroke-width=\"2\"/>"
            } else {
                svg += "<circle cx=\"\(f(px))\" cy=\"\(f(py))\" r=\"4.5\" fill=\"\(lineColour)\" stroke=\"#ffffff\" stroke-width=\"1.2\"/>"
            }
            // The value above the point, or below it when the point sits near the top.
            // Below it too when the label would sit on the target line.
            var labelY = py - 10 < top + 4 ? py + 19 : py - 10
            if labelY < py && ty > labelY - 11 && ty < labelY + 3 { labelY = py + 19 }
            svg += "<text x=\"\(f(px))\" y=\"\(f(labelY))\" font-size=\"11\" text-anchor=\"middle\" fill=\"\(ink)\""
                + " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""
                + (p.tooFewAnswers ? " font-style=\"italic\"" : "") + ">"
                + HtmlEscape.text(NumberFormat.decimal(iv.value * 100, lang, digits: 1)) + "</text>"
        }
        if points.isEmpty {
            svg += text(x: (x0 + x1) / 2, y: (top + bottom) / 2, lang.pick("Không có dữ liệu", "No data"),
                        size: 14, anchor: "middle", fill: muted)
        }

        // Legend and axis note.
        let ly = height - 30
        var lx = x0
        svg += line(lx, ly - 4, lx + 22, ly - 4, stroke: lineColour, width: 2)
        svg += "<circle cx=\"\(f(lx + 11))\" cy=\"\(f(ly - 4))\" r=\"4.5\" fill=\"\(lineColour)\"/>"
        lx += 28
        let l1 = lang.pick("Chỉ số SIPAS", "SIPAS index")
        svg += text(x: lx, y: ly, l1, size: 12, fill: ink)
        lx += Double(l1.count) * 6.6 + 20
        svg += rect(lx, ly - 10, 22, 12, fill: barFill, opacity: 0.18)
        lx += 28
        let l2 = lang.pick("KTC 95%", "95% CI")
        svg += text(x: lx, y: ly, l2, size: 12, fill: ink)
        lx += Double(l2.count) * 6.6 + 20
        svg += "<circle cx=\"\(f(lx + 6))\" cy=\"\(f(ly - 4))\" r=\"5\" fill=\"#ffffff\" stroke=\"\(lineColour)\" stroke-width=\"2\"/>"
        lx += 18
        let l3 = lang.pick("ít phiếu — chưa kết luận", "too few answers — no verdict")
        svg += text(x: lx, y: ly, l3, size: 12, fill: ink)
        lx += Double(l3.count) * 6.6 + 20
        svg += line(lx, ly - 4, lx + 24, ly - 4, stroke: targetColour, width: 1.8, dash: "6 4")
        svg += text(x: lx + 30, y: ly, lang.pick("Mục tiêu ", "Target ") + HtmlWords.target(target, lang),
                    size: 12, fill: ink)
        svg += text(x: x0, y: height - 8,
                    lang.pick("Trục dọc bắt đầu từ \(NumberFormat.decimal(start, lang, digits: 0))%, không phải 0%.",
                              "The vertical axis starts at \(NumberFormat.decimal(start, lang, digits: 0))%, not 0%."),
                    size: 12, fill: muted, style: "italic")
        return svg + "</svg>"
    }

    // MARK: axis

    /// The start of a value axis (in percent): 5 % steps below the smallest value less `margin`
    /// points, never above 80 % (so 80–100 % is always shown) nor below 0 %.
    static func axisStart(_ minimum: Double, margin: Double) -> Double {
        let raw = (minimum * 100 - margin) / 5
        let start = raw.rounded(.down) * 5
        return max(0, min(80, start))
    }

    static func tickStep(_ range: Double) -> Double {
        range <= 30 ? 5 : range <= 60 ? 10 : 20
    }

    /// Two slanted strokes on a horizontal axis at x: "this axis does not start at zero".
    private static func axisBreak(x: Double, y: Double) -> String {
        "<path d=\"M\(f(x - 7)),\(f(y + 5)) L\(f(x - 1)),\(f(y - 5)) M\(f(x - 2)),\(f(y + 5)) L\(f(x + 4)),\(f(y - 5))\""
            + " stroke=\"\(ink)\" stroke-width=\"1.2\" fill=\"none\"/>"
    }

    private static func axisBreakVertical(x: Double, y: Double) -> String {
        "<path d=\"M\(f(x - 5)),\(f(y - 3)) L\(f(x + 5)),\(f(y - 9)) M\(f(x - 5)),\(f(y + 2)) L\(f(x + 5)),\(f(y - 4))\""
            + " stroke=\"\(ink)\" stroke-width=\"1.2\" fill=\"none\"/>"
    }

    // MARK: primitives

    private static func open(width: Double, height: Double, titleID: String, title: String) -> String {
        "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" width=\"\(f(width))\" height=\"\(f(height))\""
            + " role=\"img\" aria-labelledby=\"\(titleID)\" font-size=\"13\">"
            + "<title id=\"\(titleID)\">\(HtmlEscape.text(title))</title>"
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String,
                             width: Double, dash: String? = nil, opacity: Double? = nil) -> String {
        var s = "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(f(width))\""
        if let dash { s += " stroke-dasharray=\"\(dash)\" class=\"target-line\"" }
        if let opacity { s += " stroke-opacity=\"\(f(opacity))\"" }
        return s + "/>"
    }

    private static func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                             opacity: Double? = nil) -> String {
        var s = "<rect x=\"\(f(x))\" y=\"\(f(y))\" width=\"\(f(max(0, w)))\" height=\"\(f(h))\" fill=\"\(fill)\""
        if let opacity { s += " fill-opacity=\"\(f(opacity))\"" }
        return s + "/>"
    }

    /// A `<text>`; `content` is escaped here.
    private static func text(x: Double, y: Double, _ content: String, size: Double, anchor: String? = nil,
                             fill: String, weight: String? = nil, style: String? = nil) -> String {
        var s = "<text x=\"\(f(x))\" y=\"\(f(y))\" font-size=\"\(f(size))\" fill=\"\(fill)\""
        if let anchor { s += " text-anchor=\"\(anchor)\"" }
        if let weight { s += " font-weight=\"\(weight)\"" }
        if let style { s += " font-style=\"\(style)\"" }
        return s + ">" + HtmlEscape.text(content) + "</text>"
    }

    /// A coordinate with at most one decimal, dot separator.
    static func f(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Word-wraps `text` to at most `maxLines` lines of at most `maxChars` characters; a word longer
    /// than a line is cut, and the last line ends in `…` when text was left out.
    static func wrap(_ text: String, maxChars: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var truncated = false
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let w = word.count > maxChars ? String(word.prefix(maxChars - 1)) + "…" : String(word)
            let candidate = current.isEmpty ? w : current + " " + w
            if candidate.count <= maxChars {
                current = candidate
                continue
            }
            lines.append(current)
            current = w
            if lines.count == maxLines {
                truncated = true
                current = ""
                break
            }
        }
        if !current.isEmpty { lines.append(current) }
        if truncated, var last = lines.popLast() {
            if last.count >= maxChars { last = String(last.prefix(maxChars - 1)) }
            lines.append(last + "…")
        }
        return lines
    }
}
