import GRDB

/// A large file imported into a database that holds no responses yet is written with SQLite's rollback
/// journal instead of the write-ahead log, and the file is switched back to the log after the commit
/// (or the rollback). Into an empty database, the pages an import writes are new pages past the end
/// of the file, which the rollback journal does not copy: each page is written once, and synced once at
/// the commit. Through the log each is written twice (the log, then the checkpoint into the file), and
/// the log is synced, copied, synced again and deleted: about 1 s of the serial tail of a million-row
/// import on this project's machine (`strace -T`: the log's sync 0.44 s, the copy 0.5 s, the file's sync
/// 0.28 s, deleting the 150 MB log 0.13 s), 12% of its wall time (README: Speed).
///
/// What changes for that import alone: a read command started meanwhile may wait for it (once SQLite
/// spills pages into the file; up to 10 s, as for any lock) instead of answering "no data yet" at once; and when the import is killed, its journal
/// is played back by the next read-write open (`sipas migrate`, the next import), which a read-only one
/// cannot do — a read command then says so (`DatabaseFault.interrupted`) and reads nothing, rather than
/// reading the file around the journal. The database is never left in between: SQLite's atomic commit
/// holds in either mode (`EmptyDatabaseLoadTests`, `ImportCommandTests`).
extension AppDatabase {
    /// Smaller files keep the log (a few seconds of waiting readers are not worth saving milliseconds).
    nonisolated(unsafe) static var rollbackJournalMinimumBytes = 8 << 20
    /// For the tests: whether the last import transaction ran with the rollback journal.
    nonisolated(unsafe) static var lastImportUsedRollbackJournal = false

    /// Leaves the write-ahead log when the database holds no responses and no other connection has the
    /// file open (SQLite refuses the switch then, without waiting: the import keeps the log). True when
    /// the file is now in rollback-journal mode.
    func leaveWALWhileEmpty() -> Bool {
        guard managesJournal else { return false }
        return (try? queue.writeWithoutTransaction { db -> Bool in
            guard try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM response)") == true else { return false }
            return try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")?.lowercased() == "delete"
        }) ?? false
    }
}
