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
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var language: LanguageOption

    @Option(help: "procedure hoặc unit. (Group by.)")
    var by: FlagGrouping = .procedure

    @Flag(help: "Liệt kê cả thủ tục không bị cảnh báo. (List unflagged ones too.)")
    var all = false

    @Option(help: "table, csv, json hoặc markdown. (Output format.)")
    var format: ReportFormat = .table

    enum FlagGrouping: String, ExpressibleByArgument { case procedure, unit }

    func run() throws {
        let lang = language.lang
        do {
            var options = analysis.options(lang)
            options.by = by == .unit ? .unit : .procedure
            options.all = all
            let report = try Analyst(database: database.open()).flags(options)
            switch format {
            case .table: Output.out(FlagRenderer.table(report, lang: lang, color: Output.colorOnStdout))
            case .csv: Output.out(FlagRenderer.csv(report, lang: lang))
            case .json: Output.out(FlagRenderer.json(report))
            case .markdown: Output.out(FlagRenderer.markdown(report, lang: lang))
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
