import SIPASStatistics

/// The words the text reports share (terminal tables, CSV headers, Markdown), in Vietnamese and
/// English, and the small number shapes they print (intervals, changes, the target). One place, so the
/// summary and the flag list say the same thing the same way.
enum Labels {
    /// A missing value in a table.
    static let missing = "—"

    // MARK: Heading

    static func methodName(_ method: IndexMethod, _ lang: Language) -> String {
        switch method {
        case .criteriaMean: lang.pick("trung bình các tiêu chí", "mean of criteria")
        case .pooled: lang.pick("gộp mọi câu trả lời", "pooled answers")
        case .allSatisfied: lang.pick("hài lòng toàn diện", "all satisfied")
        }
    }

    static func period(_ p: SummaryReport.Period, _ lang: Language) -> String {
        var text = lang.pick("Kỳ: ", "Period: ") + p.from + " – " + p.to
        switch (p.firstResponse, p.lastResponse) {
        case let (first?, last?):
            text += lang.pick(" (phiếu đầu \(first), phiếu cuối \(last))", " (first response \(first), last \(last))")
        case let (first?, nil):
            text += lang.pick(" (phiếu đầu \(first))", " (first response \(first))")
        case let (nil, last?):
            text += lang.pick(" (phiếu cuối \(last))", " (last response \(last))")
        case (nil, nil):
            text += lang.pick(" (không có phiếu)", " (no responses)")
        }
        return text
    }

    static func responses(_ n: Int, _ lang: Language) -> String {
        NumberFormat.integer(n, lang) + lang.pick(" phiếu", n == 1 ? " response" : " responses")
    }

    /// The noun for a `--by` grouping, as a column header.
    static func groupHeader(_ by: String, _ lang: Language) -> String {
        switch by {
        case "procedure": lang.pick("Thủ tục", "Procedure")
        case "unit": lang.pick("Đơn vị", "Unit")
        case "month": lang.pick("Tháng", "Month")
        case "quarter": lang.pick("Quý", "Quarter")
        case "channel": lang.pick("Kênh", "Channel")
        default: by
        }
    }

    /// The noun for a `--by` grouping inside a sentence ("thủ tục", "procedures").
    static func groupNoun(_ by: String, _ lang: Language, plural: Bool = false) -> String {
        switch by {
        case "procedure": lang.pick("thủ tục", plural ? "procedures" : "procedure")
        case "unit": lang.pick("đơn vị", plural ? "units" : "unit")
        case "month": lang.pick("tháng", plural ? "months" : "month")
        case "quarter": lang.pick("quý", plural ? "quarters" : "quarter")
        case "channel": lang.pick("kênh", plural ? "channels" : "channel")
        default: lang.pick("nhóm", plural ? "groups" : "group")
        }
    }

    // MARK: Previous year

    /// "năm 2023 theo phiếu đã nhập (1.102 phiếu)" or
    /// "năm 2023 theo số liệu tỉnh công bố (QĐ 2385/QĐ-UBND), hạng 7/20".
    static func previousSource(_ p: SummaryReport.Previous, _ lang: Language) -> String {
        var text = lang.pick("năm \(p.year) ", "\(p.year) ")
        if p.source == "published" {
            text += lang.pick("theo số liệu tỉnh công bố", "as published by the province")
            if let reference = p.reference, !reference.isEmpty { text += " (" + terminalSafe(reference) + ")" }
            if let rank = p.rank {
                if let of = p.rankOf {
                    text += lang.pick(", hạng \(rank)/\(of)", ", rank \(rank) of \(of)")
                } else {
                    text += lang.pick(", hạng \(rank)", ", rank \(rank)")
                }
            }
        } else {
            text += lang.pick("theo phiếu đã nhập", "from imported responses")
            if let n = p.responses { text += " (" + responses(n, lang) + ")" }
        }
        return text
    }

