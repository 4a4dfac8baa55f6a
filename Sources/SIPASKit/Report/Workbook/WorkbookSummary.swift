import SIPASStatistics
internal import XLSXWriter

/// The sheets of `summary`: the overview (the index and each element against the target, with a
/// chart), the criteria, and with `--by` the groups (with a trend chart for months and quarters).
enum WorkbookSummary {
    static func shade(_ index: Interval?, answers: Int, target: Double, minAnswers: Int) -> WorkbookRow.Shade? {
        guard answers >= minAnswers, let index else { return nil }
        if index.high < target { return .below }
        if index.value < target { return .possiblyBelow }
        return nil
    }

    static func changeValues(_ c: ChangeValue?) -> [WorkbookValue] {
        [.fraction(c?.value), .fraction(c?.low), .fraction(c?.high), .boolean(c?.clear)]
    }

    static func changeColumns(_ lang: Language) -> [WorkbookColumn] {
        [.init(WorkbookWords.change(lang), .change), .init(WorkbookWords.changeLow(lang), .change),
         .init(WorkbookWords.changeHigh(lang), .change), .init(WorkbookWords.changeClear(lang), .boolean)]
    }

    // MARK: Overview

    static func overview(_ r: SummaryReport, _ lang: Language) -> WorkbookTable {
        let columns: [WorkbookColumn] = [
            .init(WorkbookWords.code(lang), .text), .init(lang.pick("Chỉ tiêu", "Item"), .text, indentsDetail: true),
            .init(lang.pick("Số phiếu / lượt trả lời", "Responses / answers"), .count),
            .init(WorkbookWords.index(lang), .fraction), .init(WorkbookWords.low(lang), .fraction),
            .init(WorkbookWords.high(lang), .fraction), .init(WorkbookWords.target(lang), .fraction),
            .init(WorkbookWords.gap(lang), .change), .init(WorkbookWords.previous(lang), .fraction),
        ] + changeColumns(lang) + [.init(WorkbookWords.verdict(lang), .text)]
        var table = WorkbookTable(sheet: WorkbookWords.overview(lang), columns: columns, frozenColumns: 2)

        let headline = r.index.map {
            Labels.headlineMark(index: $0, responses: r.responses, target: r.target, minAnswers: r.minAnswers, lang)
        } ?? ""
        table.append([.text("SIPAS"), .text(lang.pick("Chỉ số SIPAS", "SIPAS index")), .integer(r.responses),
                      .fraction(r.index?.value), .fraction(r.index?.low), .fraction(r.index?.high), .fraction(r.target),
                      .fraction(r.gap), .fraction(r.previous?.index?.value)] + changeValues(r.change) + [.text(headline)],
                     shade: shade(r.index, answers: r.responses, target: r.target, minAnswers: r.minAnswers),
                     emphasis: true)
        for e in r.elements {
            let answers = SummaryRenderer.answers(e)
            let mark = Labels.targetMark(index: e.index, answers: answers, target: r.target, minAnswers: r.minAnswers, lang)
            table.append([.text(e.code), .text(e.label), .integer(answers), .fraction(e.index?.value),
                          .fraction(e.index?.low), .fraction(e.index?.high), .fraction(r.target),
                          .fraction(e.index.map { $0.value - r.target }), .fraction(e.previous)]
                         + changeValues(e.change) + [.text(mark)],
                         shade: shade(e.index, answers: answers, target: r.target, minAnswers: r.minAnswers))
        }

        var notes = SummaryRenderer.heading(r, lang)
        notes.append(SummaryRenderer.previousNote(r, lang))
        if let published = r.previousPublished {
            notes.append(SummaryRenderer.capitalised(Labels.previousSource(published, lang)) + ": "
                         + SummaryRenderer.previousFigure(published.index, lang))
        }
        if !r.elementsWithoutAnswers.isEmpty {
            notes.append(lang.pick("Không có câu trả lời cho yếu tố ", "No answers for element ")
                         + r.elementsWithoutAnswers.joined(separator: ", ") + lang.pick(": không tính vào chỉ số.", ": left out of the index."))
        }
        notes += [WorkbookWords.shadingNote(r.target, lang), WorkbookWords.numbersNote(lang),
                  Labels.legend(r.target, lang), Labels.intervalNote(r.method, r.intervalMethod, lang)]
        if let comparison = Labels.comparisonNote(r, lang) { notes.append(comparison) }
        table.notes = notes

        if !r.elements.isEmpty {
            table.charts.append(WorkbookChart(
                kind: .line, title: lang.pick("Chỉ số các yếu tố so với mục tiêu", "Element indices against the target"),
                rows: 1...r.elements.count, categoryColumn: 1,
                series: [
                    .init(name: WorkbookWords.index(lang), column: 3, look: .markers(color: WorkbookLayout.indexColour),
                          labels: "0.0%"),
                    .init(name: WorkbookWords.target(lang) + " " + NumberFormat.target(r.target, lang), column: 6,
                          look: .dashed(color: WorkbookLayout.targetColour)),
                ],
                yAxisName: WorkbookWords.index(lang),
                yMinimum: axisMinimum(r.elements.compactMap { $0.index?.value } + [r.target])))
        }
        return table
    }

