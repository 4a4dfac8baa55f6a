import SIPASStatistics

extension FlagRenderer {
    /// A short memo: a `##` title, one paragraph of context, then a numbered list — code — name (unit):
    /// index [interval], flags in words, impact, weakest element and criteria, at most one comment.
    public static func markdown(_ r: FlagReport, lang: Language = .vi) -> String {
        var out = "## " + title(r, lang) + "\n\n"
        let target = NumberFormat.target(r.target, lang)
        var context = lang.pick("Chỉ số Sở ", "Department index ")
            + (r.index.map { NumberFormat.estimate($0, lang) } ?? Labels.missing)
            + lang.pick(", mục tiêu \(target); ", ", target \(target); ")
            + Labels.responses(r.responses, lang) + lang.pick(", kỳ ", ", period ") + r.period.from + " – " + r.period.to + ". "
        guard !r.items.isEmpty else {
            return out + context + nothingFlagged(r, lang) + "\n" + markdownTargets(r, lang)
        }
        context += lang.pick(
            "Đã xem xét \(NumberFormat.integer(r.examined, lang)) \(Labels.groupNoun(r.by, lang)); \(NumberFormat.integer(r.items.count, lang)) bị cảnh báo, xếp theo mức tác động lên chỉ số Sở.",
            "\(NumberFormat.integer(r.examined, lang)) \(Labels.groupNoun(r.by, lang, plural: r.examined != 1)) examined; \(NumberFormat.integer(r.items.count, lang)) flagged, ordered by their impact on the department's index.")
        out += context + "\n\n"
        for (i, item) in r.items.enumerated() {
            var line = "\(i + 1). **" + Markdown.cell(item.code) + " — " + Markdown.cell(item.name) + "**"
            if let unit = item.unit { line += " (" + Markdown.cell(unit) + ")" }
            line += ": " + (item.index.map { NumberFormat.estimate($0, lang) } ?? Labels.missing)
                + ", " + Labels.responses(item.responses, lang) + ". "
            line += SummaryRenderer.capitalised(item.flags.map { Labels.verdict($0, lang, mark: false) }.joined(separator: "; "))
            if let change = item.change {
                line += lang.pick(" (thay đổi ", " (change ") + NumberFormat.points(change.value, lang) + " "
                    + NumberFormat.changeInterval(change, lang) + Labels.commonSuffix(change, lang) + ")"
            }
            line += ". " + SummaryRenderer.capitalised(impact(item, r, lang)) + "."
            if let weakest = item.weakest {
                line += lang.pick(" Yếu nhất: ", " Weakest: ") + Markdown.cell(weakest.element.label) + " "
                    + NumberFormat.percent(weakest.element.index, lang)
                let criteria = weakest.criteria.prefix(2).map { Markdown.cell($0.code) + " " + NumberFormat.percent($0.rate, lang) }
                if !criteria.isEmpty { line += " (" + criteria.joined(separator: ", ") + ")" }
                line += "."
            }
            if let comment = item.comments.first {
                line += lang.pick(" Ý kiến: ", " Comment: ") + "“" + Markdown.cell(Labels.shorten(comment.text, to: 100))
                    + "” (" + Markdown.cell(comment.date) + ")"
            }
            out += line + "\n"
        }
        return out + markdownTargets(r, lang) + "\n" + Labels.intervalNote(r.method, r.intervalMethod, lang) + "\n"
    }

    /// The path to the target as a list under its headline, then the rank as a paragraph.
    static func markdownTargets(_ r: FlagReport, _ lang: Language) -> String {
        var out = ""
        if let path = r.path {
            out += "\n" + Markdown.text(TargetLabels.pathHeadline(path, lang)) + "\n\n"
            for (i, s) in path.procedures.enumerated() { out += "\(i + 1). " + Markdown.text(TargetLabels.procedureStep(s, lang)) + "\n" }
            for s in path.criteria { out += "- " + Markdown.text(TargetLabels.criterionStep(s, target: path.target, lang)) + "\n" }
        }
        if let rank = r.rank { out += "\n" + TargetLabels.rankLines(rank, lang).map(Markdown.text).joined(separator: " ") + "\n" }
        return out
    }
}
