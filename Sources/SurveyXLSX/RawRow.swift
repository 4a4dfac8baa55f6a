import Foundation

/// One cell as the sheet's XML has it, before it becomes a `Cell`: kept in flat, reused arrays so that
/// reading a million-row sheet allocates nothing per cell.
struct RawCell {
    enum Kind: UInt8 {
        case empty, shared, inline, number, bool, error, formulaText, isoDate
    }
    var column: Int32
    var kind: Kind
    var isFormula: Bool
    var style: Int32
    /// The number (`.number`, `.bool` as 0/1) or the shared-string index (`.shared`).
    var number: Double
    /// The cell's text bytes in the row's buffer (`.inline`, `.error`, `.formulaText`, `.isoDate`).
    var start: Int32
    var end: Int32
}

/// Rows as the sheet's XML has them, many to a batch, in flat arrays reused from batch to batch: reading a
/// million-row sheet allocates nothing per row or cell. Only rows with at least one cell are kept.
struct RawRows {
    struct Row {
        var number: Int
        /// `cells[cellStart ..< cellEnd]` are the row's.
        var cellStart: Int32
        var cellEnd: Int32
    }
    var rows: [Row] = []
    var cells: [RawCell] = []
    /// The cells' text bytes (`RawCell.start ..< RawCell.end`).
    var text: [UInt8] = []
    /// The sheet's XML bytes inflated when the batch was handed over.
    var inflated = 0

    mutating func removeAll() {
        rows.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with each row, valid only during the call.
    func forEach(_ body: (RawRow) throws -> Void) rethrows {
        try cells.withUnsafeBufferPointer { cells in
            try text.withUnsafeBufferPointer { text in
                for row in rows {
                    try body(RawRow(number: row.number, cells: UnsafeBufferPointer(rebasing: cells[Int(row.cellStart)..<Int(row.cellEnd)]),
                                    text: text))
                }
            }
        }
    }
}

/// One row of a batch: valid only inside the callback that receives it.
struct RawRow {
    let number: Int
    /// Never empty.
    let cells: UnsafeBufferPointer<RawCell>
    /// The batch's text; the cells' `start ..< end` index it.
    let text: UnsafeBufferPointer<UInt8>

    func bytes(of cell: RawCell) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: text[Int(cell.start)..<Int(cell.end)])
    }
}

/// Reads `<sheetData>` into batches of rows.
final class SheetHandler: XMLHandler {
    var batch = RawRows()
    /// Rows per batch (a batch is also handed over once its text passes 1 MiB).
    let batchRows: Int
    /// Called with a batch full of rows and with the last one; it takes the rows and leaves the batch empty
    /// (or empties it). A thrown error stops the parse and is rethrown by `Workbook`.
    var onBatch: (inout RawRows) throws -> Void = { $0.removeAll() }
    var failure: (any Error)?
    weak var stream: XMLStream?

    init(batchRows: Int = 256) { self.batchRows = max(1, batchRows) }

