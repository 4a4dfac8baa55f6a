/// Everything that stops the engine from running. Per-row problems are not errors: they are
/// `Diagnostic` values. Every sentence a person reads is in `Messages`.
public enum SIPASError: Error, Sendable, Equatable {
    public enum CatalogProblem: Sendable, Equatable {
        case notUTF8, json(String), noElements, emptyElement(String), duplicateCode(String), tooManyCriteria(Int)
    }

    case catalogUnreadable(path: String)
    case catalogInvalid(path: String, reason: CatalogProblem)
    case fileUnreadable(path: String, reason: String)
    case fileEmpty(path: String)
    case fileNotText(path: String)
    case headerMissingColumn(path: String, field: String)
    case headerNoCriteria(path: String)
    case headerDuplicateColumn(path: String, name: String, first: Int, second: Int)
    case database(path: String, message: String)
    case databaseNewer(path: String, version: Int)
    /// The database could not be used as it is: locked, damaged, foreign, read-only… (`DatabaseFault`).
    case databaseFault(path: String, fault: DatabaseFault)
    /// A file sipas was asked to write (`--out`) or a stream (stdout) could not be written.
    case outputFailed(path: String, reason: String)
    /// The bytes look like `looksLike` but would be read as `readAs` (nil: not at all): UTF-16 without
    /// a byte order mark, or UTF-8 that Windows-1258 would turn into mojibake.
    case fileEncodingSuspect(path: String, looksLike: String, readAs: String?)
    case noData
    case yearWithoutData(Int)
    case invalidArgument(String)
    /// An output file (`--out`) could not be written; nothing was left at `path`.
    case outputUnwritable(path: String, reason: String)
    /// A workbook that could not be read (Messages+Workbook.swift).
    case workbook(WorkbookProblem)
    /// A failure injected by a test to prove that a failed import leaves the database as it was.
    case injectedFailure(row: Int)
}
