import SIPASStatistics

/// The words and number shapes of the HTML report, Vietnamese and English. Kept to the HTML
/// renderer on purpose (the text renderers have their own); everything returned here is plain
/// text that the caller still escapes — data never passes through these functions unescaped into
/// markup.
enum HtmlWords {
    // MARK: numbers

    /// `0.9643` → `96,4%`; nil → `—`.
    /// With `target`, a value that one decimal would print as the target gets more digits (`95,96%`).
    static func percent(_ fraction: Double?, _ lang: Language, target: Double? = nil) -> String {
        guard let fraction else { return "—" }
        return bound(fraction, lang, against: target) + "%"
    }

    /// The target as people write it: `96%` (one decimal only when it has one: `96,5%`).
    static func target(_ target: Double, _ lang: Language) -> String {
        let x = target * 100
        let digits = abs(x - x.rounded()) < 1e-9 ? 0 : 1
        return NumberFormat.percent(target, lang, digits: digits)
    }

    /// An interval of shares, compact: `95,1–97,5%`. A bound that would round onto `target` without
    /// being on it gets more digits (`95,96–97,5%`, not `96,0–97,5%` for an interval that does not
    /// reach 96%), so the numbers never contradict the verdict next to them.
    static func range(_ interval: Interval, _ lang: Language, target: Double? = nil) -> String {
        bound(interval.low, lang, against: target) + "–" + bound(interval.high, lang, against: target) + "%"
    }

    /// `KTC 95%: 95,1–97,5%` / `95% CI: 95.1–97.5%`.
    static func ci(_ interval: Interval, _ lang: Language, target: Double? = nil) -> String {
        lang.pick("KTC 95%: ", "95% CI: ") + range(interval, lang, target: target)
    }

    /// A share (or a change, `sign: true`) in percent with one decimal, or up to three when one decimal
    /// would print it equal to `threshold` although it is not (`+0,02`, never `0,0` for a clear rise).
    static func bound(_ fraction: Double, _ lang: Language, against threshold: Double?, sign: Bool = false) -> String {
        var digits = 1
        if let threshold, fraction != threshold {
            while digits < 3 && NumberFormat.decimal(fraction * 100, lang, digits: digits)
                == NumberFormat.decimal(threshold * 100, lang, digits: digits) {
                digits += 1
            }
        }
        return NumberFormat.decimal(fraction * 100, lang, digits: digits, sign: sign)
    }

    /// A change in points: `+1,2 điểm` / `+1.2 pt`.
    static func points(_ fraction: Double, _ lang: Language) -> String {
        NumberFormat.points(fraction, lang)
    }

    /// A change's interval in points: `−0,4 đến +3,5 điểm` / `−0.4 to +3.5 pt`.
    static func changeRange(_ change: ChangeValue, _ lang: Language) -> String {
        bound(change.low, lang, against: 0, sign: true) + lang.pick(" đến ", " to ")
            + bound(change.high, lang, against: 0, sign: true) + lang.pick(" điểm", " pt")
    }

    /// Whether a change is clear, in words.
    static func changeVerdict(_ change: ChangeValue, _ lang: Language) -> String {
        if change.clear {
            return change.value > 0 ? lang.pick("tăng rõ rệt", "a clear rise") : lang.pick("giảm rõ rệt", "a clear fall")
        }
        return lang.pick("chưa rõ thay đổi (khoảng tin cậy chứa 0)", "no clear change (the interval includes 0)")
    }

    /// `▲` / `▼` for a clear change, nothing otherwise (the marks of the text reports too).
    static func changeSymbol(_ change: ChangeValue) -> String {
        guard change.clear else { return "" }
        return change.value > 0 ? "▲" : "▼"
    }

    static func changeMethod(_ method: String, _ lang: Language) -> String {
        switch method {
        case "newcombe": return lang.pick("phương pháp Newcombe", "Newcombe's method")
        case "mover": return lang.pick("phương pháp MOVER", "MOVER method")
        case "published": return lang.pick("so với số liệu công bố, coi là cố định", "against the published figure, taken as fixed")
        default: return method
        }
    }

    // MARK: dates

