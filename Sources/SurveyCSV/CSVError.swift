/// Failures of `CSVReader`. A malformed record is not an error: see `RecordProblem`.
public enum CSVError: Error, Sendable, Equatable {
    case cannotOpen(path: String, reason: String)
    /// I/O failed while reading, or libcsv ran out of memory on a huge field.
    case readFailed(path: String, reason: String)
    /// The file has no bytes (or only a byte order mark).
    case empty(path: String)
    /// The first 64 KiB contain NUL bytes and the file is not UTF-16.
    case notText(path: String)
    /// libcsv's `csv_init` failed.
    case libcsvInit
}
