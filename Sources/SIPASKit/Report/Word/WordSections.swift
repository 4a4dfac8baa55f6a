import SIPASStatistics

/// Sections I–V of the report's body, and its two charts.
extension WordBody {
    func introduction() -> String {
        var period = DayText.date(s.period.from, lang) + " – " + DayText.date(s.period.to, lang)
        if let first = s.period.firstResponse, let last = s.period.lastResponse {
            period = DayText.date(first, lang) + " – " + DayText.date(last, lang)
        }
        return body(lang.pick(
            "Căn cứ kết quả khảo sát ý kiến người dân, tổ chức về sự phục vụ hành chính năm \(s.year) (\(int(s.responses)) phiếu, từ \(period)), \(id.department) báo cáo kết quả Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) như sau:",
            "From the survey of citizens and organisations on administrative services in \(s.year) (\(int(s.responses)) responses, \(period)), the \(id.department) reports its Satisfaction Index of Public Administrative Services (SIPAS) as follows:"))
    }

    // MARK: I

    func sectionI() -> String {
        var out = heading(lang.pick("I. KẾT QUẢ CHUNG", "I. OVERALL RESULT"))
        let target = NumberFormat.target(s.target, lang)
        if let index = s.index {
            let gap = s.gap ?? index.value - s.target
            let relation: String
            if gap < 0 {
                relation = lang.pick("thấp hơn mục tiêu \(target) là \(NumberFormat.decimal(-gap * 100, lang, digits: 1)) điểm phần trăm",
                                     "\(NumberFormat.decimal(-gap * 100, lang, digits: 1)) points under the \(target) target")
            } else {
                relation = lang.pick("đạt mục tiêu \(target) (cao hơn \(NumberFormat.decimal(gap * 100, lang, digits: 1)) điểm phần trăm)",
                                     "meeting the \(target) target (\(NumberFormat.decimal(gap * 100, lang, digits: 1)) points over it)")
            }
            let verdict = Labels.headlineMark(index: index, responses: s.responses, target: s.target, minAnswers: s.minAnswers, lang)
            out += body(runs: r(lang.pick("1. Chỉ số SIPAS năm \(s.year) của Sở đạt ", "1. The department's \(s.year) SIPAS index is "))
                + r(pct(index.value), .bold)
                + r(lang.pick(" (khoảng tin cậy 95%: \(rangeText(index))), \(relation); đánh giá: \(verdict).",
                              " (95% interval \(rangeText(index))), \(relation); verdict: \(verdict).")))
        } else {
            out += body(lang.pick("1. Chưa có câu trả lời nào trong kỳ.", "1. No answers in the period."))
        }
        // Last year, from both sources when both exist.
        var previous: [String] = []
        if let p = s.previous { previous.append(previousText(p)) }
        if let p = s.previousPublished { previous.append(previousText(p)) }
        if previous.isEmpty {
            out += body(lang.pick("2. Chưa có số liệu năm trước để so sánh.", "2. No figures for last year to compare with."))
        } else {
            var text = lang.pick("2. So với năm trước: ", "2. Against last year: ") + previous.joined(separator: "; ")
            if let change = s.change {
                text += lang.pick("; thay đổi ", "; change ") + NumberFormat.points(change.value, lang) + " "
                    + NumberFormat.changeInterval(change, lang) + " " + Labels.changeWord(change, lang)
            }
            out += body(text + ".")
        }
        if let rank = s.rank {
            out += body("3. " + TargetLabels.rankLines(rank, lang).joined(separator: " "))
        } else {
            out += body(lang.pick("3. Xếp hạng: chưa ghi bảng xếp hạng của tỉnh (sipas baseline table).",
                                  "3. Rank: the province's ranking table was not recorded (sipas baseline table)."))
        }
        out += body(lang.pick("4. Số phiếu: \(int(s.responses)); kỳ: \(DayText.date(s.period.from, lang)) – \(DayText.date(s.period.to, lang)); phương pháp: \(Labels.methodName(s.method, lang)); bộ tiêu chí: \(s.catalog.name).",
                              "4. Responses: \(int(s.responses)); period: \(DayText.date(s.period.from, lang)) – \(DayText.date(s.period.to, lang)); method: \(Labels.methodName(s.method, lang)); catalogue: \(s.catalog.name)."))
        if !charts().isEmpty {
            out += WordCharts.inline(relationship: "rId10", number: 1,
                                     description: lang.pick("Chỉ số theo yếu tố so với mục tiêu", "Element indices against the target"))
            out += WordXML.paragraph(r(lang.pick("Biểu đồ 1. Chỉ số theo yếu tố so với mục tiêu \(target)",
                                                 "Chart 1. Element indices against the \(target) target")), .init(style: "Caption"))
            if charts().count > 1 {
                out += WordCharts.inline(relationship: "rId11", number: 2,
                                         description: lang.pick("Chỉ số theo tháng", "Index by month"))
                out += WordXML.paragraph(r(lang.pick("Biểu đồ 2. Chỉ số SIPAS theo \(doc.trendGranularity == "quarter" ? "quý" : "tháng")",
                                                     "Chart 2. SIPAS index by \(doc.trendGranularity)")), .init(style: "Caption"))
            }
        }
        return out
    }

