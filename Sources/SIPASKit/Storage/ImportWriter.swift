import Foundation
import GRDB

/// What to do when a response id is seen again with different content.
public enum ConflictPolicy: String, Sendable, CaseIterable, Codable {
    case reject, replace
}

/// Writes one file's validated rows inside the file's transaction: dimension rows, responses
/// (idempotent on the response id), rejected rows, and finally the tally counts and the file's record.
final class ImportWriter {
    struct Counts {
        var imported = 0, duplicates = 0, conflicts = 0, replaced = 0, rejected = 0
        var firstDay: Int32 = .max, lastDay: Int32 = .min
    }

    private let db: Database
    private let catalogID: Int64
    private let criterionCount: Int
    private let policy: ConflictPolicy
    private let file: String
    private let language: Language
    let fileID: Int64
    private(set) var counts = Counts()
    private(set) var conflictDiagnostics: [Diagnostic] = []

    private var procedureIDs: [Int64] = []
    /// Local index 0 is always "not given", stored as id 0 (see the migration).
    private var unitIDs: [Int64] = [0]
    private var channelIDs: [Int64] = [0]
    private var typeIDs: [Int64] = [0]
    /// Rows the reading thread counted but that were not stored (duplicates, conflicts): taken back out.
    private(set) var localCorrections: TallyAccumulator
    /// Rows replaced by `--on-conflict replace`, by catalogue: taken back out of their old groups.
    private var replacedCorrections: [Int64: TallyAccumulator] = [:]

    private let insertResponse: RawStatement
    private let insertProcedure: RawStatement
    private let insertUnit: RawStatement
    private let insertChannel: RawStatement
    private let insertType: RawStatement
    private let insertRejected: RawStatement

    init(db: Database, catalog: Catalog, file: String, encoding: String, delimiter: String,
         scale: RatingScale, bytes: Int, policy: ConflictPolicy, language: Language) throws {
        self.db = db
        self.file = file
        self.policy = policy
        self.language = language
        criterionCount = catalog.criterionCount
        localCorrections = TallyAccumulator(criterionCount: catalog.criterionCount)
        catalogID = try ImportWriter.storeCatalog(catalog, in: db)
        try db.execute(sql: """
            INSERT INTO import_file (path, sha256, bytes, imported_at, catalog_id, encoding, delimiter, scale,
                                     rows, imported, duplicates, conflicts, replaced, rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)
            """, arguments: [file, String(repeating: "0", count: 64), bytes,
                             UTCTimestamp.string(), catalogID, encoding, delimiter,
                             scale.rawValue])
        fileID = db.lastInsertedRowID
        insertResponse = try RawStatement(db, sql: """
            INSERT INTO response (file_id, row_number, response_key, content_hash, day, time, procedure_id,
                                  unit_id, channel_id, respondent_type_id, dossier_code, ratings, comment)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            ON CONFLICT (response_key) WHERE response_key IS NOT NULL DO NOTHING
            """)
        insertProcedure = try RawStatement(db, sql: """
            INSERT INTO procedure (code, name, field) VALUES (?1, ?2, ?3)
            ON CONFLICT (code) DO UPDATE SET
                name = CASE WHEN procedure.name = '' THEN excluded.name ELSE procedure.name END,
                field = CASE WHEN procedure.field = '' THEN excluded.field ELSE procedure.field END
            RETURNING id
            """)
        func dimension(_ table: String) throws -> RawStatement {
            try RawStatement(db, sql: """
                INSERT INTO \(table) (name) VALUES (?1) ON CONFLICT (name) DO UPDATE SET name = excluded.name
                RETURNING id
                """)
        }
        insertUnit = try dimension("unit")
        insertChannel = try dimension("channel")
        insertType = try dimension("respondent_type")
        insertRejected = try RawStatement(db, sql: """
            INSERT INTO rejected_row (file_id, row_number, column_name, code, message, reasons, raw)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            """)
    }

