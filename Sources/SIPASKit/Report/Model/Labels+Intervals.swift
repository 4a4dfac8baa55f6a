import SIPASStatistics

/// The words for how intervals were made and what a comparison was computed on (issue 9), shared
/// by every renderer so that each output names the interval method and a common-criteria basis.
extension Labels {
    /// The interval method's short name, as the outputs print it.
    static func intervalMethodName(_ method: IntervalMethod, _ lang: Language) -> String {
        switch method {
        case .shrunkDesignT:
            lang.pick("Wilson theo cỡ mẫu hiệu dụng, hiệu ứng thiết kế co về tương quan hoàn toàn, phân vị t (shrunk-design-t)",
                      "Wilson at an effective sample size, design effect shrunk towards perfect correlation, t quantile (shrunk-design-t)")
        case .kishWilson:
            lang.pick("Wilson theo cỡ mẫu hiệu dụng Kish (kish-wilson)", "Wilson at Kish's effective sample size (kish-wilson)")
        default:
            method.rawValue
        }
    }

    /// How the 95% intervals were made, for the footnote (every report names its method).
    static func intervalNote(_ method: IndexMethod, _ interval: IntervalMethod, _ lang: Language) -> String {
        let name = intervalMethodName(interval, lang)
        switch method {
        case .criteriaMean, .pooled:
            return lang.pick("Khoảng tin cậy 95%: Wilson cho tiêu chí; cho yếu tố và chỉ số: ",
                             "95% intervals: Wilson for criteria; for elements and the index: ") + name + "."
        case .allSatisfied:
            return lang.pick("Khoảng tin cậy 95%: Wilson cho tiêu chí và chỉ số; cho yếu tố: ",
                             "95% intervals: Wilson for criteria and the index; for elements: ") + name + "."
        }
    }

    /// " (trên 16 tiêu chí chung)" after a change computed on the common criteria; "" otherwise.
    static func commonSuffix(_ change: ChangeValue?, _ lang: Language) -> String {
        guard let codes = change?.commonCriteria else { return "" }
        return lang.pick(" (trên \(codes.count) tiêu chí chung)", " (on \(codes.count) common criteria)")
    }

    /// The footnote for a summary compared on the common criteria; nil when all criteria are common.
    static func comparisonNote(_ r: SummaryReport, _ lang: Language) -> String? {
        guard let basis = r.comparison, let common = basis.commonCriteria, let year = r.previous?.year else { return nil }
        var text = lang.pick(
            "Thay đổi của chỉ số và yếu tố so với năm \(year) tính trên \(common.count) tiêu chí có ở cả hai năm",
            "Index and element changes against \(year) are on the \(common.count) criteria both years have")
        var parts: [String] = []
        if !basis.leftOut.isEmpty {
            parts.append(lang.pick("không tính ", "left out: ") + basis.leftOut.joined(separator: ", ")
                         + lang.pick(" (năm \(year) không có)", " (not in \(year))"))
        }
        if !basis.previousOnly.isEmpty {
            parts.append(lang.pick("chỉ năm \(year) có: ", "only in \(year): ") + basis.previousOnly.joined(separator: ", "))
        }
        if !parts.isEmpty { text += " (" + parts.joined(separator: "; ") + ")" }
        if let now = basis.currentIndex {
            text += lang.pick("; năm nay trên các tiêu chí đó: ", "; this year on those criteria: ")
                + NumberFormat.percent(now.value, lang)
        }
        return terminalSafe(text) + "."
    }
}
