import SIPASStatistics

extension SummaryRenderer {
    /// GitHub-flavoured Markdown for a memo: a `##` title, the headline as a paragraph, the table, the notes.
    /// User text in tables has `|` escaped and line breaks as `<br>`; nothing else is touched.
    public static func markdown(_ r: SummaryReport, lang: Language = .vi) -> String {
        var out = "## " + title(r, lang) + "\n\n"
        out += heading(r, lang).dropFirst().map(Markdown.text).joined(separator: " · ") + ".\n\n"
        out += headlineParagraph(r, lang) + "\n\n"
        if let rank = r.rank { out += TargetLabels.rankLines(rank, lang).map(Markdown.text).joined(separator: " ") + "\n\n" }
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