    /// For the flag list: where the previous figures of each group come from.
    static func previousSourceShort(_ source: String?, year: Int, _ lang: Language) -> String {
        switch source {
        case "responses"?:
            lang.pick("So sánh với năm \(year - 1) theo phiếu đã nhập.", "Compared with \(year - 1) from imported responses.")
        case "published"?:
            lang.pick("Năm \(year - 1) chỉ có số liệu tỉnh công bố cho cả Sở: không so sánh được từng nhóm.",
                      "\(year - 1) has only the province's published figures for the whole department: no comparison per group.")
        default:
            lang.pick("Chưa có số liệu năm \(year - 1): không so sánh với năm trước.",
                      "No figures for \(year - 1): no comparison with last year.")
        }
    }

    // MARK: Marks and verdicts

    /// A change's direction when its interval excludes zero.
    static func changeArrow(_ c: ChangeValue) -> String? {
        guard c.clear else { return nil }
        return c.value > 0 ? "▲" : "▼"
    }

    /// "▲ rõ rệt" / "▼ rõ rệt" when the change is clear, "(chưa rõ)" otherwise.
    static func changeWord(_ c: ChangeValue, _ lang: Language) -> String {
        guard let arrow = changeArrow(c) else { return lang.pick("(chưa rõ)", "(not clear)") }
        return arrow + lang.pick(" rõ rệt", " clear")
    }

    /// The verdict in words, with its text mark (colour may double the mark, never replace it).
    static func verdict(_ v: Verdict, _ lang: Language, mark: Bool = true) -> String {
        let (symbol, words): (String, String) = switch v {
        case .belowTarget: ("✗", lang.pick("dưới mục tiêu", "below target"))
        case .possiblyBelowTarget: ("?", lang.pick("có thể dưới mục tiêu", "possibly below target"))
        case .fell: ("▼", lang.pick("giảm so với năm trước", "fell since last year"))
        case .tooFewAnswers: ("", lang.pick("ít phiếu — chưa kết luận", "too few answers — no verdict"))
        }
        return mark && !symbol.isEmpty ? symbol + " " + words : words
    }

    /// The verdict against the target alone (fall is shown in the change column), for table rows.
    static func targetMark(index: Interval?, answers: Int, target: Double, minAnswers: Int, _ lang: Language) -> String {
        let flags = verdicts(index: index, change: nil, responses: answers, target: target, minimumAnswers: minAnswers)
        guard let first = flags.first else { return "" }
        if first == .tooFewAnswers {
            return index == nil ? "" : lang.pick("ít phiếu (<\(minAnswers))", "few answers (<\(minAnswers))")
        }
        return verdict(first, lang)
    }

    /// The headline's verdict: also says when the target is met.
    static func headlineMark(index: Interval, responses: Int, target: Double, minAnswers: Int, _ lang: Language) -> String {
        if responses < minAnswers { return verdict(.tooFewAnswers, lang) }
        if index.high < target { return verdict(.belowTarget, lang) }
        if index.value < target { return verdict(.possiblyBelowTarget, lang) }
        if index.low >= target { return lang.pick("✓ đạt mục tiêu", "✓ meets target") }
        return lang.pick("✓ đạt mục tiêu (khoảng tin cậy còn chạm dưới)", "✓ meets target (interval reaches below)")
    }

    static func legend(_ target: Double, _ lang: Language) -> String {
        let t = NumberFormat.target(target, lang)
        return lang.pick(
            "✗ dưới mục tiêu: cả khoảng tin cậy 95% nằm dưới \(t); ? có thể dưới mục tiêu: ước lượng dưới \(t), khoảng tin cậy chạm mục tiêu; ▲/▼: thay đổi rõ rệt (khoảng tin cậy của chênh lệch không chứa 0).",
            "✗ below target: the whole 95% interval lies under \(t); ? possibly below target: estimate under \(t), interval reaches it; ▲/▼: clear change (the interval of the difference excludes 0).")
    }

    // MARK: Colour

    enum Colour: String {
        case red = "\u{1B}[31m"
        case yellow = "\u{1B}[33m"
        case green = "\u{1B}[32m"
    }

    static let reset = "\u{1B}[0m"

