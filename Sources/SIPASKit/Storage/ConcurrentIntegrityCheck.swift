import Foundation
import GRDB

/// SQLite's quick check of a large database, run on a read connection of its own while the first
/// import of the run reads its file, and waited for before that import commits.
///
/// The check reads every page of the file: about 1 s for a database of a million responses (155 MB)
/// and ten times that at ten million, all of it before the first row was read while it ran first
/// (`perf`: the main thread alone in `sqlite3VdbeExec` for the first second of a cumulative export).
/// Run alongside, it uses the core the writer leaves idle while the parsing thread is the import's
/// critical path. What it guards is unchanged: the import's transaction does not commit until the
/// check has said "ok", so nothing is added to a damaged file (the writer's pages stay in the log,
/// uncommitted, and are rolled back). The reader sees the file as it was before the import began
/// (the write-ahead log's snapshot), which is what the check before the import saw.
///
/// An import that writes nothing (a file already imported, a failure) does not wait: the check is
/// interrupted, and the next file of the run starts it again.
final class ConcurrentIntegrityCheck: @unchecked Sendable {
    private let queue: DatabaseQueue
    private let done = DispatchSemaphore(value: 0)
    private var problems: [String] = []
    private var failure: DatabaseError?
    private var joined = false

    /// Opens the read connection and starts the check on its own thread.
    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(AppDatabase.readerPatience)
        // The check reads each page about once: a small cache does, and the import's peak memory counts.
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -256") }
        queue = try DatabaseQueue(path: path, configuration: config)
        let thread = Thread { [self] in
            do {
                problems = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(3)") }
            } catch let error as DatabaseError {
                failure = error
            } catch {
                failure = DatabaseError(message: "\(error)")
            }
            done.signal()
        }
        thread.name = "sipas-check"
        thread.start()
    }

    /// Waits for the check; nil when the file is sound, else the first problem SQLite reports.
    func verdict() throws -> String? {
        join()
        if let failure {
            // A page too damaged to read at all is reported by SQLite as an error, not a problem line.
            if failure.resultCode == .SQLITE_CORRUPT || failure.resultCode == .SQLITE_NOTADB {
                return failure.message ?? "\(failure)"
            }
            throw failure
        }
        return problems == ["ok"] ? nil : problems.first ?? ""
    }

    /// Stops the check (an import that writes nothing needs no verdict) and waits for its thread.
    func cancel() {
        if joined { return }
        // An interrupt reaches only a statement already running: repeated until the thread has ended.
        repeat { queue.interrupt() } while done.wait(timeout: .now() + .milliseconds(5)) == .timedOut
        finish()
    }

    private func join() {
        if joined { return }
        done.wait()
        finish()
    }

    /// Closes the read connection at once: the checkpoint after the commit copies only what no
    /// reader still needs, and the next file may switch the journal mode, which needs the file alone.
    private func finish() {
        joined = true
        try? queue.close()
    }
}

/// Whether a connection still owes the quick check it was opened with (`AppDatabase`): settled by the
/// first import of the run that commits after a sound verdict, shared by the run's imports.
final class OwedIntegrityCheck: @unchecked Sendable {
    private let lock = NSLock()
    private var owed: Bool

    init(_ owed: Bool) { self.owed = owed }

    var isOwed: Bool { lock.withLock { owed } }

    func settle() { lock.withLock { owed = false } }
}
