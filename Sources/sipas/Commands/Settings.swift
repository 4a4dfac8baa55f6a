import ArgumentParser
import Foundation
import SIPASKit

/// `sipas settings`: the department's identity for its documents, said once and stored in the database.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Thông tin của Sở in trên văn bản, lưu trong cơ sở dữ liệu. (The department's details for its documents.)",
        discussion: """
            Khoá / Keys: department, parent, abbreviation, place, addressee, signer-title, signer-name, recipients.
            Mọi báo cáo dùng các giá trị này; --department … của 'sipas report' thay cho một lần chạy.
            Every report uses them; 'sipas report --department …' overrides them for one run.
            Ví dụ / Examples:
              sipas settings set department "Sở Khoa học và Công nghệ"
              sipas settings set parent "UBND tỉnh Lai Châu"
              sipas settings set signer-title "KT. GIÁM ĐỐC" "PHÓ GIÁM ĐỐC"
              sipas settings set recipients "Như trên" "Sở Nội vụ" "Lưu: VT, VP"
              sipas settings unit QLCN "Phòng Quản lý chuyên ngành"
              sipas settings show
            """,
        subcommands: [Show.self, SetValue.self, Unset.self, Unit.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Xem thông tin đã lưu. (Show the stored settings.)")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var language: LanguageOption
        @Option(help: "table hoặc json. (Output format.)") var format: ListFormat = .table

        func run() throws {
            let lang = language.lang
            do {
                let db = try database.open()
                let settings = try db.settings()
                let aliases = try db.unitAliases()
                if format == .json {
                    var object: [String: [String: String]] = ["settings": [:], "units": [:]]
                    for (key, value) in settings { object["settings"]![key.rawValue] = value }
                    for alias in aliases { object["units"]![alias.code] = alias.name }
                    return Output.out(JSONText.encode(object))
                }
                let effective = DocumentIdentity.resolve(settings, lang: lang)
                var rows: [[String]] = SettingKey.allCases.map { key in
                    [key.rawValue, (settings[key] ?? effective.value(key)).replacingOccurrences(of: "\n", with: " | "),
                     settings[key] == nil ? lang.pick("mặc định", "default") : ""]
                }
                for alias in aliases { rows.append(["unit " + alias.code, alias.name, ""]) }
                Output.out(TextTable(headers: lang == .vi ? ["Khoá", "Giá trị", ""] : ["Key", "Value", ""], rows: rows).render())
            } catch let error as SIPASError {
                throw Failure(error).report(lang)
            }
        }
    }

    struct SetValue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Lưu một giá trị; nhiều giá trị là nhiều dòng. (Store a value; several values are several lines.)")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: "Khoá. (Key.)") var key: SettingKey
        @Argument(help: "Giá trị (nhiều dòng: nhiều đối số). (Value; one argument a line.)") var values: [String]

        func validate() throws {
            if values.isEmpty || values.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ValidationError("a value is needed (to remove one: sipas settings unset KEY)")
            }
        }

        func run() throws {
            let lang = language.lang
            do {
                let value = values.map { $0.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping }
                    .joined(separator: "\n")
                try database.openForWriting(lang).setSetting(key, value)
                Output.err(lang.pick("Đã lưu \(key.rawValue).\n", "Stored \(key.rawValue).\n"))
            } catch let error as SIPASError {
                throw Failure(error).report(lang)
            }
        }
    }

    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "unset", abstract: "Xoá một giá trị (dùng lại mặc định). (Remove a value.)")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var language: LanguageOption
        @Argument(help: "Khoá. (Key.)") var key: SettingKey

        func run() throws {
            let lang = language.lang
            do {
                try database.openForWriting(lang).setSetting(key, nil)
                Output.err(lang.pick("Đã xoá \(key.rawValue).\n", "Removed \(key.rawValue).\n"))
            } catch let error as SIPASError {
                throw Failure(error).report(lang)
            }
        }
    }

    struct Unit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "unit",
            abstract: "Mã đơn vị trong tệp xuất và tên đơn vị nó chỉ. (A unit code and the unit name it stands for.)",
            discussion: "Ví dụ / Example: sipas settings unit QLCN \"Phòng Quản lý chuyên ngành\"; sipas settings unit --remove QLCN")
        @OptionGroup var database: DatabaseOptions
        @OptionGroup var language: LanguageOption
        @Flag(help: "Xoá ánh xạ. (Remove the mapping.)") var remove = false
        @Argument(help: "Mã hoặc cách viết trong tệp xuất. (Code as the export has it.)") var code: String
        @Argument(help: "Tên đơn vị. (Unit name.)") var name: String?

        func validate() throws {
            if !remove && (name ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("give the unit name, or --remove")
            }
            if let name, name == code { throw ValidationError("the name must differ from the code") }
        }

        func run() throws {
            let lang = language.lang
            do {
                let code = code.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
                try database.openForWriting(lang).setUnitAlias(
                    code: code, name: remove ? nil : name!.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping)
                Output.err(remove ? lang.pick("Đã xoá mã \(code).\n", "Removed \(code).\n")
                                  : lang.pick("Đã lưu: \(code) → \(name!).\n", "Stored: \(code) → \(name!).\n"))
            } catch let error as SIPASError {
                throw Failure(error).report(lang)
            }
        }
    }
}

extension SettingKey: ExpressibleByArgument {}
