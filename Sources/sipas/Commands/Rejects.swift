import ArgumentParser
import SIPASKit

struct Rejects: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Liệt kê các hàng bị loại để sửa và nhập lại. (List rejected rows to fix and re-import.)",
        discussion: """
            Ví dụ / Examples:
              sipas rejects --format csv > hang-bi-loai.csv
              sipas rejects --format xlsx --out hang-bi-loai.xlsx
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption
    @Option(help: "Chỉ các hàng của tệp này. (Only rows of this file.)")
    var file: String?
    @Option(help: "table, csv, json hoặc xlsx (cần --out). (Output format; xlsx needs --out.)")
    var format: RejectsFormat = .table

    @Option(help: "Tệp ghi ra (mặc định: stdout). (Output file; default stdout.)")
    var out: String?

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        do {
            let records = try database.open().rejectRecords(file: file)
            switch format {
            case .table: try OutputFile.emit(ImportLogRenderer.rejectsTable(records, lang), to: out)
            case .json: try OutputFile.emit(JSONText.encode(records), to: out)
            case .csv: try OutputFile.emit(ImportLogRenderer.rejectsCSV(records, lang), to: out)
            case .xlsx:
                try WorkbookRenderer.write(rejects: records, lang: lang, to: workbook!)
                OutputFile.wroteWorkbook(workbook!, lang)
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