    /// Wraps a text mark in colour when asked; the text is always there.
    static func paint(_ text: String, _ colour: Colour?, _ on: Bool) -> String {
        guard on, let colour, !text.isEmpty else { return text }
        return colour.rawValue + text + reset
    }

    /// The colour a mark deserves, by its leading symbol.
    static func colour(of mark: String) -> Colour? {
        switch mark.first {
        case "✗", "▼": .red
        case "?": .yellow
        case "▲", "✓": .green
        default: nil
        }
    }

    static func painted(_ mark: String, _ on: Bool) -> String { paint(mark, colour(of: mark), on) }

    // MARK: User text

    /// User text for a terminal: control characters (ESC and the like, which could drive the terminal)
    /// and bidirectional overrides become U+FFFD; line breaks and tabs become spaces.
    static func terminalSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafeScalar) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: out.append(" ")
            default: out.append(isUnsafeScalar(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return String(out)
    }

    private static func isUnsafeScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// At most `limit` characters, cut at a word boundary when one is near, with "…".
    static func shorten(_ text: String, to limit: Int) -> String {
        let text = text.trimmingWhitespace
        guard text.count > limit else { return text }
        var cut = String(text.prefix(limit - 1))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit * 2 / 3 {
            cut = String(cut[..<space])
        }
        while let last = cut.last, last == " " || last == "," || last == ";" || last == "." { cut.removeLast() }
        return cut + "…"
    }

    /// Element code → label, for footnotes.
    static func elementLabel(_ code: String, in report: SummaryReport) -> String? {
        report.elements.first { $0.code == code }?.label
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

extension NumberFormat {
    /// An interval of shares as percentages without the sign: `[94,1–97,8]` (vi) / `[94.1–97.8]` (en).
    static func interval(_ i: Interval, _ lang: Language, digits: Int = 1) -> String {
        "[" + decimal(i.low * 100, lang, digits: digits) + "–" + decimal(i.high * 100, lang, digits: digits) + "]"
    }

    /// A percentage followed by its interval: `96,4% [94,1–97,8]`.
    static func estimate(_ i: Interval, _ lang: Language) -> String {
        percent(i.value, lang) + " " + interval(i, lang)
    }

    /// A change's interval in points, signed: `[−3,5; −0,2]` (vi) / `[−3.5, −0.2]` (en). An end that is not
    /// zero but would round to it gets two decimals (`[+0,03; +1,5]`), so a clear change never shows `0,0`.
    static func changeInterval(_ c: ChangeValue, _ lang: Language) -> String {
        "[" + decimal(c.low * 100, lang, digits: digitsKeepingSign(c.low), sign: true) + lang.pick("; ", ", ")
            + decimal(c.high * 100, lang, digits: digitsKeepingSign(c.high), sign: true) + "]"
    }

    /// Points with one decimal, or two when one would round a non-zero value to zero: `+0,04 điểm`.
    static func smallPoints(_ fraction: Double, _ lang: Language) -> String {
        points(fraction, lang, digits: digitsKeepingSign(fraction))
    }

    private static func digitsKeepingSign(_ fraction: Double) -> Int {
        fraction != 0 && abs(fraction * 100) < 0.05 ? 2 : 1
    }

    /// A change in points without the unit, for table columns: `+1,7`, `−4,1`, `0,0`.
    static func changeShort(_ c: ChangeValue, _ lang: Language) -> String {
        decimal(c.value * 100, lang, digits: 1, sign: true)
    }

    /// A percentage without the `%`, for narrow columns: `96,1`.
    static func percentShort(_ fraction: Double, _ lang: Language) -> String {
        decimal(fraction * 100, lang, digits: 1)
    }

    /// The target as people say it: `96%`, or `96,5%` when it has a decimal.
    static func target(_ fraction: Double, _ lang: Language) -> String {
        let tenths = (fraction * 1000).rounded()
        return percent(fraction, lang, digits: tenths.truncatingRemainder(dividingBy: 10) == 0 ? 0 : 1)
    }
}
