/// Builds a `RecordBatch` field by field, for readers other than libcsv's (SurveyXLSX turns sheet rows
/// into the same records, so everything after the reader is shared). Its appends are inlinable: the
/// workbook reader calls them several times per cell.
public struct RecordBatchBuilder {
    @usableFromInline var bytes: [UInt8] = []
    @usableFromInline var fieldOffsets: [Int32] = [0]
    @usableFromInline var recordStarts: [Int32] = [0]
    @usableFromInline var rows: [Int] = []
    @usableFromInline var raw: [UInt8] = []
    @usableFromInline var rawBounds: [Int32] = []
    @usableFromInline var problems: [Int: [RecordProblem]] = [:]
    /// Set by a reader whose text is valid UTF-8 by construction (see `RecordBatch.knownValidUTF8`).
    public var textIsValidUTF8 = false

    public init(capacity: Int = 512) {
        rows.reserveCapacity(capacity)
        recordStarts.reserveCapacity(capacity + 1)
        rawBounds.reserveCapacity(capacity * 2)
    }

    @inlinable
    public var count: Int { rows.count }
    public var byteCount: Int { bytes.count + raw.count }

    /// Appends one field of the record being built.
    @inlinable
    public mutating func appendField(_ field: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: field)
        fieldOffsets.append(Int32(truncatingIfNeeded: bytes.count))
    }

    public mutating func appendField(_ field: [UInt8]) {
        field.withUnsafeBufferPointer { appendField($0) }
    }

    public mutating func appendField(_ field: String) {
        var s = field
        s.withUTF8 { appendField($0) }
    }

    /// Appends bytes to the field being built; `closeField` ends it.
    @inlinable
    public mutating func appendToField(_ part: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: part) }
    @inlinable
    public mutating func appendToField(_ byte: UInt8) { bytes.append(byte) }
    @inlinable
    public mutating func closeField() { fieldOffsets.append(Int32(truncatingIfNeeded: bytes.count)) }

    /// The record's text as its source shows it (kept for rejected rows).
    @inlinable
    public mutating func appendRaw(_ part: UnsafeBufferPointer<UInt8>) { raw.append(contentsOf: part) }
    @inlinable
    public mutating func appendRaw(_ byte: UInt8) { raw.append(byte) }

    /// A problem of the record being built.
    public mutating func addProblem(_ problem: RecordProblem) { problems[rows.count, default: []].append(problem) }

    /// Ends the record being built: its fields are those appended since the last record.
    @inlinable
    public mutating func endRecord(row: Int, rawStart: Int) {
        rows.append(row)
        recordStarts.append(Int32(truncatingIfNeeded: fieldOffsets.count - 1))
        rawBounds.append(Int32(truncatingIfNeeded: rawStart))
        rawBounds.append(Int32(truncatingIfNeeded: raw.count))
    }

    /// Where the next record's raw text starts.
    @inlinable
    public var rawCount: Int { raw.count }

    /// The batch so far; the builder starts over.
    public mutating func build() -> RecordBatch {
        var batch = RecordBatch(bytes: bytes, fieldOffsets: fieldOffsets, recordStarts: recordStarts, rows: rows,
                                unterminatedRecords: [], raw: raw, rawBounds: rawBounds, cutRecords: [])
        batch.cellProblems = problems
        batch.knownValidUTF8 = textIsValidUTF8
        bytes.removeAll(keepingCapacity: true)
        fieldOffsets.removeAll(keepingCapacity: true)
        fieldOffsets.append(0)
        recordStarts.removeAll(keepingCapacity: true)
        recordStarts.append(0)
        rows.removeAll(keepingCapacity: true)
        raw.removeAll(keepingCapacity: true)
        rawBounds.removeAll(keepingCapacity: true)
        problems = [:]
        return batch
    }
}
