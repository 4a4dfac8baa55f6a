/// Every sentence sipas says to a person, in Vietnamese and English. One voice: say what, where,
/// and what to do next; quote the value; never repeat a citizen's whole row or comment.
public enum Messages {
    /// The message of a diagnostic (without file and row, which the caller prefixes).
    public static func text(_ d: Diagnostic, _ lang: Language) -> String {
        let column = d.columnName.map { "'\($0)'" } ?? lang.pick("hàng", "the row")
        let value = d.value.map { "'\($0)'" } ?? "''"
        switch d.code {
        case .raggedRow:
            let parts = (d.detail ?? "?/?").split(separator: "/").map(String.init)
            return lang.pick("hàng có \(parts.first ?? "?") ô, dòng tiêu đề có \(parts.last ?? "?") ô",
                             "the row has \(parts.first ?? "?") fields, the header has \(parts.last ?? "?")")
        case .missingProcedureCode:
            return lang.pick("thiếu mã thủ tục (\(column))", "the procedure code (\(column)) is empty")
        case .missingDate:
            return lang.pick("thiếu ngày đánh giá (\(column))", "the date (\(column)) is empty")
        case .badDate:
            return lang.pick("\(column) là \(value): không đọc được ngày", "\(column) is \(value): not a date")
        case .impossibleDate:
            return lang.pick("\(column) là \(value): ngày không có thật", "\(column) is \(value): no such date")
        case .ratingOutOfScale:
            return lang.pick("\(column) là \(value): ngoài thang điểm", "\(column) is \(value): outside the scale")
        case .ratingUnknown:
            return lang.pick("\(column) là \(value): không phải mức đánh giá", "\(column) is \(value): not a rating")
        case .ratingNotOnScale:
            return lang.pick("\(column) là \(value): không có trong thang 3 mức",
                             "\(column) is \(value): not on the three-level scale")
        case .unterminatedQuote:
            return lang.pick("dấu ngoặc kép mở ở hàng này không được đóng đến hết tệp",
                             "a quote opened on this row is never closed before the end of the file")
        case .invalidEncoding:
            return lang.pick("\(column) có byte không đọc được theo bảng mã của tệp",
                             "\(column) has bytes that are not valid in the file's encoding")
        case .conflict:
            return lang.pick("mã phiếu \(value) đã có với nội dung khác (\(d.detail ?? ""))",
                             "response id \(value) was imported before with other content (\(d.detail ?? ""))")
        case .unknownColumn:
            return lang.pick("bỏ qua cột không biết \(column)", "ignoring unknown column \(column)")
        case .scaleInferred:
            return lang.pick("dùng thang 3 mức (suy ra từ các câu trả lời)",
                             "using the three-level scale (inferred from the answers)")
        case .errorCell, .formulaWithoutValue, .ambiguousDate, .codeAsNumber, .digitsAsNumber, .workbookTable,
             .footerSkipped, .datesSwapped, .codesRestored:
            return workbookText(d, lang)
        case .alreadyImported:
            return lang.pick("tệp này đã được nhập trước đây (\(d.detail ?? "")); không thêm gì",
                             "this file was imported before (\(d.detail ?? "")); nothing added")
        }
    }

    /// What to do about a diagnostic.
    public static func hint(_ code: Diagnostic.Code, _ lang: Language) -> String {
        switch code {
        case .raggedRow:
            return lang.pick("kiểm tra dấu phân cách hoặc dấu ngoặc kép trong hàng; sửa rồi nhập lại tệp",
                             "check the row for a stray delimiter or quote; fix it and import the file again")
        case .missingProcedureCode:
            return lang.pick("điền mã TTHC (ví dụ 1.004482.000.00.00.H33) rồi nhập lại",
                             "fill in the procedure code (e.g. 1.004482.000.00.00.H33) and import again")
        case .missingDate, .badDate:
            return lang.pick("ngày viết theo dạng ngày/tháng/năm (31/12/2024) hoặc 2024-12-31",
                             "write dates as day/month/year (31/12/2024) or 2024-12-31")
        case .impossibleDate:
            return lang.pick("ngày đọc theo thứ tự ngày/tháng/năm; kiểm tra lại ngày và tháng",
                             "dates are read day/month/year; check the day and the month")
        case .ratingOutOfScale, .ratingUnknown:
            return lang.pick("mức đánh giá là 1–5 hoặc Rất không hài lòng … Rất hài lòng; để trống nếu không trả lời",
                             "ratings are 1–5 or Rất không hài lòng … Rất hài lòng; leave empty for no answer")
        case .ratingNotOnScale:
            return lang.pick("thang 3 mức chỉ có Không hài lòng, Hài lòng, Rất hài lòng; dùng --scale 5 nếu tệp dùng thang 5 mức",
                             "the three-level scale has only Không hài lòng, Hài lòng, Rất hài lòng; use --scale 5 if the file uses five levels")
        case .unterminatedQuote:
            return lang.pick("thêm dấu ngoặc kép đóng cho ô đó, hoặc xuất lại tệp từ Excel",
                             "close the quote in that cell, or export the file from Excel again")
        case .invalidEncoding:
            return lang.pick("lưu tệp dạng CSV UTF-8, hoặc chỉ rõ bảng mã bằng --encoding",
                             "save the file as CSV UTF-8, or name its encoding with --encoding")
        case .conflict:
            return lang.pick("nếu bản mới đúng, nhập lại với --on-conflict replace; nếu không, sửa mã phiếu",
                             "if the new version is right, import again with --on-conflict replace; otherwise fix the id")
        case .unknownColumn:
            return lang.pick("đổi tên cột nếu nó cần được đọc (xem README: Định dạng tệp)",
                             "rename the column if it should be read (see README: export format)")
        case .scaleInferred:
            return lang.pick("chỉ rõ bằng --scale 3 hoặc --scale 5", "say it with --scale 3 or --scale 5")
        case .alreadyImported:
            return lang.pick("không cần làm gì", "nothing to do")
        case .errorCell, .formulaWithoutValue, .ambiguousDate, .codeAsNumber, .digitsAsNumber, .workbookTable,
             .footerSkipped, .datesSwapped, .codesRestored:
            return workbookHint(code, lang)
        }
    }

