import Foundation
import SurveyCSV

/// Turns one raw sheet row into one record: typed cells to text the importer reads without guessing,
/// the row's cells as the sheet shows them for its original text, and the spreadsheet-damage checks
/// (office-formats.md §1) on the date, procedure-code and id columns.
struct RowConverter {
    let book: Workbook
    let columns: TableColumns
    /// Fields per record: the header's width.
    let width: Int
    let rules: TableRules
    let dateRule: DateRule
    /// Per column of the table: an id column (damage checks), a column that is not data (STT).
    private let isKey: [Bool]
    private let isIgnored: [Bool]
    /// Per cell style: what `writeNumber` needs of its number format, without the format's code (a
    /// `String`, looked up only for the rare formats that need it).
    private let styles: [Style]
    private var scratch: [UInt8] = []
    private var shown: [UInt8] = []
    private var sorted: [RawCell] = []

    private struct Style {
        enum Shown { case dayFirst, dayFirstNoSeconds, other }
        var kind: NumberFormats.Format.Kind
        var hasTime: Bool
        var shown: Shown
        /// General or text: numbers shown in full.
        var isPlain: Bool { kind == .general || kind == .text }

        init(_ format: NumberFormats.Format) {
            kind = format.kind
            hasTime = format.hasTime
            switch format.code {
            case nil, "dd/mm/yyyy", "dd/mm/yyyy hh:mm:ss": shown = .dayFirst
            case "dd/mm/yyyy h:mm": shown = .dayFirstNoSeconds
            default: shown = .other
            }
        }
    }

    private static let generalStyle = Style(.general)

    @inline(__always) private func style(_ index: Int32) -> Style {
        index >= 0 && Int(index) < styles.count ? styles[Int(index)] : Self.generalStyle
    }

    init(book: Workbook, columns: TableColumns, width: Int, rules: TableRules, dateRule: DateRule) {
        self.book = book
        self.columns = columns
        self.width = width
        self.rules = rules
        self.dateRule = dateRule
        isKey = (0..<width).map { columns.keys.contains($0) }
        isIgnored = (0..<width).map { columns.ignored.contains($0) }
        styles = book.formats.styles.map(Style.init)
        scratch.reserveCapacity(64)
    }

    mutating func convert(_ row: RawRow, into builder: inout RecordBatchBuilder, report: inout TableReport) {
        let cells = row.cells
        // Excel writes cells in column order; sort when a writer did not.
        for i in cells.indices.dropFirst() where cells[i].column < cells[i - 1].column {
            sorted.removeAll(keepingCapacity: true)
            sorted.append(contentsOf: cells)
            sorted.sort { $0.column < $1.column }
            let copy = sorted
            return copy.withUnsafeBufferPointer { convert($0, row, into: &builder, report: &report) }
        }
        convert(cells, row, into: &builder, report: &report)
    }

    private mutating func convert(_ cells: UnsafeBufferPointer<RawCell>, _ row: RawRow, into builder: inout RecordBatchBuilder,
                                  report: inout TableReport) {
        // Nothing in the table's columns: an empty row (cells further right are notes, not data).
        guard cells.contains(where: { Int($0.column) < width }) else { return }
        if isFooter(cells, row, report: &report) { return }
        // Values only in columns that are not data (a template's row numbers): an empty row.
        guard cells.contains(where: { Int($0.column) < width && !isIgnored[Int($0.column)] }) else { return }
        report.rows += 1
        let rawStart = builder.rawCount
        var cursor = 0
        for column in 0..<width {
            if column > 0 { builder.appendRaw(0x2C) }
            while cursor < cells.count, Int(cells[cursor].column) < column { cursor += 1 }
            if cursor < cells.count, Int(cells[cursor].column) == column {
                write(cells[cursor], column: column, row: row, into: &builder, report: &report)
                cursor += 1
            } else {
                builder.closeField()
            }
        }
        builder.endRecord(row: row.number, rawStart: rawStart)
    }

    /// A footer row (`Tổng số …`): its date cell holds no date and its first text is a footer phrase.
    private func isFooter(_ cells: UnsafeBufferPointer<RawCell>, _ row: RawRow, report: inout TableReport) -> Bool {
        if let dateCell = cells.first(where: { Int($0.column) == columns.date }) {
            switch dateCell.kind {
            case .number, .isoDate: return false
            case .shared, .inline, .formulaText:
                if let first = withBytes(of: dateCell, row, { $0.first }), first >= 0x30 && first <= 0x39 { return false }
            default: break
            }
        }
        guard let textCell = cells.first(where: { Int($0.column) < width && [.shared, .inline, .formulaText].contains($0.kind) })
        else { return false }
        let text = withBytes(of: textCell, row) { String(decoding: $0, as: UTF8.self) }
        guard rules.isFooter(text) else { return false }
        report.footerRows.append((row.number, text))
        return true
    }

