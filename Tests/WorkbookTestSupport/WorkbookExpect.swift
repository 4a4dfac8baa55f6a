import Foundation
import XCTest


/// What a cell of a written workbook must hold, said in the JSON output's terms.
public enum Expect: CustomStringConvertible {
    /// Text exactly; nil: an empty cell.
    case text(String?)
    /// A number cell with exactly this value; nil: empty.
    case number(Double?)
    /// An integer count.
    case integer(Int?)
    /// A yes/no: the number 1 or 0; nil: empty.
    case flag(Bool?)
    /// A date cell of this `yyyy-mm-dd` day; nil: empty.
    case day(String?)
    /// A date-time cell of this `yyyy-mm-ddThh:mm:ssZ` instant.
    case timestamp(String?)

    public var description: String {
        switch self {
        case let .text(s): "text(\(s.map { $0.debugDescription } ?? "nil"))"
        case let .number(x): "number(\(x.map { "\($0)" } ?? "nil"))"
        case let .integer(n): "integer(\(n.map { "\($0)" } ?? "nil"))"
        case let .flag(b): "flag(\(b.map { "\($0)" } ?? "nil"))"
        case let .day(d): "day(\(d ?? "nil"))"
        case let .timestamp(t): "timestamp(\(t ?? "nil"))"
        }
    }

    /// Equal to 15 significant digits — Excel's own precision. libxlsxwriter writes 16 (`%.16G`), JSON
    /// the 17 that round-trip a Double, so the last digit may differ; any rounding of ours would not pass.
    public static func same(_ x: Double, _ y: Double) -> Bool {
        x == y || abs(x - y) <= 1e-15 * max(abs(x), abs(y))
    }

    /// True when `cell` holds what this expects (value and type; never a formula).
    public func matches(_ cell: WorkbookReadBack.Cell) -> Bool {
        guard !cell.isFormula else { return false }
        switch (self, cell.value) {
        case (.text(nil), .empty), (.number(nil), .empty), (.integer(nil), .empty), (.flag(nil), .empty),
             (.day(nil), .empty), (.timestamp(nil), .empty):
            return true
        case (.text(""), .empty): return true   // an empty text is an empty cell
        case let (.text(s?), .text(t)): return Array(s.unicodeScalars) == Array(t.unicodeScalars)
        case let (.number(x?), .number(y)): return Expect.same(x, y)
        case let (.integer(n?), .number(y)): return Double(n) == y
        case let (.flag(b?), .number(y)): return (b ? 1.0 : 0.0) == y
        case let (.day(d?), .date(y, m, dd, h, mi, s)):
            return h == 0 && mi == 0 && s == 0 && d == String(format: "%04d-%02d-%02d", y, m, dd)
        case let (.timestamp(t?), .date(y, m, d, h, mi, s)):
            return t == String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, h, mi, s)
        default: return false
        }
    }
}

/// Checks one row of a sheet cell by cell against what the JSON says.
public func assertRow(_ row: [WorkbookReadBack.Cell], _ expected: [Expect], _ context: String,
                      file: StaticString = #filePath, line: UInt = #line) {
    for (i, e) in expected.enumerated() {
        let cell = i < row.count ? row[i] : WorkbookReadBack.Cell(value: .empty, format: nil, isFormula: false)
        if !e.matches(cell) {
            XCTFail("\(context), column \(i + 1): expected \(e), found \(cell.value)\(cell.isFormula ? " (formula)" : "")",
                    file: file, line: line)
        }
    }
    let extra = row.dropFirst(expected.count).filter { $0.value != .empty }
    if !extra.isEmpty { XCTFail("\(context): \(extra.count) cells beyond the expected \(expected.count)", file: file, line: line) }
}

extension WorkbookReadBack {
    /// The texts of a sheet's header row.
    public func header(_ sheet: String) -> [String] {
        (rows(sheet).first ?? []).map { if case let .text(t) = $0.value { t } else { "" } }
    }

    /// The data rows of a sheet: under the header, up to the first empty row (the notes come after).
    public func dataRows(_ sheet: String) -> [[Cell]] {
        var out: [[Cell]] = []
        for row in rows(sheet).dropFirst() {
            if row.allSatisfy({ $0.value == .empty }) { break }
            out.append(row)
        }
        return out
    }

    /// The number format of column `header` in the first data row.
    public func format(_ sheet: String, column header: String) -> String? {
        guard let c = self.header(sheet).firstIndex(of: header), let row = dataRows(sheet).first, c < row.count else {
            return nil
        }
        return row[c].format
    }
}
