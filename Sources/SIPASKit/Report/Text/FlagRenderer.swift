import SIPASStatistics

/// Renders `sipas flag`: the procedures (or units) to fix first, in the engine's order (by impact).
/// Terminal blocks, CSV for Excel, JSON for scripts, a short Markdown list for a memo. Returns text;
/// never prints.
public enum FlagRenderer {
    /// One block per flagged item: rank, code and name, unit, responses, index, previous and change,
    /// flags in words, impact, weakest element and criteria, dissatisfied ratings, up to 3 comments.
    /// `color` adds ANSI colour to the text marks, never replacing them.
    public static func table(_ r: FlagReport, lang: Language = .vi, color: Bool = false) -> String {
        var out = heading(r, lang).joined(separator: "\n") + "\n\n"
        guard !r.items.isEmpty else {
            return out + Labels.paint("✓", .green, color) + " " + nothingFlagged(r, lang) + "\n" + targets(r, lang, color: color)
        }
        out += lang.pick(
            "Đã xem xét \(NumberFormat.integer(r.examined, lang)) \(Labels.groupNoun(r.by, lang)); \(NumberFormat.integer(r.items.count, lang)) bị cảnh báo, xếp theo mức tác động lên chỉ số Sở.",
            "\(NumberFormat.integer(r.examined, lang)) \(Labels.groupNoun(r.by, lang, plural: r.examined != 1)) examined; \(NumberFormat.integer(r.items.count, lang)) flagged, ordered by their impact on the department's index.")
        out += "\n" + Labels.previousSourceShort(r.previousSource, year: r.year, lang) + "\n"
        out += targets(r, lang, color: color)
        for (i, item) in r.items.enumerated() {
            out += "\n" + block(item, rank: i + 1, r, lang, color: color)
        }
        out += "\n" + Labels.legend(r.target, lang) + "\n" + Labels.intervalNote(r.method, r.intervalMethod, lang) + "\n"
        return out
    }

    /// The JSON of the model: `procedures[]` (or `units[]`), every key present, `null` when missing.
    public static func json(_ r: FlagReport) -> String {
        JSONText.encode(r)
    }

    // MARK: Pieces

    /// The path to the target and the rank, each as a short block after a blank line.
    static func targets(_ r: FlagReport, _ lang: Language, color: Bool) -> String {
        var out = ""
        if let path = r.path { out += "\n" + TargetLabels.pathLines(path, lang).map(Labels.terminalSafe).joined(separator: "\n") + "\n" }
        if let rank = r.rank {
            out += "\n" + TargetLabels.rankLines(rank, lang).map { Labels.painted(Labels.terminalSafe($0), color) }.joined(separator: "\n") + "\n"
        }
        return out
    }

    static func title(_ r: FlagReport, _ lang: Language) -> String {
        let what = r.by == "unit" ? lang.pick("Đơn vị", "Units") : lang.pick("Thủ tục", "Procedures")
        return what + lang.pick(" cần ưu tiên cải thiện — SIPAS năm \(r.year)", " to improve first — SIPAS \(r.year)")
    }

    static func heading(_ r: FlagReport, _ lang: Language) -> [String] {
        var facts = Labels.responses(r.responses, lang)
        facts += " · " + lang.pick("chỉ số Sở ", "department index ")
            + (r.index.map { NumberFormat.estimate($0, lang) } ?? Labels.missing)
        facts += " · " + lang.pick("mục tiêu ", "target ") + NumberFormat.target(r.target, lang)
        facts += " · " + lang.pick("phương pháp: ", "method: ") + Labels.methodName(r.method, lang)
        return [title(r, lang), Labels.period(r.period, lang), facts]
    }

    static func nothingFlagged(_ r: FlagReport, _ lang: Language) -> String {
        lang.pick(
            "Không có \(Labels.groupNoun(r.by, lang)) nào bị cảnh báo (đã xem xét \(NumberFormat.integer(r.examined, lang)) \(Labels.groupNoun(r.by, lang))).",
            "No \(Labels.groupNoun(r.by, lang)) is flagged (\(NumberFormat.integer(r.examined, lang)) examined).")
    }

