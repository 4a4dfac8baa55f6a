/// Sheet names and column headers of the workbooks, Vietnamese and English. Sheet names are at most
/// 31 characters and use none of `[ ] : * ? / \` (a test checks every one).
enum WorkbookWords {
    static func overview(_ lang: Language) -> String { lang.pick("Tổng quan", "Overview") }
    static func criteria(_ lang: Language) -> String { lang.pick("Tiêu chí", "Criteria") }
    static func flags(_ lang: Language) -> String { lang.pick("Cảnh báo", "Flags") }
    static func comments(_ lang: Language) -> String { lang.pick("Ý kiến người dân", "Comments") }
    static func rejects(_ lang: Language) -> String { lang.pick("Hàng bị loại", "Rejected rows") }
    static func imports(_ lang: Language) -> String { lang.pick("Tệp đã nhập", "Imported files") }

    /// The sheet of a `--by` grouping.
    static func groups(_ by: String, _ lang: Language) -> String {
        switch by {
        case "procedure": lang.pick("Thủ tục", "Procedures")
        case "unit": lang.pick("Đơn vị", "Units")
        case "month": lang.pick("Tháng", "Months")
        case "quarter": lang.pick("Quý", "Quarters")
        case "channel": lang.pick("Kênh", "Channels")
        case "respondent-type": lang.pick("Đối tượng", "Respondent types")
        default: by
        }
    }

    /// The column header naming a group.
    static func groupHeader(_ by: String, _ lang: Language) -> String {
        by == "respondent-type" ? lang.pick("Đối tượng", "Respondent type") : Labels.groupHeader(by, lang)
    }

    static func title(_ year: Int, _ lang: Language) -> String {
        lang.pick("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) năm \(year)",
                  "Satisfaction Index of Public Administrative Services (SIPAS), \(year)")
    }

    // Column headers shared by several sheets.
    static func code(_ lang: Language) -> String { lang.pick("Mã", "Code") }
    static func responses(_ lang: Language) -> String { lang.pick("Số phiếu", "Responses") }
    static func index(_ lang: Language) -> String { lang.pick("Chỉ số", "Index") }
    static func low(_ lang: Language) -> String { lang.pick("KTC 95% - cận dưới", "95% interval - low") }
    static func high(_ lang: Language) -> String { lang.pick("KTC 95% - cận trên", "95% interval - high") }
    static func target(_ lang: Language) -> String { lang.pick("Mục tiêu", "Target") }
    static func gap(_ lang: Language) -> String { lang.pick("Chênh lệch so với mục tiêu (điểm)", "Gap to target (points)") }
    static func previous(_ lang: Language) -> String { lang.pick("Năm trước", "Previous year") }
    static func change(_ lang: Language) -> String { lang.pick("Thay đổi (điểm)", "Change (points)") }
    static func changeLow(_ lang: Language) -> String { lang.pick("Thay đổi - cận dưới", "Change - low") }
    static func changeHigh(_ lang: Language) -> String { lang.pick("Thay đổi - cận trên", "Change - high") }
    static func changeClear(_ lang: Language) -> String { lang.pick("Thay đổi rõ rệt", "Clear change") }
    static func verdict(_ lang: Language) -> String { lang.pick("Đánh giá", "Verdict") }
    static func rank(_ lang: Language) -> String { lang.pick("Hạng", "Rank") }
    static func unit(_ lang: Language) -> String { lang.pick("Đơn vị", "Unit") }

    static func shadingNote(_ target: Double, _ lang: Language) -> String {
        let t = NumberFormat.target(target, lang)
        return lang.pick("Hàng tô đỏ: dưới mục tiêu \(t) (cả khoảng tin cậy 95% nằm dưới); tô vàng: có thể dưới mục tiêu.",
                         "Rows shaded red: below the \(t) target (the whole 95% interval under it); yellow: possibly below.")
    }

    static func numbersNote(_ lang: Language) -> String {
        lang.pick("Tỷ lệ và chỉ số là số (phân số hiển thị dạng %); thay đổi và chênh lệch tính bằng điểm phần trăm.",
                  "Rates and indices are numbers (fractions shown as %); changes and gaps are in percentage points.")
    }
}