    /// The axis starts a little under the lowest value, at a multiple of 5%, so differences show.
    static func axisMinimum(_ values: [Double]) -> Double {
        guard let lowest = values.min() else { return 0 }
        return max(0, ((lowest - 0.03) * 20).rounded(.down) / 20)
    }

    // MARK: Criteria

    static func criteria(_ r: SummaryReport, _ lang: Language) -> WorkbookTable {
        let columns: [WorkbookColumn] = [
            .init(lang.pick("Mã yếu tố", "Element code"), .text), .init(lang.pick("Yếu tố", "Element"), .text),
            .init(lang.pick("Mã tiêu chí", "Criterion code"), .text), .init(lang.pick("Tiêu chí", "Criterion"), .text),
            .init(lang.pick("Trả lời", "Answered"), .count), .init(lang.pick("Không trả lời", "No answer"), .count),
            .init(lang.pick("Hài lòng", "Satisfied"), .count), .init(lang.pick("Không hài lòng", "Dissatisfied"), .count),
            .init(lang.pick("Tỷ lệ hài lòng", "Satisfied share"), .fraction), .init(WorkbookWords.low(lang), .fraction),
            .init(WorkbookWords.high(lang), .fraction), .init(WorkbookWords.target(lang), .fraction),
            .init(WorkbookWords.previous(lang), .fraction),
        ] + changeColumns(lang) + [.init(WorkbookWords.verdict(lang), .text)]
        var table = WorkbookTable(sheet: WorkbookWords.criteria(lang), columns: columns, frozenColumns: 4)
        for e in r.elements {
            for c in e.criteria {
                let mark = Labels.targetMark(index: c.rate, answers: c.answered, target: r.target, minAnswers: r.minAnswers, lang)
                table.append([.text(e.code), .text(e.label), .text(c.code), .text(c.label), .integer(c.answered),
                              .integer(c.noAnswer), .integer(c.satisfied), .integer(c.dissatisfied),
                              .fraction(c.rate?.value), .fraction(c.rate?.low), .fraction(c.rate?.high),
                              .fraction(r.target), .fraction(c.previous)] + changeValues(c.change) + [.text(mark)],
                             shade: shade(c.rate, answers: c.answered, target: r.target, minAnswers: r.minAnswers))
            }
        }
        table.notes = [WorkbookWords.shadingNote(r.target, lang), WorkbookWords.numbersNote(lang),
                       SummaryRenderer.previousNote(r, lang), Labels.intervalNote(r.method, r.intervalMethod, lang)]
            + [Labels.comparisonNote(r, lang)].compactMap { $0 }
        return table
    }

    // MARK: Groups

