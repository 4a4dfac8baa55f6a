import Foundation
import ZIPFoundation

/// Writes a plain OOXML workbook cell by cell, every cell form spelled out (shared or inline strings,
/// rich-text runs, numbers, booleans, date serials with a date style, formulas with or without a cached
/// value, error cells): for the survey generator and the tests, which need exact control of what a
/// centre's export holds. (Reports are written by the report renderers, not by this.) Sheets are
/// streamed to a temporary file, so a million-row sheet is never held in memory; the shared strings are.
public final class WorkbookWriter {
    /// A cell to write.
    public enum Value: Sendable, Equatable {
        case empty
        /// A shared string (`t="s"`), as Excel writes text.
        case text(String)
        /// An inline string (`t="inlineStr"`), as some exporters write text.
        case inlineText(String)
        /// A shared string made of rich-text runs.
        case richText([String])
        case number(Double)
        /// A number shown with `code` (say `0.00`).
        case formattedNumber(Double, code: String)
        case bool(Bool)
        /// A date serial with a day-first date style (with a time when `hasTime`).
        case date(CellDate)
        /// A date serial with built-in format 14 (the reader's short date).
        case builtInDate(CellDate)
        case error(String)
        /// A formula; `cached` is the result Excel saved with it (nil: none saved).
        case formula(String, cached: CachedResult?)
    }

    public enum CachedResult: Sendable, Equatable { case number(Double), text(String), error(String) }

    public let date1904: Bool
    private var sheets: [(name: String, file: URL)] = []
    private var strings: [String] = []
    private var stringIndex: [String: Int] = [:]
    private var richStrings: [Int: [String]] = [:]
    private var customFormats: [String] = []
    private let directory: URL