    /// Stores the catalogue (once per distinct JSON) and its criteria; returns its id.
    static func storeCatalog(_ catalog: Catalog, in db: Database) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM catalog WHERE sha256 = ?", arguments: [catalog.sha256]) {
            return id
        }
        try db.execute(sql: "INSERT INTO catalog (key, sha256, json) VALUES (?, ?, ?)",
                       arguments: [catalog.key, catalog.sha256, catalog.json])
        let id = db.lastInsertedRowID
        for (position, entry) in catalog.criteria.enumerated() {
            try db.execute(sql: "INSERT INTO criterion (code) VALUES (?) ON CONFLICT (code) DO NOTHING",
                           arguments: [entry.criterion.code])
            try db.execute(sql: """
                INSERT INTO catalog_criterion (catalog_id, position, criterion_id, element_code)
                SELECT ?, ?, id, ? FROM criterion WHERE code = ?
                """, arguments: [id, position, catalog.elements[entry.element].code, entry.criterion.code])
        }
        return id
    }

    func write(_ batch: ValidatedBatch) throws {
        for info in batch.newProcedures {
            procedureIDs.append(try storeProcedure(info))
        }
        for info in batch.procedureUpdates { _ = try storeProcedure(info) }
        for name in batch.newUnits { unitIDs.append(try storeName(name, insertUnit)) }
        for name in batch.newChannels { channelIDs.append(try storeName(name, insertChannel)) }
        for name in batch.newRespondentTypes { typeIDs.append(try storeName(name, insertType)) }

        try batch.records.withUnsafeBytes { text in
            try batch.ratings.withUnsafeBytes { ratings in
                for row in batch.rows { try write(row, batch: batch, text: text, ratings: ratings) }
            }
        }
        for rejected in batch.rejected {
            counts.rejected += 1
            try storeRejected(rejected)
        }
    }

    private func storeProcedure(_ info: ProcedureInfo) throws -> Int64 {
        insertProcedure.bind(1, info.code)
        insertProcedure.bind(2, info.name)
        insertProcedure.bind(3, info.field)
        return try insertProcedure.runReturningInt()
    }

    private func storeName(_ name: String, _ statement: RawStatement) throws -> Int64 {
        statement.bind(1, name)
        return try statement.runReturningInt()
    }

    /// Inserts one response; false when its response id is already stored. Text and ratings are
    /// bound in place (no copy into SQLite) for as long as the statement runs: `text` are the batch's
    /// field bytes, `ratings` its ratings.
    private func insert(_ row: ParsedRow, text: UnsafeRawBufferPointer, ratings: UnsafeRawBufferPointer) throws -> Bool {
        let s = insertResponse
        s.bind(1, fileID)
        s.bind(2, Int64(row.rowNumber))
        s.bind(4, row.contentHash)
        s.bind(5, Int64(row.day))
        if row.time >= 0 { s.bind(6, Int64(row.time)) } else { s.bindNull(6) }
        s.bind(7, procedureIDs[Int(row.procedure)])
        s.bind(8, unitIDs[Int(row.unit)])
        s.bind(9, channelIDs[Int(row.channel)])
        s.bind(10, typeIDs[Int(row.respondentType)])
        let start = Int(row.ratingsStart)
        s.bindInPlace(blob: 12, UnsafeRawBufferPointer(rebasing: ratings[start..<(start + criterionCount)]))
        return try row.key.withBytes(in: text) { key in
            try row.dossier.withBytes(in: text) { dossier in
                try CellText.withBytes(row.comment) { comment in
                    s.bindInPlace(text: 3, key)
                    s.bindInPlace(text: 11, dossier)
                    s.bindInPlace(text: 13, comment)
                    return try s.run() == 1
                }
            }
        }
    }

    private func write(_ row: ParsedRow, batch: ValidatedBatch, text: UnsafeRawBufferPointer,
                       ratings: UnsafeRawBufferPointer) throws {
        if try insert(row, text: text, ratings: ratings) {
            counts.imported += 1
            counts.firstDay = min(counts.firstDay, row.day)
            counts.lastDay = max(counts.lastDay, row.day)
            return
        }
        // The response id is already stored (earlier file, or earlier in this file).
        localCorrections.record(row.groupKey, ratings: batch.ratings(of: row), sign: -1)
        guard let key = row.key.string(in: text), let existing = try Row.fetchOne(db, sql: """
            SELECT r.id, r.content_hash, r.day, r.procedure_id, r.unit_id, r.channel_id, r.respondent_type_id,
                   r.ratings, f.catalog_id, f.path, r.row_number
            FROM response r JOIN import_file f ON f.id = r.file_id WHERE r.response_key = ?
            """, arguments: [key]) else {
            throw DatabaseError(message: "response id conflict without a stored response")
        }
        if (existing[1] as Int64) == row.contentHash {
            counts.duplicates += 1
            return
        }
        switch policy {
        case .reject:
            counts.conflicts += 1
            let earlier = "\(existing[9] as String):\(existing[10] as Int)"
            let diagnostic = Diagnostic(file: file, row: Int(row.rowNumber), column: batch.keyColumn.map { $0.index + 1 },
                                        columnName: batch.keyColumn?.name, code: .conflict, value: key, detail: earlier)
            conflictDiagnostics.append(diagnostic)
            try storeRejected(RejectedRow(rowNumber: Int(row.rowNumber), diagnostics: [diagnostic],
                                          raw: batch.records.originalText(Int(row.record)).nfc))
        case .replace:
            let oldCatalog: Int64 = existing[8]
            let oldRatings: [UInt8] = Array((existing[7] as Data))
            let oldKey = TallyAccumulator.GroupKey(
                month: Int32((existing[2] as Int64) / 100), procedure: Int32(existing[3] as Int64),
                unit: Int32(existing[4] as Int64), channel: Int32(existing[5] as Int64),
                respondentType: Int32(existing[6] as Int64))
            if replacedCorrections[oldCatalog] == nil {
                replacedCorrections[oldCatalog] = TallyAccumulator(criterionCount: oldRatings.count)
            }
            replacedCorrections[oldCatalog]!.record(oldKey, ratings: oldRatings[...], sign: -1)
            try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [existing[0] as Int64])
            guard try insert(row, text: text, ratings: ratings) else { throw DatabaseError(message: "replacing response \(key) failed") }
            localCorrections.record(row.groupKey, ratings: batch.ratings(of: row), sign: 1)
            counts.imported += 1
            counts.replaced += 1
            counts.firstDay = min(counts.firstDay, row.day)
            counts.lastDay = max(counts.lastDay, row.day)
        }
    }

    private func storeRejected(_ rejected: RejectedRow) throws {
        guard let first = rejected.diagnostics.first else { return }
        let s = insertRejected
        s.bind(1, fileID)
        s.bind(2, Int64(rejected.rowNumber))
        s.bind(3, first.columnName)
        s.bind(4, first.code.rawValue)
        s.bind(5, Messages.text(first, language))
        s.bind(6, rejected.diagnostics.map { Messages.text($0, language) }.joined(separator: "\n"))
        s.bind(7, rejected.raw)
        try s.run()
    }

    /// True when a file with these bytes (SHA-256, lowercase hex) was imported before.
    func contentImported(sha256: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM import_file WHERE sha256 = ? AND id <> ?",
                          arguments: [sha256, fileID]) == true
    }

    /// Checks, before commit, that every id this file's rows and tallies reference exists: the import
    /// transaction runs without per-row foreign-key enforcement (see `AppDatabase.importTransaction`),
    /// and every such id is the file's, the catalogue's, or one of the dimension maps' entries.
    /// Throws SQLite's foreign-key error, naming the table and the id, so the file rolls back.
    func verifyReferences() throws {
        let tables: [(String, [Int64])] = [
            ("import_file", [fileID]), ("catalog", [catalogID]), ("procedure", procedureIDs),
            ("unit", unitIDs), ("channel", channelIDs), ("respondent_type", typeIDs)]
        for (table, ids) in tables {
            let exists = try RawStatement(db, sql: "SELECT 1 FROM \(table) WHERE id = ?1")
            for id in ids {
                exists.bind(1, id)
                guard try exists.step() else {
                    throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                        message: "FOREIGN KEY constraint failed: \(table) id \(id) does not exist")
                }
                try exists.finish()
            }
        }
    }

    /// For the test that proves `verifyReferences` guards the import: points the first procedure
    /// at an id that does not exist.
    func injectDanglingReference() {
        if !procedureIDs.isEmpty { procedureIDs[0] = Int64(Int32.max) }
    }

    /// Writes the tallies (the reading thread's, corrected here) and the file's record.
    /// Returns false, writing nothing more, when a file with the same content was imported before.
    func finish(readerTally: TallyAccumulator, sha256: String, rows: Int) throws -> Bool {
        if try contentImported(sha256: sha256) { return false }
        try verifyReferences()
        // Local indices → database ids. The reader's counts are written first, then the corrections
        // (rows found to be duplicates or conflicts) are added to the same groups: no copy is made.
        let writer = try TallyWriter(db)
        let toDatabase = { (key: TallyAccumulator.GroupKey) in
            TallyAccumulator.GroupKey(
                month: key.month, procedure: Int32(self.procedureIDs[Int(key.procedure)]),
                unit: Int32(self.unitIDs[Int(key.unit)]), channel: Int32(self.channelIDs[Int(key.channel)]),
                respondentType: Int32(self.typeIDs[Int(key.respondentType)]))
        }
        try writer.add(readerTally, catalogID: catalogID, mapping: toDatabase)
        localCorrections.settle()
        try writer.add(localCorrections, catalogID: catalogID, mapping: toDatabase)
        for (catalog, var corrections) in replacedCorrections {
            corrections.settle()
            try writer.add(corrections, catalogID: catalog) { $0 }
        }
        try db.execute(sql: """
            UPDATE import_file SET sha256 = ?, rows = ?, imported = ?, duplicates = ?, conflicts = ?, replaced = ?,
                rejected = ?, first_day = ?, last_day = ? WHERE id = ?
            """, arguments: [sha256, rows, counts.imported, counts.duplicates, counts.conflicts, counts.replaced,
                             counts.rejected, counts.imported > 0 ? Int(counts.firstDay) : nil,
                             counts.imported > 0 ? Int(counts.lastDay) : nil, fileID])
        return true
    }
}
