import SIPASStatistics

/// The sheets of `flag`: one row per flagged procedure (or unit) with its weakest element and
/// criteria, and its citizens' comments one per row.
enum WorkbookFlags {
    static func flags(_ r: FlagReport, _ lang: Language) -> WorkbookTable {
        let byUnit = r.by == "unit"
        var columns: [WorkbookColumn] = [
            .init(WorkbookWords.rank(lang), .number), .init(WorkbookWords.code(lang), .text),
            .init(byUnit ? lang.pick("Tên đơn vị", "Unit name") : lang.pick("Tên thủ tục", "Procedure name"), .text),
            .init(WorkbookWords.unit(lang), .text), .init(WorkbookWords.responses(lang), .count),
            .init(WorkbookWords.index(lang), .fraction), .init(WorkbookWords.low(lang), .fraction),
            .init(WorkbookWords.high(lang), .fraction), .init(WorkbookWords.target(lang), .fraction),
            .init(WorkbookWords.previous(lang), .fraction),
        ] + WorkbookSummary.changeColumns(lang)
        columns += [
            .init(lang.pick("Cảnh báo", "Flags"), .text),
            .init(lang.pick("Tác động: chỉ số Sở tăng (điểm)", "Impact: department index gain (points)"), .change),
            .init(lang.pick("Lượt không hài lòng", "Dissatisfied answers"), .count),
            .init(lang.pick("Mã yếu tố yếu nhất", "Weakest element code"), .text),
            .init(lang.pick("Yếu tố yếu nhất", "Weakest element"), .text),
            .init(lang.pick("Chỉ số yếu tố yếu nhất", "Weakest element index"), .fraction),
        ]
        for n in 1...2 {
            columns += [
                .init(lang.pick("Mã tiêu chí yếu \(n)", "Weakest criterion \(n) code"), .text),
                .init(lang.pick("Tiêu chí yếu \(n)", "Weakest criterion \(n)"), .text),
                .init(lang.pick("Tỷ lệ hài lòng tiêu chí yếu \(n)", "Weakest criterion \(n) satisfied share"), .fraction),
                .init(lang.pick("Trả lời tiêu chí yếu \(n)", "Weakest criterion \(n) answered"), .count),
                .init(lang.pick("Hài lòng tiêu chí yếu \(n)", "Weakest criterion \(n) satisfied"), .count),
                .init(lang.pick("Không hài lòng tiêu chí yếu \(n)", "Weakest criterion \(n) dissatisfied"), .count),
            ]
        }
        columns.append(.init(lang.pick("Số ý kiến", "Comments"), .count))
        var table = WorkbookTable(sheet: WorkbookWords.flags(lang), columns: columns, frozenColumns: 3)
        for (i, item) in r.items.enumerated() {
            var row: [WorkbookValue] = [
                .integer(i + 1), .text(item.code), .text(item.name), .text(item.unit), .integer(item.responses),
                .fraction(item.index?.value), .fraction(item.index?.low), .fraction(item.index?.high),
                .fraction(r.target), .fraction(item.previous),
            ] + WorkbookSummary.changeValues(item.change)
            row += [
                .text(item.flags.map { Labels.verdict($0, lang, mark: false) }.joined(separator: "; ")),
                .fraction(item.impact), .integer(item.dissatisfied),
                .text(item.weakest?.element.code), .text(item.weakest?.element.label), .fraction(item.weakest?.element.index),
            ]
            for n in 0..<2 {
                let c = item.weakest.flatMap { n < $0.criteria.count ? $0.criteria[n] : nil }
                row += [.text(c?.code), .text(c?.label), .fraction(c?.rate), .integer(c?.answered), .integer(c?.satisfied),
                        .integer(c?.dissatisfied)]
            }
            row.append(.integer(item.comments.count))
            let shade: WorkbookRow.Shade? = item.flags.contains(.belowTarget) ? .below
                : item.flags.contains(.possiblyBelowTarget) ? .possiblyBelow : nil
            table.append(row, shade: shade)
        }
        var heading = WorkbookWords.title(r.year, lang) + " · " + Labels.period(r.period, lang)
        if let index = r.index {
            heading += " · " + lang.pick("Chỉ số Sở: ", "Department index: ") + NumberFormat.estimate(index, lang)
        }
        table.notes = [
            heading,
            lang.pick("\(r.items.count) trên \(r.examined) ", "\(r.items.count) of \(r.examined) ")
                + Labels.groupNoun(r.by, lang, plural: true) + lang.pick(" bị cảnh báo, xếp theo tác động.", " flagged, ordered by impact."),
            Labels.previousSourceShort(r.previousSource, year: r.year, lang),
            WorkbookWords.shadingNote(r.target, lang), WorkbookWords.numbersNote(lang),
            Labels.legend(r.target, lang), Labels.intervalNote(r.method, r.intervalMethod, lang),
        ]
        return table
    }

    /// Every comment of the flagged groups, one row each. Text exactly as given: a comment starting
    /// with `=`, `+`, `-` or `@` is a text cell (the workbook has no formula cells at all).
    static func comments(_ r: FlagReport, _ lang: Language) -> WorkbookTable {
        let columns: [WorkbookColumn] = [
            .init(WorkbookWords.rank(lang), .number), .init(WorkbookWords.code(lang), .text),
            .init(r.by == "unit" ? lang.pick("Tên đơn vị", "Unit name") : lang.pick("Tên thủ tục", "Procedure name"), .text),
            .init(lang.pick("Ngày", "Date"), .date), .init(lang.pick("Ý kiến", "Comment"), .longText),
        ]
        var table = WorkbookTable(sheet: WorkbookWords.comments(lang), columns: columns, frozenColumns: 2)
        for (i, item) in r.items.enumerated() {
            for c in item.comments {
                table.append([.integer(i + 1), .text(item.code), .text(item.name), .day(c.date), .text(c.text)])
            }
        }
        table.notes = [lang.pick("Ý kiến của người dân về các \(Labels.groupNoun(r.by, lang)) bị cảnh báo (hạng như trang Cảnh báo).",
                                 "Citizens' comments on the flagged \(Labels.groupNoun(r.by, lang, plural: true)) (rank as on the Flags sheet).")]
        return table
    }
}
