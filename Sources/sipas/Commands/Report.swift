import ArgumentParser
import Foundation
import SIPASKit

struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Viết báo cáo năm: HTML in được khổ A4, bảng tính, hoặc Word theo thể thức văn bản hành chính. (Write the year's report: HTML, workbook or Word.)",
        discussion: """
            HTML: không cần mạng, biểu đồ SVG nằm trong tệp. Bảng tính (.xlsx): nhiều trang (tổng quan, tiêu chí, thủ tục, \
            đơn vị, tháng, cảnh báo, ý kiến, hàng bị loại) với biểu đồ Excel. Word (.docx): theo Nghị định 30/2020/NĐ-CP, sửa được; \
            số, ngày và người ký để trống nếu không cho. Thông tin của Sở lấy từ 'sipas settings'; các tuỳ chọn dưới đây thay cho một lần chạy.
            HTML: no network, inline SVG charts. Workbook (.xlsx): a sheet per part, native charts. Word (.docx): the layout of \
            Decree 30/2020, editable; number, date and signer are left blank unless given. The department's details come from \
            'sipas settings'; the options below override them once.
            Ví dụ / Examples:
              sipas report --year 2024 --out bao-cao-2024.html
              sipas report --year 2024 --format xlsx --out bao-cao-2024.xlsx
              sipas report --year 2024 --format docx --out bao-cao-2024.docx
              sipas report --year 2024 --format docx --out bc.docx --number 125 --date 05/12/2024 --signer-name "Nguyễn Văn A"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var analysis: AnalysisArguments
    @OptionGroup var language: LanguageOption

    @Option(help: "html, xlsx hoặc docx (hai loại sau cần --out). (Output format; xlsx and docx need --out.)")
    var format: DocumentFormat = .html

    @Option(help: "Tệp ghi ra (HTML mặc định in ra stdout; xlsx, docx phải có). (Output file; required for xlsx and docx.)")
    var out: String?

    @Option(help: "Tên Sở. (Department name.)") var department: String?
    @Option(help: "Cơ quan cấp trên, ví dụ \"UBND tỉnh Lai Châu\". (Parent body.)") var parent: String?
    @Option(help: "Chữ viết tắt tên Sở trong số văn bản, ví dụ SKHCN. (Abbreviation.)") var abbreviation: String?
    @Option(help: "Địa danh, ví dụ \"Lai Châu\". (Place.)") var place: String?
    @Option(help: "Kính gửi. (Addressee.)") var addressee: String?
    @Option(name: .customLong("signer-title"), help: "Chức vụ người ký, mỗi lần một dòng. (Signer's title, one line each.)")
    var signerTitle: [String] = []
    @Option(name: .customLong("signer-name"), help: "Họ tên người ký. (Signer's name.)") var signerName: String?
    @Option(help: "Số văn bản. (Document number.)") var number: String?
    @Option(help: "Ngày văn bản, ví dụ 05/12/2024. (Document date.)") var date: String?

    func validate() throws {
        if let date, DayRange.parseDay(date) == nil { throw ValidationError("--date: a date such as 05/12/2024") }
    }

    func run() throws {
        let lang = language.lang
        let workbook = format == .xlsx ? try OutputFile.workbookPath(out, lang) : nil
        if format == .docx { _ = try OutputFile.documentPath(out, lang) }
        do {
            let db = try database.open()
            var overrides: [SettingKey: String] = [:]
            overrides[.department] = department
            overrides[.parent] = parent
            overrides[.abbreviation] = abbreviation
            overrides[.place] = place
            overrides[.addressee] = addressee
            overrides[.signerName] = signerName
            if !signerTitle.isEmpty { overrides[.signerTitle] = signerTitle.joined(separator: "\n") }
            let identity = DocumentIdentity.resolve(try db.settings(), overrides: overrides, number: number,
                                                    date: date.flatMap(DayRange.parseDay), lang: lang)
            let document = try Analyst(database: db).document(analysis.options(lang), department: department, identity: identity)
            if let workbook {
                try WorkbookRenderer.write(document, lang: lang, to: workbook)
                return OutputFile.wroteWorkbook(workbook, lang)
            }
            let bytes: Data
            switch format {
            case .html, .xlsx:
                bytes = Data(HtmlReport.render(document, lang: lang, source: .init(
                    version: SIPAS.configuration.version, database: (db.path as NSString).lastPathComponent)).utf8)
            case .docx:
                do { bytes = try WordReport.render(document, lang: lang) } catch {
                    throw SIPASError.outputUnwritable(path: out ?? "", reason: String(describing: error))
                }
            }
            if let out {
                try OutputFile.write(bytes, to: out)
                Output.err(lang.pick("Đã ghi báo cáo: \(TerminalText.name(out))\n", "Report written: \(TerminalText.name(out))\n"))
            } else {
                Output.out(String(decoding: bytes, as: UTF8.self))
            }
        } catch let error as SIPASError {
            throw Failure(error).report(lang)
        }
    }
}