    /// The one-line description of an error that stopped sipas.
    public static func text(_ error: SIPASError, _ lang: Language) -> String {
        switch error {
        case let .catalogUnreadable(path):
            return lang.pick("\(path): không đọc được bộ tiêu chí", "\(path): cannot read the catalogue")
        case let .catalogInvalid(path, reason):
            let why: String
            switch reason {
            case .notUTF8: why = lang.pick("không phải UTF-8", "not UTF-8")
            case let .json(detail): why = lang.pick("JSON không hợp lệ: \(detail)", "invalid JSON: \(detail)")
            case .noElements: why = lang.pick("không có yếu tố nào", "no elements")
            case let .emptyElement(code): why = lang.pick("yếu tố \(code) không có tiêu chí", "element \(code) has no criteria")
            case let .duplicateCode(code): why = lang.pick("mã hoặc tên cột '\(code)' bị trùng", "code or header '\(code)' is used twice")
            case let .tooManyCriteria(n): why = lang.pick("\(n) tiêu chí, tối đa 64", "\(n) criteria, at most 64")
            }
            return lang.pick("\(path): bộ tiêu chí không hợp lệ: \(why)", "\(path): invalid catalogue: \(why)")
        case let .fileUnreadable(path, reason):
            return lang.pick("\(path): không đọc được tệp (\(reason))", "\(path): cannot read the file (\(reason))")
        case let .fileEmpty(path):
            return lang.pick("\(path): tệp rỗng", "\(path): the file is empty")
        case let .fileNotText(path):
            return lang.pick("\(path): không phải tệp CSV văn bản", "\(path): not a CSV text file")
        case let .headerMissingColumn(path, field):
            return lang.pick("\(path):1: thiếu cột bắt buộc '\(field)'", "\(path):1: the required column '\(field)' is missing")
        case let .headerNoCriteria(path):
            return lang.pick("\(path):1: không có cột tiêu chí nào (TC1 … PA3)", "\(path):1: no criterion column (TC1 … PA3)")
        case let .headerDuplicateColumn(path, name, first, second):
            return lang.pick("\(path):1:\(second): cột '\(name)' trùng với cột \(first)",
                             "\(path):1:\(second): column '\(name)' repeats column \(first)")
        case let .database(path, message):
            return lang.pick("\(path): lỗi cơ sở dữ liệu: \(message)", "\(path): database error: \(message)")
        case let .databaseNewer(path, version):
            return lang.pick("\(path): cơ sở dữ liệu do phiên bản sipas mới hơn tạo (lược đồ \(version))",
                             "\(path): the database was made by a newer sipas (schema \(version))")
        case .noData:
            return lang.pick("chưa có dữ liệu: hãy chạy 'sipas import' trước", "no data yet: run 'sipas import' first")
        case let .yearWithoutData(year):
            return lang.pick("không có dữ liệu năm \(year)", "no data for \(year)")
        case let .invalidArgument(text):
            return text
        case let .outputUnwritable(path, reason):
            return outputUnwritable(path: path, reason: reason, lang)
        case let .injectedFailure(row):
            return lang.pick("lỗi giả lập sau hàng \(row) (kiểm thử)", "injected failure after row \(row) (test)")
        case .databaseFault, .outputFailed, .fileEncodingSuspect:
            return reliabilityText(error, lang)
        case let .workbook(problem):
            return workbookText(problem, lang)
        }
    }

    /// What to do about an error, when there is something to say.
    public static func hint(_ error: SIPASError, _ lang: Language) -> String? {
        switch error {
        case .headerMissingColumn, .headerNoCriteria, .headerDuplicateColumn:
            return lang.pick("xem README: Định dạng tệp xuất; tên cột không phân biệt hoa thường và dấu",
                             "see README: export format; column names ignore case and accents")
        case .fileNotText:
            return lang.pick("lưu tệp từ Excel dạng CSV UTF-8 (phân cách bằng dấu phẩy)",
                             "save the file from Excel as CSV UTF-8 (comma delimited)")
        case .noData:
            return lang.pick("ví dụ: sipas import surveys/*.csv", "for example: sipas import surveys/*.csv")
        case .databaseNewer:
            return lang.pick("dùng phiên bản sipas mới hơn", "use a newer sipas")
        case .databaseFault, .outputFailed, .fileEncodingSuspect, .database:
            return reliabilityHint(error, lang)
        case let .workbook(problem):
            return workbookHint(problem, lang)
        default:
            return nil
        }
    }
}
