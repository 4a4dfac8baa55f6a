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
               "Thay đổi", "Thay đổi - cận dưới", "Thay đổi - cận trên", "Thay đổi rõ rệt", "Đánh giá"]
            : ["year", "element_code", "element_label", "element_index", "element_index_low", "element_index_high",
               "criterion_code", "criterion_label", "answered", "no_answer", "satisfied", "dissatisfied",
               "rate", "rate_low", "rate_high", "previous_source", "previous",
               "change", "change_low", "change_high", "change_clear", "verdict"]
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
                    flagWords(flags, lang),
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
               "Đánh giá"]
            : ["previous_source", "previous", "change", "change_low", "change_high", "change_clear", "verdict"]
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
                CSVText.flag(g.change?.clear), flagWords(flags, lang),
            ]
            rows.append(row)
        }
        return CSVText.document(header: header, rows: rows)
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

    // MARK: Markdown

    /// GitHub-flavoured Markdown for a memo: a `##` title, the headline as a paragraph, the table, the notes.
    /// User text in tables has `|` escaped and line breaks as `<br>`; nothing else is touched.
    public static func markdown(_ r: SummaryReport, lang: Language = .vi) -> String {
        var out = "## " + title(r, lang) + "\n\n"
        out += heading(r, lang).dropFirst().map(Markdown.text).joined(separator: " · ") + ".\n\n"
        out += headlineParagraph(r, lang) + "\n\n"
        if let groups = r.groups {
            out += groupsMarkdown(r, groups, lang)
            out += "\n" + groupNotes(r, lang).map(Markdown.text).joined(separator: " ") + "\n"
        } else {
            out += elementsMarkdown(r, lang)
            out += "\n" + notes(r, lang).map(Markdown.text).joined(separator: " ") + "\n"
        }
        return out
    }

    /// The headline lines as sentences, the index in bold.
    static func headlineParagraph(_ r: SummaryReport, _ lang: Language) -> String {
        var lines = headline(r, lang, color: false).map(Markdown.text)
        if let index = r.index, !lines.isEmpty {
            let figure = NumberFormat.estimate(index, lang)
            if let range = lines[0].range(of: figure) {
                lines[0].replaceSubrange(range, with: "**" + figure + "**")
            }
        }
        return lines.map { $0 + "." }.joined(separator: " ")
    }

    static func elementsMarkdown(_ r: SummaryReport, _ lang: Language) -> String {
        var rows: [[String]] = []
        for e in r.elements {
            let mark = Labels.targetMark(index: e.index, answers: answers(e), target: r.target, minAnswers: r.minAnswers, lang)
            rows.append([
                "**" + Markdown.cell(e.code) + "**", "**" + Markdown.cell(e.label) + "**", "", "", "",
                e.index.map { "**" + NumberFormat.percent($0.value, lang) + "**" } ?? Labels.missing,
                intervalCell(e.index, lang), percentCell(e.previous, lang), markdownChange(e.change, lang), mark,
            ])
            for c in e.criteria {
                let mark = Labels.targetMark(index: c.rate, answers: c.answered, target: r.target,
                                             minAnswers: r.minAnswers, lang)
                rows.append([
                    Markdown.cell(c.code), Markdown.cell(c.label),
                    NumberFormat.integer(c.answered, lang), NumberFormat.integer(c.noAnswer, lang),
                    NumberFormat.integer(c.satisfied, lang),
                    percentCell(c.rate?.value, lang), intervalCell(c.rate, lang), percentCell(c.previous, lang),
                    markdownChange(c.change, lang), mark,
                ])
            }
        }
        return Markdown.table(headers: elementHeaders(lang), rows: rows, rightAligned: [2, 3, 4, 5, 7, 8])
    }

    static func groupsMarkdown(_ r: SummaryReport, _ groups: [SummaryReport.GroupRow], _ lang: Language) -> String {
        let by = r.by ?? ""
        let withUnit = by == "procedure"
        let codes = elementCodes(r)
        var headers = [lang.pick("Hạng", "Rank"), lang.pick("Mã", "Key"), Labels.groupHeader(by, lang)]
        if withUnit { headers.append(lang.pick("Đơn vị", "Unit")) }
        headers += [lang.pick("Phiếu", "Responses"), lang.pick("Chỉ số", "Index"), lang.pick("KTC 95%", "95% interval")]
        headers += codes.map(Markdown.cell)
        headers += [lang.pick("Năm trước", "Previous"), lang.pick("Thay đổi", "Change"),
                    lang.pick("Đánh giá", "Verdict")]
        var rows: [[String]] = []
        for (rank, g) in orderedGroups(groups) {
            var row = [
                rank.map(String.init) ?? lang.pick("ít phiếu (<\(r.minAnswers))", "few answers (<\(r.minAnswers))"),
                Markdown.cell(g.key), Markdown.cell(g.label),
            ]
            if withUnit { row.append(g.unit.map(Markdown.cell) ?? Labels.missing) }
            row += [NumberFormat.integer(g.responses, lang), percentCell(g.index?.value, lang), intervalCell(g.index, lang)]
            row += codes.map { code in groupElement(g, code).map { NumberFormat.percentShort($0, lang) } ?? Labels.missing }
            let mark = g.tooFewAnswers ? ""
                : Labels.targetMark(index: g.index, answers: g.responses, target: r.target, minAnswers: r.minAnswers, lang)
            row += [percentCell(g.previous, lang), markdownChange(g.change, lang), mark]
            rows.append(row)
        }
        let first = withUnit ? 4 : 3
        let right = Set([first, first + 1] + (0..<codes.count).map { first + 3 + $0 } + [first + 3 + codes.count, first + 4 + codes.count])
        return Markdown.table(headers: headers, rows: rows, rightAligned: right)
    }

    static func markdownChange(_ c: ChangeValue?, _ lang: Language) -> String {
        guard let c else { return Labels.missing }
        let value = NumberFormat.changeShort(c, lang)
        return Labels.changeArrow(c).map { value + " " + $0 } ?? value
    }
}

/// GitHub-flavoured Markdown pieces. User text in a table cell: `|` escaped, line breaks as `<br>`;
/// in running text: line breaks as spaces. In both, `<`, `>` and `&` are backslash-escaped, so a
/// citizen's `<script>` is shown as text by any Markdown renderer instead of passing through as HTML.
enum Markdown {
    static func cell(_ text: String) -> String {
        inert(text).replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: "<br>")
            .replacingOccurrences(of: "\n", with: "<br>")
            .replacingOccurrences(of: "\r", with: "<br>")
    }

    static func text(_ text: String) -> String {
        inert(text).replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }

    /// Backslash escapes (CommonMark) for the characters that would start raw HTML or an entity.
    private static func inert(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "&", with: "\\&")
            .replacingOccurrences(of: "<", with: "\\<")
            .replacingOccurrences(of: ">", with: "\\>")
    }

    /// A pipe table; `rightAligned` columns get `--:`.
    static func table(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
        }
        var out = line(headers)
        out += "|" + headers.indices.map { rightAligned.contains($0) ? "--:" : "---" }.joined(separator: "|") + "|\n"
        for row in rows { out += line(row + Array(repeating: "", count: max(0, headers.count - row.count))) }
        return out
    }
}
