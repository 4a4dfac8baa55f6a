import ArgumentParser
import Foundation
import SIPASKit
import SurveyCSV

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Nhập tệp CSV hoặc sổ Excel (.xlsx) phiếu khảo sát vào cơ sở dữ liệu. (Import survey exports: CSV or .xlsx.)",
        discussion: """
            Mỗi tệp được nhập trong một giao dịch; nhập lại cùng tệp không thêm gì. Hàng lỗi được giữ lại (sipas rejects).
            Each file is one transaction; importing the same file again adds nothing. Bad rows are kept aside.
            Ví dụ / Example: sipas import surveys/*.csv
            Mã thoát / Exit: 0 ok, 1 some rows rejected, 2 could not run, 64 usage.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var language: LanguageOption

    @Option(help: "Bộ tiêu chí JSON khác bộ mặc định. (Another criteria catalogue.)")
    var catalog: String?

    @Option(help: "Bảng mã: utf-8, utf-8-bom, utf-16le, utf-16be, windows-1258 (mặc định: tự nhận). (Encoding.)")
    var encoding: TextEncoding?

    @Option(help: "Dấu phân cách: ',' ';' hoặc 'tab' (mặc định: tự nhận). (Delimiter.)")
    var delimiter: String?

    @Option(help: "Thang điểm: 5 hoặc 3 (mặc định: 5, hoặc 3 nếu chỉ có nhãn 3 mức). (Scale.)")
    var scale: Int?

    @Option(name: .customLong("on-conflict"), help: "Mã phiếu trùng nhưng nội dung khác: reject hoặc replace. (Conflict policy.)")
    var onConflict: ConflictPolicy = .reject

    @Flag(name: .customLong("dry-run"), help: "Kiểm tra, không ghi gì. (Check only, write nothing.)")
    var dryRun = false

    @Option(help: "Sổ Excel: trang tính cần đọc, theo tên hoặc số thứ tự (mặc định: trang đầu có dòng tiêu đề). (Workbook sheet, NAME or N.)")
    var sheet: String?

    @Option(help: "table hoặc json (json ra stdout). (Output format.)")
    var format: ReceiptFormat = .table

    @Argument(help: "Các tệp CSV hoặc .xlsx. (CSV or .xlsx files.)")
    var files: [String]

    enum ReceiptFormat: String, ExpressibleByArgument { case table, json }

    func validate() throws {
        if let scale, scale != 3 && scale != 5 { throw ValidationError("--scale: 3 or 5") }
        if let delimiter, Self.delimiterByte(delimiter) == nil {
            throw ValidationError("--delimiter: ',' ';' or 'tab'")
        }
        if files.isEmpty { throw ValidationError("no file given") }
    }

    static func delimiterByte(_ text: String) -> UInt8? {
        switch text {
        case ",", "comma": 0x2C
        case ";", "semicolon": 0x3B
        case "tab", "\t", "\\t": 0x09
        default: nil
        }
    }

    func run() throws {
        let lang = language.lang
        do {
            var options = ImportOptions()
            if let catalog { options.catalog = try Catalog.load(path: catalog) }
            options.encoding = encoding
            options.delimiter = delimiter.flatMap(Self.delimiterByte)
            options.scale = scale.flatMap(RatingScale.init(rawValue:))
            options.sheet = sheet
            options.dryRun = dryRun
            options.onConflict = onConflict
            options.language = lang
            options.fault = Self.faultFromEnvironment()
            if Output.stderrIsTerminal { options.progress = ProgressBar.shared.update }
            // Nothing is added to a damaged file as if all were well: both check its integrity first.
            let db = dryRun ? try AppDatabase.forDryRun(path: database.path) : try database.openForWriting(lang, checkIntegrity: true)
            let outcome = Importer(database: db).importFiles(files, options: options)
            ProgressBar.shared.finish()
            if let damaged = outcome.damagedDatabase { throw damaged }
            if format == .json { Output.out(ImportReceiptRenderer.json(outcome)) } else {
                Output.err(ImportReceiptRenderer.table(outcome, lang))
            }
            Output.err(ImportReceiptRenderer.diagnostics(outcome, lang))
            Output.err(ImportReceiptRenderer.summaryLine(outcome, lang))
            if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }

    /// SIPAS_FAULT=throw-after:N or kill-after:N — for the tests that prove a failed import changes nothing.
    static func faultFromEnvironment() -> ImportOptions.Fault? {
        guard let spec = ProcessInfo.processInfo.environment["SIPAS_FAULT"] else { return nil }
        let parts = spec.split(separator: ":")
        guard parts.count == 2, let n = Int(parts[1]) else { return nil }
        switch parts[0] {
        case "throw-after": return .throwAfterRows(n)
        case "kill-after": return .killAfterRows(n)
        case "pause-after": return ProcessInfo.processInfo.environment["SIPAS_FAULT_MARKER"].map { .pauseAfterRows(n, marker: $0) }
        default: return nil
        }
    }
}

extension TextEncoding: ExpressibleByArgument {}
extension ConflictPolicy: ExpressibleByArgument {}
