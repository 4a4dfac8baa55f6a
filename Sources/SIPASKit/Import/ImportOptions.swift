import SurveyCSV
import SurveyXLSX

/// Everything `sipas import` can be told.
public struct ImportOptions: Sendable {
    public var catalog: Catalog = .standard
    public var encoding: TextEncoding?
    public var delimiter: UInt8?
    public var scale: RatingScale?
    public var dryRun = false
    public var onConflict: ConflictPolicy = .reject
    public var language: Language = .vi
    /// Diagnostics kept per code and file; the rest are only counted.
    public var diagnosticsPerCode = 20
    /// Called on the importing thread after each batch with (bytes read, bytes in file).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// A fault to inject, for the tests that prove a failed import leaves the database as it was.
    public var fault: Fault?
    /// Chunk size for reading (tests use small ones).
    public var chunkSize = 1 << 18
    /// Records a batch: what moves between the import's threads. Up to four batches are in flight (six for a
    /// workbook, which has a validating thread of its own). 256 and
    /// 1,024 measured no faster than 512 on a million responses, and 1,024 took 7 MiB more memory.
    public var batchSize = 512
    /// Files smaller than this are hashed before any row is read, larger ones alongside the parse
    /// (tests lower it to see a file recognised mid-way).
    var digestInlineBelow = FileDigest.inlineThreshold
    /// Which thread counts each batch into the tallies (tests fix it; imports adapt: `SharedTallies`).
    var tallyCounting: TallyCounting = ImportOptions.defaultTallyCounting
    /// What `tallyCounting` starts as (tests run whole import histories with each).
    nonisolated(unsafe) static var defaultTallyCounting: TallyCounting = .adaptive
    /// The workbook sheet to read (a name or a 1-based number); nil: the first with a recognisable header.
    public var sheet: String?
    /// How the date cells of a workbook's date column are read; nil: as stored, unless the column shows
    /// the day/month swap of office-formats.md §1 (the importer then reads the file again with the rule
    /// the evidence supports).
    public var dateRule: DateRule?

    public enum Fault: Sendable, Equatable {
        /// Throw after this many responses were written (the transaction rolls back).
        case throwAfterRows(Int)
        /// Kill the process with SIGKILL after this many responses were written (the journal rolls back).
        case killAfterRows(Int)
        /// After the first batch, make the writer reference a procedure id that does not exist (the
        /// check before commit must refuse the file).
        case danglingReference
        /// After this many responses were written, create the file `marker` and wait, holding the write
        /// lock, until the test deletes it (at most 60 s): a long import, on cue.
        case pauseAfterRows(Int, marker: String)
    }

    public init() {}
}

/// Which thread counts a batch's rows into the file's tallies.
enum TallyCounting: Sendable, Equatable {
    /// The reading thread while the writer has batches waiting, else the writer (`SharedTallies`).
    case adaptive
    /// Always the reading thread, or always the writer (tests).
    case reader, writer
    /// The reading thread for every other batch, the writer for the rest (tests: both kinds in one file).
    case alternating
}
