/// Why a workbook could not be read at all.
public enum WorkbookProblem: Sendable, Equatable {
    case binaryWorkbook(path: String)
    case damaged(path: String, part: String, reason: String)
    case noSuchSheet(path: String, sheet: String, available: [String])
    case noTable(path: String, sheets: [String])
}
