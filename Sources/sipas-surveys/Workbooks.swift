import Foundation
import SurveyCSV
import SurveyXLSX

// Workbooks (.xlsx) the way the centres' systems export them, written cell by cell with SurveyXLSX's
// WorkbookWriter: shared strings, real date cells, numbers for ratings, a title block, a footer.

private let elementHeadings = [("Tiếp cận dịch vụ", 4), ("Thủ tục hành chính", 4), ("Công chức", 5),
                               ("Kết quả giải quyết", 3), ("Tiếp nhận, xử lý phản ánh, kiến nghị", 3)]

/// The bundled centre export (surveys/2025-q1-trung-tam-hcc.xlsx): a title block on rows 1–6, a
/// two-row header on rows 8–9 (element headings merged over the criterion codes; the other labels
/// merged down from row 8), `STT` first, real date-time cells, ratings as numbers (no answer = no
/// cell), and two footer rows. Returns the file's size.
func writeCentreWorkbook(_ rows: [Response], to path: String) throws -> Int {
    let writer = try WorkbookWriter()
    let fixed = ["STT", "Mã phiếu", "Ngày đánh giá", "Mã hồ sơ", "Mã TTHC", "Tên TTHC", "Lĩnh vực", "Đơn vị",
                 "Kênh nộp", "Đối tượng"]
    let ratingStart = fixed.count, commentColumn = fixed.count + 19
    let headerTop = 8, firstData = 10
    var merges = (0..<fixed.count).map { "\(Cell.columnName($0))\(headerTop):\(Cell.columnName($0))\(headerTop + 1)" }
    merges.append("\(Cell.columnName(commentColumn))\(headerTop):\(Cell.columnName(commentColumn))\(headerTop + 1)")
    var c = ratingStart
    for (_, width) in elementHeadings {
        merges.append("\(Cell.columnName(c))\(headerTop):\(Cell.columnName(c + width - 1))\(headerTop)")
        c += width
    }
    let lastData = firstData + rows.count - 1
    merges.append("A\(lastData + 1):J\(lastData + 1)")
    merges.append("A\(lastData + 2):J\(lastData + 2)")
    try writer.addSheet(named: "Báo cáo", merges: merges) { sink in
        try sink.row(1, [.text("UBND TỈNH LAI CHÂU")])
        try sink.row(2, [.text("TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG")])
        try sink.row(4, [.text("BÁO CÁO KẾT QUẢ ĐÁNH GIÁ MỨC ĐỘ HÀI LÒNG CỦA NGƯỜI DÂN, DOANH NGHIỆP")])
        try sink.row(5, [.text("Cơ quan/đơn vị: Sở Khoa học và Công nghệ")])
        try sink.row(6, [.text("Thời điểm đánh giá: Quý 1 Năm 2025 (Từ ngày 01/01/2025 đến ngày 31/03/2025)")])
        var upper: [WorkbookWriter.Value] = fixed.map { .text($0) }
        for (heading, width) in elementHeadings {
            upper.append(.text(heading))
            upper += repeatElement(.empty, count: width - 1)
        }
        upper.append(.text("Ý kiến"))
        try sink.row(headerTop, upper)
        try sink.row(headerTop + 1, repeatElement(.empty, count: fixed.count) + criterionCodes.map { .text($0) })
        for (i, r) in rows.enumerated() {
            let p = procedures[r.procedure]
            let when = CellDate(year: r.day.year, month: r.day.month, day: r.day.day, hour: r.time.hour,
                                minute: r.time.minute, second: r.time.second, hasTime: true)
            var cells: [WorkbookWriter.Value] = [
                .number(Double(i + 1)), .text(r.id), .date(when), .text(dossierCode(r)), .text(p.code), .text(p.name),
                .text(p.field.name), .text(p.unit.name), .text(channelNames[r.channel]),
                .text(respondentTypeNames[r.respondent]),
            ]
            cells += r.ratings.map { $0 == 0 ? .empty : .number(Double($0)) }
            cells.append(r.comment.isEmpty ? .empty : .text(r.comment))
            try sink.row(firstData + i, cells)
        }
        try sink.row(lastData + 1, [.text("Tổng số: \(rows.count) phiếu")])
        var averages: [WorkbookWriter.Value] = [.text("Điểm bình quân chỉ số")] + repeatElement(.empty, count: ratingStart - 1)
        for k in 0..<19 {
            let column = Cell.columnName(ratingStart + k)
            let answered = rows.map { $0.ratings[k] }.filter { $0 > 0 }
            let mean = answered.isEmpty ? 0 : Double(answered.reduce(0, +)) / Double(answered.count)
            averages.append(.formula("AVERAGE(\(column)\(firstData):\(column)\(lastData))",
                                     cached: .number((mean * 100).rounded() / 100)))
        }
        try sink.row(lastData + 2, averages)
    }
    try writer.write(to: path)
    return (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
}

/// The big benchmark export as a workbook: the same rows as `big`'s CSV (it is written first and read
/// back with SurveyCSV), with the cells a centre's export has: shared strings for text, a date-time cell
/// for the date, numbers for the ratings, no cell for no answer.
func writeBigWorkbook(responses: Int, year: Int, path: String, seed: UInt64) throws -> (rows: Int, bytes: Int) {
    let csv = path + ".csv.tmp"
    defer { try? FileManager.default.removeItem(atPath: csv) }
    _ = try writeBig(responses: responses, year: year, path: csv, seed: seed)
    let reader = try CSVReader(path: csv)
    let writer = try WorkbookWriter()
    var rows = 0
    try writer.addSheet(named: "Sheet1") { sink in
        var number = 0
        var failure: (any Error)?
        try reader.read { batch in
            if failure != nil { return }
            for r in 0..<batch.count {
                number += 1
                let fields = batch.strings(r)
                let cells: [WorkbookWriter.Value] = fields.enumerated().map { i, f in
                    if number == 1 || f.isEmpty { return f.isEmpty ? .empty : .text(f) }
                    if i == 1, let d = dayFirstDateTime(f) { return .date(d) }
                    if i >= 10, let v = Int(f) { return .number(Double(v)) }
                    return .text(f)
                }
                do { try sink.row(number, cells) } catch { failure = error; return }
            }
        }
        if let failure { throw failure }
        rows = number - 1
    }
    try writer.write(to: path)
    return (rows, (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0)
}

/// `dd/mm/yyyy HH:MM` → a date-time cell value.
private func dayFirstDateTime(_ text: String) -> CellDate? {
    let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == ":" }).compactMap { Int($0) }
    guard parts.count >= 3 else { return nil }
    return CellDate(year: parts[2], month: parts[1], day: parts[0], hour: parts.count > 3 ? parts[3] : 0,
                    minute: parts.count > 4 ? parts[4] : 0, second: parts.count > 5 ? parts[5] : 0,
                    hasTime: parts.count > 3)
}
