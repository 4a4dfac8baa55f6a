import ArgumentParser
import SIPASKit

struct Rejects: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rejects",
        abstract: "Liệt kê các hàng bị loại để sửa và nhập lại. (List rejected rows to fix and re-import.)",
        discussion: """
            Mặc định chỉ các hàng còn phải sửa; --all cả các hàng đã sửa ở lần nhập sau.
            By default only the rows still to fix; --all adds those fixed by a later import.
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
    @Flag(help: "Cả các hàng đã được sửa ở lần nhập sau, kèm nơi sửa. (Rows fixed by a later import too, with where.)")
    var all = false
    @Flag(name: .customLong("show-personal-data"),
          help: "Hiện số điện thoại, số CCCD/CMND, thư điện tử trong nội dung hàng (mặc định che). (Show personal data.)")
    var showPersonalData = false

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        do {
            let list = try Analyst(database: database.open()).rejects(file: file, includeResolved: all,
                                                                     showPersonalData: showPersonalData)
            switch format {
            case .table:
                try OutputFile.emit(ImportLogRenderer.rejectsTable(list.records, lang, resolvedHidden: list.resolvedHidden), to: out)
            case .json: try OutputFile.emit(JSONText.encode(list.records), to: out)
            case .csv: try OutputFile.emit(ImportLogRenderer.rejectsCSV(list.records, lang, withResolved: all), to: out)
            case .xlsx:
                try WorkbookRenderer.write(rejects: list.records, lang: lang, to: workbook!)
                OutputFile.wroteWorkbook(workbook!, lang)
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
