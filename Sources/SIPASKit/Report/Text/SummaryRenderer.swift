import SIPASStatistics

/// Renders `sipas summary`: a terminal table, CSV for Excel, JSON for scripts, Markdown for a memo.
/// Every function returns the whole text; nothing here prints. Rounding happens here and nowhere else.
public enum SummaryRenderer {
    /// The terminal table: heading, headline (index, target, previous year with its source, change),
    /// then the elements with their criteria indented beneath — or, with `--by`, one row per group.
    /// `color` adds ANSI colour to the text marks (✗ ? ▲ ▼ ✓), never replacing them.
    public static func table(_ r: SummaryReport, lang: Language = .vi, color: Bool = false) -> String {
        var out = heading(r, lang).joined(separator: "\n") + "\n\n"
        out += headline(r, lang, color: color).joined(separator: "\n") + "\n\n"
        if let rank = r.rank {
            out += TargetLabels.rankLines(rank, lang).map { Labels.painted(Labels.terminalSafe($0), color) }.joined(separator: "\n") + "\n\n"
        }
        if let groups = r.groups {
            out += groupsTable(r, groups, lang, color: color)
            out += "\n" + groupNotes(r, lang).joined(separator: "\n") + "\n"
        } else {
            out += elementsTable(r, lang, color: color)
            out += "\n" + notes(r, lang).joined(separator: "\n") + "\n"
        }
        return out
    }

    /// The JSON of the model; every key present, `null` when missing (see ReportJSON.swift).
    public static func json(_ r: SummaryReport) -> String {
        JSONText.encode(r)
    }

    // MARK: Pieces shared by the table and Markdown

    static func title(_ r: SummaryReport, _ lang: Language) -> String {
        lang.pick("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm \(r.year)",
                  "Satisfaction Index of Public Administrative Services (SIPAS), \(r.year)")
    }

    /// Title, period, responses · method · catalogue.
    static func heading(_ r: SummaryReport, _ lang: Language) -> [String] {
        [
            title(r, lang),
            Labels.period(r.period, lang),
            Labels.responses(r.responses, lang)
                + " · " + lang.pick("phương pháp: ", "method: ") + Labels.methodName(r.method, lang)
                + " · " + lang.pick("bộ tiêu chí: ", "catalogue: ") + Labels.terminalSafe(r.catalog.name),
        ]
    }

    /// The index against the target, then one line per source of last year's figures.
    static func headline(_ r: SummaryReport, _ lang: Language, color: Bool) -> [String] {
        var lines: [String] = []
        let target = NumberFormat.target(r.target, lang)
        if let index = r.index {
            var line = lang.pick("Chỉ số SIPAS: ", "SIPAS index: ") + NumberFormat.estimate(index, lang)
                + " · " + lang.pick("mục tiêu ", "target ") + target
            if let gap = r.gap {
                line += " · " + lang.pick("chênh lệch ", "gap ") + NumberFormat.points(gap, lang)
            }
            let mark = Labels.headlineMark(index: index, responses: r.responses, target: r.target,
                                           minAnswers: r.minAnswers, lang)
            line += " · " + Labels.painted(mark, color)
            lines.append(line)
        } else {
            lines.append(lang.pick("Chỉ số SIPAS: — (chưa có câu trả lời nào) · mục tiêu ", "SIPAS index: — (no answers) · target ")
                         + target)
        }
        if let previous = r.previous {
            var line = capitalised(lang.pick("so với ", "against ") + Labels.previousSource(previous, lang)) + ": "
                + previousFigure(previous.index, lang)
            if let change = r.change {
                line += " · " + lang.pick("thay đổi ", "change ") + NumberFormat.points(change.value, lang)
                    + " " + NumberFormat.changeInterval(change, lang) + " " + Labels.painted(Labels.changeWord(change, lang), color)
            }
            lines.append(line)
        }
        if let published = r.previousPublished {
            lines.append(capitalised(Labels.previousSource(published, lang)) + ": " + previousFigure(published.index, lang))
        }
        if r.previous == nil && r.previousPublished == nil {
            lines.append(lang.pick(
                "Năm trước: chưa có số liệu (chưa nhập phiếu năm \(r.year - 1), chưa ghi số liệu tỉnh công bố)",
                "Previous year: no figures (no \(r.year - 1) responses imported, no published figures recorded)"))
        }
        return lines
    }

