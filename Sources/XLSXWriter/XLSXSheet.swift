internal import CXlsxWriter

/// What a cell holds. There is no formula case: nothing sipas writes is ever run by the spreadsheet,
/// so text starting with `=`, `+`, `-` or `@` (a citizen's comment) stays text.
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case boolean(Bool)
    /// A calendar day (an Excel date serial with the style's date format).
    case date(year: Int, month: Int, day: Int)
    case dateTime(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    /// Nothing, but the cell's style (a shaded row stays shaded).
    case blank
}

/// One worksheet of an `XLSXWorkbook`. Rows are written top to bottom and the cells of a row left to right
/// (constant-memory mode needs it; `XLSXSheet` checks it in every mode, so a writer that works in one mode
/// works in the other).
public final class XLSXSheet {
    public let name: String
    private let handle: UnsafeMutablePointer<lxw_worksheet>
    private unowned let owner: XLSXWorkbook
    /// The last cell written: (row, column).
    private var last: (row: Int, column: Int) = (-1, -1)
    /// How many texts were cut to fit a cell.
    public private(set) var cutTexts = 0

    init(_ handle: UnsafeMutablePointer<lxw_worksheet>, name: String, workbook: XLSXWorkbook) {
        self.handle = handle
        self.name = name
        owner = workbook
    }

    /// Excel's limits: 1,048,576 rows, 16,384 columns.
    public static let maximumRows = 1_048_576
    public static let maximumColumns = 16_384

    public func write(_ cell: XLSXCell, row: Int, column: Int, style: CellStyle? = nil) throws(WorkbookError) {
        guard row >= 0, row < Self.maximumRows, column >= 0, column < Self.maximumColumns else {
            throw WorkbookError("\(name): cell (\(row), \(column)) is outside a sheet")
        }
        guard row > last.row || (row == last.row && column > last.column) else {
            throw WorkbookError("\(name): cell (\(row), \(column)) written after (\(last.row), \(last.column)); rows go in order")
        }
        last = (row, column)
        let r = lxw_row_t(row), c = lxw_col_t(column)
        let format = owner.format(style)
        let code: lxw_error
        switch cell {
        case let .text(text):
            let fitted = CellText.fitted(CellText.xmlSafe(text))
            if fitted.cut { cutTexts += 1 }
            code = fitted.text.isEmpty ? worksheet_write_blank(handle, r, c, format)
                : worksheet_write_string(handle, r, c, fitted.text, format)
        case let .number(value):
            code = value.isFinite ? worksheet_write_number(handle, r, c, value, format)
                : worksheet_write_blank(handle, r, c, format)
        case let .boolean(value):
            code = worksheet_write_boolean(handle, r, c, value ? 1 : 0, format)
        case let .date(year, month, day):
            var d = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: 0, min: 0, sec: 0)
            code = worksheet_write_datetime(handle, r, c, &d, format)
        case let .dateTime(year, month, day, hour, minute, second):
            var d = lxw_datetime(year: Int32(year), month: Int32(month), day: Int32(day), hour: Int32(hour),
                                 min: Int32(minute), sec: Double(second))
            code = worksheet_write_datetime(handle, r, c, &d, format)
        case .blank:
            code = format == nil ? LXW_NO_ERROR : worksheet_write_blank(handle, r, c, format)
        }
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, "\(name)!R\(row + 1)C\(column + 1)") }
    }

    /// A whole row from `column` on, with one style per cell (or one for all).
    public func write(row: Int, _ cells: [XLSXCell], styles: [CellStyle?] = [], from column: Int = 0) throws(WorkbookError) {
        for (i, cell) in cells.enumerated() {
            try write(cell, row: row, column: column + i, style: i < styles.count ? styles[i] : styles.last ?? nil)
        }
    }

    /// Height in points of a row not yet written.
    public func setRowHeight(_ row: Int, _ height: Double) throws(WorkbookError) {
        let code = worksheet_set_row(handle, lxw_row_t(row), height, nil)
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, "\(name): row height") }
    }

    /// Width of columns `first...last` in characters of the default font.
    public func setColumns(_ first: Int, _ last: Int, width: Double) throws(WorkbookError) {
        let code = worksheet_set_column(handle, lxw_col_t(first), lxw_col_t(last), width, nil)
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, "\(name): column width") }
    }

    /// Rows above `rows` and columns left of `columns` stay in view while scrolling.
    public func freeze(rows: Int, columns: Int = 0) {
        worksheet_freeze_panes(handle, lxw_row_t(rows), lxw_col_t(columns))
    }

    /// Filter buttons on the header row of the range.
    public func autofilter(_ range: CellRange) throws(WorkbookError) {
        let code = worksheet_autofilter(handle, lxw_row_t(range.firstRow), lxw_col_t(range.firstColumn),
                                        lxw_row_t(range.lastRow), lxw_col_t(range.lastColumn))
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, "\(name): autofilter") }
    }

    /// Prints on A4, landscape, fitted to the page width.
    public func printLandscape() {
        worksheet_set_landscape(handle)
        worksheet_set_paper(handle, 9)
        worksheet_fit_to_pages(handle, 1, 0)
    }

    /// A native chart with its top-left corner at (`row`, `column`).
    public func insert(_ chart: Chart, row: Int, column: Int) throws(WorkbookError) {
        let made = try chart.make(in: owner)
        var options = lxw_chart_options()
        options.x_scale = chart.widthScale
        options.y_scale = chart.heightScale
        let code = worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), made, &options)
        guard code == LXW_NO_ERROR else { throw WorkbookError(code, "\(name): chart") }
    }

    /// The sheet shown when the workbook opens.
    public func activate() { worksheet_activate(handle) }
}

/// A block of cells, zero-based, both ends included.
public struct CellRange: Sendable, Equatable {
    public var firstRow: Int
    public var firstColumn: Int
    public var lastRow: Int
    public var lastColumn: Int

    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = firstRow
        self.firstColumn = firstColumn
        self.lastRow = lastRow
        self.lastColumn = lastColumn
    }

    /// One column from `firstRow` to `lastRow`.
    public static func column(_ column: Int, rows: ClosedRange<Int>) -> CellRange {
        CellRange(firstRow: rows.lowerBound, firstColumn: column, lastRow: rows.upperBound, lastColumn: column)
    }
}
