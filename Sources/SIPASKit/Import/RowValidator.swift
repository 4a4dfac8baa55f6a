import SurveyCSV

/// Turns records into typed rows or rejected rows.
/// Runs on the validating thread; keeps the per-file dimension tables, so one validator serves one file.
struct RowValidator: Sendable {
    let file: String
    let binding: HeaderBinding
    let criterionCount: Int
    let ratingReader: RatingReader
    let dateReader = DateReader()
    /// Columns of the fields (`binding.columns`), looked up once: the row loop reads them ~10 times a row.
    private let dateColumn: Int, codeColumn: Int
    private let nameColumn: Int?, fieldColumn: Int?, unitColumn: Int?, channelColumn: Int?, typeColumn: Int?
    private let keyColumn: Int?, dossierColumn: Int?, commentColumn: Int?

    private(set) var procedures = ByteInterner()
    private(set) var procedureInfo: [ProcedureInfo] = []
    private(set) var units = ByteInterner()
    private(set) var channels = ByteInterner()
    private(set) var respondentTypes = ByteInterner()

    init(file: String, binding: HeaderBinding, criterionCount: Int, scale: RatingScale) {
        self.file = file
        self.binding = binding
        self.criterionCount = criterionCount
        self.ratingReader = RatingReader(scale: scale)
        let columns = binding.columns
        dateColumn = columns[.date]!
        codeColumn = columns[.procedureCode]!
        (nameColumn, fieldColumn) = (columns[.procedureName], columns[.field])
        (unitColumn, channelColumn, typeColumn) = (columns[.unit], columns[.channel], columns[.respondentType])
        (keyColumn, dossierColumn, commentColumn) = (columns[.responseID], columns[.dossierCode], columns[.comment])
        _ = units.add("")
        _ = channels.add("")
        _ = respondentTypes.add("")
    }

    /// Validates records `first..<batch.count` of `batch`.
    mutating func validate(_ batch: RecordBatch, from first: Int, bytesRead: Int) -> ValidatedBatch {
        var out = ValidatedBatch(records: batch, criterionCount: criterionCount)
        out.ratings.reserveCapacity(batch.count * criterionCount)
        out.keyColumn = keyColumn.map { ($0, binding.headerNames[$0]) }
        out.bytesRead = bytesRead
        out.rows.reserveCapacity(batch.count)
        let unitStart = units.count, channelStart = channels.count, typeStart = respondentTypes.count
        batch.withFields { fields in
            for record in first..<batch.count {
                validate(record: record, of: batch, fields: fields, into: &out)
            }
        }
        out.newUnits = Array(units.values[unitStart...])
        out.newChannels = Array(channels.values[channelStart...])
        out.newRespondentTypes = Array(respondentTypes.values[typeStart...])
        return out
    }

    private func diagnostic(_ row: Int, _ code: Diagnostic.Code, column: Int? = nil, value: String? = nil,
                            detail: String? = nil) -> Diagnostic {
        let name = column.map { binding.headerNames.indices.contains($0) ? binding.headerNames[$0] : "" }
        return Diagnostic(file: file, row: row, column: column.map { $0 + 1 }, columnName: name,
                          code: code, value: value, detail: detail)
    }

    /// A workbook cell's problem (SurveyXLSX found it while reading the sheet).
    private func diagnostic(_ row: Int, problem: RecordProblem) -> Diagnostic {
        switch problem {
        case .unterminatedQuote: diagnostic(row, Diagnostic.Code.unterminatedQuote)
        case let .errorCell(column, value): diagnostic(row, .errorCell, column: column, value: value)
        case let .formulaWithoutValue(column): diagnostic(row, .formulaWithoutValue, column: column)
        case let .ambiguousDate(column, value): diagnostic(row, .ambiguousDate, column: column, value: value)
        case let .codeAsNumber(column, value): diagnostic(row, .codeAsNumber, column: column, value: value)
        case let .digitsAsNumber(column, value): diagnostic(row, .digitsAsNumber, column: column, value: value)
        }
    }

    private func reject(_ record: Int, of batch: RecordBatch, _ problems: [Diagnostic], into out: inout ValidatedBatch) {
        // The id cell, read only for rejected rows (rare), so that a later import of it resolves the row.
        var key: String? = nil
        if let keyColumn, batch.problem(record) != .unterminatedQuote, keyColumn < batch.fieldCount(record) {
            let text = batch.string(record, keyColumn).trimmingCharacters(in: .whitespacesAndNewlines)
            if !text.isEmpty { key = text.nfc }
        }
        out.rejected.append(RejectedRow(rowNumber: batch.rowNumber(record), diagnostics: problems,
                                        raw: batch.originalText(record).nfc, responseKey: key))
    }

