import SIPASStatistics

extension FlagRenderer {
    // MARK: CSV

    /// CSV for Excel (see `CSVText`): one row per flagged item, the JSON fields flattened. Shares are
    /// fractions with 4 decimals (`impact` 0.0090 = 0.9 points); flags in words joined by `;`; the two
    /// weakest criteria in numbered columns; comments as `date: text` joined by ` | `. User text
    /// (code, name, unit, labels, comments) is neutralised against formula injection.
    public static func csv(_ r: FlagReport, lang: Language = .vi) -> String {
        var header = lang == .vi
            ? ["Năm", "Hạng", "Mã", r.by == "unit" ? "Tên đơn vị" : "Tên thủ tục", "Đơn vị", "Số phiếu",
               "Chỉ số", "Chỉ số - cận dưới", "Chỉ số - cận trên", "Năm trước", "Thay đổi", "Thay đổi - cận dưới",
               "Thay đổi - cận trên", "Thay đổi rõ rệt", "Cảnh báo", "Tác động", "Lượt không hài lòng",
               "Mã yếu tố yếu nhất", "Yếu tố yếu nhất", "Chỉ số yếu tố yếu nhất"]
            : ["year", "rank", "code", "name", "unit", "responses", "index", "index_low", "index_high", "previous",
               "change", "change_low", "change_high", "change_clear", "flags", "impact", "dissatisfied",
               "weakest_element_code", "weakest_element_label", "weakest_element_index"]
        for n in 1...2 {
            header += lang == .vi
                ? ["Mã tiêu chí yếu \(n)", "Tiêu chí yếu \(n)", "Tỷ lệ tiêu chí yếu \(n)", "Trả lời tiêu chí yếu \(n)",
                   "Hài lòng tiêu chí yếu \(n)", "Không hài lòng tiêu chí yếu \(n)"]
                : ["weakest_criterion_\(n)_code", "weakest_criterion_\(n)_label", "weakest_criterion_\(n)_rate",
                   "weakest_criterion_\(n)_answered", "weakest_criterion_\(n)_satisfied",
                   "weakest_criterion_\(n)_dissatisfied"]
        }
        header += [lang.pick("Ý kiến", "comments"), lang.pick("Tiêu chí chung khi so sánh", "common_criteria"),
                   lang.pick("Phương pháp KTC", "interval_method")]
        // The path to the target: the procedure's step on it (1 = first to fix) and the department's index after it.
        header += lang == .vi ? ["Lộ trình - bước", "Lộ trình - chỉ số Sở sau bước"] : ["path_step", "path_index_after"]
        let steps = Dictionary((r.path?.procedures ?? []).enumerated().map { ($1.code, ($0 + 1, $1.indexAfter)) },
                               uniquingKeysWith: { a, _ in a })

        var rows: [[String]] = []
        for (i, item) in r.items.enumerated() {
            var row = [
                String(r.year), String(i + 1), CSVText.userCell(item.code), CSVText.userCell(item.name),
                CSVText.userCell(item.unit), String(item.responses),
                CSVText.fraction(item.index?.value), CSVText.fraction(item.index?.low), CSVText.fraction(item.index?.high),
                CSVText.fraction(item.previous),
                CSVText.fraction(item.change?.value), CSVText.fraction(item.change?.low), CSVText.fraction(item.change?.high),
                CSVText.flag(item.change?.clear),
                item.flags.map { Labels.verdict($0, lang, mark: false) }.joined(separator: ";"),
                CSVText.fraction(item.impact), String(item.dissatisfied),
                CSVText.userCell(item.weakest?.element.code), CSVText.userCell(item.weakest?.element.label),
                CSVText.fraction(item.weakest?.element.index),
            ]
            for n in 0..<2 {
                let c = item.weakest.flatMap { n < $0.criteria.count ? $0.criteria[n] : nil }
                row += [
                    CSVText.userCell(c?.code), CSVText.userCell(c?.label), CSVText.fraction(c?.rate),
                    CSVText.integer(c?.answered), CSVText.integer(c?.satisfied), CSVText.integer(c?.dissatisfied),
                ]
            }
            row.append(CSVText.userCell(item.comments.map { $0.date + ": " + $0.text }.joined(separator: " | ")))
            row += [SummaryRenderer.commonCell(item.change), r.intervalMethod.rawValue]
            let step = r.by == "procedure" ? steps[item.code] : nil
            row += [CSVText.integer(step?.0), CSVText.fraction(step?.1)]
            rows.append(row)
        }
        return CSVText.document(header: header, rows: rows)
    }
}