    static func impact(_ item: FlagReport.FlaggedGroup, _ r: FlagReport, _ lang: Language) -> String {
        lang.pick("nếu đạt \(NumberFormat.target(r.target, lang)): chỉ số Sở ",
                  "if it reached \(NumberFormat.target(r.target, lang)): department index ")
            + NumberFormat.smallPoints(item.impact, lang)
    }

    static func flagsText(_ flags: [Verdict], _ lang: Language, color: Bool) -> String {
        flags.map { Labels.painted(Labels.verdict($0, lang), color) }.joined(separator: "; ")
    }

    /// "CC3 Hướng dẫn…: 86,0% (344/400 hài lòng, 41 không hài lòng)".
    static func criterionText(_ c: FlagReport.WeakCriterion, _ lang: Language) -> String {
        Labels.terminalSafe(c.code + " " + c.label) + ": " + NumberFormat.percent(c.rate, lang) + " ("
            + NumberFormat.integer(c.satisfied, lang) + "/" + NumberFormat.integer(c.answered, lang)
            + lang.pick(" hài lòng, ", " satisfied, ") + NumberFormat.integer(c.dissatisfied, lang)
            + lang.pick(" không hài lòng)", " dissatisfied)")
    }

    static func block(_ item: FlagReport.FlaggedGroup, rank: Int, _ r: FlagReport, _ lang: Language, color: Bool) -> String {
        let indent = String(repeating: " ", count: "\(rank). ".count)
        var lines = ["\(rank). " + Labels.terminalSafe(item.code) + " · " + Labels.terminalSafe(item.name)]
        if let unit = item.unit { lines.append(lang.pick("Đơn vị: ", "Unit: ") + Labels.terminalSafe(unit)) }

        var facts = Labels.responses(item.responses, lang) + " · " + lang.pick("chỉ số ", "index ")
            + (item.index.map { NumberFormat.estimate($0, lang) } ?? Labels.missing)
        if item.previous != nil || item.change != nil || r.previousSource == "responses" {
            facts += " · " + lang.pick("năm trước ", "previous ") + SummaryRenderer.percentCell(item.previous, lang)
        }
        if let change = item.change {
            facts += " · " + lang.pick("thay đổi ", "change ") + NumberFormat.points(change.value, lang) + " "
                + NumberFormat.changeInterval(change, lang) + " " + Labels.painted(Labels.changeWord(change, lang), color)
                + Labels.commonSuffix(change, lang)
        }
        lines.append(facts)
        lines.append(lang.pick("Cảnh báo: ", "Flags: ") + flagsText(item.flags, lang, color: color))
        lines.append(SummaryRenderer.capitalised(impact(item, r, lang)))
        if let weakest = item.weakest {
            lines.append(lang.pick("Yếu nhất: ", "Weakest: ")
                         + Labels.terminalSafe(weakest.element.code + " " + weakest.element.label) + " "
                         + NumberFormat.percent(weakest.element.index, lang))
            for c in weakest.criteria.prefix(2) { lines.append("  " + criterionText(c, lang)) }
        }
        lines.append(lang.pick("Không hài lòng: ", "Dissatisfied: ") + NumberFormat.integer(item.dissatisfied, lang)
                     + lang.pick(" lượt đánh giá", item.dissatisfied == 1 ? " rating" : " ratings"))
        if !item.comments.isEmpty {
            lines.append(lang.pick("Ý kiến:", "Comments:"))
            for comment in item.comments.prefix(3) {
                lines.append("  " + Labels.terminalSafe(comment.date) + "  “" + Labels.terminalSafe(comment.text) + "”")
            }
        }
        return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }.joined(separator: "\n") + "\n"
    }
}
