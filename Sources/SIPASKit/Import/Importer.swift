import Foundation
import SurveyCSV
import SurveyXLSX

/// Imports survey exports into a database: one transaction per file, idempotent, nothing lost.
public struct Importer: Sendable {
    public let database: AppDatabase

    public init(database: AppDatabase) { self.database = database }

    /// Imports every file in turn; a file that fails leaves the database as it was and the others go on.
    public func importFiles(_ paths: [String], options: ImportOptions) -> ImportOutcome {
        var outcome = ImportOutcome()
        for path in paths {
            do {
                let (receipt, diagnostics) = try importFile(path, options: options)
                outcome.files.append(receipt)
                var perCode: [Diagnostic.Code: Int] = [:]
                for diagnostic in diagnostics.sorted(by: <) {
                    perCode[diagnostic.code, default: 0] += 1
                    if perCode[diagnostic.code]! <= options.diagnosticsPerCode {
                        outcome.diagnostics.append(diagnostic)
                    } else {
                        outcome.omitted[path, default: [:]][diagnostic.code, default: 0] += 1
                    }
                }
            } catch {
                if case .databaseFault(_, .corrupt) = error {
                    outcome.damagedDatabase = error
                    break
                }
                outcome.failures.append((path, error))
            }
        }
        return outcome
    }

