import Foundation
import GRDB
import SIPASKit
import SIPASTestSupport
import XCTest

/// The database at its edges, through the binary: faults are exit 2 with one sentence and a hint,
/// read commands never write, imports wait their turn, readers never wait (issue 10, items 3–8).
final class DatabaseFaultTests: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = try temporaryDirectory(self)
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func sha(_ path: String) throws -> Data {
        var hasher = Data()
        // A byte-exact copy is enough to compare (the files are small).
        hasher = try Data(contentsOf: URL(fileURLWithPath: path))
        return hasher
    }

    /// One sentence on stderr, then a hint; never a Swift dump.
    func assertOneSentence(_ run: SipasRun, status: Int32 = 2, contains text: String, hint: String,
                           file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, status, run.stderr, file: file, line: line)
        XCTAssertFalse(run.stderr.contains("Failure("), run.stderr, file: file, line: line)
        XCTAssertFalse(run.stderr.contains("SIPASError"), run.stderr, file: file, line: line)
        let lines = run.stderr.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, run.stderr, file: file, line: line)
        XCTAssertTrue(lines.first?.hasPrefix("sipas: error: ") == true, run.stderr, file: file, line: line)
        XCTAssertTrue(lines.first?.contains(text) == true, "expected '\(text)' in \(run.stderr)", file: file, line: line)
        XCTAssertTrue(lines.last?.hasPrefix("  hint: ") == true, run.stderr, file: file, line: line)
        XCTAssertTrue(lines.last?.contains(hint) == true, "expected '\(hint)' in \(run.stderr)", file: file, line: line)
    }

    func imported(_ db: String, _ files: [String] = [Sipas.surveys[0]]) throws {
        let run = try Sipas.run(["import", "--db", db] + files)
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    // MARK: item 3

    func testADirectoryIsExitTwoWithAHint() throws {
        for command in [["import", Sipas.surveys[0]], ["summary"], ["imports"]] {
            let run = try Sipas.run(command + ["--db", dir.path, "--lang", "en"])
            assertOneSentence(run, contains: "is a directory", hint: "--db \(dir.path)/sipas.sqlite")
        }
    }

    func testAFileThatIsNotADatabaseIsExitTwoAndLeftAlone() throws {
        let junk = path("junk.sqlite")
        try Data((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }).write(to: URL(fileURLWithPath: junk))
        let before = try sha(junk)
        for command in [["import", Sipas.surveys[0]], ["summary"], ["rejects"]] {
            let run = try Sipas.run(command + ["--db", junk, "--lang", "en"])
            assertOneSentence(run, contains: "not an SQLite database", hint: "--db")
        }
        XCTAssertEqual(try sha(junk), before)
    }

    func testANewerSchemaIsExitTwoWithAHint() throws {
        let db = path("t.sqlite")
        try imported(db)
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('9999_from_the_future.sql')")
        }
        for command in [["import", Sipas.surveys[2]], ["summary"]] {
            assertOneSentence(try Sipas.run(command + ["--db", db, "--lang", "en"]), contains: "newer sipas", hint: "newer sipas")
        }
    }

    func testAnOlderSchemaIsNotMigratedByAReadCommandButByMigrate() throws {
        let db = path("t.sqlite")
        try imported(db)
        // As a sipas without migration 0003 left it.
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = '0003_rejected_row_response_key.sql'")
            try db.execute(sql: "ALTER TABLE rejected_row DROP COLUMN response_key")
        }
        let before = try sha(db)
        let summary = try Sipas.run(["summary", "--db", db, "--lang", "en"])
        assertOneSentence(summary, contains: "older schema", hint: "sipas migrate --db \(db)")
        XCTAssertEqual(try sha(db), before, "a read command migrated")
        let migrate = try Sipas.run(["migrate", "--db", db, "--lang", "en"])
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertTrue(migrate.stderr.contains("schema upgraded"), migrate.stderr)
        XCTAssertEqual(try Sipas.run(["summary", "--db", db]).status, 0)
    }

    func testMigrateSaysWhenTheSchemaIsCurrent() throws {
        let db = path("t.sqlite")
        try imported(db)
        let run = try Sipas.run(["migrate", "--db", db, "--lang", "en"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("already current\n"), run.stderr)
    }

    // MARK: item 5

    func testAnImportIntoADamagedDatabaseIsRefusedAndWritesNothing() throws {
        let db = path("t.sqlite")
        try imported(db, Array(Sipas.surveys[0...2]))
        // 64 KiB of garbage in the middle of the file.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: db))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: size / 2)
        handle.write(Data((0..<65536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }))
        try handle.close()
        let before = try sha(db)
        let run = try Sipas.run(["import", "--db", db, "--lang", "en", Sipas.surveys[3]])
        assertOneSentence(run, contains: "damaged", hint: ".recover")
        XCTAssertEqual(try sha(db), before, "nothing written to the damaged file")
    }

    // MARK: item 7

    func testAForeignSQLiteDatabaseIsLeftAlone() throws {
        let db = path("other-program.sqlite")
        try DatabaseQueue(path: db).write { db in
            try db.execute(sql: "CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoice VALUES (1, 9.5)")
        }
        let before = try sha(db)
        for command in [["import", Sipas.surveys[0]], ["summary"], ["baseline", "set", "--year", "2023", "--index", "94"]] {
            assertOneSentence(try Sipas.run(command + ["--db", db, "--lang", "en"]),
                              contains: "another program (tables invoice)", hint: "--db")
        }
        XCTAssertEqual(try sha(db), before)
        XCTAssertEqual(try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master") },
                       ["invoice"])
    }

    // MARK: item 8

    func testEmptyAndInMemoryPathsAreRefused() throws {
        for name in ["", ":memory:"] {
            let run = try Sipas.run(["import", "--db", name, "--lang", "en", Sipas.surveys[0]])
            assertOneSentence(run, status: 64, contains: "is not a file path", hint: "--db sipas.sqlite")
        }
        let environment = try Sipas.run(["import", "--lang", "en", Sipas.surveys[0]], environment: ["SIPAS_DB": ":memory:"])
        XCTAssertEqual(environment.status, 64, environment.stderr)
    }

    func testADryRunCreatesNoFileAndChangesNoFile() throws {
        let db = path("t.sqlite")
        let run = try Sipas.run(["import", "--dry-run", "--db", db, "--lang", "en", Sipas.surveys[0]])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("Dry run (nothing written): imported 2,380"), run.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), [], "no file created")

        try imported(db)
        let before = try sha(db)
        let again = try Sipas.run(["import", "--dry-run", "--db", db, "--lang", "en", Sipas.surveys[2]])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("imported 1,259"), again.stderr)
        XCTAssertEqual(try sha(db), before)
        XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 2_380)
    }

    // MARK: item 12 (the file's mode)

    func testANewDatabaseIsReadableByItsOwnerOnly() throws {
        let db = path("t.sqlite")
        try imported(db)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)
    }

    // MARK: item 4

    func testReadCommandsNeverChangeTheFile() throws {
        let db = path("t.sqlite")
        try imported(db)
        let before = try sha(db)
        for command in [["summary"], ["flag"], ["report"], ["imports"], ["rejects"], ["baseline", "list"]] {
            let run = try Sipas.run(command + ["--db", db])
            XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
        }
        XCTAssertEqual(try sha(db), before, "a read command wrote to the database")
    }

    func testAReadCommandOnAMissingDatabaseCreatesNothing() throws {
        let db = path("none.sqlite")
        let run = try Sipas.run(["summary", "--db", db, "--lang", "en"])
        assertOneSentence(run, contains: "there is no database here yet", hint: "sipas import --db")
        XCTAssertFalse(FileManager.default.fileExists(atPath: db))
    }

    /// As another user (root ignores file modes): a database the user cannot write still answers
    /// every read command; an import says what still works.
    func testAReadOnlyDatabaseStillAnswersReadCommands() throws {
        let db = path("t.sqlite")
        try imported(db)
        var prefix: [String] = []
        if geteuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { throw XCTSkip("no setpriv") }
            prefix = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"]
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path) }
        func run(_ arguments: [String]) throws -> SipasRun {
            if prefix.isEmpty { return try Sipas.run(arguments) }
            return try Sipas.runProgram(prefix + [Sipas.binary.path] + arguments)
        }
        for command in [["summary", "--year", "2023"], ["flag", "--year", "2023"], ["imports"], ["rejects"]] {
            let r = try run(command + ["--db", db])
            XCTAssertEqual(r.status, 0, "\(command): \(r.stderr)")
            XCTAssertEqual(r.stderr, "")
        }
        let write = try run(["import", "--db", db, "--lang", "en", Sipas.surveys[2]])
        assertOneSentence(write, contains: "cannot write to the database", hint: "summary, flag, report, imports and rejects still work")
    }

    // MARK: items 4 and 6: WAL, locks, waiting

    /// Starts an import that stops after its first batch, holding the write lock, until released.
    func startPausedImport(_ db: String, _ file: String) throws -> (RunningSipas, release: () -> Void) {
        let marker = path("pause-\(UUID().uuidString)")
        let running = try Sipas.start(["import", "--db", db, "--lang", "en", file],
                                      environment: ["SIPAS_FAULT": "pause-after:1", "SIPAS_FAULT_MARKER": marker])
        var waited = 0
        while !FileManager.default.fileExists(atPath: marker) && waited < 600 && running.isRunning {
            usleep(50_000)
            waited += 1
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: marker), "the import never paused")
        return (running, { try? FileManager.default.removeItem(atPath: marker) })
    }

    func testReadersAnswerFromTheLastCommitWhileAnImportWrites() throws {
        let db = path("t.sqlite")
        try imported(db)
        let (importing, release) = try startPausedImport(db, Sipas.surveys[2])
        defer { release() }
        let summary = try Sipas.run(["summary", "--db", db, "--year", "2023", "--format", "json"])
        let imports = try Sipas.run(["imports", "--db", db])
        XCTAssertTrue(importing.isRunning, "the readers finished while the import held its lock")
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertTrue(summary.stdout.contains("\"responses\" : 2380"), summary.stdout)
        XCTAssertEqual(imports.status, 0, imports.stderr)
        XCTAssertFalse(imports.stdout.contains(Sipas.surveys[2]), "the uncommitted import is not visible")
        release()
        let done = try importing.wait()
        XCTAssertEqual(done.status, 0, done.stderr)
        XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 2_380 + 1_259)
    }

    func testAnImportWaitsForAnotherAndSaysSo() throws {
        let db = path("t.sqlite")
        try imported(db)
        let (first, release) = try startPausedImport(db, Sipas.surveys[2])
        let second = try Sipas.start(["import", "--db", db, "--lang", "en", Sipas.surveys[3]])
        usleep(1_000_000)
        XCTAssertTrue(second.isRunning, "the second import should wait for the first")
        release()
        let a = try first.wait(), b = try second.wait()
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(b.status, 1, b.stderr)
        XCTAssertTrue(b.stderr.hasPrefix("\(db): waiting for another import to finish…\n"), b.stderr)
        XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 2_380 + 1_259 + 1_409)
    }

    func testALockHeldLongerThanTheWaitIsExitTwoWithAHint() throws {
        let db = path("t.sqlite")
        try imported(db)
        let (first, release) = try startPausedImport(db, Sipas.surveys[2])
        let second = try Sipas.run(["import", "--db", db, "--lang", "en", Sipas.surveys[3]], environment: ["SIPAS_LOCK_WAIT": "1"])
        release()
        XCTAssertEqual(try first.wait().status, 0)
        XCTAssertEqual(second.status, 2, second.stderr)
        XCTAssertTrue(second.stderr.contains("waiting for another import"), second.stderr)
        XCTAssertTrue(second.stderr.contains("the database is locked by another program"), second.stderr)
        XCTAssertTrue(second.stderr.contains("hint: another import"), second.stderr)
        XCTAssertFalse(second.stderr.contains("Failure("), second.stderr)
        XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 2_380 + 1_259)
    }

    /// The same file twice and a third with overlapping ids, all at once: all succeed, counted exactly.
    func testThreeImportsAtOnceAllSucceedWithExactCounts() throws {
        let source = try String(contentsOf: repositoryRoot.appendingPathComponent(Sipas.surveys[2]), encoding: .utf8)
        // "\r\n" is one Character: split the text on it as a string.
        let last = try XCTUnwrap(source.components(separatedBy: "\r\n").last { !$0.isEmpty })
        XCTAssertTrue(last.hasPrefix("KHCN-2024-001259,"), last)
        let extra = last.replacingOccurrences(of: "KHCN-2024-001259", with: "KHCN-2024-009999")
        let overlapping = path("overlapping.csv")
        try (source + extra + "\r\n").write(toFile: overlapping, atomically: false, encoding: .utf8)
        let file = repositoryRoot.appendingPathComponent(Sipas.surveys[2]).path
        for round in 0..<3 {
            let db = path("t\(round).sqlite")
            let runs = try [file, file, overlapping].map { try Sipas.start(["import", "--db", db, "--format", "json", $0]) }
            let results = try runs.map { try $0.wait() }
            for result in results { XCTAssertEqual(result.status, 0, result.stderr) }
            let imported = try results.map { result -> Int in
                let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let files = try XCTUnwrap(object["files"] as? [[String: Any]])
                return try XCTUnwrap(files.first?["imported"] as? Int)
            }
            XCTAssertEqual(imported.reduce(0, +), 1_260, "\(imported)")
            XCTAssertEqual(imported[0] + imported[1], imported[2] == 1 ? 1_259 : imported[2] == 1_260 ? 0 : 1_159, "\(imported)")
            XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 1_260)
        }
    }

    /// A file over 8 MiB into a database without responses goes through the rollback journal
    /// (`EmptyDatabaseLoad`). Killed mid-way, the journal is left to play back: a read command says so
    /// and reads nothing (never the half-written file), `migrate` plays it back, and the retry imports
    /// every row into a file that is in the write-ahead log again.
    func testAKilledFirstLoadIsSaidByReadCommandsAndUndoneByMigrate() throws {
        var text = "response_id,date,procedure_code,comment,TC1,TT1,KQ1\n"
        let comment = String(repeating: "Thủ tục nhanh gọn, cán bộ hướng dẫn tận tình. ", count: 5)
        for i in 1...36_000 { text += "P-\(i),\(i % 28 + 1)/03/2024,1.004490.000.00.00.H33,\"\(comment)\",5,4,\(i % 5 + 1)\n" }
        XCTAssertGreaterThan(text.utf8.count, 8 << 20)
        let csv = path("big.csv")
        try text.write(toFile: csv, atomically: false, encoding: .utf8)
        let db = path("t.sqlite")
        let killed = try Sipas.run(["import", "--db", db, csv], environment: ["SIPAS_FAULT": "kill-after:30000"])
        XCTAssertTrue(killed.signaled, "the process should have been killed: \(killed.stderr)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: db + "-journal"), "the load left no journal to play back")
        let before = try sha(db)
        for command in [["summary", "--year", "2024"], ["imports"]] {
            let read = try Sipas.run(command + ["--db", db, "--lang", "en"])
            assertOneSentence(read, contains: "the last import was interrupted and has not been undone yet",
                              hint: "sipas migrate --db \(db)")
        }
        XCTAssertEqual(try sha(db), before, "a read command changed the file")
        let migrate = try Sipas.run(["migrate", "--db", db])
        XCTAssertEqual(migrate.status, 0, migrate.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db + "-journal"))
        let emptied = try AppDatabase(path: db, access: .readOnly)
        XCTAssertEqual(try emptied.responseCount(), 0)
        XCTAssertEqual(try emptied.importRecords(), [])
        let retry = try Sipas.run(["import", "--db", db, "--format", "json", csv])
        XCTAssertEqual(retry.status, 0, retry.stderr)
        XCTAssertTrue(retry.stdout.contains("\"imported\" : 36000"), retry.stdout)
        XCTAssertEqual(try AppDatabase(path: db, access: .readOnly).responseCount(), 36_000)
        var config = Configuration()
        config.readonly = true
        let mode = try DatabaseQueue(path: db, configuration: config).read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
        XCTAssertEqual(mode, "wal")
    }

    func testTheDatabaseFileAloneIsACompleteBackupAfterAnImport() throws {
        let db = path("t.sqlite")
        let run = try Sipas.run(["import", "--db", db] + Sipas.surveys)
        XCTAssertEqual(run.status, 1, run.stderr)
        let copy = path("backup.sqlite")
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        XCTAssertEqual(try AppDatabase(path: copy, access: .readOnly).responseCount(), 2_380 + 294 + 1_259 + 1_409)
        XCTAssertEqual(try AppDatabase(path: copy, access: .readOnly).rejectRecords().count, 7)
    }
}
