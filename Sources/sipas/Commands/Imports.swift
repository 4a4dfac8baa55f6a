import ArgumentParser
import SIPASKit

struct Imports: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imports",
        abstract: "Liệt kê các tệp đã nhập: lúc nào, tệp nào, mã băm. (List imported files.)",
        discussion: """
            Ví dụ / Examples:
              sipas imports --format json
              sipas imports --format xlsx --out tep-da-nhap.xlsx
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption
    @Option(help: "table, json hoặc xlsx (cần --out). (Output format; xlsx needs --out.)")
    var format: ImportsFormat = .table

    @Option(help: "Tệp ghi ra (mặc định: stdout). (Output file; default stdout.)")
    var out: String?

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        do {
            let records = try database.open().importRecords()
            switch format {
            case .table: try OutputFile.emit(ImportLogRenderer.importsTable(records, lang), to: out)
            case .json: try OutputFile.emit(JSONText.encode(records), to: out)
            case .xlsx:
                try WorkbookRenderer.write(imports: records, lang: lang, to: workbook!)
                OutputFile.wroteWorkbook(workbook!, lang)
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}

enum ListFormat: String, ExpressibleByArgument { case table, json, csv }
