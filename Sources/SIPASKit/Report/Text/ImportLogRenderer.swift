/// Renders `sipas imports` and `sipas rejects`.
public enum ImportLogRenderer {
    public static func importsTable(_ records: [ImportRecord], _ lang: Language) -> String {
        if records.isEmpty { return lang.pick("Chưa nhập tệp nào.\n", "No file imported yet.\n") }
        let headers = lang == .vi
            ? ["#", "Lúc nhập (UTC)", "Tệp", "SHA-256", "Hàng", "Đã nhập", "Trùng", "Bị loại", "Từ", "Đến"]
            : ["#", "Imported at (UTC)", "File", "SHA-256", "Rows", "Imported", "Duplicates", "Rejected", "From", "To"]
        let rows = records.map { r in
            [String(r.id), r.importedAt, TerminalText.name(r.path), String(r.sha256.prefix(12)) + "…",
             NumberFormat.integer(r.rows, lang), NumberFormat.integer(r.imported, lang),
             NumberFormat.integer(r.duplicates, lang), NumberFormat.integer(r.rejected + r.conflicts, lang),
             r.firstDay ?? "—", r.lastDay ?? "—"]
        }
        return TextTable(headers: headers, rows: rows, rightAligned: [0, 4, 5, 6, 7]).render()
    }

    /// `resolved`: how many fixed rows are left out (the list shows open rows only); nil when the
    /// list has every row, fixed ones marked with where they were fixed.
    public static func rejectsTable(_ records: [RejectRecord], _ lang: Language, resolvedHidden: Int? = nil) -> String {
        let hiddenNote = resolvedHidden.flatMap { $0 > 0 ? Messages.resolvedHidden($0, lang) + "\n" : nil } ?? ""
        if records.isEmpty {
            return (resolvedHidden ?? 0 > 0 ? Messages.noOpenRejects(lang) : lang.pick("Không có hàng nào bị loại.", "No rejected rows."))
                + "\n" + hiddenNote
        }
        var headers = lang == .vi ? ["Tệp", "Hàng", "Cột", "Mã lỗi", "Lý do"] : ["File", "Row", "Column", "Code", "Reason"]
        let showResolved = resolvedHidden == nil
        if showResolved { headers.append(lang.pick("Đã sửa ở", "Fixed in")) }
        let rows = records.map { r in
            [TerminalText.name(r.file), String(r.row), r.column.map(TerminalText.name) ?? "—", r.code,
             TerminalText.value(r.message, limit: 200)]
                + (showResolved ? [r.resolvedBy.map(TerminalText.name) ?? "—"] : [])
        }
        return TextTable(headers: headers, rows: rows, rightAligned: [1]).render()
            + lang.pick("\nSửa các hàng này trong tệp gốc (hoặc dùng --format csv để lấy nội dung hàng) rồi nhập lại.\n",
                        "\nFix these rows in the original file (or use --format csv for their text) and import again.\n")
            + hiddenNote
    }
}

extension ImportLogRenderer {
    /// Rejected rows as a CSV that opens in Excel: where they were, why, and the row's own text.
    /// `withResolved` adds the column saying where each fixed row was fixed (`sipas rejects --all`).
    public static func rejectsCSV(_ records: [RejectRecord], _ lang: Language, withResolved: Bool = false) -> String {
        var header = lang == .vi ? ["tep", "hang", "cot", "ma_loi", "ly_do", "noi_dung_hang"]
            : ["file", "row", "column", "code", "reasons", "raw"]
        if withResolved { header.append(lang == .vi ? "da_sua_o" : "resolved_by") }
        let rows = records.map { r in
            [CSVText.userCell(r.file), String(r.row), CSVText.userCell(r.column), CSVText.cell(r.code),
             CSVText.userCell(r.reasons), CSVText.userCell(r.raw)] + (withResolved ? [CSVText.userCell(r.resolvedBy)] : [])
        }
        return CSVText.document(header: header, rows: rows)
    }
}
