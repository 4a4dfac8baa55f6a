import Foundation
import GRDB

/// The owner of one sipas database file: opens it, migrates it, and is the only way in.
///
/// Two ways to open: `.readWrite` (imports, `baseline set`, `migrate`) creates the file when it is
/// missing (mode 0600: the responses hold citizens' comments), puts it in WAL mode and migrates it;
/// `.readOnly` (every read command) never creates, writes or migrates anything, and reads the last
/// committed state at once even while an import is writing (but for the first large import into an
/// empty database, which it may wait for: `EmptyDatabaseLoad`).
public final class AppDatabase: Sendable {
    public enum Access: Sendable { case readOnly, readWrite }

    public let path: String
    public let openedFor: Access
    /// True for a connection that sets the file's journal mode (read-write, not a dry run).
    let managesJournal: Bool
    /// How long this connection waits for another writer.
    let writerWait: TimeInterval
    let queue: DatabaseQueue
    /// The schema version the file had when it was opened (before any migration).
    public let schemaAtOpen: Int
    /// The quick check of a large database, run alongside its first import (`ConcurrentIntegrityCheck`).
    let integrityOwed: OwedIntegrityCheck
    /// The last edge days counted (`EdgeDayTallies`): a summary asks for one period by two groupings.
    let edgeCounts = EdgeCountsCache()

    /// Databases of at least this many bytes are checked alongside the import, smaller ones before it
    /// (tests lower it).
    nonisolated(unsafe) static var concurrentCheckMinimumBytes = 8 << 20
    /// For the tests: whether the last import transaction waited for a check run alongside it.
    nonisolated(unsafe) static var lastImportCheckedAlongside = false

    /// How long a writer waits for another writer (an import of a large file takes seconds; three
    /// at once wait their turn), and how long a reader waits (in WAL mode, only while SQLite recovers).
    static let writerPatience: TimeInterval = 600
    static let readerPatience: TimeInterval = 10
    /// Each connection's page cache, KiB (SQLite's default): more measured no faster for an import, and
    /// memory counts.
    static let cacheKiB = 2048

    /// Opens the database at `path`. `onWait` is called once when another connection holds the
    /// write lock and this one starts waiting for it (the executable says so on stderr).
    /// `patience`: how many seconds a writer waits for another one (default 600). `checkIntegrity`:
    /// run SQLite's quick check before anything is written (what an import does).
    public convenience init(path: String, access: Access = .readWrite, patience: Double? = nil,
                            checkIntegrity: Bool = false, onWait: (@Sendable () -> Void)? = nil) throws(SIPASError) {
        try self.init(path: path, access: access, patience: patience, onWait: onWait, dryRun: false,
                      checkIntegrity: checkIntegrity)
    }

    /// For `import --dry-run`, which writes nothing at all: a database that does not exist yet is
    /// stood in for by an empty one in memory (no file is created); an existing one is opened as it
    /// is — not switched to WAL, not migrated — and every transaction on it is rolled back.
    public static func forDryRun(path: String, onWait: (@Sendable () -> Void)? = nil) throws(SIPASError) -> AppDatabase {
        try AppDatabase(path: path, access: .readWrite, patience: nil, onWait: onWait, dryRun: true, checkIntegrity: true)
    }

