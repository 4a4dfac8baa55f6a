/// What sipas says about workbooks (.xlsx): reading them, finding the table, and the spreadsheet
/// damage it repairs or refuses (see README: Workbooks).
extension Messages {
    static func workbookText(_ d: Diagnostic, _ lang: Language) -> String {
        let column = d.columnName.map { "'\($0)'" } ?? lang.pick("hàng", "the row")
        let value = d.value.map { "'\($0)'" } ?? "''"
        let detail = d.detail ?? ""
        switch d.code {
        case .errorCell:
            return lang.pick("\(column) là ô lỗi \(value) của Excel, không có giá trị",
                             "\(column) is Excel's error value \(value), not a value")
        case .formulaWithoutValue:
            return lang.pick("\(column) là công thức chưa được tính (tệp không lưu kết quả)",
                             "\(column) is a formula whose result the workbook did not save")
        case .ambiguousDate:
            return lang.pick("\(column) là ô ngày \(value): cột này có ngày bị bảng tính đảo ngày/tháng, không biết ô này có bị đảo không",
                             "\(column) is the date cell \(value): this column has dates a spreadsheet swapped day and month in, and this one may be swapped or not")
        case .codeAsNumber:
            return lang.pick("\(column) là số \(value), không phải mã thủ tục dạng d.dddddd: không khôi phục chắc chắn được",
                             "\(column) is the number \(value), not a procedure code d.dddddd: it cannot be restored with certainty")
        case .digitsAsNumber:
            return lang.pick("\(column) là \(value): dãy số dài đã bị bảng tính đổi thành số (mất số 0 đầu hoặc chữ số)",
                             "\(column) is \(value): a long digit string a spreadsheet turned into a number (leading zeros or digits lost)")
        case .workbookTable:
            let parts = detail.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let sheet = parts.first ?? "", first = parts.count > 1 ? parts[1] : "?", last = parts.count > 2 ? parts[2] : "?"
            let rows = first == last ? first : "\(first)–\(last)"
            let data = (Int(last) ?? 0) + 1
            return lang.pick("đọc bảng ở trang tính '\(sheet)': dòng tiêu đề \(rows), dữ liệu từ dòng \(data)",
                             "reading the table on sheet '\(sheet)': header row \(rows), data from row \(data)")
        case .footerSkipped:
            return lang.pick("bỏ qua dòng tổng \(value) (không phải phiếu)", "skipped the footer row \(value) (not a response)")
        case .datesSwapped:
            return lang.pick("đã đổi lại ngày/tháng của \(detail) ô ngày trong \(column): cột có cả ngày dạng chữ ngày/tháng/năm với ngày > 12 và ô ngày mà ngày ≤ 12 — dấu hiệu bảng tính đọc nhầm tháng/ngày",
                             "swapped day and month back in \(detail) date cells of \(column): the column mixes day-first text dates with a day over 12 and date cells whose day is 12 or less, the mark of a spreadsheet that read them month first")
        case .codesRestored:
            return lang.pick("đã khôi phục \(detail) mã thủ tục trong \(column) bị bảng tính đổi thành số (mất số 0 cuối): ghi lại dạng d.dddddd",
                             "restored \(detail) procedure codes in \(column) that a spreadsheet had turned into numbers (trailing zeros lost) to d.dddddd")
        default:
            return d.code.rawValue
        }
    }

    static func workbookHint(_ code: Diagnostic.Code, _ lang: Language) -> String {
        switch code {
        case .errorCell, .formulaWithoutValue:
            return lang.pick("mở tệp trong Excel, sửa hoặc tính lại ô đó (F9), lưu rồi nhập lại",
                             "open the workbook in Excel, fix or recalculate the cell (F9), save and import again")
        case .ambiguousDate:
            return lang.pick("định dạng cột ngày là Văn bản (Text) và nhập ngày dạng 31/12/2024, hoặc xuất lại tệp từ hệ thống gốc",
                             "format the date column as Text and type dates as 31/12/2024, or export the file from the source system again")
        case .codeAsNumber, .digitsAsNumber:
            return lang.pick("định dạng cột là Văn bản (Text) trước khi dán dữ liệu, hoặc xuất lại tệp từ hệ thống gốc",
                             "format the column as Text before pasting the data, or export the file from the source system again")
        case .workbookTable:
            return lang.pick("chọn trang khác bằng --sheet TÊN hoặc --sheet SỐ", "choose another sheet with --sheet NAME or --sheet N")
        case .footerSkipped:
            return lang.pick("không cần làm gì", "nothing to do")
        case .datesSwapped, .codesRestored:
            return lang.pick("kiểm tra vài hàng với bản gốc; lần sau lưu tệp từ hệ thống mà không mở bằng Excel",
                             "check a few rows against the source; next time save the export without opening it in Excel")
        default:
            return ""
        }
    }

    static func workbookText(_ problem: WorkbookProblem, _ lang: Language) -> String {
        switch problem {
        case let .binaryWorkbook(path):
            return lang.pick("\(path): là sổ Excel 97–2003 (.xls nhị phân), sipas không đọc định dạng này",
                             "\(path): is an Excel 97–2003 binary workbook (.xls), which sipas does not read")
        case let .damaged(path, part, reason):
            return lang.pick("\(path): sổ Excel bị hỏng (\(part): \(reason))", "\(path): the workbook is damaged (\(part): \(reason))")
        case let .noSuchSheet(path, sheet, available):
            return lang.pick("\(path): không có trang tính '\(sheet)' (có: \(available.joined(separator: ", ")))",
                             "\(path): no sheet '\(sheet)' (there are: \(available.joined(separator: ", ")))")
        case let .noTable(path, sheets):
            return lang.pick("\(path): không tìm thấy dòng tiêu đề (cột ngày, mã TTHC và tiêu chí) ở trang \(sheets.map { "'\($0)'" }.joined(separator: ", "))",
                             "\(path): no header row (date, procedure code and criterion columns) on sheet \(sheets.map { "'\($0)'" }.joined(separator: ", "))")
        }
    }

    static func workbookHint(_ problem: WorkbookProblem, _ lang: Language) -> String? {
        switch problem {
        case .binaryWorkbook:
            return lang.pick("mở tệp trong Excel hoặc LibreOffice, Lưu thành (Save As) 'Sổ làm việc Excel (*.xlsx)', rồi nhập tệp .xlsx; hoặc: libreoffice --headless --convert-to xlsx TỆP.xls",
                             "open it in Excel or LibreOffice, Save As 'Excel Workbook (*.xlsx)', and import the .xlsx; or: libreoffice --headless --convert-to xlsx FILE.xls")
        case .damaged:
            return lang.pick("mở và lưu lại tệp trong Excel, hoặc xuất lại từ hệ thống gốc",
                             "open and save the file again in Excel, or export it from the source system again")
        case .noSuchSheet:
            return lang.pick("--sheet nhận tên trang hoặc số thứ tự (1 là trang đầu)", "--sheet takes a sheet's name or number (1 is the first)")
        case .noTable:
            return lang.pick("dòng tiêu đề cần có cột ngày (Ngày đánh giá), mã thủ tục (Mã TTHC) và các tiêu chí; chọn trang bằng --sheet",
                             "the header row needs a date column (Ngày đánh giá), a procedure code (Mã TTHC) and criteria; choose the sheet with --sheet")
        }
    }
}