    private enum Capture { case none, text, digits }
    private var capture = Capture.none
    private var inCell = false, inInline = false
    private var phonetic = 0
    private var lastRow = 0
    private var nextColumn: Int32 = 0
    // The row being read.
    private var rowNumber = 0
    private var rowCellStart = 0, rowTextStart = 0
    // The cell being read.
    private var type: UInt8 = 0x6E  // "n"
    private var style: Int32 = 0
    private var column: Int32 = 0
    private var isFormula = false
    private var valueStart = 0
    private var hasValue = false
    // A shared-string index or plain integer read straight from the text, without copying it: its value
    // and digit count so far. On anything but digits the digits are written out and the text is kept.
    private var digitValue = 0, digitCount = 0

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        switch name[0] {
        case 0x63 where name[1] == 0:  // c
            inCell = true
            isFormula = false
            hasValue = false
            digitsDone = false
            type = 0x6E
            style = 0
            column = nextColumn
            for i in 0..<attributes.count {
                let k = attributes.name(i)
                guard k[1] == 0 else { continue }
                let v = attributes.value(at: i)
                guard !v.isEmpty else { continue }
                switch k[0] {
                case 0x72: column = SheetHandler.column(of: v)  // r
                case 0x74: type = v[0] == 0x69 ? 0x49 : (v[0] == 0x73 && v.count > 1 && v[1] == 0x74 ? 0x53 : v[0])  // t
                case 0x73: style = Int32(SheetHandler.integer(v))  // s
                default: break
                }
            }
            nextColumn = column &+ 1
            valueStart = batch.text.count
        case 0x76 where name[1] == 0:  // v
            if inCell {
                valueStart = batch.text.count
                hasValue = true
                if type == 0x73 || type == 0x6E {
                    capture = .digits
                    digitValue = 0
                    digitCount = 0
                } else {
                    capture = .text
                }
            }
        case 0x66 where name[1] == 0:  // f
            if inCell { isFormula = true }
        case 0x74 where name[1] == 0:  // t (inside <is>)
            if inInline && phonetic == 0 { capture = .text; hasValue = true }
        case 0x69 where name[1] == 0x73 && name[2] == 0:  // is
            if inCell { inInline = true; valueStart = batch.text.count }
        case 0x72:
            if name[1] == 0x6F && name[2] == 0x77 && name[3] == 0 {  // row
                var number = lastRow + 1
                if let r = attributes.value("r"), !r.isEmpty {
                    number = SheetHandler.integer(r)
                }
                lastRow = number
                nextColumn = 0
                rowNumber = number
                rowCellStart = batch.cells.count
                rowTextStart = batch.text.count
            } else if name.is("rPh") {
                phonetic += 1
            }
        default: break
        }
    }

    override func end(_ name: XMLName) {
        switch name[0] {
        case 0x76 where name[1] == 0, 0x74 where name[1] == 0:
            if capture == .digits { finishDigits() }
            capture = .none
        case 0x69 where name[1] == 0x73 && name[2] == 0:
            inInline = false
        case 0x63 where name[1] == 0:
            inCell = false
            if capture == .digits { finishDigits() }
            capture = .none
            finishCell()
        case 0x72:
            if name[1] == 0x6F && name[2] == 0x77 && name[3] == 0 {
                endRow()
            } else if name.is("rPh") {
                phonetic -= 1
            }
        default: break
        }
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        switch capture {
        case .none: return
        case .text: batch.text.append(contentsOf: bytes)
        case .digits:
            for (i, c) in bytes.enumerated() {
                let d = c &- 0x30
                if d > 9 || digitCount >= 15 {
                    // Not a plain integer: keep its text from here on.
                    writeDigits()
                    batch.text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
                    capture = .text
                    return
                }
                digitValue = digitValue &* 10 &+ Int(d)
                digitCount += 1
            }
        }
    }

    /// The digits read so far, as text (leading zeros kept).
    private func writeDigits() {
        let start = batch.text.count
        var v = digitValue
        for _ in 0..<digitCount {
            batch.text.append(UInt8(0x30 + v % 10))
            v /= 10
        }
        batch.text[start...].reverse()
    }

    /// A value read as digits alone ends: nothing of it stays in the text.
    private var digitsDone = false

    private func finishDigits() {
        capture = .none
        digitsDone = true
    }

    private func endRow() {
        guard failure == nil else { return }
        if batch.cells.count > rowCellStart {
            batch.rows.append(RawRows.Row(number: rowNumber, cellStart: Int32(rowCellStart), cellEnd: Int32(batch.cells.count)))
        } else {
            batch.text.removeLast(batch.text.count - rowTextStart)
        }
        if batch.rows.count >= batchRows || batch.text.count >= 1 << 20 { flush() }
    }

    /// Hands the batch over (at the end of the sheet too).
    func flush() {
        guard failure == nil, !batch.rows.isEmpty else { return }
        do { try onBatch(&batch) } catch {
            failure = error
            stream?.stop()
        }
        batch.removeAll()
    }

    private func finishCell() {
        let end = batch.text.count
        let direct = digitsDone
        digitsDone = false
        var cell = RawCell(column: column, kind: .empty, isFormula: isFormula, style: style, number: 0,
                           start: Int32(valueStart), end: Int32(end))
        switch type {
        case 0x73:  // s: shared string index
            cell.kind = hasValue ? .shared : .empty
            if direct {
                cell.number = Double(digitValue)
            } else {
                cell.number = Double(parseInteger(valueStart, end))
                batch.text.removeLast(end - valueStart)
            }
            cell.end = cell.start
        case 0x49:  // inlineStr
            OOXMLEscapes.decode(&batch.text, from: valueStart)
            cell.end = Int32(batch.text.count)
            cell.kind = hasValue ? .inline : .empty
        case 0x53:  // str: a formula's text result
            OOXMLEscapes.decode(&batch.text, from: valueStart)
            cell.end = Int32(batch.text.count)
            cell.kind = hasValue ? .formulaText : .empty
        case 0x62:  // b
            cell.kind = hasValue && end > valueStart ? .bool : .empty
            cell.number = end > valueStart && batch.text[valueStart] == 0x31 ? 1 : 0
        case 0x65:  // e
            cell.kind = .error
        case 0x64:  // d: ISO 8601 text
            cell.kind = hasValue && end > valueStart ? .isoDate : .empty
        default:  // n
            if direct {
                if digitCount > 0 {
                    cell.kind = .number
                    cell.number = Double(digitValue)
                }
            } else if end > valueStart {
                cell.kind = .number
                cell.number = parseDouble(valueStart, end)
                batch.text.removeLast(end - valueStart)
                cell.end = cell.start
            }
        }
        if cell.kind == .empty && !cell.isFormula { return }
        batch.cells.append(cell)
    }

    private func parseInteger(_ start: Int, _ end: Int) -> Int {
        var v = 0
        for i in start..<end {
            let d = batch.text[i] &- 0x30
            if d > 9 { break }
            v = v &* 10 &+ Int(d)
        }
        return v
    }

    private func parseDouble(_ start: Int, _ end: Int) -> Double {
        // Fast path: up to 15 digits, no sign, point or exponent (ratings, counts).
        if end - start <= 15 {
            var v = 0, plain = true
            for i in start..<end {
                let d = batch.text[i] &- 0x30
                if d > 9 { plain = false; break }
                v = v &* 10 &+ Int(d)
            }
            if plain { return Double(v) }
        }
        batch.text.append(0)
        defer { batch.text.removeLast() }
        return batch.text.withUnsafeBufferPointer { buffer in
            let p = UnsafeRawPointer(buffer.baseAddress! + start).assumingMemoryBound(to: CChar.self)
            return strtod(p, nil)
        }
    }

    /// "AB12" → 27 (letters only; the row is the row element's).
    static func column(of ref: UnsafeBufferPointer<UInt8>) -> Int32 {
        var v: Int32 = 0
        for c in ref {
            if c >= 0x41 && c <= 0x5A { v = v &* 26 &+ Int32(c - 0x40) } else if c >= 0x61 && c <= 0x7A {
                v = v &* 26 &+ Int32(c - 0x60)
            } else { break }
        }
        return v &- 1
    }

    static func integer(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var v = 0
        for c in p {
            guard c >= 0x30 && c <= 0x39 else { break }
            v = v &* 10 &+ Int(c - 0x30)
        }
        return v
    }
}
