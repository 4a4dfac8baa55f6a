import ArgumentParser
import Foundation
import SIPASKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Viết báo cáo năm thành một tệp HTML tự chứa, in được khổ A4, hoặc một bảng tính. (Write the year's report.)",
        discussion: """
            Không cần mạng: biểu đồ là SVG nằm trong tệp. (No network: charts are inline SVG.)
            --format xlsx: một bảng tính nhiều trang (tổng quan, tiêu chí, thủ tục, đơn vị, tháng, cảnh báo, ý kiến,
            hàng bị loại) với biểu đồ Excel. (One workbook with a sheet per part and native charts.)
            Ví dụ / Examples:
              sipas report --year 2024 --out bao-cao-2024.html
              sipas report --year 2024 --format xlsx --out bao-cao-2024.xlsx
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var language: LanguageOption

    @Option(help: "html hoặc xlsx (cần --out). (Output format; xlsx needs --out.)")
    var format: DocumentFormat = .html

    @Option(help: "Tệp ghi ra (mặc định: in ra stdout). (Output file; default stdout.)")
    var out: String?

    @Option(help: "Tên đơn vị in trên báo cáo. (Department name.)")
    var department: String?

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        do {
            let db = try database.open()
            let document = try Analyst(database: db).document(analysis.options(lang), department: department)
            if let workbook {
                try WorkbookRenderer.write(document, lang: lang, to: workbook)
                return OutputFile.wroteWorkbook(workbook, lang)
            }
            let html = HtmlReport.render(document, lang: lang, source: .init(
                version: SIPAS.configuration.version, database: (db.path as NSString).lastPathComponent))
            if let out {
                try OutputFile.write(html, to: out)
                Output.err(lang.pick("Đã ghi báo cáo: \(TerminalText.name(out))\n", "Report written: \(TerminalText.name(out))\n"))
            } else {
                Output.out(html)
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
