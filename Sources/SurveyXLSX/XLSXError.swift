/// Why a workbook could not be read at all. Per-cell findings are values (`CellValue.error`,
/// `Cell.formula` without a value), never thrown.
public enum XLSXError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    /// The bytes are not a zip holding `xl/workbook.xml`.
    case notAWorkbook(path: String)
    /// An Excel 97–2003 binary workbook (OLE2 compound file).
    case binaryWorkbook(path: String)
    /// A part the workbook names is missing (say `xl/worksheets/sheet1.xml`).
    case missingPart(path: String, part: String)
    /// A part is not well-formed XML, or its zip data is damaged.
    case damagedPart(path: String, part: String, reason: String)
    /// `--sheet` named a sheet the workbook does not have.
    case noSuchSheet(path: String, sheet: String, available: [String])
    /// No sheet looked at has a recognisable header in its first rows (`sheets`: those looked at).
    case noTableFound(path: String, sheets: [String])
}

extension XLSXError {
    /// No sheet (or not the one asked for) has a header the caller recognises in its first rows.
    public static func noTable(path: String, sheets: [String]) -> XLSXError { .noTableFound(path: path, sheets: sheets) }
}
