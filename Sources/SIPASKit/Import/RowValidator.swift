import SurveyCSV

/// Turns records into typed rows or rejected rows. Runs on the reading thread; keeps the per-file
/// dimension tables, so one validator serves one file.
struct RowValidator: Sendable {
    let file: String
    let binding: HeaderBinding
    let criterionCount: Int
    let delimiter: UInt8
    let ratingReader: RatingReader
    let dateReader = DateReader()

    private(set) var procedures = ByteInterner()
    private(set) var procedureInfo: [ProcedureInfo] = []
    private(set) var units = ByteInterner()
    private(set) var channels = ByteInterner()
    private(set) var respondentTypes = ByteInterner()

    init(file: String, binding: HeaderBinding, criterionCount: Int, delimiter: UInt8, scale: RatingScale) {
        self.file = file
        self.binding = binding
        self.criterionCount = criterionCount
        self.delimiter = delimiter
        self.ratingReader = RatingReader(scale: scale)
        _ = units.add("")
        _ = channels.add("")
        _ = respondentTypes.add("")
    }

    /// Validates records `first..<batch.count` of `batch`.
    mutating func validate(_ batch: RecordBatch, from first: Int, bytesRead: Int) -> ValidatedBatch {
        var out = ValidatedBatch(records: batch, delimiter: delimiter, criterionCount: criterionCount)
        out.ratings.reserveCapacity(batch.count * criterionCount)
        out.keyColumn = binding.columns[.responseID].map { ($0, binding.headerNames[$0]) }
        out.bytesRead = bytesRead
        out.rows.reserveCapacity(batch.count)
        let unitStart = units.count, channelStart = channels.count, typeStart = respondentTypes.count
        for record in first..<batch.count {
            validate(record: record, of: batch, into: &out)
        }
        out.newUnits = Array(units.values[unitStart...])
        out.newChannels = Array(channels.values[channelStart...])
        out.newRespondentTypes = Array(respondentTypes.values[typeStart...])
        return out
    }

    private mutating func validate(record: Int, of batch: RecordBatch, into out: inout ValidatedBatch) {
        let row = batch.rowNumber(record)
        var problems: [Diagnostic] = []
        func problem(_ code: Diagnostic.Code, column: Int? = nil, value: String? = nil, detail: String? = nil) {
            let name = column.map { binding.headerNames.indices.contains($0) ? binding.headerNames[$0] : "" }
            problems.append(Diagnostic(file: file, row: row, column: column.map { $0 + 1 }, columnName: name,
                                       code: code, value: value, detail: detail))
        }
        func reject() {
            out.rejected.append(RejectedRow(rowNumber: row, diagnostics: problems,
                                            raw: batch.rawText(record, delimiter: delimiter)))
        }

        if batch.problem(record) == .unterminatedQuote {
            problem(.unterminatedQuote)
            return reject()
        }
        let fieldCount = batch.fieldCount(record)
        if fieldCount != binding.headerCount {
            if (0..<fieldCount).allSatisfy({ batch.field(record, $0).isEmpty }) { return }  // an empty spreadsheet row
            problem(.raggedRow, value: nil, detail: "\(fieldCount)/\(binding.headerCount)")
            return reject()
        }
        if !batch.isValidUTF8(record) {
            for column in 0..<fieldCount where !batch.isValidUTF8(record, column) {
                problem(.invalidEncoding, column: column)
            }
        }
        if !problems.isEmpty { return reject() }
        if (0..<fieldCount).allSatisfy({ batch.field(record, $0).isEmpty }) { return }

        // Date.
        let dateColumn = binding.columns[.date]!
        var day: Int32 = 0, time: Int32 = -1
        switch dateReader.read(batch.field(record, dateColumn)) {
        case let .date(d, t): day = d; time = t ?? -1
        case .missing: problem(.missingDate, column: dateColumn)
        case .malformed: problem(.badDate, column: dateColumn, value: batch.string(record, dateColumn))
        case .impossible: problem(.impossibleDate, column: dateColumn, value: batch.string(record, dateColumn))
        }

        // Procedure.
        let codeColumn = binding.columns[.procedureCode]!
        let codeBytes = trimmed(batch.field(record, codeColumn))
        var procedure: Int32 = -1
        if codeBytes.isEmpty {
            problem(.missingProcedureCode, column: codeColumn)
        }

        // Ratings.
        let start = out.ratings.count
        out.ratings.append(contentsOf: repeatElement(RatingCode.notAsked, count: criterionCount))
        for (column, position) in binding.criteria {
            switch ratingReader.read(batch.field(record, column)) {
            case let .rating(code): out.ratings[start + position] = code
            case .noAnswer: out.ratings[start + position] = 0
            case .outOfScale: problem(.ratingOutOfScale, column: column, value: batch.string(record, column))
            case .notOnScale: problem(.ratingNotOnScale, column: column, value: batch.string(record, column))
            case .unknown: problem(.ratingUnknown, column: column, value: batch.string(record, column))
            }
        }
        if !problems.isEmpty {
            out.ratings.removeLast(criterionCount)
            return reject()
        }

        var isNew = false
        procedure = Int32(procedures.index(of: codeBytes, isNew: &isNew))
        if isNew {
            let info = ProcedureInfo(
                code: procedures.values[Int(procedure)],
                name: text(batch, record, .procedureName) ?? "",
                field: text(batch, record, .field) ?? "")
            procedureInfo.append(info)
            out.newProcedures.append(info)
        } else if procedureInfo[Int(procedure)].name.isEmpty, let name = text(batch, record, .procedureName) {
            procedureInfo[Int(procedure)].name = name
            out.procedureUpdates.append(procedureInfo[Int(procedure)])
        }
        let unit = intern(&units, batch, record, .unit)
        let channel = intern(&channels, batch, record, .channel)
        let type = intern(&respondentTypes, batch, record, .respondentType)
        let key = cell(batch, record, .responseID)
        let dossier = cell(batch, record, .dossierCode)
        let comment = text(batch, record, .comment, trim: false)

        var hash = ContentHash()
        hash.add(Int64(day)); hash.add(Int64(time))
        hash.add(procedures.contentHashes[Int(procedure)])
        hash.add(units.contentHashes[Int(unit)]); hash.add(channels.contentHashes[Int(channel)])
        hash.add(respondentTypes.contentHashes[Int(type)])
        hash.add(dossier); hash.add(comment ?? "")
        hash.add(out.ratings[start...])
        out.rows.append(ParsedRow(
            record: Int32(record), rowNumber: Int32(row), day: day, time: time, procedure: procedure,
            unit: unit, channel: channel, respondentType: type, key: key, dossier: dossier, comment: comment,
            ratingsStart: Int32(start), contentHash: hash.value))
    }

