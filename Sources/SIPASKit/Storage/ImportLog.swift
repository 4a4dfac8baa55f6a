import GRDB

/// One imported file, as `sipas imports` lists it.
public struct ImportRecord: Sendable, Codable, Equatable {
    public var id: Int
    public var path: String
    public var sha256: String
    public var importedAt: String
    public var encoding: String
    public var delimiter: String
    public var scale: Int
    public var rows: Int
    public var imported: Int
    public var duplicates: Int
    public var conflicts: Int
    public var replaced: Int
    public var rejected: Int
    public var firstDay: String?
    public var lastDay: String?
    /// The file's size in bytes (not part of `sipas imports`' JSON).
    var bytes = 0

    enum CodingKeys: String, CodingKey {
        case id, path, sha256, encoding, delimiter, scale, rows, imported, duplicates, conflicts, replaced, rejected
        case importedAt = "imported_at"
        case firstDay = "first_day"
        case lastDay = "last_day"
    }
}

/// One rejected row, kept with its raw text so it can be fixed and imported again.
public struct RejectRecord: Sendable, Codable, Equatable {
    public var file: String
    public var row: Int
    public var column: String?
    public var code: String
    public var message: String
    public var reasons: String
    public var raw: String
    /// Where the row was fixed: "file:row" of the later import that stored the same response (same
    /// response id, or — for rows without one — the same row of a later import of the same file
    /// that was not rejected again); nil while the row is still to fix.
    public var resolvedBy: String?

    enum CodingKeys: String, CodingKey {
        case file, row, column, code, message, reasons, raw
        case resolvedBy = "resolved_by"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(row, forKey: .row)
        try c.encode(column, forKey: .column)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(reasons, forKey: .reasons)
        try c.encode(raw, forKey: .raw)
        try c.encode(resolvedBy, forKey: .resolvedBy)
    }
}

extension AppDatabase {
    public func importRecords() throws(SIPASError) -> [ImportRecord] {
        try importRecords(where: "1", [])
    }

    private func importRecords(where condition: String, _ arguments: StatementArguments) throws(SIPASError) -> [ImportRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, path, sha256, imported_at, encoding, delimiter, scale, rows, imported, duplicates,
                       conflicts, replaced, rejected, first_day, last_day, bytes
                FROM import_file WHERE \(condition) ORDER BY id
                """, arguments: arguments).map { r in
                var record = ImportRecord(
                    id: r[0], path: r[1], sha256: r[2], importedAt: r[3], encoding: r[4], delimiter: r[5],
                    scale: r[6], rows: r[7], imported: r[8], duplicates: r[9], conflicts: r[10],
                    replaced: r[11], rejected: r[12], firstDay: (r[13] as Int?).map(DayRange.iso),
                    lastDay: (r[14] as Int?).map(DayRange.iso))
                record.bytes = r[15]
                return record
            }
        }
    }

    /// The file imported with these bytes (SHA-256, lowercase hex), if any.
    public func importRecord(sha256: String) throws(SIPASError) -> ImportRecord? {
        try importRecords(where: "sha256 = ?", [sha256]).first
    }

    /// Whether a file of exactly `bytes` bytes was imported before: one that was not cannot be one
    /// imported before, whatever its digest.
    public func importRecordExists(bytes: Int) throws(SIPASError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT 1 FROM import_file WHERE bytes = ? LIMIT 1", arguments: [bytes]) == true }
    }

    /// Rejected rows, by file then row; only those of files whose path is `file` when given; only
    /// those still open (not fixed by a later import) unless `includeResolved`.
    ///
    /// Resolution is computed, not stored: a row with a response id is fixed when a response with
    /// that id was stored by a later file (the `response_by_key` index); a row without one is fixed
    /// when a later import of the same path had at least that many rows and did not reject that row
    /// (the `rejected_row (file_id, row_number)` unique index). Both cost one index probe a row.
    public func rejectRecords(file: String? = nil, includeResolved: Bool = true) throws(SIPASError) -> [RejectRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT path, row_number, column_name, code, message, reasons, raw, resolved_by FROM (
                    SELECT f.id AS file_id, f.path, r.row_number, r.column_name, r.code, r.message, r.reasons, r.raw,
                           CASE WHEN r.response_key IS NOT NULL THEN (
                               SELECT f2.path || ':' || s.row_number FROM response s JOIN import_file f2 ON f2.id = s.file_id
                               WHERE s.response_key = r.response_key AND s.file_id > r.file_id)
                           ELSE (
                               SELECT f2.path || ':' || r.row_number FROM import_file f2
                               WHERE f2.path = f.path AND f2.id > r.file_id AND f2.rows + 1 >= r.row_number
                                 AND NOT EXISTS (SELECT 1 FROM rejected_row r2
                                                 WHERE r2.file_id = f2.id AND r2.row_number = r.row_number)
                               ORDER BY f2.id LIMIT 1)
                           END AS resolved_by
                    FROM rejected_row r JOIN import_file f ON f.id = r.file_id
                    WHERE ?1 IS NULL OR f.path = ?1)
                WHERE ?2 OR resolved_by IS NULL
                ORDER BY file_id, row_number
                """, arguments: [file, includeResolved]).map { r in
                RejectRecord(file: r[0], row: r[1], column: r[2], code: r[3], message: r[4], reasons: r[5], raw: r[6],
                             resolvedBy: r[7])
            }
        }
    }

    /// How many rejected rows (of `file`, when given) were fixed by a later import.
    public func resolvedRejectCount(file: String? = nil) throws(SIPASError) -> Int {
        try rejectRecords(file: file, includeResolved: true).filter { $0.resolvedBy != nil }.count
    }

    /// The number of stored responses (for checks and the demo).
    public func responseCount() throws(SIPASError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0 }
    }
}
