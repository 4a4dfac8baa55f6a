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
    /// The rows of the batch being written that the writer counts into the file's tallies: those it
    /// stores of a batch the reading thread did not count, those it does not store (duplicates, refused
    /// conflicts) of one it did (`SharedTallies`).
    private var toCount: [ParsedRow] = []
    /// Rows replaced by `--on-conflict replace`, by catalogue: taken back out of their old groups.
    private var replacedCorrections: [Int64: TallyAccumulator] = [:]
    /// The replaced rows by day (`tally_day`), by catalogue, taken back out.
    private var replacedDays: [Int64: TallyAccumulator] = [:]
    /// The stored rows' ratings by day and group (and the replaced ones', taken out), written to
    /// `response_by_day` `ResponsesByDay.flushBytes` (1 MiB) at a time.
    private var byDay = ResponsesByDay()

    /// The comment index's own SQL once it is dropped for this transaction (`decideCommentIndex`), and
    /// until that is decided, the SQL and the responses the database held before this file.
    private var deferredIndex: String?
    private var pendingDeferral: (sql: String, stored: Int)?
    private var processedRows = 0
    private let fileBytes: Int
    /// Whether the last import on this process rebuilt the comment index (for tests).
    nonisolated(unsafe) static var lastImportRebuiltCommentIndex = false

    /// Files of at least this many bytes may have the comment index built after their rows (tests lower it).
    nonisolated(unsafe) static var deferredIndexMinimumBytes = 8 << 20

    private let insertResponse: RawStatement
    private let insertProcedure: RawStatement
    private let insertUnit: RawStatement
    private let insertChannel: RawStatement
    private let insertType: RawStatement
    private let insertRejected: RawStatement
    /// The stored response (id, content hash) with a given response id, bound in place: one prepared
    /// statement for all the known ids of a cumulative export, not one compiled query a row.
    private let findKey: RawStatement
    /// A stored response's fields, by id (for conflicts and replacements only).
    private let findResponse: RawStatement
    /// Whether the last row with a response id had one already stored. A cumulative export repeats its
    /// known rows in long runs: while they last, the id is looked up first (one index search a row)
    /// instead of tried as an insert and then looked up (two).
    private var lookUpFirst = false
    /// Stored files seen through `findResponse`: id → (path, catalogue id).
    private var storedFiles: [Int64: (path: String, catalogID: Int64)] = [:]

    init(db: Database, catalog: Catalog, file: String, encoding: String, delimiter: String,
         scale: RatingScale, bytes: Int, policy: ConflictPolicy, language: Language) throws {
        self.db = db
        self.file = file
        self.policy = policy
        self.language = language
        criterionCount = catalog.criterionCount
        catalogID = try ImportWriter.storeCatalog(catalog, in: db)
        try db.execute(sql: """
            INSERT INTO import_file (path, sha256, bytes, imported_at, catalog_id, encoding, delimiter, scale,
                                     rows, imported, duplicates, conflicts, replaced, rejected)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0)
            """, arguments: [file, String(repeating: "0", count: 64), bytes,
                             UTCTimestamp.string(), catalogID, encoding, delimiter,
                             scale.rawValue])
        fileID = db.lastInsertedRowID
        fileBytes = bytes
        pendingDeferral = try ImportWriter.commentIndexDeferral(db, fileBytes: bytes)
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
        findKey = try RawStatement(db, sql: "SELECT id, content_hash FROM response WHERE response_key = ?1")
        findResponse = try RawStatement(db, sql: """
            SELECT id, content_hash, day, procedure_id, unit_id, channel_id, respondent_type_id, ratings, file_id,
                   row_number
            FROM response WHERE id = ?1
            """)
        insertRejected = try RawStatement(db, sql: """
            INSERT INTO rejected_row (file_id, row_number, column_name, code, message, reasons, raw, response_key)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
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

    /// Stores `batch`'s rows and rejected rows, and counts into `tallies` what the reading thread did not.
    func write(_ batch: ValidatedBatch, tallies: SharedTallies) throws {
        if pendingDeferral != nil { try decideCommentIndex(bytesRead: batch.bytesRead) }
        defer { processedRows += batch.rows.count }
        for info in batch.newProcedures {
            procedureIDs.append(try storeProcedure(info))
        }
        for info in batch.procedureUpdates { _ = try storeProcedure(info) }
        for name in batch.newUnits { unitIDs.append(try storeName(name, insertUnit)) }
        for name in batch.newChannels { channelIDs.append(try storeName(name, insertChannel)) }
        for name in batch.newRespondentTypes { typeIDs.append(try storeName(name, insertType)) }

        try batch.records.withUnsafeBytes { text in
            try batch.ratings.withUnsafeBytes { ratings in
                for row in batch.rows where try write(row, batch: batch, text: text, ratings: ratings) != batch.countedByReader {
                    toCount.append(row)
                }
            }
        }
        if !toCount.isEmpty {
            tallies.record(toCount, of: batch, sign: batch.countedByReader ? -1 : 1)
            toCount.removeAll(keepingCapacity: true)
        }
        for rejected in batch.rejected {
            counts.rejected += 1
            try storeRejected(rejected)
        }
        if byDay.heldBytes >= ResponsesByDay.flushBytes { try byDay.flush(db) }
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
        let values = UnsafeRawBufferPointer(rebasing: ratings[start..<(start + criterionCount)])
        s.bindInPlace(blob: 12, values)
        return try row.key.withBytes(in: text) { key in
            try row.dossier.withBytes(in: text) { dossier in
                try row.comment.withBytes(in: text) { comment in
                    s.bindInPlace(text: 3, key)
                    s.bindInPlace(text: 11, dossier)
                    s.bindInPlace(text: 13, comment)
                    guard try s.run() == 1 else { return false }
                    byDay.add(day: row.day, catalog: catalogID, sign: 1, group: toDatabase(row.groupKey),
                              ratings: values.bindMemory(to: UInt8.self))
                    return true
                }
            }
        }
    }

    /// A stored response, as `findResponse` reads it.
    private struct Stored {
        var id: Int64
        var contentHash: Int64
        var groupKey: TallyAccumulator.GroupKey
        var day: Int32
        var ratings: [UInt8]
        var fileID: Int64
        var rowNumber: Int
    }

    /// The stored response (id, content hash) with `row`'s response id, if any.
    private func known(_ row: ParsedRow, text: UnsafeRawBufferPointer) throws -> (id: Int64, contentHash: Int64)? {
        let s = findKey
        return try row.key.withBytes(in: text) { key in
            s.bindInPlace(text: 1, key)
            guard try s.step() else { return nil }
            defer { try? s.finish() }
            return (Int64(s.int(0)), Int64(s.int(1)))
        }
    }

    /// The stored response with this id.
    private func stored(id: Int64) throws -> Stored? {
        let s = findResponse
        s.bind(1, id)
        guard try s.step() else { return nil }
        defer { try? s.finish() }
        return Stored(
            id: Int64(s.int(0)), contentHash: Int64(s.int(1)),
            groupKey: TallyAccumulator.GroupKey(
                month: Int32(s.int(2) / 100), procedure: Int32(s.int(3)), unit: Int32(s.int(4)),
                channel: Int32(s.int(5)), respondentType: Int32(s.int(6))),
            day: Int32(s.int(2)), ratings: s.blob(7), fileID: Int64(s.int(8)), rowNumber: s.int(9))
    }

    /// Counts a stored row in its day's tally.
    private func storedFile(_ id: Int64) throws -> (path: String, catalogID: Int64) {
        if let known = storedFiles[id] { return known }
        guard let row = try Row.fetchOne(db, sql: "SELECT path, catalog_id FROM import_file WHERE id = ?", arguments: [id]) else {
            throw DatabaseError(message: "response of a file that is not stored (import_file id \(id))")
        }
        let file = (path: row[0] as String, catalogID: row[1] as Int64)
        storedFiles[id] = file
        return file
    }

    /// Stores one row, or counts it as a duplicate or conflict. True when it was stored.
    private func write(_ row: ParsedRow, batch: ValidatedBatch, text: UnsafeRawBufferPointer,
                       ratings: UnsafeRawBufferPointer) throws -> Bool {
        var found = lookUpFirst && row.key != .none ? try known(row, text: text) : nil
        if found == nil {
            if try insert(row, text: text, ratings: ratings) {
                counts.imported += 1
                counts.firstDay = min(counts.firstDay, row.day)
                counts.lastDay = max(counts.lastDay, row.day)
                if row.key != .none { lookUpFirst = false }
                return true
            }
            found = try known(row, text: text)
        }
        // The response id is already stored (earlier file, or earlier in this file).
        lookUpFirst = true
        guard let found else { throw DatabaseError(message: "response id conflict without a stored response") }
        if found.contentHash == row.contentHash {
            counts.duplicates += 1
            return false
        }
        guard let existing = try stored(id: found.id) else {
            throw DatabaseError(message: "response \(found.id) vanished during the import")
        }
        let key = row.key.string(in: text) ?? ""
        switch policy {
        case .reject:
            counts.conflicts += 1
            let earlier = "\(try storedFile(existing.fileID).path):\(existing.rowNumber)"
            let diagnostic = Diagnostic(file: file, row: Int(row.rowNumber), column: batch.keyColumn.map { $0.index + 1 },
                                        columnName: batch.keyColumn?.name, code: .conflict, value: key, detail: earlier)
            conflictDiagnostics.append(diagnostic)
            try storeRejected(RejectedRow(rowNumber: Int(row.rowNumber), diagnostics: [diagnostic],
                                          raw: batch.records.originalText(Int(row.record)).nfc, responseKey: key))
            return false
        case .replace:
            // The old response leaves its groups (in its own file's catalogue); this row is stored in its
            // place (and counted as any stored row).
            let oldCatalog = try storedFile(existing.fileID).catalogID
            if replacedCorrections[oldCatalog] == nil {
                replacedCorrections[oldCatalog] = TallyAccumulator(criterionCount: existing.ratings.count)
            }
            replacedCorrections[oldCatalog]!.record(existing.groupKey, ratings: existing.ratings[...], sign: -1)
            if replacedDays[oldCatalog] == nil {
                replacedDays[oldCatalog] = TallyAccumulator(criterionCount: existing.ratings.count)
            }
            replacedDays[oldCatalog]!.record(DayTallies.key(day: existing.day), ratings: existing.ratings[...])
            byDay.add(day: existing.day, catalog: oldCatalog, sign: -1, group: existing.groupKey, ratings: existing.ratings)
            try db.execute(sql: "DELETE FROM response WHERE id = ?", arguments: [existing.id])
            guard try insert(row, text: text, ratings: ratings) else { throw DatabaseError(message: "replacing response \(key) failed") }
            counts.imported += 1
            counts.replaced += 1
            counts.firstDay = min(counts.firstDay, row.day)
            counts.lastDay = max(counts.lastDay, row.day)
            return true
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
        s.bind(8, rejected.responseKey)
        try s.run()
    }

    /// True when a file with these bytes (SHA-256, lowercase hex) was imported before.
    func contentImported(sha256: String) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT 1 FROM import_file WHERE sha256 = ? AND id <> ?",
                          arguments: [sha256, fileID]) == true
    }

    /// A group key of this file's local indices with the database's ids in their place.
    private func toDatabase(_ key: TallyAccumulator.GroupKey) -> TallyAccumulator.GroupKey {
        TallyAccumulator.GroupKey(
            month: key.month, procedure: Int32(procedureIDs[Int(key.procedure)]), unit: Int32(unitIDs[Int(key.unit)]),
            channel: Int32(channelIDs[Int(key.channel)]), respondentType: Int32(typeIDs[Int(key.respondentType)]))
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

    /// The comment index (`response_comment`, keyed by procedure and day, which rows arrive in no order
    /// of) may be dropped for this transaction and built again in `finish`, in one sorted pass. Kept up
    /// row by row it outgrows SQLite's 2 MiB page cache and every insert reads and writes pages at
    /// random: a 1,000,000-row export with a comment on 64% of its rows took 18.7 s (5.3 s of it system
    /// time) with the index kept up and 11.4 s without, and building the index afterwards took 1.0 s
    /// (`CREATE INDEX` on the same database). But the rebuild covers every stored comment, so it pays
    /// only when the file brings at least as many new responses as the database holds: into an empty
    /// database at once; otherwise decided after the first `deferralSampleRows` rows, from the share of
    /// them that were new and the share of the file read. A cumulative export (the year so far: its first
    /// rows are all known) keeps the index up (1,100,000 rows of which 100,000 new, into a database of
    /// 1,000,000: no wall-time difference measurable at that size, system time 0.27–0.35 s against
    /// 0.34–0.82 s with the rebuild; README). Inside the transaction, so a failed or refused import puts
    /// the index back with everything else.
    private static func commentIndexDeferral(_ db: Database, fileBytes: Int) throws -> (sql: String, stored: Int)? {
        guard fileBytes >= deferredIndexMinimumBytes else { return nil }
        guard let sql = try String.fetchOne(db, sql: """
            SELECT sql FROM sqlite_master WHERE type = 'index' AND name = 'response_comment'
            """) else { return nil }
        // The highest id: the responses stored, near enough (one index step, not a count of millions).
        let stored = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM response") ?? 0
        return (sql, stored)
    }

    /// Rows read before deciding whether to rebuild the comment index (a database that is not empty).
    static let deferralSampleRows = 4096

    /// Drops the comment index for this transaction when the file looks like bringing at least as many
    /// new responses as the database holds; decides once.
    private func decideCommentIndex(bytesRead: Int) throws {
        guard let pending = pendingDeferral else { return }
        if pending.stored > 0 {
            guard processedRows >= Self.deferralSampleRows, bytesRead > 0 else { return }
            let rowsInFile = Double(processedRows) * Double(fileBytes) / Double(bytesRead)
            let newInFile = rowsInFile * Double(counts.imported) / Double(processedRows)
            guard newInFile >= Double(pending.stored) else { pendingDeferral = nil; return }
        }
        pendingDeferral = nil
        try db.execute(sql: "DROP INDEX response_comment")
        deferredIndex = pending.sql
    }

    /// Writes the tallies (the file's stored rows, `tallies`, settled; the replaced rows taken out) and the
    /// file's record, with the file's SHA-256 from `sha256` (asked for last). Returns false when a file
    /// with the same content was imported before: the caller rolls the transaction back.
    func finish(tallies: FileTallies, rows: Int, sha256 digest: () throws -> String) throws -> Bool {
        try verifyReferences()
        try byDay.flush(db)
        if let deferredIndex {
            // Sorted on a helper thread too, the reading thread being done, in runs of 1 MiB (`SorterRuns`).
            try db.execute(sql: "PRAGMA threads = 1; PRAGMA cache_size = -\(SorterRuns.cacheKiB)")
            defer { try? db.execute(sql: "PRAGMA threads = 0; PRAGMA cache_size = -\(AppDatabase.cacheKiB)") }
            try db.execute(sql: deferredIndex)
        }
        ImportWriter.lastImportRebuiltCommentIndex = deferredIndex != nil
        let writer = try TallyWriter(db)
        try writer.add(tallies.groups, catalogID: catalogID, mapping: toDatabase)
        for (catalog, var corrections) in replacedCorrections {
            corrections.settle()
            try writer.add(corrections, catalogID: catalog) { $0 }
        }
        try DayTallies.add(tallies.days, catalogID: catalogID, sign: 1, in: db)
        for (catalog, var replaced) in replacedDays.sorted(by: { $0.key < $1.key }) {
            replaced.settle()
            try DayTallies.add(replaced, catalogID: catalog, sign: -1, in: db)
        }
        let sha256 = try digest()
        if try contentImported(sha256: sha256) { return false }
        try db.execute(sql: """
            UPDATE import_file SET sha256 = ?, rows = ?, imported = ?, duplicates = ?, conflicts = ?, replaced = ?,
                rejected = ?, first_day = ?, last_day = ? WHERE id = ?
            """, arguments: [sha256, rows, counts.imported, counts.duplicates, counts.conflicts, counts.replaced,
                             counts.rejected, counts.imported > 0 ? Int(counts.firstDay) : nil,
                             counts.imported > 0 ? Int(counts.lastDay) : nil, fileID])
        return true
    }
}