    /// Imports one file. Throws when the file could not be imported at all (nothing was written).
    public func importFile(_ path: String, options: ImportOptions) throws(SIPASError) -> (FileReceipt, [Diagnostic]) {
        let started = Date()
        // The file's SHA-256 first (inline for a small file, else alongside the parse): a file imported
        // before is recognised before its rows are read, or a few batches in for a large one.
        // A file of a size never imported cannot be one imported before: its digest is needed only at
        // the end, and is made on whatever core the import leaves idle (asked only of a file hashed in
        // the background; a smaller one is hashed at once and looked up by its digest).
        let size = FileDigest.byteCount(of: path)
        var unseenSize = false
        if size >= options.digestInlineBelow { unseenSize = try !database.importRecordExists(bytes: size) }
        let digest = FileDigest(path: path, inlineBelow: options.digestInlineBelow, yielding: unseenSize)
        // With --sheet the sheet is looked for first, so that a sheet that is not there (or has no table)
        // is said even for a workbook imported before; the check then runs before the first batch.
        if options.sheet == nil, case let .digest(sha256, _)? = digest.ready,
           let earlier = try database.importRecord(sha256: sha256) {
            return alreadyImported(path, sha256: sha256, earlier: earlier, rowsRead: 0, options: options, started: started)
        }
        let tallies = SharedTallies(criterionCount: options.catalog.criterionCount)
        let queue = FileReading.start(path: path, options: options, tallies: tallies)
        defer { queue.close() }
        let header: FileReading.Header
        switch queue.take() {
        case let .header(h): header = h
        case let .failed(error): throw error
        case .batch, .finished: throw .fileUnreadable(path: path, reason: "internal: no header")
        }
        let headerRow = header.workbook?.headerRows.upperBound ?? 1
        var diagnostics: [Diagnostic] = header.binding.unknownColumns.map {
            Diagnostic(file: path, row: headerRow, column: $0.column + 1, columnName: $0.name, code: .unknownColumn)
        }
        if let table = header.workbook {
            diagnostics.append(Diagnostic(file: path, row: nil, code: .workbookTable,
                                          detail: "\(table.sheet)|\(table.headerRows.lowerBound)|\(table.headerRows.upperBound)"))
        }
        if header.scaleInferred { diagnostics.append(Diagnostic(file: path, row: nil, code: .scaleInferred)) }

        var receipt = FileReceipt(
            path: path, sha256: "", bytes: header.byteCount,
            encoding: header.workbook == nil ? header.encoding.rawValue : "xlsx",
            encodingDetected: header.encodingDetected,
            delimiter: header.workbook?.sheet ?? Self.name(ofDelimiter: header.delimiter),
            scale: header.scale.rawValue, scaleInferred: header.scaleInferred, rows: 0, imported: 0, duplicates: 0,
            conflicts: 0, replaced: 0, rejected: 0, alreadyImported: false, dryRun: options.dryRun, years: [],
            firstDay: nil, lastDay: nil, seconds: 0)
        receipt.sheet = header.workbook?.sheet
        receipt.headerRow = header.workbook?.headerRows.upperBound
        var written = 0
        var recognised: String?
        var digestChecked = false
        do {
            try database.importTransaction(
                catalog: options.catalog, file: path, encoding: receipt.encoding,
                delimiter: receipt.delimiter, scale: header.scale, bytes: header.byteCount,
                policy: options.onConflict, language: options.language
            ) { writer in
                while true {
                    switch queue.take() {
                    case .header: continue
                    case let .failed(error): throw error
                    case let .batch(batch):
                        if !digestChecked, let ready = digest.ready {
                            digestChecked = true
                            if case let .digest(sha256, _) = ready, try writer.contentImported(sha256: sha256) {
                                recognised = sha256
                                return false
                            }
                        }
                        receipt.rowsRead += batch.rows.count + batch.rejected.count
                        try writer.write(batch, tallies: tallies)
                        for rejected in batch.rejected { diagnostics.append(contentsOf: rejected.diagnostics) }
                        written += batch.rows.count
                        options.progress?(batch.bytesRead, header.byteCount)
                        try inject(options.fault, written: written)
                        if options.fault == .danglingReference { writer.injectDanglingReference() }
                    case let .finished(rows, table):
                        if let table {
                            if options.dateRule == nil, let rule = table.dateEvidence.rule { throw DateRetry(rule: rule) }
                            diagnostics += Self.notes(table, path: path, header: header)
                            receipt.footerRowsSkipped = table.footerRows.count
                            receipt.datesSwapped = table.swappedDates
                            receipt.codesRestored = table.restoredCodes
                        }
                        receipt.rows = rows
                        // The digest is awaited after the writer's last work (the comment index, the
                        // tallies), so that hashing can overlap it.
                        let stored = try writer.finish(tallies: tallies.settled(), rows: rows) {
                            receipt.sha256 = try Self.sha256(of: digest, path: path, bytes: header.byteCount)
                            return receipt.sha256
                        }
                        let counts = writer.counts
                        diagnostics.append(contentsOf: writer.conflictDiagnostics)
                        receipt.imported = counts.imported
                        receipt.duplicates = counts.duplicates
                        receipt.conflicts = counts.conflicts
                        receipt.replaced = counts.replaced
                        receipt.rejected = counts.rejected
                        if counts.imported > 0 {
                            receipt.firstDay = Self.iso(counts.firstDay)
                            receipt.lastDay = Self.iso(counts.lastDay)
                            receipt.years = Array(Int(counts.firstDay / 10000)...Int(counts.lastDay / 10000))
                        }
                        receipt.alreadyImported = !stored
                        return stored && !options.dryRun
                    }
                }
            }
        } catch let retry as DateRetry {
            // The date column shows a spreadsheet's day/month swap: read the file again with the rule
            // the evidence supports (the first pass was rolled back).
            var again = options
            again.dateRule = retry.rule
            return try importFile(path, options: again)
        } catch let error as SIPASError {
            throw error
        } catch {
            throw AppDatabase.classify(error, path: database.path, waited: Int(AppDatabase.writerPatience))
        }
        if let sha256 = recognised ?? (receipt.alreadyImported ? receipt.sha256 : nil),
           let earlier = try database.importRecord(sha256: sha256) {
            // Nothing was written: the receipt says so, whatever the rolled-back pass counted.
            return alreadyImported(path, sha256: sha256, earlier: earlier, rowsRead: receipt.rowsRead,
                                   options: options, started: started)
        }
        receipt.seconds = Date().timeIntervalSince(started)
        if let sheet = header.workbook?.sheet {
            for i in diagnostics.indices { diagnostics[i].sheet = sheet }
        }
        return (receipt, diagnostics)
    }

