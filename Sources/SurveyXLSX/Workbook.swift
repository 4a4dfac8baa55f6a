import Foundation

/// An Excel workbook (.xlsx, .xlsm — told by its bytes, whatever its name), read streaming: the sheet's
/// XML is inflated in chunks into libxml2's SAX2 parser and never held whole. Shared strings and styles are read once at
/// open time.
///
/// ```swift
/// let book = try Workbook(path: "bao-cao.xlsx")
/// for sheet in book.sheets { print(sheet.index, sheet.name) }
/// try book.readRows(of: book.sheets[0]) { row in
///     for cell in row.cells { print(cell.reference(row: row.number), cell.value, cell.text) }
/// }
/// ```
public final class Workbook {
    public let path: String
    /// The sheets in workbook order.
    public let sheets: [SheetInfo]
    /// True when the workbook counts dates from 1904-01-01 (old Mac Excel), else from 1900.
    public let usesDate1904: Bool
    /// File size in bytes.
    public let byteCount: Int

    let archive: ZipArchive
    let sharedStrings: SharedStrings
    let formats: NumberFormats
    private let parts: [String]

    public init(path: String) throws(XLSXError) {
        self.path = path
        switch WorkbookKind.of(path: path) {
        case .workbook: break
        case .binaryWorkbook: throw .binaryWorkbook(path: path)
        case .other:
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw .cannotOpen(path: path, reason: "cannot read the file")
            }
            throw .notAWorkbook(path: path)
        }
        byteCount = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
        let archive = try ZipArchive(path: path)
        self.archive = archive
        do {
            let index = try WorkbookIndex(archive: archive)
            usesDate1904 = index.date1904
            sheets = index.sheets.enumerated().map { SheetInfo(index: $0, name: $1.name, isHidden: $1.hidden) }
            parts = index.sheets.map(\.part)
            // The shared strings are read on their own thread, beside the styles and the sheet.
            sharedStrings = index.sharedStringsPart.map { SharedStrings(xml: archive, part: $0) } ?? SharedStrings()
            do {
                formats = try index.stylesPart.map { try NumberFormats(xml: archive, part: $0) } ?? NumberFormats()
            } catch {
                sharedStrings.close()
                throw error
            }
        } catch let error as XLSXError {
            throw error
        } catch {
            throw .damagedPart(path: path, part: "xl/workbook.xml", reason: String(describing: error))
        }
    }

    deinit { sharedStrings.close() }

    /// Waits until the shared strings are all read; a damaged part is thrown here (the rows read before
    /// it may have had empty strings, so whoever read them rethrows this before using them).
    func sharedStringsLoaded() throws { try sharedStrings.waitUntilLoaded() }

    /// The sheet named `name` (exactly, then ignoring case), or the 1-based number `name` spells.
    public func sheet(_ name: String) throws(XLSXError) -> SheetInfo {
        if let s = sheets.first(where: { $0.name == name }) { return s }
        if let s = sheets.first(where: { $0.name.lowercased() == name.lowercased() }) { return s }
        if let n = Int(name), n >= 1, n <= sheets.count { return sheets[n - 1] }
        throw .noSuchSheet(path: path, sheet: name, available: sheets.map(\.name))
    }

    /// Uncompressed size of the sheet's XML (progress is counted in it).
    public func xmlSize(of sheet: SheetInfo) -> Int { archive.size(of: parts[sheet.index]) ?? 0 }

    /// Calls `body` with each row of `sheet` that has at least one cell, in order. Rows and cells the
    /// XML leaves out are empty. A thrown error stops the reading and is rethrown.
    public func readRows(of sheet: SheetInfo, _ body: (SheetRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            // One row to a batch: each row reaches `body` as soon as its end tag is read, as it always has.
            try parseSheet(parts[sheet.index], batchRows: 1) { batch in
                try batch.forEach { raw in try body(SheetRow(number: raw.number, cells: raw.cells.map { self.cell($0, in: raw) })) }
                batch.removeAll()
            }
        }
        try sharedStringsLoaded()
    }

    /// All rows of a sheet at once: for small sheets (tests, headers).
    public func rows(of sheet: SheetInfo) throws -> [SheetRow] {
        var rows: [SheetRow] = []
        try readRows(of: sheet) { rows.append($0) }
        return rows
    }

    /// The fast path: raw rows, plus the XML bytes inflated so far. The sheet's XML is parsed on a thread
    /// of its own (`ParsingThread`, its inflating on another), so `body` runs beside the parser.
    func readRawRows(of sheet: SheetInfo, _ body: (RawRow, Int) throws -> Void) throws {
        let parser = ParsingThread(self, part: parts[sheet.index])
        defer { parser.close() }
        while var batch = try parser.next() {
            let inflated = batch.inflated
            try batch.forEach { try body($0, inflated) }
            parser.recycle(&batch)
        }
        try sharedStringsLoaded()
    }

    /// Parses a sheet's XML on the calling thread (its inflating runs on another), handing `onBatch` the
    /// rows `batchRows` at a time; an error `onBatch` throws stops the parse and is rethrown.
    func parseSheet(_ part: String, batchRows: Int, _ onBatch: @escaping (inout RawRows) throws -> Void) throws {
        let handler = SheetHandler(batchRows: batchRows)
        let stream = XMLStream(handler: handler)
        handler.stream = stream
        handler.onBatch = onBatch
        defer { handler.onBatch = { $0.removeAll() } }
        stream.onChunk = { [unowned handler] inflated in handler.batch.inflated = inflated }
        let inflater = InflatingThread(archive, part: part, capacity: 4)
        defer { inflater.close() }
        let problem = try stream.parse(inflater)
        if let failure = handler.failure { throw failure }
        if let problem { throw XLSXError.damagedPart(path: path, part: part, reason: problem) }
        handler.flush()
        if let failure = handler.failure { throw failure }
    }

    /// The typed cell of a raw one.
    func cell(_ raw: RawCell, in row: RawRow) -> Cell {
        let format = formats.format(style: Int(raw.style))
        let value: CellValue
        switch raw.kind {
        case .empty: value = .empty
        case .shared: value = .text(sharedStrings.string(Int(raw.number)) ?? "")
        case .inline, .formulaText: value = .text(text(raw, row))
        case .bool: value = .bool(raw.number != 0)
        case .error: value = .error(text(raw, row))
        case .number:
            if format.kind == .date, let date = CellDate(serial: raw.number, date1904: usesDate1904, hasTime: format.hasTime) {
                value = .date(date)
            } else {
                value = .number(raw.number)
            }
        case .isoDate: value = CellDate(iso: text(raw, row)).map { .date($0) } ?? .text(text(raw, row))
        }
        return Cell(column: Int(raw.column), value: value, isFormula: raw.isFormula,
                    numberFormat: format.kind == .general ? nil : format.code)
    }

    private func text(_ raw: RawCell, _ row: RawRow) -> String {
        String(decoding: row.bytes(of: raw), as: UTF8.self)
    }
}