    private init(path: String, access: Access, patience: Double?, onWait: (@Sendable () -> Void)?,
                 dryRun: Bool, checkIntegrity: Bool) throws(SIPASError) {
        self.path = path
        self.openedFor = access
        self.managesJournal = access == .readWrite && !dryRun
        self.writerWait = patience ?? AppDatabase.writerPatience
        var inMemory = false
        if dryRun {
            try AppDatabase.checkPath(path, access: .readOnly, missingIsFine: true)
            inMemory = AppDatabase.byteSize(path) ?? 0 == 0
        } else {
            try AppDatabase.checkPath(path, access: access)
        }
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.readonly = access == .readOnly
        let patience = access == .readOnly ? AppDatabase.readerPatience : patience ?? AppDatabase.writerPatience
        let waiting = WaitClock()
        config.busyMode = .callback { tries in waiting.keepWaiting(tries: tries, patience: patience, onWait: onWait) }
        if access == .readWrite && !dryRun {
            config.prepareDatabase { db in
                // 16 KiB pages for a new file (no effect on an existing one): bulk inserts of a million
                // responses measured 17% faster than with 4 KiB pages (1.56 s against 1.88 s, sqlite3 shell).
                try db.execute(sql: "PRAGMA page_size = 16384")
            }
        }
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -\(AppDatabase.cacheKiB)")
        }
        queue = try AppDatabase.openQueue(path: path, config: config, inMemory: inMemory, waiting: waiting)
        schemaAtOpen = (try? queue.read { db in try AppDatabase.appliedMigrations(db).count }) ?? 0
        // A large file already in WAL mode with the current schema (nothing to switch or migrate before
        // the import) is checked alongside its first import, which waits for the verdict before it commits.
        let checkAlongside = checkIntegrity && managesJournal
            && AppDatabase.byteSize(path) ?? 0 >= AppDatabase.concurrentCheckMinimumBytes
            && schemaAtOpen == EmbeddedSchema.migrations.count
            && (try? queue.read { db in
                try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal"
                    && Int.fetchOne(db, sql: "PRAGMA user_version") == EmbeddedSchema.migrations.count
            }) == true
        integrityOwed = OwedIntegrityCheck(checkAlongside)
        // Nothing is written before the file is known to be sipas's (and, for an import, sound).
        try checkOwnership()
        if checkIntegrity && !checkAlongside { try self.checkIntegrity() }
        if access == .readWrite && !dryRun {
            // Write-ahead log: readers answer from the last commit while an import writes.
            try enableWAL(patience: patience)
        }
        if access == .readWrite && (!dryRun || inMemory) { try migrate() } else { try checkSchemaIsCurrent() }
    }

    /// Switches the file to the write-ahead log once (the mode is the file's, so later opens find it
    /// set and take no lock). Converting needs the file to itself, and SQLite does not call the busy
    /// handler for it: several imports starting at once on a new file saw "locked" at once (a CI run of
    /// `testThreeImportsAtOnceAllSucceedWithExactCounts`). So the conversion is retried, every 10 ms, for
    /// as long as a lock is waited for; another process having done it meanwhile is success.
    func enableWAL(patience: TimeInterval) throws(SIPASError) {
        let started = Date()
        while true {
            do {
                let mode = try queue.writeWithoutTransaction { db -> String? in
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() == "wal" { return "wal" }
                    return try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")?.lowercased()
                }
                if mode == "wal" { return }
                // Refused without an error (the file was busy): as a lock.
                throw DatabaseError(resultCode: .SQLITE_BUSY, message: "journal_mode stayed \(mode ?? "unknown")")
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                let waited = Date().timeIntervalSince(started)
                if waited >= patience { throw AppDatabase.classify(error, path: path, waited: Int(waited)) }
                usleep(10_000)
            } catch {
                throw AppDatabase.classify(error, path: path, waited: Int(Date().timeIntervalSince(started)))
            }
        }
    }

    /// Opens the connection and reads the schema once, so that a file SQLite cannot read fails here.
    /// A read-only connection to a WAL database in a folder it cannot write (no `-shm` file can be
    /// made) is opened again as immutable: every import checkpoints, so the file alone is complete.
    private static func openQueue(path: String, config: Configuration, inMemory: Bool,
                                  waiting: WaitClock) throws(SIPASError) -> DatabaseQueue {
        _ = SorterRuns.configured
        func probe(_ queue: DatabaseQueue) throws {
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
        }
        do {
            if inMemory { return try DatabaseQueue(configuration: config) }
            do {
                let queue = try DatabaseQueue(path: path, configuration: config)
                try probe(queue)
                return queue
            } catch let error as DatabaseError where config.readonly && error.extendedResultCode == .SQLITE_READONLY_ROLLBACK {
                // An import into an empty database was killed (`EmptyDatabaseLoad`): its rollback journal is
                // still to be played back, which a read-only connection cannot do; never read around it.
                throw SIPASError.databaseFault(path: path, fault: .interrupted)
            } catch let error as DatabaseError where config.readonly && error.resultCode == .SQLITE_READONLY {
                let immutable = try DatabaseQueue(path: immutableURI(path), configuration: config)
                try probe(immutable)
                return immutable
            }
        } catch {
            throw AppDatabase.classify(error, path: path, waited: waiting.seconds)
        }
    }

    /// `file:` URI of `path` with `immutable=1` (Debian's SQLite is built with URI file names).
    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// The file's size, nil when there is no file.
    static func byteSize(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }

    /// Refuses paths that would keep nothing, directories, and (for reading) a missing file; creates a
    /// missing file for writing, readable by its owner only.
    private static func checkPath(_ path: String, access: Access, missingIsFine: Bool = false) throws(SIPASError) {
        if path.isEmpty || path == ":memory:" || path.hasPrefix("file:") {
            throw .databaseFault(path: path, fault: .notAFile)
        }
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw .databaseFault(path: path, fault: .isDirectory) }
            if access == .readOnly && info.st_size == 0 && !missingIsFine { throw .databaseFault(path: path, fault: .missing) }
            return
        }
        if missingIsFine { return }
        if access == .readOnly { throw .databaseFault(path: path, fault: .missing) }
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EACCES || errno == EROFS || errno == EPERM { throw .databaseFault(path: path, fault: .readOnly) }
            throw .database(path: path, message: String(cString: strerror(errno)))
        }
        close(fd)
    }

    /// A file with tables that are not sipas's belongs to another program: sipas leaves it alone.
    private func checkOwnership() throws(SIPASError) {
        let tables = try read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        guard !tables.isEmpty else { return }
        let ours = Set(EmbeddedSchema.migrations.map(\.name))
        if tables.contains("grdb_migrations") {
            let applied = try read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
            if applied.isEmpty || !applied.contains(where: ours.contains) {
                throw .databaseFault(path: path, fault: .foreign(tables: tables))
            }
            if !Set(applied).isSubset(of: ours) { throw .databaseNewer(path: path, version: applied.count) }
            return
        }
        throw .databaseFault(path: path, fault: .foreign(tables: tables))
    }

    /// The identifiers of the migrations this database has had, empty for a new file.
    private static func appliedMigrations(_ db: Database) throws -> Set<String> {
        // Not `tableExists`: GRDB caches the schema, and another process may have migrated meanwhile.
        let exists = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'grdb_migrations'") ?? 0
        guard exists > 0 else { return [] }
        return Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"))
    }

    /// A read command does not migrate: an older schema is reported, with the command that upgrades it.
    private func checkSchemaIsCurrent() throws(SIPASError) {
        let applied = try read { db in try AppDatabase.appliedMigrations(db) }
        if applied.isEmpty { throw .databaseFault(path: path, fault: .missing) }
        if applied.count < EmbeddedSchema.migrations.count {
            throw .databaseFault(path: path, fault: .older(version: applied.count, current: EmbeddedSchema.migrations.count))
        }
    }

    /// The number of migrations this database has had applied: its schema version.
    public func schemaVersion() throws(SIPASError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    /// Applies the migrations this database lacks, all in one immediate transaction, so that two
    /// processes opening a new file at once never both create it (the second waits, then finds it done).
    /// Returns the schema version before and after.
    @discardableResult
    public func migrate() throws(SIPASError) -> (from: Int, to: Int) {
        try write { db in
            let applied = try AppDatabase.appliedMigrations(db)
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in EmbeddedSchema.migrations where !applied.contains(migration.name) {
                try db.execute(sql: migration.sql)
                // The daily tallies of the responses stored before them (pair counts need Swift).
                if migration.name == "0005_tally_day.sql" { try DayTallies.rebuild(db) }
                // The ratings by day of the responses stored before it (written by an import otherwise).
                // (0007's day runs are not built: 0008 drops them.)
                if migration.name == "0008_response_by_day.sql" { try ResponsesByDay.rebuild(db) }
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.name])
            }
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            if version != EmbeddedSchema.migrations.count {
                try db.execute(sql: "PRAGMA user_version = \(EmbeddedSchema.migrations.count)")
            }
            return (applied.count, EmbeddedSchema.migrations.count)
        }
    }

    /// SQLite's quick integrity check (every page and index entry, no cross-checks): run before an
    /// import writes, so that nothing is added to a damaged file as if all were well.
    public func checkIntegrity() throws(SIPASError) {
        let problems = try read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
        if problems != ["ok"] {
            throw .databaseFault(path: path, fault: .corrupt(detail: problems.first ?? ""))
        }
    }

    /// Copies every committed page from the write-ahead log into the database file, so that the file
    /// alone (copied as a backup) holds everything. Passive: never waits for readers.
    func checkpoint() {
        guard openedFor == .readWrite else { return }
        try? queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(PASSIVE)") }
    }

    func read<T>(_ body: (Database) throws -> T) throws(SIPASError) -> T {
        let started = Date()
        do { return try queue.read(body) } catch let error as SIPASError { throw error } catch {
            throw AppDatabase.classify(error, path: path, waited: Int(Date().timeIntervalSince(started)))
        }
    }

    func write<T>(inTransaction: Bool = true, _ body: (Database) throws -> T) throws(SIPASError) -> T {
        let started = Date()
        do {
            return try queue.writeWithoutTransaction { db in
                if !inTransaction { return try body(db) }
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as SIPASError { throw error } catch {
            throw AppDatabase.classify(error, path: path, waited: Int(Date().timeIntervalSince(started)))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }

    /// SQLite's result codes, as the sentence a person can act on.
    static func classify(_ error: any Error, path: String, waited: Int) -> SIPASError {
        if let error = error as? SIPASError { return error }
        guard let error = error as? DatabaseError else { return .database(path: path, message: describe(error)) }
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .databaseFault(path: path, fault: .locked(seconds: waited))
        case .SQLITE_CORRUPT: return .databaseFault(path: path, fault: .corrupt(detail: error.message ?? ""))
        case .SQLITE_NOTADB: return .databaseFault(path: path, fault: .notADatabase)
        case .SQLITE_READONLY, .SQLITE_PERM: return .databaseFault(path: path, fault: .readOnly)
        case .SQLITE_CANTOPEN:
            return !FileManager.default.isWritableFile(atPath: path) ? .databaseFault(path: path, fault: .readOnly) : .database(path: path, message: describe(error))
        case .SQLITE_FULL: return .databaseFault(path: path, fault: .full)
        default: return .database(path: path, message: describe(error))
        }
    }
}

/// Counts how long a connection has waited for a lock, and says once that it is waiting.
private final class WaitClock: @unchecked Sendable {
    private let lock = NSLock()
    private var started: Date?
    private var told = false

    var seconds: Int { lock.withLock { started.map { Int(Date().timeIntervalSince($0)) } ?? 0 } }

    func keepWaiting(tries: Int, patience: TimeInterval, onWait: (@Sendable () -> Void)?) -> Bool {
        lock.lock()
        if tries == 0 || started == nil { started = Date() }
        let elapsed = Date().timeIntervalSince(started!)
        let tell = !told && elapsed >= 0.2
        if tell { told = true }
        lock.unlock()
        if tell { onWait?() }
        if elapsed >= patience { return false }
        usleep(tries < 20 ? 5_000 : 50_000)
        return true
    }
}

extension AppDatabase {
    /// Runs one file's import in one immediate transaction: commits when `body` returns true, rolls
    /// back when it returns false or throws. A crash or kill mid-way leaves the log to roll back.
    /// After a commit, the log is checkpointed into the database file.
    ///
    /// Foreign keys are not enforced row by row inside this transaction: that cost the insert of a
    /// million responses 0.75 s of the writing thread's 2.5 s (measured per thread with `perf`), and
    /// the writer is the import's critical path. Every id a stored row can reference comes from the
    /// writer's own maps, so the writer checks those ids instead, once each, before it commits
    /// (`ImportWriter.verifyReferences`). Enforcement is back on for everything after the transaction
    /// (`PRAGMA foreign_keys` cannot change inside one).
    func importTransaction(catalog: Catalog, file: String, encoding: String, delimiter: String,
                           scale: RatingScale, bytes: Int, policy: ConflictPolicy, language: Language,
                           _ body: (ImportWriter) throws -> Bool) throws {
        var committed = false
        let started = Date()
        let rollbackJournal = bytes >= AppDatabase.rollbackJournalMinimumBytes && leaveWALWhileEmpty()
        AppDatabase.lastImportUsedRollbackJournal = rollbackJournal
        AppDatabase.lastImportCheckedAlongside = false
        // Back to the write-ahead log whatever happened (after a commit, a failure here is put right by
        // the next read-write open, which switches any file to WAL).
        defer { if rollbackJournal { try? enableWAL(patience: writerWait) } }
        var check: ConcurrentIntegrityCheck?
        defer { check?.cancel() }
        if integrityOwed.isOwed {
            // A reader would hold the writer back in rollback-journal mode: the check runs first then.
            if rollbackJournal {
                try checkIntegrity()
                integrityOwed.settle()
            } else {
                do { check = try ConcurrentIntegrityCheck(path: path) } catch {
                    throw AppDatabase.classify(error, path: path, waited: 0)
                }
            }
        }
        do {
            try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            do {
                try db.inTransaction(.immediate) {
                    let writer = try ImportWriter(db: db, catalog: catalog, file: file, encoding: encoding,
                                                  delimiter: delimiter, scale: scale, bytes: bytes, policy: policy,
                                                  language: language)
                    committed = try body(writer)
                    if committed, let check {
                        // Nothing is committed to a damaged file: its pages stay uncommitted in the log.
                        if let problem = try check.verdict() {
                            committed = false
                            throw SIPASError.databaseFault(path: path, fault: .corrupt(detail: problem))
                        }
                        AppDatabase.lastImportCheckedAlongside = true
                        integrityOwed.settle()
                    }
                    return committed ? .commit : .rollback
                }
            } catch {
                try? db.execute(sql: "PRAGMA foreign_keys = ON")
                throw error
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            }
        } catch let error as DatabaseError {
            throw AppDatabase.classify(error, path: path, waited: Int(Date().timeIntervalSince(started)))
        }
        if committed && !rollbackJournal { checkpoint() }
    }

    /// The earlier import of the file with this content, as "path (date)".
    public func earlierImport(sha256: String) throws(SIPASError) -> String? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT path, imported_at FROM import_file WHERE sha256 = ?", arguments: [sha256])
                .map { "\($0[0] as String), \($0[1] as String)" }
        }
    }
}
