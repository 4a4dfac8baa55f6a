import ArgumentParser
import Foundation
import SIPASKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Viết báo cáo năm thành một tệp HTML tự chứa, in được khổ A4. (Write the year's HTML report.)",
        discussion: """
            Không cần mạng: biểu đồ là SVG nằm trong tệp. (No network: charts are inline SVG.)
            Ví dụ / Example: sipas report --year 2024 --out bao-cao-2024.html
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var language: LanguageOption

    @Option(help: "Tệp HTML ghi ra (mặc định: in ra stdout). (Output file; default stdout.)")
    var out: String?

    @Option(help: "Tên đơn vị in trên báo cáo. (Department name.)")
    var department: String?

    func run() throws {
        let lang = language.lang
        do {
            let db = try database.open()
            let document = try Analyst(database: db).document(analysis.options(lang), department: department)
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
