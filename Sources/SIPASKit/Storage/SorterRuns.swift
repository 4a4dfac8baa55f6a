import CSQLiteSorter

/// The size of each in-memory run of SQLite's external sorter, set once for the process before its first
/// connection (`sqlite3_config` is refused after that; see `CSQLiteSorter`).
///
/// A large import builds the comment index at its end (`ImportWriter.finish`), when the reading thread has
/// finished and a core is idle. SQLite sorts the index's keys in runs of the larger of this many pages
/// (250 by default: 4 MiB of 16 KiB pages) and the page cache; with `PRAGMA threads = 1` it sorts each
/// full run on a helper thread while it fills the next. For the index the import sets 64 pages and a
/// 1 MiB page cache: runs of 1 MiB on two threads. The 1M NFD file's comment index (638,749 keys), one
/// C program on its database, two runs: 0.72 s and a 6.7 MiB peak, against 0.86–0.93 s and 9.1–9.3 MiB
/// with SQLite's defaults (five runs; README: Speed, the sixth round).
enum SorterRuns {
    static let pages: Int32 = 64
    /// The page cache while the index is built, KiB (the runs are at least this large).
    static let cacheKiB = 1024

    /// True when SQLite took the setting (false when SQLite was in use before, e.g. in a test process
    /// that opened a database first: runs then stay SQLite's default, which changes no result).
    static let configured: Bool = sipas_sqlite_set_sorter_run_pages(pages) == 0
}
