import Foundation
import SurveyXLSX
import ZIPFoundation

/// A written workbook read back by the project's own reader (SurveyXLSX): every sheet's cells with
/// their types and number formats. For the checks on structure (frozen panes, autofilter, charts,
/// document properties) the raw XML of any part, straight from the zip.
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
        /// The number format's code; nil for General.
        public var format: String?
        public var isFormula: Bool

        public init(value: Value, format: String? = nil, isFormula: Bool = false) {
            self.value = value
            self.format = format
            self.isFormula = isFormula
        }
    }

    public let path: String
    public let sheetNames: [String]
    /// Dense rows per sheet (index 0 is the sheet's row 1); missing cells are `.empty`.
    private let sheets: [String: [[Cell]]]

    public init(path: String) throws {
        self.path = path
        let book = try SurveyXLSX.Workbook(path: path)
        sheetNames = book.sheets.map(\.name)
        var sheets: [String: [[Cell]]] = [:]
        for info in book.sheets {
            var rows: [[Cell]] = []
            try book.readRows(of: info) { row in
                while rows.count < row.number { rows.append([]) }
                var cells: [Cell] = []
                for cell in row.cells {
                    while cells.count < cell.column { cells.append(Cell(value: .empty)) }
                    cells.append(Cell(value: Self.value(cell.value), format: cell.numberFormat, isFormula: cell.isFormula))
                }
                rows[row.number - 1] = cells
            }
            sheets[info.name] = rows
        }
        self.sheets = sheets
    }

    static func value(_ v: CellValue) -> Value {
        switch v {
        case .empty: .empty
        case let .text(s): .text(s)
        case let .number(x): .number(x)
        case let .bool(b): .bool(b)
        case let .date(d): .date(year: d.year, month: d.month, day: d.day, hour: d.hour, minute: d.minute, second: d.second)
        case let .error(e): .error(e)
        }
    }

    public func rows(_ sheet: String) -> [[Cell]] { sheets[sheet] ?? [] }

    /// The text of a part of the zip (e.g. `docProps/core.xml`), nil when there is none.
    public func part(_ name: String) -> String? {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read), let entry = archive[name] else {
            return nil
        }
        var data = Data()
        guard (try? archive.extract(entry, consumer: { data.append($0) })) != nil else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// The names of the parts in the zip.
    public func partNames() -> [String] {
        guard let archive = try? Archive(url: URL(fileURLWithPath: path), accessMode: .read) else { return [] }
        return archive.map(\.path)
    }
}