    /// A published figure has no interval (low == high): the percentage alone.
    static func previousFigure(_ index: Interval?, _ lang: Language) -> String {
        guard let index else { return Labels.missing }
        return index.low == index.high ? NumberFormat.percent(index.value, lang) : NumberFormat.estimate(index, lang)
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// An element has no count of its own: it is judged on its most-answered criterion (as its interval is).
    static func answers(_ e: SummaryReport.ElementRow) -> Int {
        e.criteria.map(\.answered).max() ?? 0
    }

    static func changeCell(_ c: ChangeValue?, _ lang: Language, color: Bool) -> String {
        // Unclear changes leave room for the arrow, so the numbers stay aligned in the right-aligned column.
        guard let c else { return Labels.missing + "  " }
        let value = NumberFormat.changeShort(c, lang)
        guard let arrow = Labels.changeArrow(c) else { return value + "  " }
        return value + " " + Labels.painted(arrow, color)
    }

    static func percentCell(_ value: Double?, _ lang: Language) -> String {
        value.map { NumberFormat.percent($0, lang) } ?? Labels.missing
    }

    static func intervalCell(_ value: Interval?, _ lang: Language) -> String {
        value.map { NumberFormat.interval($0, lang) } ?? Labels.missing
    }

    static func elementHeaders(_ lang: Language) -> [String] {
        lang == .vi
            ? ["Mã", "Yếu tố / tiêu chí", "Trả lời", "Không TL", "Hài lòng", "Tỷ lệ", "KTC 95%", "Năm trước",
               "Thay đổi", "Đánh giá"]
            : ["Code", "Element / criterion", "Answered", "No answer", "Satisfied", "Rate", "95% interval", "Previous",
               "Change", "Verdict"]
    }

    /// Footnotes of the default view: elements without answers, what the previous column is, the marks,
    /// the interval method.
    static func notes(_ r: SummaryReport, _ lang: Language) -> [String] {
        var lines: [String] = []
        if !r.elementsWithoutAnswers.isEmpty {
            let names = r.elementsWithoutAnswers.map { code in
                Labels.elementLabel(code, in: r).map { "\(code) (\($0))" } ?? code
            }
            lines.append(lang.pick("Không có câu trả lời cho yếu tố ", "No answers for element ")
                         + Labels.terminalSafe(names.joined(separator: ", "))
                         + lang.pick(": không tính vào chỉ số.", ": left out of the index."))
        }
        lines.append(previousNote(r, lang))
        if let note = Labels.comparisonNote(r, lang) { lines.append(note) }
        lines.append(Labels.legend(r.target, lang))
        lines.append(Labels.intervalNote(r.method, r.intervalMethod, lang))
        return lines
    }

    static func previousNote(_ r: SummaryReport, _ lang: Language) -> String {
        guard let previous = r.previous else {
            return lang.pick("Năm trước, thay đổi: chưa có số liệu năm \(r.year - 1).",
                             "Previous, change: no figures for \(r.year - 1).")
        }
        return lang.pick("Năm trước, thay đổi (điểm phần trăm): so với ", "Previous, change (percentage points): against ")
            + Labels.previousSource(previous, lang) + "."
    }

    static func groupNotes(_ r: SummaryReport, _ lang: Language) -> [String] {
        let codes = r.elements.map { Labels.terminalSafe("\($0.code) \($0.label)") }.joined(separator: "; ")
        var lines = [lang.pick("Cột yếu tố (%): ", "Element columns (%): ") + codes + "."]
        lines.append(lang.pick("Nhóm dưới \(r.minAnswers) phiếu: hiển thị, không xếp hạng, không kết luận.",
                               "Groups under \(r.minAnswers) responses: shown, not ranked, not judged."))
        lines.append(previousNote(r, lang))
        lines.append(Labels.legend(r.target, lang))
        lines.append(Labels.intervalNote(r.method, r.intervalMethod, lang))
        return lines
    }

    /// Judged groups first, in the model's order (ranked), then the groups with too few answers.
    static func orderedGroups(_ groups: [SummaryReport.GroupRow]) -> [(rank: Int?, group: SummaryReport.GroupRow)] {
        let judged = groups.filter { !$0.tooFewAnswers }
        let few = groups.filter(\.tooFewAnswers)
        return judged.enumerated().map { (rank: $0.offset + 1, group: $0.element) } + few.map { (rank: nil, group: $0) }
    }

    static func elementCodes(_ r: SummaryReport) -> [String] {
        if !r.elements.isEmpty { return r.elements.map(\.code) }
        return r.groups?.first?.elements.map(\.code) ?? []
    }

    static func groupElement(_ g: SummaryReport.GroupRow, _ code: String) -> Double? {
        g.elements.first { $0.code == code }?.index ?? nil
    }

    // MARK: Terminal tables

    static func elementsTable(_ r: SummaryReport, _ lang: Language, color: Bool) -> String {
        var rows: [[String]] = []
        for e in r.elements {
            let mark = Labels.targetMark(index: e.index, answers: answers(e), target: r.target, minAnswers: r.minAnswers, lang)
            rows.append([
                Labels.terminalSafe(e.code), Labels.terminalSafe(e.label), "", "", "",
                percentCell(e.index?.value, lang), intervalCell(e.index, lang), percentCell(e.previous, lang),
                changeCell(e.change, lang, color: color), Labels.painted(mark, color),
            ])
            for c in e.criteria {
                let mark = Labels.targetMark(index: c.rate, answers: c.answered, target: r.target,
                                             minAnswers: r.minAnswers, lang)
                rows.append([
                    "  " + Labels.terminalSafe(c.code), "  " + Labels.terminalSafe(c.label),
                    NumberFormat.integer(c.answered, lang), NumberFormat.integer(c.noAnswer, lang),
                    NumberFormat.integer(c.satisfied, lang),
                    percentCell(c.rate?.value, lang), intervalCell(c.rate, lang), percentCell(c.previous, lang),
                    changeCell(c.change, lang, color: color), Labels.painted(mark, color),
                ])
            }
        }
        return TextTable(headers: elementHeaders(lang), rows: rows, rightAligned: [2, 3, 4, 5, 7, 8]).render()
    }

    static func groupsTable(_ r: SummaryReport, _ groups: [SummaryReport.GroupRow], _ lang: Language,
                            color: Bool) -> String {
        let by = r.by ?? ""
        let withUnit = by == "procedure"
        let codes = elementCodes(r)
        let ordered = orderedGroups(groups)
        let few = ordered.filter { $0.rank == nil }.count
        var out = lang.pick("Theo \(Labels.groupNoun(by, lang)): ", "By \(Labels.groupNoun(by, lang)): ")
            + "\(groups.count) " + Labels.groupNoun(by, lang, plural: groups.count != 1)
        if few > 0 {
            out += lang.pick(" (\(few) ít phiếu, chưa xếp hạng)", " (\(few) with too few answers, not ranked)")
        }
        out += "\n\n"

        var headers = [lang.pick("Hạng", "Rank"), lang.pick("Mã", "Key"), Labels.groupHeader(by, lang)]
        if withUnit { headers.append(lang.pick("Đơn vị", "Unit")) }
        headers += [lang.pick("Phiếu", "Responses"), lang.pick("Chỉ số", "Index"), lang.pick("KTC 95%", "95% interval")]
        headers += codes.map(Labels.terminalSafe)
        headers += [lang.pick("Năm trước", "Previous"), lang.pick("Thay đổi", "Change"),
                    lang.pick("Đánh giá", "Verdict")]

        var rows: [[String]] = []
        for (rank, g) in ordered {
            var row = [
                rank.map(String.init) ?? lang.pick("ít phiếu (<\(r.minAnswers))", "few answers (<\(r.minAnswers))"),
                Labels.terminalSafe(g.key), Labels.shorten(Labels.terminalSafe(g.label), to: 48),
            ]
            if withUnit { row.append(g.unit.map { Labels.shorten(Labels.terminalSafe($0), to: 28) } ?? Labels.missing) }
            row += [NumberFormat.integer(g.responses, lang), percentCell(g.index?.value, lang), intervalCell(g.index, lang)]
            row += codes.map { code in groupElement(g, code).map { NumberFormat.percentShort($0, lang) } ?? Labels.missing }
            let mark = g.tooFewAnswers ? ""
                : Labels.targetMark(index: g.index, answers: g.responses, target: r.target, minAnswers: r.minAnswers, lang)
            row += [percentCell(g.previous, lang), changeCell(g.change, lang, color: color), Labels.painted(mark, color)]
            rows.append(row)
        }
        let first = withUnit ? 4 : 3
        let right = Set([first, first + 1] + (0..<codes.count).map { first + 3 + $0 } + [first + 3 + codes.count, first + 4 + codes.count])
        return out + TextTable(headers: headers, rows: rows, rightAligned: right).render()
    }
}