    func rangeText(_ i: Interval) -> String {
        NumberFormat.decimal(i.low * 100, lang, digits: 1) + "–" + NumberFormat.decimal(i.high * 100, lang, digits: 1) + "%"
    }

    func previousText(_ p: SummaryReport.Previous) -> String {
        var text = Labels.previousSource(p, lang) + ": " + pct(p.index?.value)
        if p.source != "published", let i = p.index, i.high > i.low { text += " (" + rangeText(i) + ")" }
        return text
    }

    // MARK: II

    func sectionII() -> String {
        var out = heading(lang.pick("II. KẾT QUẢ THEO YẾU TỐ VÀ TIÊU CHÍ", "II. RESULTS BY ELEMENT AND CRITERION"))
        out += body(lang.pick("Kết quả từng yếu tố và tiêu chí (tỷ lệ hài lòng = số câu trả lời hài lòng, rất hài lòng / số câu trả lời):",
                              "Each element and criterion (rate = satisfied or very satisfied answers / answers):", ), keepNext: true)
        let widths = [600, 2500, 720, 720, 780, 1080, 780, 820, 1354]
        let heads = lang == .vi
            ? ["Mã", "Yếu tố / tiêu chí", "Trả lời", "Hài lòng", "Tỷ lệ", "KTC 95%", "Năm trước", "Thay đổi", "Đánh giá"]
            : ["Code", "Element / criterion", "Answers", "Satisfied", "Rate", "95% CI", "Last year", "Change", "Verdict"]
        var rows = [headerRow(heads, widths)]
        for e in s.elements {
            let mark = Labels.targetMark(index: e.index, answers: e.criteria.map(\.answered).max() ?? 0, target: s.target,
                                         minAnswers: s.minAnswers, lang)
            rows.append(WordXML.row(cells([
                e.code, e.label, "", "", pct(e.index?.value), e.index.map(intervalCell) ?? "", pct(e.previous),
                e.change.map { NumberFormat.changeShort($0, lang) + (Labels.changeArrow($0).map { " " + $0 } ?? "") } ?? "", mark,
            ], widths, bold: true, fill: "EDEDED")))
            for c in e.criteria {
                let mark = Labels.targetMark(index: c.rate, answers: c.answered, target: s.target, minAnswers: s.minAnswers, lang)
                rows.append(WordXML.row(cells([
                    c.code, c.label, int(c.answered), int(c.satisfied), pct(c.rate?.value), c.rate.map(intervalCell) ?? "",
                    pct(c.previous), c.change.map { NumberFormat.changeShort($0, lang) + (Labels.changeArrow($0).map { " " + $0 } ?? "") } ?? "",
                    mark,
                ], widths)))
            }
        }
        out += WordXML.table(widths: widths, rows: rows)
        out += note(Labels.legend(s.target, lang) + " " + Labels.intervalNote(s.method, s.intervalMethod, lang)
                    + (Labels.comparisonNote(s, lang).map { " " + $0 } ?? "")
                    + (s.previous.map { " " + lang.pick("Năm trước, thay đổi: ", "Last year, change: ") + Labels.previousSource($0, lang) + "." } ?? ""))
        return out
    }

