import ArgumentParser
import Foundation
import SIPASKit

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Ghi hoặc xem số liệu năm trước do tỉnh công bố. (Record or list published figures.)",
        subcommands: [Set.self, List.self, BaselineTable.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Ghi chỉ số SIPAS tỉnh công bố cho một năm. (Record a year's published figures.)",
            discussion: """
                Ví dụ / Example:
                  sipas baseline set --year 2023 --index 94.1 --element TC=95.2 --element CC=93.0 --rank 7 --of 20 --source "QĐ 2385/QĐ-UBND"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var language: LanguageOption
        @Option(help: "Năm. (Year.)") var year: Int
        @Option(help: "Chỉ số SIPAS, phần trăm (94.1 hoặc 94,1). (Index, percent.)") var index: String
        @Option(help: "Chỉ số một yếu tố: MÃ=phần trăm, lặp lại được. (Element index CODE=percent, repeatable.)")
        var element: [String] = []
        @Option(help: "Thứ hạng. (Rank.)") var rank: Int?
        @Option(help: "Trên tổng số đơn vị. (Out of.)") var of: Int?
        @Option(help: "Nguồn, ví dụ số quyết định. (Source.)") var source: String?

        func validate() throws {
            guard Self.percent(index) != nil else { throw ValidationError("--index: a percentage such as 94.1") }
            for e in element where Self.parseElement(e) == nil {
                throw ValidationError("--element: CODE=percent, e.g. TC=95.2 (got '\(e)')")
            }
            if let rank, let of, rank > of { throw ValidationError("--rank must not exceed --of") }
            if let rank, rank < 1 { throw ValidationError("--rank must be 1 or more") }
        }

        static func percent(_ text: String) -> Double? {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".")), (0...100).contains(value) else {
                return nil
            }
            return value / 100
        }

        static func parseElement(_ text: String) -> (String, Double)? {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, let value = percent(parts[1]) else { return nil }
            return (parts[0].uppercased(), value)
        }

        func run() throws {
            let lang = language.lang
            do {
                let baseline = Baseline(
                    year: year, index: Self.percent(index)!,
                    elements: Dictionary(element.compactMap(Self.parseElement), uniquingKeysWith: { _, b in b }),
                    rank: rank, rankOf: of, source: source)
                try database.openForWriting(lang).setBaseline(baseline)
                Output.err(lang.pick("Đã ghi số liệu công bố năm \(year).\n", "Recorded the published figures for \(year).\n"))
            } catch let error as SIPASError {
                throw Failure(error).report(lang)
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Liệt kê số liệu công bố đã ghi. (List recorded published figures.)",
            discussion: "Ví dụ / Example: sipas baseline list")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var language: LanguageOption
        @Option(help: "table hoặc json. (Output format.)") var format: ListFormat = .table

        func run() throws {
            let lang = language.lang
            do {
                let baselines = try database.open().baselines()
                if format == .json { return Output.out(JSONText.encode(baselines)) }
                if baselines.isEmpty {
                    return Output.out(lang.pick("Chưa ghi số liệu công bố nào.\n", "No published figures recorded.\n"))
                }
                let rows = baselines.map { b in
                    [String(b.year), NumberFormat.percent(b.index, lang, digits: 2),
                     b.elements.sorted { $0.key < $1.key }.map { "\($0.key) \(NumberFormat.percent($0.value, lang, digits: 2))" }
                        .joined(separator: ", "),
                     b.rank.map { r in b.rankOf.map { "\(r)/\($0)" } ?? "\(r)" } ?? "—",
                     b.source.map { TerminalText.value($0, limit: 200) } ?? "—"]
                }
                let headers = lang == .vi ? ["Năm", "Chỉ số", "Yếu tố", "Hạng", "Nguồn"]
                    : ["Year", "Index", "Elements", "Rank", "Source"]
                Output.out(TextTable(headers: headers, rows: rows).render())
            } catch let error as SIPASError {
                throw Failure(error).report(lang)
            }
        }
    }
}
