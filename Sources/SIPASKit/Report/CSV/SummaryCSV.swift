import SIPASStatistics

extension SummaryRenderer {
    // MARK: CSV

    /// CSV for Excel (see `CSVText`: BOM, CRLF, RFC 4180, user text neutralised). One row per criterion,
    /// with its element's code, label and index repeated; with `--by`, one row per group.
    ///
    /// Shares are plain fractions with 4 decimals and a dot (`rate` 0.9643, `change` -0.0412), in columns
    /// `…_low` / `…_high` for the interval ends; counts are plain integers; `change_clear` is 1 or 0;
    /// the verdict column holds the flags in words, joined by `;`. Headers are Vietnamese by default.
    public static func csv(_ r: SummaryReport, lang: Language = .vi) -> String {
        if let groups = r.groups { return groupsCSV(r, groups, lang) }
        let header = lang == .vi
            ? ["Năm", "Mã yếu tố", "Yếu tố", "Chỉ số yếu tố", "Chỉ số yếu tố - cận dưới", "Chỉ số yếu tố - cận trên",
               "Mã tiêu chí", "Tiêu chí", "Số trả lời", "Không trả lời", "Hài lòng", "Không hài lòng",
               "Tỷ lệ hài lòng", "Tỷ lệ - cận dưới", "Tỷ lệ - cận trên", "Nguồn năm trước", "Năm trước",
               "Thay đổi", "Thay đổi - cận dưới", "Thay đổi - cận trên", "Thay đổi rõ rệt", "Đánh giá",
               "Tiêu chí chung khi so sánh", "Phương pháp KTC"]
            : ["year", "element_code", "element_label", "element_index", "element_index_low", "element_index_high",
               "criterion_code", "criterion_label", "answered", "no_answer", "satisfied", "dissatisfied",
               "rate", "rate_low", "rate_high", "previous_source", "previous",
               "change", "change_low", "change_high", "change_clear", "verdict", "common_criteria", "interval_method"]
        let source = previousSourceWord(r.previous, lang)
        var rows: [[String]] = []
        for e in r.elements {
            for c in e.criteria {
                let flags = verdicts(index: c.rate, change: c.change.map(interval), responses: c.answered,
                                     target: r.target, minimumAnswers: r.minAnswers)
                rows.append([
                    String(r.year), CSVText.userCell(e.code), CSVText.userCell(e.label),
                    CSVText.fraction(e.index?.value), CSVText.fraction(e.index?.low), CSVText.fraction(e.index?.high),
                    CSVText.userCell(c.code), CSVText.userCell(c.label),
                    String(c.answered), String(c.noAnswer), String(c.satisfied), String(c.dissatisfied),
                    CSVText.fraction(c.rate?.value), CSVText.fraction(c.rate?.low), CSVText.fraction(c.rate?.high),
                    c.previous == nil ? "" : source, CSVText.fraction(c.previous),
                    CSVText.fraction(c.change?.value), CSVText.fraction(c.change?.low), CSVText.fraction(c.change?.high),
                    CSVText.flag(c.change?.clear),
                    flagWords(flags, lang), commonCell(e.change), r.intervalMethod.rawValue,
                ])
            }
        }
        return CSVText.document(header: header, rows: rows)
    }

    static func groupsCSV(_ r: SummaryReport, _ groups: [SummaryReport.GroupRow], _ lang: Language) -> String {
        let codes = elementCodes(r)
        var header = lang == .vi
            ? ["Năm", "Hạng", "Mã", Labels.groupHeader(r.by ?? "", lang), "Đơn vị", "Số phiếu", "Ít phiếu",
               "Chỉ số", "Chỉ số - cận dưới", "Chỉ số - cận trên"]
            : ["year", "rank", "key", "label", "unit", "responses", "too_few_answers", "index", "index_low", "index_high"]
        header += codes.map { CSVText.userCell(lang.pick("Chỉ số \($0)", "index_\($0)")) }
        header += lang == .vi
            ? ["Nguồn năm trước", "Năm trước", "Thay đổi", "Thay đổi - cận dưới", "Thay đổi - cận trên", "Thay đổi rõ rệt",
               "Đánh giá", "Tiêu chí chung khi so sánh", "Phương pháp KTC"]
            : ["previous_source", "previous", "change", "change_low", "change_high", "change_clear", "verdict",
               "common_criteria", "interval_method"]
        let source = previousSourceWord(r.previous, lang)
        var rows: [[String]] = []
        for (rank, g) in orderedGroups(groups) {
            let flags = verdicts(index: g.index, change: g.change.map(interval), responses: g.responses,
                                 target: r.target, minimumAnswers: r.minAnswers)
            var row = [
                String(r.year), CSVText.integer(rank), CSVText.userCell(g.key), CSVText.userCell(g.label),
                CSVText.userCell(g.unit), String(g.responses), CSVText.flag(g.tooFewAnswers),
                CSVText.fraction(g.index?.value), CSVText.fraction(g.index?.low), CSVText.fraction(g.index?.high),
            ]
            row += codes.map { CSVText.fraction(groupElement(g, $0)) }
            row += [
                g.previous == nil ? "" : source, CSVText.fraction(g.previous),
                CSVText.fraction(g.change?.value), CSVText.fraction(g.change?.low), CSVText.fraction(g.change?.high),
                CSVText.flag(g.change?.clear), flagWords(flags, lang), commonCell(g.change), r.intervalMethod.rawValue,
            ]
            rows.append(row)
        }
        return CSVText.document(header: header, rows: rows)
    }

    /// The common criteria a change was computed on, space-separated; empty when on all.
    static func commonCell(_ c: ChangeValue?) -> String {
        CSVText.userCell(c?.commonCriteria?.joined(separator: " "))
    }

    static func interval(_ c: ChangeValue) -> Interval {
        Interval(value: c.value, low: c.low, high: c.high)
    }

    static func flagWords(_ flags: [Verdict], _ lang: Language) -> String {
        flags.map { Labels.verdict($0, lang, mark: false) }.joined(separator: ";")
    }

    static func previousSourceWord(_ p: SummaryReport.Previous?, _ lang: Language) -> String {
        switch p?.source {
        case "responses"?: lang.pick("phiếu đã nhập \(p!.year)", "responses \(p!.year)")
        case "published"?: lang.pick("số liệu công bố \(p!.year)", "published \(p!.year)")
        case let other?: other
        case nil: ""
        }
    }
}
