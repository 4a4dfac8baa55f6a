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

    func run() throws {
        let lang = language.lang
        do {
            let records = try database.open().rejectRecords(file: file)
            switch format {
            case .table: Output.out(ImportLogRenderer.rejectsTable(records, lang))
            case .json: Output.out(JSONText.encode(records))
            case .csv: Output.out(ImportLogRenderer.rejectsCSV(records, lang))
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
