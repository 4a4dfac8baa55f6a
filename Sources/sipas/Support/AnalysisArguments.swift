import ArgumentParser
import SIPASKit
import SIPASStatistics

/// The options `summary`, `flag` and `report` share.
struct AnalysisArguments: ParsableArguments {
    @Option(help: "Năm (mặc định: năm mới nhất có dữ liệu). (Year; default: latest with data.)")
    var year: Int?

    @Option(help: "Từ ngày, ví dụ 01/04/2024. (From date.)")
    var from: String?

    @Option(help: "Đến ngày, ví dụ 30/06/2024. (To date.)")
    var to: String?

    @Option(help: "So với năm (mặc định: năm trước). (Compare with year; default: the year before.)")
    var compare: Int?

    @Option(help: "Cách tính: criteria-mean, pooled, all-satisfied. (Method.)")
    var method: IndexMethod = .criteriaMean

    @Option(help: "Mục tiêu, phần trăm (mặc định 96). (Target, percent.)")
    var target: Double = 96

    @Option(name: .customLong("min-answers"), help: "Số phiếu tối thiểu để đánh giá (mặc định 30). (Minimum answers.)")
    var minAnswers: Int = Verdict.defaultMinimumAnswers

    @Flag(name: .customLong("show-personal-data"),
          help: "Hiện số điện thoại, số CCCD/CMND, thư điện tử trong ý kiến (mặc định che; chỉ dùng khi được phép). (Show personal data.)")
    var showPersonalData = false

    func validate() throws {
        if let from, DayRange.parseDay(from) == nil { throw ValidationError("--from: a date such as 01/04/2024") }
        if let to, DayRange.parseDay(to) == nil { throw ValidationError("--to: a date such as 30/06/2024") }
        if !(0 < target && target <= 100) { throw ValidationError("--target: a percentage between 0 and 100") }
        if minAnswers < 1 { throw ValidationError("--min-answers: 1 or more") }
    }

    func options(_ lang: Language) -> AnalysisOptions {
        var o = AnalysisOptions()
        o.year = year
        o.from = from.flatMap(DayRange.parseDay)
        o.to = to.flatMap(DayRange.parseDay)
        if let year, o.from == nil, o.to != nil { o.from = year * 10000 + 101 }
        if o.from != nil, o.to == nil { o.to = (o.from! / 10000) * 10000 + 1231 }
        if o.to != nil, o.from == nil { o.from = (o.to! / 10000) * 10000 + 101 }
        o.compare = compare
        o.method = method
        o.target = target / 100
        o.minAnswers = minAnswers
        o.language = lang
        o.showPersonalData = showPersonalData
        return o
    }
}

extension IndexMethod: ExpressibleByArgument {}
extension GroupDimension: ExpressibleByArgument {}

enum ReportFormat: String, ExpressibleByArgument { case table, csv, json, markdown, xlsx }