    /// The cell's text bytes: the shared string's, or the row's own (inline strings, formula text, errors).
    private func withBytes<R>(of cell: RawCell, _ row: RawRow, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch cell.kind {
        case .shared:
            return body(book.sharedStrings.bytes(Int(cell.number)))
        case .inline, .formulaText, .error, .isoDate:
            return body(row.bytes(of: cell))
        default:
            return body(UnsafeBufferPointer(start: nil, count: 0))
        }
    }

    private mutating func write(_ cell: RawCell, column: Int, row: RawRow, into builder: inout RecordBatchBuilder,
                                report: inout TableReport) {
        switch cell.kind {
        case .empty:
            if cell.isFormula { builder.addProblem(.formulaWithoutValue(column: column)) }
            builder.closeField()
        case .shared, .inline, .formulaText:
            let isDate = column == columns.date, isKey = isKey[column]
            withBytes(of: cell, row) { text in
                builder.appendToField(text)
                builder.closeField()
                WorkbookTableReader.appendQuoted(text, to: &builder)
                if isDate { Self.countTextDate(text, &report.dateEvidence) }
                if isKey, Self.looksScientific(text) {
                    builder.addProblem(.digitsAsNumber(column: column, value: String(decoding: text, as: UTF8.self)))
                }
            }
        case .isoDate:
            withBytes(of: cell, row) { text in
                builder.appendToField(text)
                builder.closeField()
                builder.appendRaw(text)
            }
        case .bool:
            let text: StaticString = cell.number != 0 ? "TRUE" : "FALSE"
            let buffer = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
            builder.appendToField(buffer)
            builder.closeField()
            builder.appendRaw(buffer)
        case .error:
            withBytes(of: cell, row) { text in
                builder.appendToField(text)
                builder.closeField()
                builder.appendRaw(text)
                builder.addProblem(.errorCell(column: column, value: String(decoding: text, as: UTF8.self)))
            }
        case .number:
            writeNumber(cell, column: column, into: &builder, report: &report)
        }
    }

    private mutating func writeNumber(_ cell: RawCell, column: Int, into builder: inout RecordBatchBuilder,
                                      report: inout TableReport) {
        let format = style(cell.style)
        let n = cell.number
        if format.isPlain, n >= 0, n < 10, n.rounded() == n, column != columns.procedureCode {
            // A rating: one digit, the field and the shown text alike (what the general path below writes).
            let digit = 0x30 &+ UInt8(n)
            builder.appendToField(digit)
            builder.closeField()
            builder.appendRaw(digit)
            return
        }
        if format.kind == .date, var date = CellDate(serial: n, date1904: book.usesDate1904, hasTime: format.hasTime) {
            let original = date
            if column == columns.date {
                report.dateEvidence.dateCells += 1
                if date.day > 12 { report.dateEvidence.dateCellsDayOver12 += 1 }
                switch dateRule {
                case .asStored: break
                case .swapDayMonth:
                    if date.day <= 12, date.month <= 12 {
                        (date.day, date.month) = (date.month, date.day)
                        report.swappedDates += 1
                    }
                case .rejectAmbiguous:
                    if date.day <= 12 {
                        builder.addProblem(.ambiguousDate(column: column, value: shownDate(original, cell.style)))
                    }
                }
            }
            scratch.removeAll(keepingCapacity: true)
            Self.appendISO(date, to: &scratch)
            scratch.withUnsafeBufferPointer { builder.appendToField($0) }
            builder.closeField()
            appendShownDate(original, format, cell.style, &builder)
            return
        }
        scratch.removeAll(keepingCapacity: true)
        if column == columns.procedureCode {
            // A code d.dddddd read as a number: at most six decimals and one digit before the point
            // means the trailing zeros were lost and nothing else; restore them. Anything else is not certain.
            let micro = (n * 1_000_000).rounded()
            if n >= 1, n < 10, abs(n * 1_000_000 - micro) < 1e-6 {
                let text = String(format: "%.6f", n)
                scratch.append(contentsOf: text.utf8)
                if Int64(micro) % 10 == 0 { report.restoredCodes += 1 }
            } else {
                Self.appendGeneral(n, to: &scratch)
                builder.addProblem(.codeAsNumber(column: column, value: String(decoding: scratch, as: UTF8.self)))
            }
        } else {
            Self.appendGeneral(n, to: &scratch)
            if isKey[column], n.rounded() != n || abs(n) >= 1e11 {
                builder.addProblem(.digitsAsNumber(column: column, value: CellFormatter.general(n)))
            }
        }
        scratch.withUnsafeBufferPointer { builder.appendToField($0) }
        builder.closeField()
        if format.isPlain {
            if n.rounded() == n, abs(n) < 1e11 {
                scratch.withUnsafeBufferPointer { builder.appendRaw($0) }
            } else {
                var shown = CellFormatter.general(n)
                shown.withUTF8 { builder.appendRaw($0) }
            }
        } else {
            var shown = CellFormatter.number(n, code: book.formats.format(style: Int(cell.style)).code)
            shown.withUTF8 { WorkbookTableReader.appendQuoted($0, to: &builder) }
        }
    }

