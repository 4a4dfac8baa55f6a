import Foundation
import GRDB
import GRDBSQLite

/// A prepared statement bound directly on its sqlite3 handle: the import hot loop's only concession
/// to speed (GRDB's `StatementArguments` path costs about twice as much). Used only inside Storage.
struct RawStatement {
    private let statement: Statement
    private let handle: OpaquePointer
    private let db: Database
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
    }

    func bind(_ index: Int32, _ value: Int64) { sqlite3_bind_int64(handle, index, value) }
    func bind(_ index: Int32, _ value: Int) { sqlite3_bind_int64(handle, index, Int64(value)) }
    func bindNull(_ index: Int32) { sqlite3_bind_null(handle, index) }

    func bind(_ index: Int32, _ text: String?) {
        guard var text else { return bindNull(index) }
        text.withUTF8 { buffer in
            _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self),
                                  Int32(buffer.count), RawStatement.transient)
        }
    }

    /// Binds text (nil: NULL) without SQLite copying it: `bytes` must stay valid until the statement
    /// has run (callers bind inside the closures that give them the pointers, and run there).
    func bindInPlace(text index: Int32, _ bytes: UnsafeRawBufferPointer?) {
        guard let bytes, let base = bytes.baseAddress else { return bindNull(index) }
        sqlite3_bind_text(handle, index, base.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
    }

    /// Binds a blob without SQLite copying it (see `bindInPlace(text:_:)`).
    func bindInPlace(blob index: Int32, _ bytes: UnsafeRawBufferPointer) {
        sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), nil)
    }

    func bindBlob(_ index: Int32, _ bytes: some ContiguousBytes) {
        bytes.withUnsafeBytes { buffer in
            _ = sqlite3_bind_blob(handle, index, buffer.baseAddress, Int32(buffer.count), RawStatement.transient)
        }
    }

    /// Runs the statement to completion and resets it. Returns the number of rows it changed.
    @discardableResult
    func run() throws -> Int {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_DONE || code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Steps a query: true while there is a row to read with `int(_:)`, `text(_:)`, `blob(_:)`.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        return false
    }

    /// Ends a query early (after reading the rows it needed).
    func finish() throws { sqlite3_reset(handle) }

    var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(db.sqliteConnection) }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

    func blob(_ column: Int32) -> [UInt8] {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let base = sqlite3_column_blob(handle, column) else { return [] }
        return Array(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// A blob column read in place, valid only during `body`.
    func withBlob<R>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let base = sqlite3_column_blob(handle, column) else { return body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Runs a statement that returns one integer (e.g. `RETURNING id`).
    func runReturningInt() throws -> Int64 {
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_ROW else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)),
                                sql: statement.sql)
        }
        let value = sqlite3_column_int64(handle, 0)
        while sqlite3_step(handle) == SQLITE_ROW {}
        return value
    }
}
