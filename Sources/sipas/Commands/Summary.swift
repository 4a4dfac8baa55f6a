import ArgumentParser
import SIPASKit

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Tổng hợp chỉ số SIPAS theo yếu tố, tiêu chí, thủ tục, đơn vị, kỳ. (Satisfaction summary.)",
        discussion: """
            So với mục tiêu 96% và với năm trước, kèm khoảng tin cậy 95%.
            Against the 96% target and the previous year, with 95% intervals.
            Ví dụ / Examples:
              sipas summary --year 2024
              sipas summary --year 2024 --by procedure --format csv > thu-tuc-2024.csv
              sipas summary --from 01/04/2024 --to 30/06/2024 --lang en
              sipas summary --year 2024 --by month --format xlsx --out thang-2024.xlsx
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var language: LanguageOption

    @Option(help: "Nhóm theo: element, procedure, unit, channel, respondent-type, quarter, month. (Group by.)")
    var by: Grouping?

    @Option(help: "table, csv, json, markdown hoặc xlsx (cần --out). (Output format; xlsx needs --out.)")
    var format: ReportFormat = .table

    @Option(help: "Tệp ghi ra (mặc định: stdout). (Output file; default stdout.)")
    var out: String?

    enum Grouping: String, ExpressibleByArgument {
        case element, procedure, unit, channel, respondentType = "respondent-type", quarter, month
        var dimension: GroupDimension? { self == .element ? nil : GroupDimension(rawValue: rawValue) }
    }

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        do {
            var options = analysis.options(lang)
            options.by = by?.dimension
            let report = try Analyst(database: database.open()).summary(options)
            switch format {
            case .table:
                try OutputFile.emit(SummaryRenderer.table(report, lang: lang, color: out == nil && Output.colorOnStdout), to: out)
            case .csv: try OutputFile.emit(SummaryRenderer.csv(report, lang: lang), to: out)
            case .json: try OutputFile.emit(SummaryRenderer.json(report), to: out)
            case .markdown: try OutputFile.emit(SummaryRenderer.markdown(report, lang: lang), to: out)
            case .xlsx:
                try WorkbookRenderer.write(report, lang: lang, to: workbook!)
                OutputFile.wroteWorkbook(workbook!, lang)
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
