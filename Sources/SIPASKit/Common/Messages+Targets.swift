/// The sentences of `sipas baseline table` and `sipas settings`.
extension Messages {
    /// `file:row:column: lỗi: [code] message` for one bad row of a ranking table, then its hint.
    public static func lines(_ p: RankTableProblem, _ lang: Language) -> [String] {
        let column = p.columnName.map { "'\($0)'" } ?? lang.pick("hàng", "the row")
        let value = p.value.map { "'\(Diagnostic.shorten($0))'" } ?? "''"
        let code: String, text: String, hint: String
        switch p.kind {
        case .missingName:
            code = "missing-name"
            text = lang.pick("thiếu tên cơ quan (\(column))", "the department's name (\(column)) is empty")
            hint = lang.pick("điền tên cơ quan, hoặc xoá hàng nếu đó không phải một cơ quan (dòng tổng, ghi chú)",
                             "fill in the name, or delete the row if it is not a department (a total, a note)")
        case .missingIndex:
            code = "missing-index"
            text = lang.pick("thiếu chỉ số (\(column))", "the index (\(column)) is empty")
            hint = lang.pick("điền chỉ số như tỉnh công bố, ví dụ 95,5 hoặc 95,5%",
                             "fill in the index as published, e.g. 95.5 or 95.5%")
        case .badIndex:
            code = "bad-index"
            text = lang.pick("\(column) là \(value): không phải chỉ số (phần trăm 0–100 hoặc tỷ lệ 0–1)",
                             "\(column) is \(value): not an index (a percentage 0–100 or a fraction 0–1)")
            hint = lang.pick("viết 95,5 hoặc 95,5% hoặc 0,955", "write 95.5 or 95.5% or 0.955")
        case .badRank:
            code = "bad-rank"
            text = lang.pick("\(column) là \(value): không phải thứ hạng", "\(column) is \(value): not a rank")
            hint = lang.pick("thứ hạng là số nguyên từ 1; để trống cột nếu không có",
                             "a rank is a whole number from 1; leave the cell empty if there is none")
        case let .duplicateName(first):
            code = "duplicate-name"
            text = lang.pick("\(column) \(value) đã có ở hàng \(first)", "\(column) \(value) already appears on row \(first)")
            hint = lang.pick("mỗi cơ quan một hàng; xoá hàng trùng", "one row per department; delete the repeated row")
        }
        let place = "\(p.file):\(p.row)" + (p.column.map { ":\($0)" } ?? "")
        return [place + ": " + lang.pick("lỗi", "error") + ": [\(code)] " + text, "  " + lang.pick("gợi ý", "hint") + ": " + hint]
    }

    /// The message (and hint) of a ranking table that could not be recorded.
    public static func text(_ failure: RankTableFailure, _ lang: Language) -> (text: String, hint: String?) {
        switch failure {
        case let .unreadable(error):
            return (text(error, lang), hint(error, lang))
        case let .missingColumn(path, field):
            return (lang.pick("\(path):1: thiếu cột '\(field)'", "\(path):1: the column '\(field)' is missing"),
                    lang.pick("bảng cần cột tên cơ quan (Cơ quan, Đơn vị) và cột chỉ số (Chỉ số); Hạng và STT không bắt buộc",
                              "the table needs a name column (Cơ quan, Đơn vị) and an index column (Chỉ số); Hạng and STT are optional"))
        case let .selfNotFound(path, name, candidates):
            let some = candidates.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            return (lang.pick("\(path): không có hàng nào tên '\(name)' (--self)", "\(path): no row is named '\(name)' (--self)"),
                    lang.pick("--self phải trùng tên trong bảng (không phân biệt hoa thường, dấu); ví dụ: \(some)",
                              "--self must match a name in the table (case and accents ignored); e.g. \(some)"))
        case .badRows:
            return (lang.pick("bảng có hàng lỗi: chưa ghi gì", "the table has bad rows: nothing was recorded"),
                    lang.pick("sửa các hàng trên rồi chạy lại", "fix the rows above and run again"))
        case let .tooFewRows(path):
            return (lang.pick("\(path): bảng chỉ có một cơ quan", "\(path): the table has only one department"),
                    lang.pick("ghi bảng xếp hạng đầy đủ của tỉnh", "record the province's whole table"))
        }
    }
}
