import ArgumentParser
import Foundation
import SIPASKit

/// Options every command that reads the database takes.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: "Tệp cơ sở dữ liệu SQLite (mặc định $SIPAS_DB hoặc ./sipas.sqlite). (Database file.)")
    var db: String?

    var path: String {
        db ?? ProcessInfo.processInfo.environment["SIPAS_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "sipas.sqlite"
    }

    func open() throws -> AppDatabase {
        do { return try AppDatabase(path: path) } catch { throw Failure(error) }
    }
}

struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: "Ngôn ngữ: vi hoặc en. (Language.)")
    var lang: Language = .vi
}

extension Language: ExpressibleByArgument {}
