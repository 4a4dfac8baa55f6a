/// What happened to one file.
public struct FileReceipt: Sendable, Codable, Equatable {
    public var path: String
    public var sha256: String
    public var bytes: Int
    public var encoding: String
    public var encodingDetected: Bool
    public var delimiter: String
    public var scale: Int
    public var scaleInferred: Bool
    /// Data rows read (the header and empty rows not counted).
    public var rows: Int
    public var imported: Int
    public var duplicates: Int
    public var conflicts: Int
    public var replaced: Int
    public var rejected: Int
    public var alreadyImported: Bool
    public var dryRun: Bool
    public var years: [Int]
    public var firstDay: String?
    public var lastDay: String?
    public var seconds: Double
    /// Rows the reading threads handed over before the file was finished or recognised as imported
    /// before (0 when its digest was known before any row was read). Not part of the JSON receipt.
    var rowsRead = 0
    /// Workbooks only: where the table was and what was done to it.
    public var sheet: String? = nil
    public var headerRow: Int? = nil
    public var footerRowsSkipped: Int? = nil
    public var datesSwapped: Int? = nil
    public var codesRestored: Int? = nil

    enum CodingKeys: String, CodingKey {
        case path, sha256, bytes, encoding, delimiter, scale, rows, imported, duplicates, conflicts, replaced,
             rejected, years, seconds
        case encodingDetected = "encoding_detected"
        case scaleInferred = "scale_inferred"
        case alreadyImported = "already_imported"
        case dryRun = "dry_run"
        case firstDay = "first_day"
        case lastDay = "last_day"
        case sheet
        case headerRow = "header_row"
        case footerRowsSkipped = "footer_rows_skipped"
        case datesSwapped = "dates_swapped"
        case codesRestored = "codes_restored"
    }
}

/// The outcome of one `sipas import`: a receipt per imported file, the files that could not be
/// imported, and the diagnostics (capped per code and file; `omitted` counts the rest).
public struct ImportOutcome: Sendable {
    public var files: [FileReceipt] = []
    public var failures: [(path: String, error: SIPASError)] = []
    public var diagnostics: [Diagnostic] = []
    public var omitted: [String: [Diagnostic.Code: Int]] = [:]
    /// The database was found damaged (by the quick check run alongside the first import): the run
    /// stopped there with nothing committed, and this is the whole command's error, not a file's.
    public var damagedDatabase: SIPASError?

    /// 0 every row imported; 1 finished but rows were rejected (or conflicted); 2 a file could not be imported.
    public var exitCode: Int32 {
        if !failures.isEmpty { return 2 }
        return files.contains { $0.rejected > 0 || $0.conflicts > 0 } ? 1 : 0
    }
}