    private func text(_ batch: RecordBatch, _ record: Int, _ field: HeaderBinding.Field, trim: Bool = true) -> String? {
        guard let column = binding.columns[field] else { return nil }
        let bytes = batch.field(record, column)
        let cut = trim ? trimmed(bytes) : bytes
        if cut.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return nil }
        let text = String(decoding: cut, as: UTF8.self)
        return cut.allSatisfy({ $0 < 0x80 }) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// A short cell (an id, a dossier code), trimmed; its bytes when ASCII, else NFC text.
    private func cell(_ batch: RecordBatch, _ record: Int, _ field: HeaderBinding.Field) -> CellText {
        guard let column = binding.columns[field] else { return .none }
        let cut = trimmed(batch.field(record, column))
        if cut.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return .none }
        if cut.allSatisfy({ $0 < 0x80 }) { return .ascii(cut) }
        return .text(String(decoding: cut, as: UTF8.self).precomposedStringWithCanonicalMapping)
    }

    private func intern(_ table: inout ByteInterner, _ batch: RecordBatch, _ record: Int,
                        _ field: HeaderBinding.Field) -> Int32 {
        guard let column = binding.columns[field] else { return 0 }
        var isNew = false
        return Int32(table.index(of: trimmed(batch.field(record, column)), isNew: &isNew))
    }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex, end = bytes.endIndex
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return bytes[start..<end]
    }
}

/// FNV-1a, 64 bits, over the typed content of a response: tells a duplicate (same id, same content)
/// from a conflict (same id, other content). Not a security hash.
struct ContentHash {
    private(set) var state: UInt64 = 0xcbf2_9ce4_8422_2325
    var value: Int64 { Int64(bitPattern: state) }
    mutating func add(_ byte: UInt8) { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
    mutating func add(_ number: Int64) { add(UInt64(bitPattern: number)) }
    mutating func add(_ number: UInt64) {
        var n = number
        for _ in 0..<8 { add(UInt8(truncatingIfNeeded: n)); n >>= 8 }
    }
    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(UInt8(0x1F))
    }
    mutating func add(_ bytes: ArraySlice<UInt8>) { for byte in bytes { add(byte) } }
    /// The same value as `add(String)` of the cell's text.
    mutating func add(_ cell: CellText) {
        switch cell {
        case .none: add(UInt8(0x1F))
        case let .ascii(bytes):
            add(bytes)
            add(UInt8(0x1F))
        case let .text(text): add(text)
        }
    }
}