    public init(date1904: Bool = false) throws {
        self.date1904 = date1904
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("sipas-workbook-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// Adds a sheet; `body` writes its rows through the sink, in order.
    public func addSheet(named name: String, merges: [String] = [], _ body: (SheetSink) throws -> Void) throws {
        let file = directory.appendingPathComponent("sheet\(sheets.count + 1).xml")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        let sink = SheetSink(writer: self, handle: handle)
        sink.put("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetData>")
        try body(sink)
        sink.put("</sheetData>")
        if !merges.isEmpty {
            sink.put("<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>")
        }
        sink.put("</worksheet>")
        try sink.flush()
        try handle.close()
        sheets.append((name, file))
    }

    func sharedIndex(_ s: String) -> Int {
        if let i = stringIndex[s] { return i }
        strings.append(s)
        stringIndex[s] = strings.count - 1
        return strings.count - 1
    }

    func richIndex(_ runs: [String]) -> Int {
        strings.append(runs.joined())
        richStrings[strings.count - 1] = runs
        return strings.count - 1
    }

    /// Styles: 0 General, 1 dd/mm/yyyy, 2 dd/mm/yyyy hh:mm:ss, 3 built-in 14, 4+ custom number formats.
    func numberStyle(_ code: String) -> Int {
        if let i = customFormats.firstIndex(of: code) { return 4 + i }
        customFormats.append(code)
        return 3 + customFormats.count
    }

    /// Writes the workbook to `path` (replacing it). Entries are deflated and dated 2024-01-01, so the
    /// same cells give the same bytes.
    public func write(to path: String) throws {
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let sheetOverrides = sheets.indices.map {
            "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        try add(archive, "[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\(sheetOverrides)<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
            """)
        try add(archive, "_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        let sheetList = sheets.enumerated().map { i, s in
            "<sheet name=\"\(WorkbookWriter.escape(s.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 3)\"/>"
        }.joined()
        try add(archive, "xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr\(date1904 ? " date1904=\"1\"" : "")/><sheets>\(sheetList)</sheets></workbook>
            """)
        let sheetRels = sheets.indices.map {
            "<Relationship Id=\"rId\($0 + 3)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }.joined()
        try add(archive, "xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\(sheetRels)</Relationships>
            """)
        let custom = customFormats.enumerated().map { "<numFmt numFmtId=\"\(166 + $0)\" formatCode=\"\(WorkbookWriter.escape($1))\"/>" }.joined()
        let customXfs = customFormats.indices.map { "<xf numFmtId=\"\(166 + $0)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>" }.joined()
        try add(archive, "xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="\(2 + customFormats.count)"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="dd/mm/yyyy hh:mm:ss"/>\(custom)</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="\(4 + customFormats.count)"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\(customXfs)</cellXfs></styleSheet>
            """)
        var sst = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">"
        for (i, s) in strings.enumerated() {
            if let runs = richStrings[i] {
                sst += "<si>" + runs.enumerated().map { j, r in
                    "<r>" + (j % 2 == 1 ? "<rPr><b/></rPr>" : "") + "<t xml:space=\"preserve\">\(WorkbookWriter.escape(r))</t></r>"
                }.joined() + "<rPh sb=\"0\" eb=\"1\"><t>phonetic</t></rPh></si>"
            } else {
                sst += "<si><t xml:space=\"preserve\">\(WorkbookWriter.escape(s))</t></si>"
            }
        }
        sst += "</sst>"
        try add(archive, "xl/sharedStrings.xml", sst)
        for (i, sheet) in sheets.enumerated() {
            let handle = try FileHandle(forReadingFrom: sheet.file)
            defer { try? handle.close() }
            let size = Int64(try FileManager.default.attributesOfItem(atPath: sheet.file.path)[.size] as? NSNumber ?? 0)
            try archive.addEntry(with: "xl/worksheets/sheet\(i + 1).xml", type: .file, uncompressedSize: size,
                                 modificationDate: WorkbookWriter.stamp, compressionMethod: .deflate,
                                 bufferSize: 1 << 20) { position, count in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: count) ?? Data()
            }
        }
    }

    private static let stamp = Date(timeIntervalSince1970: 1_704_067_200)

    private func add(_ archive: Archive, _ path: String, _ text: String) throws {
        let data = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                             modificationDate: WorkbookWriter.stamp, compressionMethod: .deflate) { position, count in
            data.subdata(in: Int(position)..<(Int(position) + count))
        }
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\r": out += "_x000D_"
            default:
                if ch.value < 0x20 && ch != "\n" && ch != "\t" {
                    out += String(format: "_x%04X_", ch.value)
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
        }
        return out
    }
}

/// Where a sheet's rows go (see `WorkbookWriter.addSheet`).
public final class SheetSink {
    private unowned let writer: WorkbookWriter
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(writer: WorkbookWriter, handle: FileHandle) {
        self.writer = writer
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
    }

    func put(_ s: String) { buffer.append(contentsOf: s.utf8) }

    func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes row `number` (1-based) with `cells` from column A on (`.empty` cells are left out).
    /// `references: false` leaves out the cells' `r` attributes, as some exporters do.
    public func row(_ number: Int, _ cells: [WorkbookWriter.Value], firstColumn: Int = 0, references: Bool = true) throws {
        put("<row r=\"\(number)\">")
        for (i, value) in cells.enumerated() {
            let ref = references ? " r=\"\(Cell.reference(column: firstColumn + i, row: number))\"" : ""
            switch value {
            case .empty: if !references { put("<c/>") }
            case let .text(s): put("<c\(ref) t=\"s\"><v>\(writer.sharedIndex(s))</v></c>")
            case let .inlineText(s): put("<c\(ref) t=\"inlineStr\"><is><t>\(WorkbookWriter.escape(s))</t></is></c>")
            case let .richText(runs): put("<c\(ref) t=\"s\"><v>\(writer.richIndex(runs))</v></c>")
            case let .number(n): put("<c\(ref)><v>\(SheetSink.number(n))</v></c>")
            case let .formattedNumber(n, code): put("<c\(ref) s=\"\(writer.numberStyle(code))\"><v>\(SheetSink.number(n))</v></c>")
            case let .bool(b): put("<c\(ref) t=\"b\"><v>\(b ? 1 : 0)</v></c>")
            case let .date(d): put("<c\(ref) s=\"\(d.hasTime ? 2 : 1)\"><v>\(SheetSink.number(d.serial(date1904: writer.date1904)))</v></c>")
            case let .builtInDate(d): put("<c\(ref) s=\"3\"><v>\(SheetSink.number(d.serial(date1904: writer.date1904)))</v></c>")
            case let .error(e): put("<c\(ref) t=\"e\"><v>\(WorkbookWriter.escape(e))</v></c>")
            case let .formula(f, cached):
                let formula = "<f>\(WorkbookWriter.escape(f))</f>"
                switch cached {
                case nil: put("<c\(ref)>\(formula)</c>")
                case let .number(n): put("<c\(ref)>\(formula)<v>\(SheetSink.number(n))</v></c>")
                case let .text(s): put("<c\(ref) t=\"str\">\(formula)<v>\(WorkbookWriter.escape(s))</v></c>")
                case let .error(e): put("<c\(ref) t=\"e\">\(formula)<v>\(WorkbookWriter.escape(e))</v></c>")
                }
            }
        }
        put("</row>")
        if buffer.count >= 1 << 20 { try flush() }
    }

    static func number(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }
}
