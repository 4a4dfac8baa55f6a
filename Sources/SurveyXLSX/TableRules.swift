import SurveyCSV

/// What the caller (the importer, which knows the catalogue) tells the table reader: how to recognise
/// the header row and which columns need the spreadsheet-damage checks.
public struct TableRules: Sendable {
    /// The columns of a recognised header, or nil when `labels` is not a header.
    public var bind: @Sendable (_ labels: [String]) -> TableColumns?
    /// True for a footer row's leading text (`Tổng số …`, `Điểm bình quân …`).
    public var isFooter: @Sendable (_ text: String) -> Bool
    /// Rows looked at for the header, per sheet.
    public var headerSearchRows: Int

    public init(bind: @escaping @Sendable ([String]) -> TableColumns?, isFooter: @escaping @Sendable (String) -> Bool,
                headerSearchRows: Int = 60) {
        self.bind = bind
        self.isFooter = isFooter
        self.headerSearchRows = headerSearchRows
    }
}

/// The columns (0-based, sheet columns) the damage checks need.
public struct TableColumns: Sendable, Equatable {
    public var date: Int
    public var procedureCode: Int
    /// Columns of ids (response id, dossier code): long digit strings a spreadsheet may have mangled.
    public var keys: [Int]
    /// Columns that are not data (`STT`, the row number): a row with values only there is an empty row.
    public var ignored: [Int]

    public init(date: Int, procedureCode: Int, keys: [Int] = [], ignored: [Int] = []) {
        self.date = date
        self.procedureCode = procedureCode
        self.keys = keys
        self.ignored = ignored
    }
}

/// What to do with the date cells of the date column (see `DateEvidence`).
public enum DateRule: String, Sendable, Equatable {
    /// Take them as stored (no evidence of damage).
    case asStored
    /// Day and month were swapped by a spreadsheet reading day-first text month-first: swap them back.
    case swapDayMonth
    /// The evidence says some cells were swapped but not which: reject the rows whose date cell is ambiguous.
    case rejectAmbiguous
}

/// What the date column showed: a spreadsheet that read `05/09/2024` month-first turned it into a date
/// cell (9 May) but left `25/09/2024` as text, since there is no month 25.
public struct DateEvidence: Sendable, Equatable {
    /// Date cells (numbers with a date format).
    public var dateCells = 0
    /// Date cells whose day is over 12: these cannot come from a swap.
    public var dateCellsDayOver12 = 0
    /// Text dates, day first, whose day is over 12.
    public var textDayOver12 = 0
    /// Text dates, day first, whose day and month are both 12 or less (a swapping spreadsheet leaves none).
    public var textAmbiguous = 0

    /// nil when the column shows no damage; else the rule the evidence supports.
    public var rule: DateRule? {
        guard dateCells > 0, textDayOver12 > 0 else { return nil }
        return dateCellsDayOver12 == 0 && textAmbiguous == 0 ? .swapDayMonth : .rejectAmbiguous
    }
}

/// Where the table was found and what the reading did to it.
public struct TableReport: Sendable, Equatable {
    public var sheet: String
    /// The header's rows: one, or two when a group heading sits above the labels.
    public var headerRows: ClosedRange<Int>
    /// The header labels (the lower row's, the upper row's where the lower is empty).
    public var labels: [String]
    /// Footer rows (`Tổng số …`) left out, with their leading text.
    public var footerRows: [(row: Int, text: String)] = []
    /// Procedure codes that arrived as numbers with trailing zeros lost, restored to `d.dddddd`.
    public var restoredCodes = 0
    /// Date cells whose day and month were swapped back (`DateRule.swapDayMonth`).
    public var swappedDates = 0
    public var dateEvidence = DateEvidence()
    /// Data rows delivered (the header not counted).
    public var rows = 0

    public static func == (a: TableReport, b: TableReport) -> Bool {
        a.sheet == b.sheet && a.headerRows == b.headerRows && a.labels == b.labels
            && a.footerRows.map(\.row) == b.footerRows.map(\.row) && a.restoredCodes == b.restoredCodes
            && a.swappedDates == b.swappedDates && a.dateEvidence == b.dateEvidence && a.rows == b.rows
    }
}