    /// Periods (months, quarters) in time order, with a trend chart; other groupings worst first, as
    /// ranked.
    static func groups(_ r: SummaryReport, _ lang: Language) -> WorkbookTable? {
        guard let by = r.by, let groups = r.groups else { return nil }
        let withUnit = by == "procedure"
        let codes = SummaryRenderer.elementCodes(r)
        var columns: [WorkbookColumn] = [
            .init(WorkbookWords.rank(lang), .number), .init(WorkbookWords.code(lang), .text),
            .init(WorkbookWords.groupHeader(by, lang), .text),
        ]
        if withUnit { columns.append(.init(WorkbookWords.unit(lang), .text)) }
        columns += [.init(WorkbookWords.responses(lang), .count), .init(WorkbookWords.index(lang), .fraction),
                    .init(WorkbookWords.low(lang), .fraction), .init(WorkbookWords.high(lang), .fraction),
                    .init(WorkbookWords.target(lang), .fraction), .init(WorkbookWords.gap(lang), .change)]
        columns += codes.map { code in
            .init(lang.pick("Yếu tố ", "Element ") + code + (Labels.elementLabel(code, in: r).map { " - " + $0 } ?? ""), .fraction)
        }
        columns += [.init(WorkbookWords.previous(lang), .fraction)] + changeColumns(lang)
        columns += [.init(lang.pick("Ít phiếu (dưới \(r.minAnswers))", "Too few answers (under \(r.minAnswers))"), .boolean),
                    .init(WorkbookWords.verdict(lang), .text)]
        var table = WorkbookTable(sheet: WorkbookWords.groups(by, lang), columns: columns, frozenColumns: 3)

        let isPeriod = by == "month" || by == "quarter"
        var ordered = SummaryRenderer.orderedGroups(groups)
        if isPeriod { ordered.sort { $0.group.key < $1.group.key } }
        for (rank, g) in ordered {
            var row: [WorkbookValue] = [.integer(rank), .text(g.key), .text(g.label)]
            if withUnit { row.append(.text(g.unit)) }
            row += [.integer(g.responses), .fraction(g.index?.value), .fraction(g.index?.low), .fraction(g.index?.high),
                    .fraction(r.target), .fraction(g.index.map { $0.value - r.target })]
            row += codes.map { .fraction(SummaryRenderer.groupElement(g, $0)) }
            row += [.fraction(g.previous)] + changeValues(g.change)
            let mark = g.tooFewAnswers ? ""
                : Labels.targetMark(index: g.index, answers: g.responses, target: r.target, minAnswers: r.minAnswers, lang)
            row += [.boolean(g.tooFewAnswers), .text(mark)]
            table.append(row, shade: g.tooFewAnswers ? nil
                         : shade(g.index, answers: g.responses, target: r.target, minAnswers: r.minAnswers))
        }
        table.notes = SummaryRenderer.groupNotes(r, lang) + [WorkbookWords.shadingNote(r.target, lang),
                                                              WorkbookWords.numbersNote(lang)]
        if isPeriod && !groups.isEmpty {
            let first = withUnit ? 4 : 3
            table.charts.append(WorkbookChart(
                kind: .line,
                title: by == "month" ? lang.pick("Chỉ số SIPAS theo tháng", "SIPAS index by month")
                    : lang.pick("Chỉ số SIPAS theo quý", "SIPAS index by quarter"),
                rows: 0...(groups.count - 1), categoryColumn: 1,
                series: [
                    .init(name: WorkbookWords.index(lang), column: first + 1, look: .line(color: WorkbookLayout.indexColour),
                          labels: "0.0%"),
                    .init(name: WorkbookWords.target(lang) + " " + NumberFormat.target(r.target, lang), column: first + 4,
                          look: .dashed(color: WorkbookLayout.targetColour)),
                ],
                yAxisName: WorkbookWords.index(lang),
                yMinimum: axisMinimum(groups.compactMap { $0.index?.value } + [r.target])))
        }
        return table
    }
}
