import Foundation
import GRDB

/// The owner of one sipas database file: opens it, migrates it, and is the only way in.
public final class AppDatabase: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating and migrating when needed) the database at `path`.
    public init(path: String) throws(SIPASError) {
        self.path = path
        do {
            var config = Configuration()
            config.foreignKeysEnabled = true
            config.busyMode = .timeout(5)
            config.prepareDatabase { db in
                // 16 KiB pages for a new file (no effect on an existing one): bulk inserts of a million
                // responses measured 17% faster than with 4 KiB pages (1.56 s against 1.88 s, sqlite3 shell).
                try db.execute(sql: "PRAGMA page_size = 16384")
                // 2 MiB of page cache (SQLite's default): more measured no faster for an import, and memory counts.
                try db.execute(sql: "PRAGMA cache_size = -2048")
            }
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw .database(path: path, message: AppDatabase.describe(error))
        }
        try migrate()
    }

    /// The number of migrations this database has had applied: its schema version.
    public func schemaVersion() throws(SIPASError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0 }
    }

    private func migrate() throws(SIPASError) {
        var migrator = DatabaseMigrator()
        for migration in EmbeddedSchema.migrations {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
                // The daily tallies of the responses stored before them (pair counts need Swift).
                if migration.name == "0005_tally_day.sql" { try DayTallies.rebuild(db) }
            }
        }
        let known = Set(EmbeddedSchema.migrations.map(\.name))
        do {
            let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
            if !applied.isSubset(of: known) {
                throw SIPASError.databaseNewer(path: path, version: applied.count)
            }
            try migrator.migrate(queue)
            try queue.write { db in
                try db.execute(sql: "PRAGMA user_version = \(EmbeddedSchema.migrations.count)")
            }
        } catch let error as SIPASError {
            throw error
        } catch {
            throw .database(path: path, message: AppDatabase.describe(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(SIPASError) -> T {
        do { return try queue.read(body) } catch let error as SIPASError { throw error } catch {
            throw .database(path: path, message: AppDatabase.describe(error))
        }
    }

    func write<T>(_ body: (Database) throws -> T) throws(SIPASError) -> T {
        do { return try queue.write(body) } catch let error as SIPASError { throw error } catch {
            throw .database(path: path, message: AppDatabase.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }
}

extension AppDatabase {
    /// Runs one file's import in one immediate transaction: commits when `body` returns true, rolls
    /// back when it returns false or throws. A crash or kill mid-way leaves the journal to roll back.
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
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            do {
                try db.inTransaction(.immediate) {
                    let writer = try ImportWriter(db: db, catalog: catalog, file: file, encoding: encoding,
                                                  delimiter: delimiter, scale: scale, bytes: bytes, policy: policy,
                                                  language: language)
                    return try body(writer) ? .commit : .rollback
                }
            } catch {
                try? db.execute(sql: "PRAGMA foreign_keys = ON")
                throw error
            }
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
    }

    /// The earlier import of the file with this content, as "path (date)".
    public func earlierImport(sha256: String) throws(SIPASError) -> String? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT path, imported_at FROM import_file WHERE sha256 = ?", arguments: [sha256])
                .map { "\($0[0] as String), \($0[1] as String)" }
        }
    }
}
