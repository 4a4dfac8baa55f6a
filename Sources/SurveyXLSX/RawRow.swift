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

/// A row being read: valid only inside the callback that receives it.
struct RawRow {
    var number: Int = 0
    var cells: [RawCell] = []
    var text: [UInt8] = []

    mutating func reset(number: Int) {
        self.number = number
        cells.removeAll(keepingCapacity: true)
        text.removeAll(keepingCapacity: true)
    }
}

/// Reads `<sheetData>` one row at a time.
final class SheetHandler: XMLHandler {
    var row = RawRow()
    /// Called at each `</row>`; a thrown error stops the parse and is rethrown by `Workbook`.
    var onRow: (inout RawRow) throws -> Void = { _ in }
    var failure: (any Error)?
    weak var stream: XMLStream?

    private enum Capture { case none, value, inlineText }
    private var capture = Capture.none
    private var inRow = false, inCell = false, inInline = false
    private var phonetic = 0
    private var lastRow = 0
    private var nextColumn: Int32 = 0
    // The cell being read.
    private var type: UInt8 = 0x6E  // "n"
    private var style: Int32 = 0
    private var column: Int32 = 0
    private var isFormula = false
    private var valueStart = 0
    private var hasValue = false

    override func start(_ name: XMLName, _ attributes: XMLAttributes) {
        let b = name.bytes
        guard let first = b.first else { return }
        switch first {
        case 0x63 where b.count == 1:  // c
            inCell = true
            isFormula = false
            hasValue = false
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
            valueStart = row.text.count
        case 0x76 where b.count == 1:  // v
            if inCell { capture = .value; valueStart = row.text.count; hasValue = true }
        case 0x66 where b.count == 1:  // f
            if inCell { isFormula = true }
        case 0x74 where b.count == 1:  // t (inside <is>)
            if inInline && phonetic == 0 { capture = .inlineText; hasValue = true }
        case 0x69 where b.count == 2 && b[1] == 0x73:  // is
            if inCell { inInline = true; valueStart = row.text.count }
        case 0x72:
            if b.count == 3 && b[1] == 0x6F && b[2] == 0x77 {  // row
                inRow = true
                var number = lastRow + 1
                if let r = attributes.value("r"), !r.isEmpty {
                    number = SheetHandler.integer(r)
                }
                lastRow = number
                nextColumn = 0
                row.reset(number: number)
            } else if name.is("rPh") {
                phonetic += 1
            }
        default: break
        }
    }

    override func end(_ name: XMLName) {
        let b = name.bytes
        guard let first = b.first else { return }
        switch first {
        case 0x76 where b.count == 1, 0x74 where b.count == 1:
            capture = .none
        case 0x69 where b.count == 2 && b[1] == 0x73:
            inInline = false
        case 0x63 where b.count == 1:
            inCell = false
            capture = .none
            finishCell()
        case 0x72:
            if b.count == 3 && b[1] == 0x6F && b[2] == 0x77 {
                inRow = false
                guard failure == nil else { return }
                do { try onRow(&row) } catch {
                    failure = error
                    stream?.stop()
                }
                row.reset(number: lastRow)
            } else if name.is("rPh") {
                phonetic -= 1
            }
        default: break
        }
    }

    override func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        if capture != .none { row.text.append(contentsOf: bytes) }
    }

    private func finishCell() {
        let end = row.text.count
        var cell = RawCell(column: column, kind: .empty, isFormula: isFormula, style: style, number: 0,
                           start: Int32(valueStart), end: Int32(end))
        switch type {
        case 0x73:  // s: shared string index
            cell.kind = hasValue ? .shared : .empty
            cell.number = Double(parseInteger(valueStart, end))
            row.text.removeLast(end - valueStart)
            cell.end = cell.start
        case 0x49:  // inlineStr
            OOXMLEscapes.decode(&row.text, from: valueStart)
            cell.end = Int32(row.text.count)
            cell.kind = hasValue ? .inline : .empty
        case 0x53:  // str: a formula's text result
            OOXMLEscapes.decode(&row.text, from: valueStart)
            cell.end = Int32(row.text.count)
            cell.kind = hasValue ? .formulaText : .empty
        case 0x62:  // b
            cell.kind = hasValue && end > valueStart ? .bool : .empty
            cell.number = end > valueStart && row.text[valueStart] == 0x31 ? 1 : 0
        case 0x65:  // e
            cell.kind = .error
        case 0x64:  // d: ISO 8601 text
            cell.kind = hasValue && end > valueStart ? .isoDate : .empty
        default:  // n
            if end > valueStart {
                cell.kind = .number
                cell.number = parseDouble(valueStart, end)
                row.text.removeLast(end - valueStart)
                cell.end = cell.start
            }
        }
        if cell.kind == .empty && !cell.isFormula { return }
        row.cells.append(cell)
    }

    private func parseInteger(_ start: Int, _ end: Int) -> Int {
        var v = 0
        for i in start..<end {
            let d = row.text[i] &- 0x30
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
                let d = row.text[i] &- 0x30
                if d > 9 { plain = false; break }
                v = v &* 10 &+ Int(d)
            }
            if plain { return Double(v) }
        }
        row.text.append(0)
        defer { row.text.removeLast() }
        return row.text.withUnsafeBufferPointer { buffer in
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