/// A sheet of a workbook.
public struct SheetInfo: Sendable, Equatable {
    /// 0-based position in the workbook.
    public let index: Int
    public let name: String
    public let isHidden: Bool
}

/// One row of a sheet: its own number (1-based, as Excel shows it) and the cells it has, by column.
public struct SheetRow: Sendable, Equatable {
    public let number: Int
    /// Only the cells the workbook stores, in column order.
    public let cells: [Cell]

    public init(number: Int, cells: [Cell]) {
        self.number = number
        self.cells = cells
    }

    /// The cell in `column` (0-based), nil when the workbook stores none there.
    public func cell(at column: Int) -> Cell? { cells.first { $0.column == column } }

    /// The shown text of columns `0..<count` (empty for missing cells).
    public func texts(count: Int? = nil) -> [String] {
        let n = count ?? ((cells.last?.column ?? -1) + 1)
        var out = [String](repeating: "", count: n)
        for c in cells where c.column < n { out[c.column] = c.text }
        return out
    }
}

extension Cell {
    /// Excel's reference of this cell in row `row`, e.g. `F17`.
    public func reference(row: Int) -> String { Cell.reference(column: column, row: row) }
}

extension CellDate {
    /// `yyyy-mm-dd` with an optional `Thh:mm[:ss]` (the `t="d"` cells of strict OOXML).
    init?(iso text: String) {
        let digits = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        guard digits.count >= 3, (1...12).contains(digits[1]), (1...31).contains(digits[2]) else { return nil }
        self.init(year: digits[0], month: digits[1], day: digits[2],
                  hour: digits.count > 3 ? digits[3] : 0, minute: digits.count > 4 ? digits[4] : 0,
                  second: digits.count > 5 ? digits[5] : 0, hasTime: digits.count > 3)
    }
}
