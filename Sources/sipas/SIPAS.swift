import ArgumentParser
import SIPASKit

@main
struct SIPAS: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sipas",
        abstract: "Chỉ số hài lòng SIPAS của Sở: nhập phiếu khảo sát, tổng hợp, cảnh báo, báo cáo. (SIPAS satisfaction index: import, summarise, flag, report.)",
        discussion: """
            Ví dụ / Example:
              sipas import surveys/*.csv
              sipas summary --year 2024
              sipas flag --year 2024
              sipas report --year 2024 --out bao-cao-2024.html
            """,
        version: "0.1.0",
        subcommands: [Import.self, Imports.self, Rejects.self, Summary.self, FlagCommand.self, Report.self, BaselineCommand.self, SettingsCommand.self, Migrate.self]
    )
}