    func intervalCell(_ i: Interval) -> String {
        NumberFormat.decimal(i.low * 100, lang, digits: 1) + "–" + NumberFormat.decimal(i.high * 100, lang, digits: 1)
    }

    /// Cells of a table row: text and number columns (numbers right-aligned from the third column on).
    func cells(_ texts: [String], _ widths: [Int], bold: Bool = false, fill: String? = nil,
               numeric: Set<Int> = [2, 3, 4, 5, 6, 7]) -> [String] {
        texts.enumerated().map { i, text in
            WordXML.cell(WordXML.paragraph(r(text, .init(bold: bold)), .init(style: "Cell", align: numeric.contains(i) ? "right" : nil)),
                         width: widths[i], fill: fill)
        }
    }

    /// The header row, repeated on every page the table runs onto.
    func headerRow(_ heads: [String], _ widths: [Int]) -> String {
        WordXML.row(heads.enumerated().map { i, text in
            WordXML.cell(WordXML.paragraph(r(text, .bold), .init(style: "Cell", align: "center")), width: widths[i], fill: "D9D9D9")
        }, header: true)
    }

    // MARK: III

    func sectionIII() -> String {
        var out = heading(lang.pick("III. THỦ TỤC CẦN ƯU TIÊN CẢI THIỆN", "III. PROCEDURES TO IMPROVE FIRST"))
        let f = doc.flags
        let judged = f.items
        if judged.isEmpty {
            out += body(lang.pick("Không có thủ tục nào bị cảnh báo (đã xem xét \(int(f.examined)) thủ tục).",
                                  "No procedure is flagged (\(int(f.examined)) examined)."))
        } else {
            out += body(lang.pick(
                "Đã xem xét \(int(f.examined)) thủ tục; \(int(judged.count)) thủ tục bị cảnh báo, xếp theo mức tác động: thủ tục nào nếu đạt mục tiêu thì chỉ số của Sở tăng nhiều nhất được xếp trước.",
                "\(int(f.examined)) procedures examined; \(int(judged.count)) flagged, ordered by impact: the one that would raise the department's index most by reaching the target comes first."))
        }
        out += pathParagraphs()
        guard !judged.isEmpty else { return out }
        let widths = [440, 3300, 760, 1250, 800, 800, 2004]
        let heads = lang == .vi
            ? ["TT", "Thủ tục (đơn vị)", "Số phiếu", "Chỉ số (KTC 95%)", "Năm trước", "Tác động", "Tiêu chí yếu nhất (không hài lòng)"]
            : ["No.", "Procedure (unit)", "Responses", "Index (95% CI)", "Last year", "Impact", "Weakest criteria (dissatisfied)"]
        var rows = [headerRow(heads, widths)]
        for (i, g) in judged.enumerated() {
            let name = g.code + " · " + g.name + (g.unit.map { " (" + $0 + ")" } ?? "")
            let index = g.index.map { pct($0.value) + " (" + intervalCell($0) + ")" } ?? Labels.missing
            let flags = g.flags.map { Labels.verdict($0, lang) }.joined(separator: "; ")
            let weakest = (g.weakest?.criteria.prefix(2) ?? []).map {
                $0.code + " " + pct($0.rate) + " (" + int($0.dissatisfied) + ")"
            }.joined(separator: "; ")
            var cellsOut = cells(["\(i + 1)", name, int(g.responses), index, pct(g.previous), NumberFormat.smallPoints(g.impact, lang), weakest],
                                 widths, numeric: [2, 3, 4, 5])
            // The flags in words under the procedure's name.
            cellsOut[1] = WordXML.cell(WordXML.paragraph(r(name), .init(style: "Cell"))
                                       + WordXML.paragraph(r(flags, .italic), .init(style: "Cell")), width: widths[1])
            rows.append(WordXML.row(cellsOut))
        }
        out += WordXML.table(widths: widths, rows: rows)
        out += note(lang.pick("Tác động: số điểm chỉ số của Sở tăng nếu các tiêu chí dưới mục tiêu của thủ tục đạt mục tiêu, các thủ tục khác giữ nguyên. Tiêu chí yếu nhất: tỷ lệ hài lòng và số lượt không hài lòng.",
                              "Impact: the points the department's index would gain if the procedure's criteria under the target reached it, all else equal. Weakest criteria: satisfied rate and dissatisfied ratings."))
        return out
    }

