/// Failures of `CSVReader`. A malformed record is not an error: see `RecordProblem`.
public enum CSVError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    /// I/O failed while reading, or libcsv ran out of memory on a huge field.
    case readFailed(path: String, reason: String)
    /// The file has no bytes (or only a byte order mark).
    case empty(path: String)
    /// The first 64 KiB contain NUL bytes and the file is not UTF-16.
    case notText(path: String)
    /// The bytes look like `looksLike` but would be read otherwise: UTF-16 without a byte order mark
    /// (`readAs` nil), or UTF-8 that Windows-1258 would turn into mojibake (`readAs` windows-1258).
    case encodingSuspect(path: String, looksLike: TextEncoding, readAs: TextEncoding?)
    /// libcsv's `csv_init` failed.
    case libcsvInit
}
