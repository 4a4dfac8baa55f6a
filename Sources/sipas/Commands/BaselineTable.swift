import ArgumentParser
import Foundation
import SIPASKit

/// `sipas baseline table`: the province's published table of every department's index for a year.
struct BaselineTable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table",
        abstract: "Ghi bảng xếp hạng chỉ số SIPAS các cơ quan tỉnh công bố. (Record the published ranking table.)",
        discussion: """
            Tệp CSV hoặc bảng tính .xlsx (trang đầu; bỏ qua các dòng tiêu đề phía trên) có cột Cơ quan, Chỉ số, có thể có Hạng (cột STT và cột khác bỏ qua); chỉ số theo phần trăm hoặc tỷ lệ, \
            dấu phẩy thập phân được. Có hàng lỗi thì không ghi gì. Khi chưa ghi số liệu công bố năm đó, hàng của Sở được ghi làm số liệu công bố.
            A CSV or .xlsx workbook (its first sheet; title rows above the header skipped) with columns Cơ quan, Chỉ số and optionally Hạng (STT and other columns ignored); percentages or fractions, \
            decimal commas allowed. A table with a bad row records nothing. Without published figures for that year, the \
            department's row becomes them.
            Ví dụ / Example:
              sipas baseline table --year 2023 --self "Sở Khoa học và Công nghệ" bang-xep-hang-2023.csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption
    @Option(help: "Năm của bảng. (Year.)") var year: Int
    @Option(name: .customLong("self"), help: "Tên Sở trong bảng. (The department's own row.)") var selfName: String
    @Option(help: "Nguồn, ví dụ số quyết định. (Source.)") var source: String?
    @Argument(help: "Tệp CSV hoặc .xlsx. (CSV or workbook file.)") var file: String

    func validate() throws {
        if !(1900...2999).contains(year) { throw ValidationError("--year: a year such as 2023") }
    }

    func run() throws {
        let lang = language.lang
        let db = try database.openForWriting(lang)
        let table: RankTable
        do {
            table = try RankTableReader.read(path: file, year: year, selfName: selfName, source: source)
        } catch {
            if case let .badRows(problems) = error {
                for p in problems { Output.err(Messages.lines(p, lang).joined(separator: "\n") + "\n") }
            }
            let (text, hint) = Messages.text(error, lang)
            Output.err("sipas: " + lang.pick("lỗi", "error") + ": " + text + "\n")
            if let hint { Output.err("  " + lang.pick("gợi ý", "hint") + ": " + hint + "\n") }
            throw ExitCode(2)
        }
        do {
            try db.setRankTable(table)
        } catch {
            throw Failure(error).report(lang)
        }
        let own = table.own!
        Output.err(lang.pick(
            "Đã ghi bảng xếp hạng năm \(year): \(table.rows.count) cơ quan; \(own.name) hạng \(table.ownRank!)/\(table.rows.count), \(NumberFormat.percent(own.index, lang, digits: 2)).\n",
            "Recorded the \(year) ranking table: \(table.rows.count) departments; \(own.name) ranked \(table.ownRank!) of \(table.rows.count), \(NumberFormat.percent(own.index, lang, digits: 2)).\n"))
    }
}
