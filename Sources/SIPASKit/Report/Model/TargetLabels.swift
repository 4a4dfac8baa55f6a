import SIPASStatistics

/// The sentences about the two targets — the rank and the path to the index target — that every
/// format prints (plain text; each renderer escapes it its own way).
enum TargetLabels {
    /// "hạng 5" / "5th".
    static func place(_ rank: Int, _ lang: Language) -> String {
        if lang == .vi { return "hạng \(rank)" }
        let suffix: String
        switch (rank % 10, rank % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(rank)\(suffix)"
    }

    /// The rank in sentences: last year's, the projection with its range, what +2 and +4 places
    /// need, and whether the target is on track.
    static func rankLines(_ r: RankStanding, _ lang: Language) -> [String] {
        var lines = [lang.pick("Xếp hạng năm \(r.year): \(r.previous)/\(r.of)",
                               "Rank in \(r.year): \(r.previous) of \(r.of)")
                     + (r.source.map { " (\($0))" } ?? "") + "."]
        if let projected = r.projected {
            var line = lang.pick(
                "Với chỉ số hiện tại, Sở đứng \(place(projected, lang)) trong bảng năm \(r.year) của các cơ quan khác",
                "At the current index the department would rank \(place(projected, lang)) in \(r.year)'s table of the other departments")
            if let best = r.projectedBest, let worst = r.projectedWorst, best != worst {
                line += lang.pick(" (từ hạng \(best) đến \(worst) theo khoảng tin cậy)",
                                  " (\(place(best, lang)) to \(place(worst, lang)) within the interval)")
            }
            lines.append(line + ".")
        }
        let needs = r.needed.compactMap { n -> String? in
            guard let index = n.index else { return nil }
            return lang.pick("\(NumberFormat.percent(index, lang, digits: 2)) để lên \(n.places) bậc (hạng \(r.previous - n.places))",
                             "\(NumberFormat.percent(index, lang, digits: 2)) for +\(n.places) places (\(place(r.previous - n.places, lang)))")
        }
        if !needs.isEmpty {
            lines.append(lang.pick("Chỉ số cần đạt: ", "Index needed: ") + needs.joined(separator: "; ") + ".")
        }
        if let onTrack = r.onTrack {
            lines.append(onTrack
                ? lang.pick("✓ Đúng hướng mục tiêu tăng 2–4 bậc.", "✓ On track for the target of 2–4 places up.")
                : lang.pick("✗ Chưa đạt mục tiêu tăng 2–4 bậc.", "✗ Not on track for the target of 2–4 places up."))
        }
        return lines
    }

    /// The path's headline: "Nâng 3 thủ tục sau lên 96% thì chỉ số Sở đạt 96,1%."
    static func pathHeadline(_ p: TargetPath, _ lang: Language) -> String {
        let target = NumberFormat.target(p.target, lang)
        if p.procedures.isEmpty && p.criteria.isEmpty {
            return lang.pick("Chỉ số Sở (trung bình các tiêu chí, \(NumberFormat.percent(p.start, lang))) đã đạt mục tiêu \(target).",
                             "The department's index (mean of criteria, \(NumberFormat.percent(p.start, lang))) already meets the \(target) target.")
        }
        let n = p.procedures.count
        let end = NumberFormat.percent(p.end, lang)
        if p.criteria.isEmpty {
            return lang.pick("Lộ trình đến \(target): nâng \(n) thủ tục sau lên \(target) thì chỉ số Sở đạt \(end).",
                             "Path to \(target): raise \(n == 1 ? "this procedure" : "these \(n) procedures") to \(target) and the department reaches \(end).")
        }
        let afterProcedures = NumberFormat.percent(p.procedures.last?.indexAfter ?? p.start, lang)
        if n == 0 {
            return lang.pick("Lộ trình đến \(target): không thủ tục nào đủ phiếu và dưới mục tiêu; cần nâng các tiêu chí sau trên mọi thủ tục thì chỉ số Sở đạt \(end).",
                             "Path to \(target): no procedure with enough answers is under the target; raise these criteria across all procedures and the department reaches \(end).")
        }
        return lang.pick("Lộ trình đến \(target): nâng cả \(n) thủ tục dưới mục tiêu lên \(target) mới được \(afterProcedures); cần nâng thêm các tiêu chí sau trên mọi thủ tục thì chỉ số Sở đạt \(end).",
                         "Path to \(target): raising all \(n) \(n == 1 ? "procedure" : "procedures") under the target to \(target) gives \(afterProcedures); raise these criteria across all procedures as well and the department reaches \(end).")
    }

    /// "1.000411… · Kiểm tra…: +1,1 điểm → 96,6%".
    static func procedureStep(_ s: TargetPath.ProcedureStep, _ lang: Language) -> String {
        s.code + " · " + s.name + (s.unit.map { " (" + $0 + ")" } ?? "") + ": "
            + NumberFormat.smallPoints(s.gain, lang) + " → " + NumberFormat.percent(s.indexAfter, lang)
    }

    /// "CC3 Hướng dẫn…: 91,9% → 96%, +0,3 điểm → 96,1%".
    static func criterionStep(_ s: TargetPath.CriterionStep, target: Double, _ lang: Language) -> String {
        s.code + " " + s.label + ": " + NumberFormat.percent(s.rate, lang) + " → " + NumberFormat.target(target, lang)
            + ", " + NumberFormat.smallPoints(s.gain, lang) + " → " + NumberFormat.percent(s.indexAfter, lang)
    }

    /// The headline, then one line per step.
    static func pathLines(_ p: TargetPath, _ lang: Language) -> [String] {
        var lines = [pathHeadline(p, lang)]
        for (i, s) in p.procedures.enumerated() { lines.append("  \(i + 1). " + procedureStep(s, lang)) }
        for s in p.criteria { lines.append("  • " + criterionStep(s, target: p.target, lang)) }
        return lines
    }
}