    private func shownDate(_ date: CellDate, _ style: Int32) -> String {
        CellFormatter.date(date, code: book.formats.format(style: Int(style)).code)
    }

    private mutating func appendShownDate(_ date: CellDate, _ format: Style, _ style: Int32, _ builder: inout RecordBatchBuilder) {
        shown.removeAll(keepingCapacity: true)
        switch format.shown {
        case .dayFirst: Self.appendDayFirst(date, seconds: true, to: &shown)
        case .dayFirstNoSeconds: Self.appendDayFirst(date, seconds: false, to: &shown)
        case .other: shown.append(contentsOf: shownDate(date, style).utf8)
        }
        shown.withUnsafeBufferPointer { WorkbookTableReader.appendQuoted($0, to: &builder) }
    }

    /// Counts a text date of the date column: day first, `d/m/yyyy` or `dd-mm-yyyy`.
    private static func countTextDate(_ text: UnsafeBufferPointer<UInt8>, _ evidence: inout DateEvidence) {
        var i = text.startIndex
        func number() -> Int? {
            var v = 0, digits = 0
            while i < text.endIndex, text[i] >= 0x30, text[i] <= 0x39, digits < 4 {
                v = v * 10 + Int(text[i] - 0x30); digits += 1; i += 1
            }
            return digits == 0 ? nil : v
        }
        while i < text.endIndex, text[i] == 0x20 { i += 1 }
        guard let day = number(), i < text.endIndex, text[i] == 0x2F || text[i] == 0x2D else { return }
        i += 1
        guard let month = number(), day <= 31, month >= 1, month <= 12 else { return }
        if day > 12 { evidence.textDayOver12 += 1 } else if day >= 1 { evidence.textAmbiguous += 1 }
    }

    /// `1.23457E+11`, `1.2E+11`: a long digit string a spreadsheet showed in scientific notation.
    static func looksScientific(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let e = text.firstIndex(where: { $0 == 0x45 || $0 == 0x65 }), e > text.startIndex else { return false }
        let mantissa = text[..<e], exponent = text[(e + 1)...]
        return mantissa.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C }
            && mantissa.first.map { $0 >= 0x30 && $0 <= 0x39 } == true
            && exponent.first == 0x2B && exponent.count >= 2 && exponent.dropFirst().allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// A number in full: integers as digits, others as the shortest text that reads back the same.
    static func appendGeneral(_ n: Double, to out: inout [UInt8]) {
        if n >= 0, n < 10, n.rounded() == n {  // ratings
            out.append(0x30 &+ UInt8(n))
            return
        }
        if n.rounded() == n, abs(n) < 1e15 {
            var v = Int64(n)
            if v < 0 { out.append(0x2D); v = -v }
            if v == 0 { out.append(0x30); return }
            let start = out.count
            while v > 0 { out.append(UInt8(0x30 + v % 10)); v /= 10 }
            out[start...].reverse()
            return
        }
        out.append(contentsOf: "\(n)".utf8)
    }

    static func appendISO(_ d: CellDate, to out: inout [UInt8]) {
        appendDigits(d.year, 4, &out); out.append(0x2D)
        appendDigits(d.month, 2, &out); out.append(0x2D)
        appendDigits(d.day, 2, &out)
        if d.hasTime || d.hour != 0 || d.minute != 0 || d.second != 0 {
            out.append(0x20)
            appendDigits(d.hour, 2, &out); out.append(0x3A)
            appendDigits(d.minute, 2, &out); out.append(0x3A)
            appendDigits(d.second, 2, &out)
        }
    }

    static func appendDayFirst(_ d: CellDate, seconds: Bool, to out: inout [UInt8]) {
        appendDigits(d.day, 2, &out); out.append(0x2F)
        appendDigits(d.month, 2, &out); out.append(0x2F)
        appendDigits(d.year, 4, &out)
        if d.hasTime {
            out.append(0x20)
            appendDigits(d.hour, 2, &out); out.append(0x3A)
            appendDigits(d.minute, 2, &out)
            if seconds { out.append(0x3A); appendDigits(d.second, 2, &out) }
        }
    }

    /// `v` in decimal, zero-padded to `width` digits.
    @inline(__always) private static func appendDigits(_ v: Int, _ width: Int, _ out: inout [UInt8]) {
        var x = v, n = 1
        while x >= 10 { x /= 10; n += 1 }
        let digits = max(n, width), start = out.count
        for _ in 0..<digits { out.append(0x30) }
        x = v
        var i = start + digits - 1
        repeat { out[i] = UInt8(truncatingIfNeeded: 0x30 + x % 10); x /= 10; i -= 1 } while x > 0
    }
}
