import ArgumentParser
import SIPASKit

struct Migrate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Nâng cấp cơ sở dữ liệu lên lược đồ của phiên bản này. (Upgrade the database's schema.)",
        discussion: """
            Các lệnh đọc (summary, flag, report, imports, rejects) không bao giờ sửa cơ sở dữ liệu; sau khi cài
            phiên bản sipas mới, chạy lệnh này một lần (hoặc lần nhập tới sẽ tự nâng cấp).
            Read commands never change the database; after installing a newer sipas, run this once
            (or the next import upgrades it).
            Ví dụ / Example: sipas migrate --db sipas.sqlite
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.lang
        do {
            let db = try database.openForWriting(lang)
            Output.err(Messages.migrated(database.path, from: db.schemaAtOpen, to: try db.schemaVersion(), lang) + "\n")
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
