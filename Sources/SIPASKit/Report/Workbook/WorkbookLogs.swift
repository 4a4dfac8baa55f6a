/// The sheets of `rejects` and `imports`. The rejects sheet can be large: it is written row by row in
/// constant-memory mode like every sheet.
enum WorkbookLogs {
    static func rejects(_ records: [RejectRecord], _ lang: Language) -> WorkbookTable {
        let columns: [WorkbookColumn] = [
            .init(lang.pick("Tệp", "File"), .text), .init(lang.pick("Hàng", "Row"), .number),
            .init(lang.pick("Cột", "Column"), .text), .init(lang.pick("Mã lỗi", "Code"), .text),
            .init(lang.pick("Lý do", "Reason"), .longText), .init(lang.pick("Mọi lý do", "All reasons"), .longText),
            .init(lang.pick("Nội dung hàng", "Row text"), .longText),
        ]
        var table = WorkbookTable(sheet: WorkbookWords.rejects(lang), columns: columns, frozenColumns: 2)
        table.rows.reserveCapacity(records.count)
        for r in records {
            table.append([.text(r.file), .integer(r.row), .text(r.column), .text(r.code), .text(r.message),
                          .text(r.reasons), .text(r.raw)])
        }
        table.notes = [records.isEmpty ? lang.pick("Không có hàng nào bị loại.", "No rejected rows.")
            : lang.pick("Sửa các hàng này trong tệp gốc rồi nhập lại (sipas import).",
                        "Fix these rows in the original file and import again (sipas import).")]
        return table
    }

    static func imports(_ records: [ImportRecord], _ lang: Language) -> WorkbookTable {
        let columns: [WorkbookColumn] = [
            .init("#", .number), .init(lang.pick("Lúc nhập (UTC)", "Imported at (UTC)"), .dateTime),
            .init(lang.pick("Tệp", "File"), .text), .init("SHA-256", .text),
            .init(lang.pick("Bảng mã", "Encoding"), .text), .init(lang.pick("Dấu phân cách", "Delimiter"), .text),
            .init(lang.pick("Thang điểm", "Scale"), .number), .init(lang.pick("Hàng", "Rows"), .count),
            .init(lang.pick("Đã nhập", "Imported"), .count), .init(lang.pick("Trùng", "Duplicates"), .count),
            .init(lang.pick("Xung đột", "Conflicts"), .count), .init(lang.pick("Thay thế", "Replaced"), .count),
            .init(lang.pick("Bị loại", "Rejected"), .count), .init(lang.pick("Phiếu đầu", "First response"), .date),
            .init(lang.pick("Phiếu cuối", "Last response"), .date),
        ]
        var table = WorkbookTable(sheet: WorkbookWords.imports(lang), columns: columns, frozenColumns: 3)
        for r in records {
            table.append([.integer(r.id), .timestamp(r.importedAt), .text(r.path), .text(r.sha256), .text(r.encoding),
                          .text(r.delimiter), .integer(r.scale), .integer(r.rows), .integer(r.imported),
                          .integer(r.duplicates), .integer(r.conflicts), .integer(r.replaced), .integer(r.rejected),
                          .day(r.firstDay), .day(r.lastDay)])
        }
        if records.isEmpty { table.notes = [lang.pick("Chưa nhập tệp nào.", "No file imported yet.")] }
        return table
    }
}
