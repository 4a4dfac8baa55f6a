import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A written workbook read back for the tests: every sheet's cells with their types and number formats,
/// and the raw XML of any part (core properties, sheet XML) for the checks on structure.
///
/// INTERIM: reads the zip with `unzip -p` and the XML with XMLParser until the project's own reader
/// (SurveyXLSX, branch xlsx-in) is merged; then this file reads with SurveyXLSX and keeps its API.
public struct WorkbookReadBack {
    public enum Value: Equatable, CustomStringConvertible {
        case empty
        case text(String)
        case number(Double)
        case bool(Bool)
        case date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
        case error(String)

        public var description: String {
            switch self {
            case .empty: "empty"
            case let .text(s): "text(\(s.debugDescription))"
            case let .number(x): "number(\(x))"
            case let .bool(b): "bool(\(b))"
            case let .date(y, m, d, h, mi, s): "date(\(y)-\(m)-\(d) \(h):\(mi):\(s))"
            case let .error(e): "error(\(e))"
            }
        }
    }

    public struct Cell: Equatable {
        public var value: Value
        public var format: String?
        public var isFormula: Bool
    }

    public let path: String
    public let sheetNames: [String]
    /// Dense rows per sheet (row 0 is the sheet's first row); missing cells are `.empty`.
    private let sheets: [String: [[Cell]]]

    public init(path: String) throws {
        self.path = path
        let workbook = try Self.xml(path, "xl/workbook.xml")
        let names = Elements.collect(workbook, "sheet").compactMap { $0["name"] }
        sheetNames = names
        let styles = try Self.xml(path, "xl/styles.xml")
        var codes: [Int: String] = [:]
        for f in Elements.collect(styles, "numFmt") {
            if let id = f["numFmtId"].flatMap(Int.init), let code = f["formatCode"] { codes[id] = code }
        }
        let builtIn: [Int: String] = [1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy"]
        let xfs = Elements.cellXfs(styles).map { id -> String? in id == 0 ? nil : codes[id] ?? builtIn[id] }
        var sheets: [String: [[Cell]]] = [:]
        for (i, name) in names.enumerated() {
            let data = try Self.xml(path, "xl/worksheets/sheet\(i + 1).xml")
            sheets[name] = SheetCells.parse(data, formats: xfs)
        }
        self.sheets = sheets
    }

    public func rows(_ sheet: String) -> [[Cell]] { sheets[sheet] ?? [] }

    /// The text of a part of the zip (e.g. `docProps/core.xml`), nil when there is none.
    public func part(_ name: String) -> String? {
        (try? Self.entry(path, name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The names of the parts in the zip.
    public func partNames() -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-Z1", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    static func xml(_ path: String, _ name: String) throws -> Data {
        try entry(path, name)
    }

    static func entry(_ path: String, _ name: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, !data.isEmpty else {
            throw NSError(domain: "WorkbookReadBack", code: 1, userInfo: [NSLocalizedDescriptionKey: "\(path): no part \(name)"])
        }
        return data
    }
}

/// Attributes of every element with a given name.
private final class Elements: NSObject, XMLParserDelegate {
    let name: String
    var found: [[String: String]] = []
    var inXfs = false
    var xfs: [Int] = []
    init(_ name: String) { self.name = name }

    static func collect(_ data: Data, _ name: String) -> [[String: String]] {
        let d = Elements(name)
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        return d.found
    }

    static func cellXfs(_ data: Data) -> [Int] {
        let d = Elements("")
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        return d.xfs
    }

    func parser(_ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if e == name { found.append(attributes) }
        if e == "cellXfs" { inXfs = true }
        if e == "xf" && inXfs { xfs.append(Int(attributes["numFmtId"] ?? "0") ?? 0) }
    }

    func parser(_ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        if e == "cellXfs" { inXfs = false }
    }
}

private final class SheetCells: NSObject, XMLParserDelegate {
    let formats: [String?]
    var rows: [[WorkbookReadBack.Cell]] = []
    var ref = "", type = "", style = 0, text = "", inValue = false, formula = false

    init(formats: [String?]) { self.formats = formats }

    static func parse(_ data: Data, formats: [String?]) -> [[WorkbookReadBack.Cell]] {
        let d = SheetCells(formats: formats)
        let p = XMLParser(data: data)
        p.delegate = d
        p.parse()
        return d.rows
    }

    func parser(_ parser: XMLParser, didStartElement e: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch e {
        case "c":
            ref = attributes["r"] ?? ""
            type = attributes["t"] ?? "n"
            style = Int(attributes["s"] ?? "0") ?? 0
            text = ""
            formula = false
        case "v", "t": inValue = true
        case "f": formula = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement e: String, namespaceURI: String?, qualifiedName: String?) {
        switch e {
        case "v", "t": inValue = false
        case "c":
            let (row, column) = Self.position(ref)
            while rows.count <= row { rows.append([]) }
            while rows[row].count <= column { rows[row].append(.init(value: .empty, format: nil, isFormula: false)) }
            let format = style < formats.count ? formats[style] : nil
            let value: WorkbookReadBack.Value
            switch type {
            case "inlineStr", "str", "s": value = .text(Self.unescape(text))
            case "b": value = .bool(text == "1")
            case "e": value = .error(text)
            default:
                if text.isEmpty { value = .empty } else if let x = Double(text), let f = format, f.contains("yy") {
                    value = Self.date(x)
                } else { value = Double(text).map { .number($0) } ?? .error(text) }
            }
            rows[row][column] = .init(value: value, format: format, isFormula: formula)
        default: break
        }
    }

    static func position(_ ref: String) -> (Int, Int) {
        var column = 0, digits = ""
        for ch in ref {
            if ch.isLetter { column = column * 26 + Int(ch.asciiValue! - 64) } else { digits.append(ch) }
        }
        return ((Int(digits) ?? 1) - 1, column - 1)
    }

    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = "", i = s.startIndex
        while i < s.endIndex {
            if s[i] == "_", let end = s.index(i, offsetBy: 6, limitedBy: s.index(before: s.endIndex)), s[end] == "_",
               s[s.index(after: i)] == "x", let v = UInt32(s[s.index(i, offsetBy: 2)..<end], radix: 16), let u = Unicode.Scalar(v) {
                out.unicodeScalars.append(u)
                i = s.index(after: end)
            } else {
                out.append(s[i])
                i = s.index(after: i)
            }
        }
        return out
    }

    static func date(_ serial: Double) -> WorkbookReadBack.Value {
        var seconds = Int((serial * 86400).rounded()) - 25569 * 86400
        let days = Int((Double(seconds) / 86400).rounded(.down))
        seconds -= days * 86400
        var t = time_t(days * 86400)
        var parts = tm()
        gmtime_r(&t, &parts)
        return .date(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday),
                     hour: seconds / 3600, minute: seconds / 60 % 60, second: seconds % 60)
    }
}