    private mutating func validate(record: Int, of batch: RecordBatch, fields: FieldView, into out: inout ValidatedBatch) {
        let row = batch.rowNumber(record)
        if batch.problem(record) == .unterminatedQuote {
            return reject(record, of: batch, [diagnostic(row, .unterminatedQuote)], into: &out)
        }
        let cellProblems = batch.cellProblems(record)
        if !cellProblems.isEmpty {
            return reject(record, of: batch, cellProblems.map { diagnostic(row, problem: $0) }, into: &out)
        }
        let fieldCount = fields.fieldCount(record)
        if fieldCount != binding.headerCount {
            if (0..<fieldCount).allSatisfy({ fields.field(record, $0).isEmpty }) { return }  // an empty spreadsheet row
            return reject(record, of: batch, [diagnostic(row, .raggedRow, detail: "\(fieldCount)/\(binding.headerCount)")],
                          into: &out)
        }
        if !batch.isValidUTF8(record) {
            let problems = (0..<fieldCount).filter { !batch.isValidUTF8(record, $0) }.map {
                diagnostic(row, .invalidEncoding, column: $0)
            }
            if !problems.isEmpty { return reject(record, of: batch, problems, into: &out) }
        }
        if (0..<fieldCount).allSatisfy({ fields.field(record, $0).isEmpty }) { return }

        var problems: [Diagnostic] = []
        // Date.
        var day: Int32 = 0, time: Int32 = -1
        switch dateReader.read(fields.field(record, dateColumn)) {
        case let .date(d, t): day = d; time = t ?? -1
        case .missing: problems.append(diagnostic(row, .missingDate, column: dateColumn))
        case .malformed: problems.append(diagnostic(row, .badDate, column: dateColumn, value: batch.string(record, dateColumn)))
        case .impossible:
            problems.append(diagnostic(row, .impossibleDate, column: dateColumn, value: batch.string(record, dateColumn)))
        }

        // Procedure.
        let codeBytes = trimmed(fields.field(record, codeColumn))
        if codeBytes.isEmpty { problems.append(diagnostic(row, .missingProcedureCode, column: codeColumn)) }

        // Ratings.
        let start = out.ratings.count
        out.ratings.append(contentsOf: repeatElement(RatingCode.notAsked, count: criterionCount))
        for (column, position) in binding.criteria {
            switch ratingReader.read(fields.field(record, column)) {
            case let .rating(code): out.ratings[start + position] = code
            case .noAnswer: out.ratings[start + position] = 0
            case .outOfScale:
                problems.append(diagnostic(row, .ratingOutOfScale, column: column, value: batch.string(record, column)))
            case .notOnScale:
                problems.append(diagnostic(row, .ratingNotOnScale, column: column, value: batch.string(record, column)))
            case .unknown: problems.append(diagnostic(row, .ratingUnknown, column: column, value: batch.string(record, column)))
            }
        }
        if !problems.isEmpty {
            out.ratings.removeLast(criterionCount)
            return reject(record, of: batch, problems, into: &out)
        }

        var isNew = false
        let procedure = Int32(procedures.index(of: codeBytes, isNew: &isNew))
        if isNew {
            let info = ProcedureInfo(
                code: procedures.values[Int(procedure)],
                name: text(fields, record, nameColumn) ?? "",
                field: text(fields, record, fieldColumn) ?? "")
            procedureInfo.append(info)
            out.newProcedures.append(info)
        } else if procedureInfo[Int(procedure)].name.isEmpty, let name = text(fields, record, nameColumn) {
            procedureInfo[Int(procedure)].name = name
            out.procedureUpdates.append(procedureInfo[Int(procedure)])
        }
        let unit = Self.intern(&units, fields, record, unitColumn)
        let channel = Self.intern(&channels, fields, record, channelColumn)
        let type = Self.intern(&respondentTypes, fields, record, typeColumn)
        let key = cell(fields, record, keyColumn)
        let dossier = cell(fields, record, dossierColumn)
        let comment = cell(fields, record, commentColumn, trim: false)

        var hash = ContentHash()
        hash.add(Int64(day)); hash.add(Int64(time))
        hash.add(procedures.contentHashes[Int(procedure)])
        hash.add(units.contentHashes[Int(unit)]); hash.add(channels.contentHashes[Int(channel)])
        hash.add(respondentTypes.contentHashes[Int(type)])
        hash.add(dossier, in: fields)
        hash.add(comment, in: fields)
        hash.add(out.ratings[start...])
        let parsed = ParsedRow(
            record: Int32(record), rowNumber: Int32(row), day: day, time: time, procedure: procedure,
            unit: unit, channel: channel, respondentType: type, key: key, dossier: dossier, comment: comment,
            ratingsStart: Int32(start), contentHash: hash.value)
        out.rows.append(parsed)
    }

    private func text(_ fields: FieldView, _ record: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        let bytes = fields.field(record, column)
        let cut = trimmed(bytes)
        if cut.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return nil }
        return NFCQuickCheck.isNFC(cut) ? String(decoding: cut, as: UTF8.self) : UnicodeNFC.normalize(utf8: cut)
    }

    /// A cell kept for the row (an id, a dossier code: trimmed; a comment: as written), `.none` when
    /// blank: its place in the batch when its bytes are already NFC, else its NFC text.
    private func cell(_ fields: FieldView, _ record: Int, _ column: Int?, trim: Bool = true) -> CellText {
        guard let column else { return .none }
        let span = fields.span(record, column)
        let whole = fields.bytes(span)
        let cut = trim ? trimmed(whole) : whole
        if cut.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .none }
        if NFCQuickCheck.isNFC(cut) {
            let lower = span.lowerBound + (cut.baseAddress! - whole.baseAddress!)
            return .inPlace(Int32(lower)..<Int32(lower + cut.count))
        }
        return .text(UnicodeNFC.normalize(utf8: cut))
    }

    private static func intern(_ table: inout ByteInterner, _ fields: FieldView, _ record: Int, _ column: Int?) -> Int32 {
        guard let column else { return 0 }
        var isNew = false
        return Int32(table.index(of: trimmed(fields.field(record, column)), isNew: &isNew))
    }
}

/// The cell without the spaces and tabs around it.
private func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0, end = bytes.count
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}