    /// The digest of the file that was parsed: refused when hashing failed or the file changed in between.
    private static func sha256(of digest: FileDigest, path: String, bytes: Int) throws(SIPASError) -> String {
        switch digest.wait() {
        case let .failed(reason):
            throw .fileUnreadable(path: path, reason: reason)
        case let .digest(hex, hashed):
            guard hashed == bytes, digest.fileUnchanged() else {
                throw .fileUnreadable(path: path, reason: FileDigest.changedReason)
            }
            return hex
        }
    }

    /// The receipt of a file whose bytes were imported before (`earlier`): nothing written, the stored
    /// record's figures for how it was read.
    private func alreadyImported(_ path: String, sha256: String, earlier: ImportRecord, rowsRead: Int,
                                 options: ImportOptions, started: Date) -> (FileReceipt, [Diagnostic]) {
        var receipt = FileReceipt(
            path: path, sha256: sha256, bytes: earlier.bytes, encoding: earlier.encoding,
            encodingDetected: options.encoding == nil, delimiter: earlier.delimiter, scale: earlier.scale,
            scaleInferred: false, rows: earlier.rows, imported: 0, duplicates: 0, conflicts: 0, replaced: 0,
            rejected: 0, alreadyImported: true, dryRun: options.dryRun, years: [], firstDay: nil, lastDay: nil,
            seconds: 0)
        receipt.rowsRead = rowsRead
        receipt.seconds = Date().timeIntervalSince(started)
        let detail = "\(earlier.path), \(earlier.importedAt)"
        return (receipt, [Diagnostic(file: path, row: nil, code: .alreadyImported, detail: detail)])
    }

    private struct DateRetry: Error { let rule: DateRule }

    /// The receipt's notes on a workbook: footer rows left out, dates and codes repaired.
    private static func notes(_ table: TableReport, path: String, header: FileReading.Header) -> [Diagnostic] {
        var notes: [Diagnostic] = table.footerRows.map {
            Diagnostic(file: path, row: $0.row, code: .footerSkipped, value: $0.text)
        }
        let names = header.binding.headerNames
        func name(_ field: HeaderBinding.Field) -> (Int?, String?) {
            let column = header.binding.columns[field]
            return (column.map { $0 + 1 }, column.map { names[$0] })
        }
        if table.swappedDates > 0 {
            let (column, columnName) = name(.date)
            notes.append(Diagnostic(file: path, row: nil, column: column, columnName: columnName, code: .datesSwapped,
                                    detail: String(table.swappedDates)))
        }
        if table.restoredCodes > 0 {
            let (column, columnName) = name(.procedureCode)
            notes.append(Diagnostic(file: path, row: nil, column: column, columnName: columnName, code: .codesRestored,
                                    detail: String(table.restoredCodes)))
        }
        return notes
    }

    private func inject(_ fault: ImportOptions.Fault?, written: Int) throws(SIPASError) {
        switch fault {
        case let .throwAfterRows(n) where written >= n: throw .injectedFailure(row: written)
        case let .killAfterRows(n) where written >= n: kill(getpid(), SIGKILL)
        case let .pauseAfterRows(n, marker) where written >= n && !FileManager.default.fileExists(atPath: marker + ".done"):
            _ = FileManager.default.createFile(atPath: marker, contents: nil)
            _ = FileManager.default.createFile(atPath: marker + ".done", contents: nil)
            for _ in 0..<600 where FileManager.default.fileExists(atPath: marker) { usleep(100_000) }
        default: return
        }
    }

    static func name(ofDelimiter byte: UInt8) -> String {
        switch byte {
        case 0x09: "tab"
        case 0x2C: ","
        case 0x3B: ";"
        default: String(UnicodeScalar(byte))
        }
    }

    static func iso(_ day: Int32) -> String {
        let y = day / 10000, m = day / 100 % 100, d = day % 100
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
