import ArgumentParser
import SIPASKit

struct FlagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flag",
        abstract: "Cảnh báo các thủ tục kéo chỉ số xuống, việc cần sửa trước. (Flag the weak procedures.)",
        discussion: """
            Xếp theo mức chỉ số Sở tăng nếu thủ tục đạt mục tiêu. Mã thoát 0 dù có cảnh báo hay không.
            Ordered by how much the department's index would gain. Exit code 0 whether or not anything is flagged.
            Ví dụ / Examples:
              sipas flag --year 2024
              sipas flag --year 2024 --format markdown > canh-bao.md
              sipas flag --by unit --lang en
              sipas flag --year 2024 --format xlsx --out canh-bao-2024.xlsx
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var language: LanguageOption

    @Option(help: "procedure hoặc unit. (Group by.)")
    var by: FlagGrouping = .procedure

    @Flag(help: "Liệt kê cả thủ tục không bị cảnh báo. (List unflagged ones too.)")
    var all = false

    @Option(help: "table, csv, json, markdown hoặc xlsx (cần --out). (Output format; xlsx needs --out.)")
    var format: ReportFormat = .table

    @Option(help: "Tệp ghi ra (mặc định: stdout). (Output file; default stdout.)")
    var out: String?

    enum FlagGrouping: String, ExpressibleByArgument { case procedure, unit }

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        do {
            var options = analysis.options(lang)
            options.by = by == .unit ? .unit : .procedure
            options.all = all
            let report = try Analyst(database: database.open()).flags(options)
            switch format {
            case .table:
                try OutputFile.emit(FlagRenderer.table(report, lang: lang, color: out == nil && Output.colorOnStdout), to: out)
            case .csv: try OutputFile.emit(FlagRenderer.csv(report, lang: lang), to: out)
            case .json: try OutputFile.emit(FlagRenderer.json(report), to: out)
            case .markdown: try OutputFile.emit(FlagRenderer.markdown(report, lang: lang), to: out)
            case .xlsx:
                try WorkbookRenderer.write(report, lang: lang, to: workbook!)
                OutputFile.wroteWorkbook(workbook!, lang)
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
