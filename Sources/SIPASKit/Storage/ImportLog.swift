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

    /// Rejected rows, by file then row; only those of files whose path is `file` when given.
    public func rejectRecords(file: String? = nil) throws(SIPASError) -> [RejectRecord] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT f.path, r.row_number, r.column_name, r.code, r.message, r.reasons, r.raw
                FROM rejected_row r JOIN import_file f ON f.id = r.file_id
                WHERE ?1 IS NULL OR f.path = ?1
                ORDER BY f.id, r.row_number
                """, arguments: [file]).map { r in
                RejectRecord(file: r[0], row: r[1], column: r[2], code: r[3], message: r[4], reasons: r[5], raw: r[6])
            }
        }
    }

    /// The number of stored responses (for checks and the demo).
    public func responseCount() throws(SIPASError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0 }
    }
}
