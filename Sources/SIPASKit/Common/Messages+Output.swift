/// The sentences of the file outputs (`--format xlsx`, `--format docx`, `--out`).
extension Messages {
    static func outputUnwritable(path: String, reason: String, _ lang: Language) -> String {
        lang.pick("\(path): không ghi được tệp (\(reason)); không có tệp nào được tạo",
                  "\(path): cannot write the file (\(reason)); no file was made")
    }

    /// `report --format docx` without `--out`: a Word document is a file.
    public static func documentNeedsOut(_ lang: Language) -> String {
        lang.pick("--format docx ghi ra một tệp Word: hãy cho thêm --out TỆP.docx",
                  "--format docx writes a Word file: give --out FILE.docx")
    }

    /// `--format xlsx` without `--out`: a workbook is a file, never text on a terminal or a pipe.
    public static func workbookNeedsOut(_ lang: Language) -> String {
        lang.pick("--format xlsx ghi ra một tệp bảng tính: hãy cho thêm --out TỆP.xlsx",
                  "--format xlsx writes a workbook file: give --out FILE.xlsx")
    }

    /// Said on stderr once the workbook is written.
    public static func workbookWritten(_ path: String, _ lang: Language) -> String {
        lang.pick("Đã ghi bảng tính: \(path)", "Workbook written: \(path)")
    }
}
