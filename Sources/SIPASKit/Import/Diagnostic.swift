/// One finding about one row (or the header) of one file. A value, never a thrown error:
/// the importer collects them all, then decides.
public struct Diagnostic: Sendable, Equatable, Codable {
    public enum Severity: String, Sendable, Codable { case error, warning, note }

    public enum Code: String, Sendable, Codable, CaseIterable {
        case raggedRow = "ragged-row"
        case missingProcedureCode = "missing-procedure-code"
        case missingDate = "missing-date"
        case badDate = "bad-date"
        case impossibleDate = "impossible-date"
        case ratingOutOfScale = "rating-out-of-scale"
        case ratingUnknown = "rating-unknown"
        case ratingNotOnScale = "rating-not-on-scale"
        case unterminatedQuote = "unterminated-quote"
        case invalidEncoding = "invalid-encoding"
        case conflict = "conflict"
        case unknownColumn = "unknown-column"
        case scaleInferred = "scale-inferred"
        case alreadyImported = "already-imported"
        // Workbooks (see Messages+Workbook.swift).
        case errorCell = "error-cell"
        case formulaWithoutValue = "formula-without-value"
        case ambiguousDate = "ambiguous-date"
        case codeAsNumber = "code-as-number"
        case digitsAsNumber = "digits-as-number"
        case workbookTable = "workbook-table"
        case footerSkipped = "footer-skipped"
        case datesSwapped = "dates-swapped"
        case codesRestored = "codes-restored"

        public var severity: Severity {
            switch self {
            case .unknownColumn, .alreadyImported, .datesSwapped, .codesRestored: .warning
            case .scaleInferred, .workbookTable, .footerSkipped: .note
            default: .error
            }
        }
    }

    public var file: String
    /// The workbook sheet the row is on; nil for CSV files. With it, the place reads as Excel shows
    /// it: `x.xlsx:Sheet1!F17` (the column is then the sheet's own, A = 1).
    public var sheet: String?
    /// Spreadsheet row (header = 1); nil for the file as a whole.
    public var row: Int?
    /// 1-based column number; nil when the finding is about the whole row.
    public var column: Int?
    public var columnName: String?
    public var code: Code
    /// The offending value, shortened; never a whole row or comment.
    public var value: String?
    /// Extra detail some codes need (expected field count, the scale…).
    public var detail: String?

    public var severity: Severity { code.severity }

    public init(file: String, row: Int?, column: Int? = nil, columnName: String? = nil,
                code: Code, value: String? = nil, detail: String? = nil) {
        self.file = file
        self.row = row
        self.column = column
        // A column name is the file's own text: a 10 MB header cell is not echoed in full.
        self.columnName = columnName.map { $0.count <= 80 ? $0 : String($0.prefix(79)) + "…" }
        self.code = code
        self.value = value.map(Diagnostic.shorten)
        self.detail = detail
    }

    static func shorten(_ text: String) -> String {
        let limit = 40
        return text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Sorted by file, row, column, then code.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.row ?? 0, a.column ?? 0, a.code.rawValue) < (b.file, b.row ?? 0, b.column ?? 0, b.code.rawValue)
    }
}
