internal import XLSXWriter

/// One sheet of a workbook as values: a header row, data rows, notes under the table, charts. Every
/// sheet sipas writes is one of these, laid out by `WorkbookLayout` the same way: bold header row,
/// frozen, with filter buttons; widths from the content; below-target rows shaded.
struct WorkbookTable {
    var sheet: String
    var columns: [WorkbookColumn]
    var rows: [WorkbookRow] = []
    /// Columns kept in view when scrolling right (codes and names).
    var frozenColumns = 0
    /// Lines under the table (legend, method, period), one cell each.
    var notes: [String] = []
    var charts: [WorkbookChart] = []

    init(sheet: String, columns: [WorkbookColumn], frozenColumns: Int = 0) {
        self.sheet = sheet
        self.columns = columns
        self.frozenColumns = frozenColumns
    }

    mutating func append(_ values: [WorkbookValue], shade: WorkbookRow.Shade? = nil, emphasis: Bool = false) {
        precondition(values.count == columns.count, "\(sheet): \(values.count) values for \(columns.count) columns")
        rows.append(WorkbookRow(values: values, shade: shade, emphasis: emphasis))
    }
}

struct WorkbookColumn {
    enum Kind {
        /// Short text (codes, names).
        case text
        /// Long text, wrapped (comments, reasons, a row's raw text).
        case longText
        /// A count: integer with thousands grouping.
        case count
        /// A plain integer without grouping (a row number, an id, a year).
        case number
        /// A share in [0, 1] shown as a percentage, `0.0%`.
        case fraction
        /// A difference of shares in percentage points, signed: `+1.7%`.
        case change
        /// Yes or no: the number 1 or 0 shown as `có`/`không` (`yes`/`no`).
        case boolean
        case date
        case dateTime
    }

    var header: String
    var kind: Kind
    /// An indent for criterion rows under their element (the text columns of non-emphasised rows).
    var indentsDetail = false

    init(_ header: String, _ kind: Kind, indentsDetail: Bool = false) {
        self.header = header
        self.kind = kind
        self.indentsDetail = indentsDetail
    }
}

enum WorkbookValue: Equatable {
    case text(String)
    case integer(Int)
    case fraction(Double)
    case boolean(Bool)
    /// `yyyy-mm-dd`.
    case day(String)
    /// `yyyy-mm-ddThh:mm:ssZ`.
    case timestamp(String)
    case empty

    static func text(_ s: String?) -> WorkbookValue { s.map { .text($0) } ?? .empty }
    static func integer(_ n: Int?) -> WorkbookValue { n.map { .integer($0) } ?? .empty }
    static func fraction(_ x: Double?) -> WorkbookValue { x.map { .fraction($0) } ?? .empty }
    static func boolean(_ b: Bool?) -> WorkbookValue { b.map { .boolean($0) } ?? .empty }
    static func day(_ s: String?) -> WorkbookValue { s.map { .day($0) } ?? .empty }
}

struct WorkbookRow {
    enum Shade {
        /// The whole interval under the target.
        case below
        /// The estimate under the target, its interval reaching it.
        case possiblyBelow
    }

    var values: [WorkbookValue]
    var shade: Shade?
    /// Bold (an element row among its criteria, the whole index).
    var emphasis = false
}

/// A chart drawn from columns of its table: categories from one column, one series per value column.
struct WorkbookChart {
    struct Series {
        var name: String
        var column: Int
        var look: Chart.Series.Look
        var labels: String?
    }

    var kind: Chart.Kind
    var title: String
    /// Data rows (0 = the first row under the header).
    var rows: ClosedRange<Int>
    var categoryColumn: Int
    var series: [Series]
    var yAxisName: String?
    var yMinimum: Double?
}
