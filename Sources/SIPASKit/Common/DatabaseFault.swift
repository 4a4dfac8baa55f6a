/// Why a database file could not be used, each with its own sentence and hint in `Messages`.
public enum DatabaseFault: Sendable, Equatable {
    /// `--db ''`, `--db :memory:` or a URI: nothing would be kept.
    case notAFile
    /// The path is a directory.
    case isDirectory
    /// A read command was given a path where no database exists yet.
    case missing
    /// Another connection held the write lock for longer than sipas waits.
    case locked(seconds: Int)
    /// SQLite or the integrity check found damaged pages.
    case corrupt(detail: String)
    /// The file is not an SQLite database.
    case notADatabase
    /// An SQLite database of another program (tables, but not sipas's).
    case foreign(tables: [String])
    /// The file (or its folder) cannot be written.
    case readOnly
    /// The schema is older than this sipas and a read command will not migrate it.
    case older(version: Int, current: Int)
    /// The disk is full.
    case full
    /// An import was killed before its rollback journal was played back (only a read-write open can).
    case interrupted
}
