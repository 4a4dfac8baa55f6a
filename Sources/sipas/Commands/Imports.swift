import ArgumentParser
import SIPASKit

struct Imports: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Liệt kê các tệp đã nhập: lúc nào, tệp nào, mã băm. (List imported files.)",
        discussion: "Ví dụ / Example: sipas imports --format json")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption
    @Option(help: "table hoặc json. (Output format.)")
    var format: ListFormat = .table

    func run() throws {
        let lang = language.lang
        do {
            let records = try database.open().importRecords()
            Output.out(format == .json ? JSONText.encode(records) : ImportLogRenderer.importsTable(records, lang))
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}

enum ListFormat: String, ExpressibleByArgument { case table, json, csv }