    /// The path to the target: its headline, then one paragraph per step.
    func pathParagraphs() -> String {
        guard let path = doc.flags.path else { return "" }
        var out = body(runs: r(TargetLabels.pathHeadline(path, lang), .bold), keepNext: !(path.procedures.isEmpty && path.criteria.isEmpty))
        for (i, step) in path.procedures.enumerated() {
            out += body("\(i + 1)) " + TargetLabels.procedureStep(step, lang) + ";")
        }
        for step in path.criteria { out += body("- " + TargetLabels.criterionStep(step, target: path.target, lang) + ";") }
        return out
    }

    // MARK: IV

    func sectionIV() -> String {
        var out = heading(lang.pick("IV. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "IV. SHORTCOMINGS AND THEIR CAUSES"))
        guard !doc.weakCriteria.isEmpty else {
            return out + body(lang.pick("Không có tiêu chí nào dưới mục tiêu \(NumberFormat.target(s.target, lang)).",
                                        "No criterion is under the \(NumberFormat.target(s.target, lang)) target."))
        }
        out += body(lang.pick("Các tiêu chí có tỷ lệ hài lòng thấp nhất của Sở và ý kiến của người dân chưa hài lòng về các tiêu chí đó:",
                              "The department's weakest criteria, and what citizens who were not satisfied on them said:"), keepNext: true)
        for (i, c) in doc.weakCriteria.enumerated() {
            var text = "\(i + 1). " + c.code + " " + c.label + " (" + c.elementLabel + "): "
            text += lang.pick("\(pct(c.rate?.value)) hài lòng trên \(int(c.answered)) câu trả lời, \(int(c.dissatisfied)) lượt không hài lòng.",
                              "\(pct(c.rate?.value)) satisfied of \(int(c.answered)) answers, \(int(c.dissatisfied)) dissatisfied.")
            out += body(runs: r(text), keepNext: !c.comments.isEmpty)
            for comment in c.comments {
                out += WordXML.paragraph(r("“" + comment.text + "” ", .italic) + r("(" + DayText.date(comment.date, lang) + ")"),
                                         .init(style: "Body", align: "left", after: 40, firstLine: 0, left: 720))
            }
        }
        return out
    }

    // MARK: V

    func sectionV() -> String {
        var out = heading(lang.pick("V. NHIỆM VỤ, GIẢI PHÁP", "V. TASKS AND SOLUTIONS"))
        if let path = doc.flags.path { out += body(runs: r(TargetLabels.pathHeadline(path, lang))) }
        if doc.unitPlans.isEmpty {
            out += body(lang.pick("Các đơn vị tiếp tục duy trì chất lượng phục vụ; không có thủ tục nào đủ phiếu mà dưới mục tiêu.",
                                  "The units keep up the quality of service; no procedure with enough answers is under the target."))
        } else {
            out += body(lang.pick("Nhiệm vụ của từng đơn vị, xếp theo mức nâng chỉ số của Sở:",
                                  "Each unit's tasks, in the order that raises the department's index most:"), keepNext: true)
        }
        for (i, unit) in doc.unitPlans.enumerated() {
            let name = unit.unit.isEmpty ? lang.pick("Chưa rõ đơn vị", "Unit not given") : unit.unit
            out += subheading("\(i + 1). " + name + lang.pick(" (nếu đạt mục tiêu: chỉ số Sở \(NumberFormat.smallPoints(unit.gain, lang)))",
                                                               " (if at the target: department index \(NumberFormat.smallPoints(unit.gain, lang)))"))
            for p in unit.procedures {
                let criteria = p.criteria.prefix(4).map {
                    $0.code + " " + $0.label + " (" + pct($0.rate) + ", " + NumberFormat.smallPoints($0.gain, lang) + ")"
                }.joined(separator: "; ")
                out += body(lang.pick("- Thủ tục \(p.code) · \(p.name) (chỉ số \(pct(p.index?.value))): nâng ",
                                      "- Procedure \(p.code) · \(p.name) (index \(pct(p.index?.value))): raise ")
                            + criteria + lang.pick(" lên mục tiêu.", " to the target."))
            }
        }
        if let path = doc.flags.path, !path.criteria.isEmpty {
            out += subheading(lang.pick("\(doc.unitPlans.count + 1). Toàn Sở", "\(doc.unitPlans.count + 1). The whole department"))
            for step in path.criteria { out += body("- " + TargetLabels.criterionStep(step, target: path.target, lang) + ";") }
        }
        return out
    }

    // MARK: Charts

    /// The chart parts: elements against the target, and the trend when it has two points or more.
    func charts() -> [(id: String, name: String, xml: String)] {
        let target = s.target * 100
        let withIndex = s.elements.filter { $0.index != nil }
        guard !withIndex.isEmpty else { return [] }
        let indexName = lang.pick("Chỉ số", "Index")
        let targetName = lang.pick("Mục tiêu \(NumberFormat.target(s.target, lang))", "Target \(NumberFormat.target(s.target, lang))")
        var out = [(id: "rId10", name: "chart1", xml: WordCharts.barsWithTarget(
            title: lang.pick("Chỉ số theo yếu tố (%)", "Element indices (%)"),
            categories: withIndex.map(\.code),
            bars: .init(name: indexName, values: withIndex.map { $0.index!.value * 100 }, color: "2F5597", labels: true),
            target: .init(name: targetName, values: withIndex.map { _ in target }, color: "C00000", dashed: true), lang: lang))]
        let points = doc.trend.filter { $0.index != nil }
        if points.count >= 2 {
            out.append((id: "rId11", name: "chart2", xml: WordCharts.lines(
                title: lang.pick("Chỉ số SIPAS theo \(doc.trendGranularity == "quarter" ? "quý" : "tháng") (%)",
                                 "SIPAS index by \(doc.trendGranularity) (%)"),
                categories: points.map { DayText.period($0.key, lang) },
                series: [.init(name: indexName, values: points.map { $0.index!.value * 100 }, color: "2F5597", labels: true),
                         .init(name: targetName, values: points.map { _ in target }, color: "C00000", dashed: true)],
                lang: lang)))
        }
        return out
    }
}

/// Dates as the document prints them: `31/12/2024`; months `T3/2024` (vi) / `Mar 2024` (en).
enum DayText {
    static func date(_ iso: String, _ lang: Language) -> String {
        let parts = iso.split(separator: "-")
        guard parts.count == 3 else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    static func period(_ key: String, _ lang: Language) -> String {
        let parts = key.split(separator: "-")
        guard parts.count == 2 else { return key }
        if parts[1].hasPrefix("Q") { return lang.pick("Quý \(parts[1].dropFirst())/\(parts[0])", "\(parts[1]) \(parts[0])") }
        guard let m = Int(parts[1]) else { return key }
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return lang.pick("T\(m)/\(parts[0].suffix(2))", "\(months[m - 1]) \(parts[0].suffix(2))")
    }
}
