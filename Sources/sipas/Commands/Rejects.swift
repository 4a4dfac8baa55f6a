import ArgumentParser
import SIPASKit

struct Rejects: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Liệt kê các hàng bị loại để sửa và nhập lại. (List rejected rows to fix and re-import.)",
        discussion: "Ví dụ / Example: sipas rejects --format csv > hang-bi-loai.csv")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption
    @Option(help: "Chỉ các hàng của tệp này. (Only rows of this file.)")
    var file: String?
    @Option(help: "table, csv hoặc json. (Output format.)")
    var format: ListFormat = .table
    @Flag(help: "Cả các hàng đã được sửa ở lần nhập sau, kèm nơi sửa. (Rows fixed by a later import too, with where.)")
    var all = false
    @Flag(name: .customLong("show-personal-data"),
          help: "Hiện số điện thoại, số CCCD/CMND, thư điện tử trong nội dung hàng (mặc định che). (Show personal data.)")
    var showPersonalData = false

    func run() throws {
        let lang = language.lang
        do {
            let db = try database.open()
            let every = try db.rejectRecords(file: file, includeResolved: true)
            var records = all ? every : every.filter { $0.resolvedBy == nil }
            if !showPersonalData { records = records.map { $0.maskingPersonalData() } }
            switch format {
            case .table:
                Output.out(ImportLogRenderer.rejectsTable(records, lang, resolvedHidden: all ? nil : every.count - records.count))
            case .json: Output.out(JSONText.encode(records))
            case .csv: Output.out(ImportLogRenderer.rejectsCSV(records, lang, withResolved: all))
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