    /// `2024-03-05` → `05/03/2024` (vi) or unchanged (en). Anything else is returned as is.
    static func date(_ iso: String, _ lang: Language) -> String {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard lang == .vi, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return iso }
        return "\(parts[2])/\(parts[1])/\(parts[0])"
    }

    /// `2025-01-10T08:15:30+07:00` → `10/01/2025 08:15 (+07:00)`; anything else unchanged.
    static func timestamp(_ iso: String, _ lang: Language) -> String {
        guard let t = iso.firstIndex(where: { $0 == "T" || $0 == " " }) else { return date(iso, lang) }
        let day = date(String(iso[..<t]), lang)
        let rest = iso[iso.index(after: t)...]
        guard rest.count >= 5 else { return iso }
        let hhmm = String(rest.prefix(5))
        var zone = ""
        if let z = rest.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            let tail = String(rest[z...])
            zone = tail == "Z" ? " (UTC)" : " (\(tail))"
        }
        return day + " " + hhmm + zone
    }

    // MARK: method, verdicts, sources

    static func method(_ method: IndexMethod, _ lang: Language) -> String {
        switch method {
        case .criteriaMean:
            return lang.pick("trung bình các tiêu chí (chỉ số yếu tố = trung bình tỷ lệ hài lòng các tiêu chí; "
                             + "chỉ số SIPAS = trung bình các yếu tố)",
                             "mean of criteria (element index = mean of its criteria's satisfaction rates; "
                             + "SIPAS index = mean of the elements)")
        case .pooled:
            return lang.pick("gộp chung (tổng số câu trả lời hài lòng chia cho tổng số câu trả lời)",
                             "pooled (all satisfied answers over all answers)")
        case .allSatisfied:
            return lang.pick("hài lòng toàn diện (tỷ lệ người hài lòng với mọi tiêu chí đã trả lời)",
                             "all-satisfied (share of respondents satisfied with every criterion they answered)")
        }
    }

    static func verdict(_ v: Verdict, _ lang: Language) -> String {
        switch v {
        case .belowTarget: return lang.pick("dưới mục tiêu", "below target")
        case .possiblyBelowTarget: return lang.pick("có thể dưới mục tiêu", "possibly below target")
        case .fell: return lang.pick("giảm so với năm trước", "fell since last year")
        case .tooFewAnswers: return lang.pick("ít phiếu — chưa kết luận", "too few answers — no verdict")
        }
    }

    /// A symbol that carries the verdict without colour: the same marks as the text reports (`Labels`).
    static func verdictSymbol(_ v: Verdict) -> String {
        switch v {
        case .belowTarget: return "✗"
        case .possiblyBelowTarget: return "?"
        case .fell: return "▼"
        case .tooFewAnswers: return "○"
        }
    }

    static func verdictClass(_ v: Verdict) -> String {
        switch v {
        case .belowTarget: return "v-below"
        case .possiblyBelowTarget: return "v-possibly"
        case .fell: return "v-fell"
        case .tooFewAnswers: return "v-few"
        }
    }

    static func meetsTarget(_ lang: Language) -> String { lang.pick("đạt mục tiêu", "meets target") }

    /// `theo phiếu năm 2023 đã nhập` / `theo số liệu tỉnh công bố`.
    static func sourceShort(_ p: SummaryReport.Previous, _ lang: Language) -> String {
        p.source == "published"
            ? lang.pick("theo số liệu tỉnh công bố", "as published by the province")
            : lang.pick("theo phiếu năm \(p.year) đã nhập", "from the \(p.year) responses imported")
    }

    // MARK: trend

    /// The axis label of one trend point: (`T3`, `2024`) or (`Quý 1`, `2024`); en (`Mar`, `2024`), (`Q1`, `2024`).
    static func trendLabel(_ key: String, _ lang: Language) -> (period: String, year: String) {
        let parts = key.split(separator: "-").map(String.init)
        guard parts.count == 2 else { return (key, "") }
        let year = parts[0]
        if parts[1].hasPrefix("Q") {
            return (lang.pick("Quý " + parts[1].dropFirst(), parts[1]), year)
        }
        guard let m = Int(parts[1]), (1...12).contains(m) else { return (key, "") }
        let en = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return (lang.pick("T\(m)", en[m - 1]), year)
    }

    /// `tháng 8/2024` / `Aug 2024`, `quý 3/2024` / `Q3 2024`, for sentences.
    static func trendName(_ key: String, _ lang: Language) -> String {
        let parts = key.split(separator: "-").map(String.init)
        guard parts.count == 2 else { return key }
        if parts[1].hasPrefix("Q") {
            return lang.pick("quý \(parts[1].dropFirst())/\(parts[0])", "\(parts[1]) \(parts[0])")
        }
        guard let m = Int(parts[1]), (1...12).contains(m) else { return key }
        let (short, _) = trendLabel(key, .en)
        return lang.pick("tháng \(m)/\(parts[0])", "\(short) \(parts[0])")
    }
}
