/// Many records stored in one flat UTF-8 byte buffer plus offset tables:
/// a handful of allocations per batch, and safe to hand to another thread.
public struct RecordBatch: Sendable {
    /// Field bytes, back to back, already decoded to UTF-8.
    let bytes: [UInt8]
    /// `fieldOffsets[g] ..< fieldOffsets[g + 1]` are the bytes of field `g` (batch-wide numbering).
    let fieldOffsets: [Int32]
    /// `recordStarts[r] ..< recordStarts[r + 1]` are the batch-wide field numbers of record `r`.
    let recordStarts: [Int32]
    /// Spreadsheet row of each record (header = 1).
    let rows: [Int]
    /// Records (indices into this batch) that have a problem; almost always empty.
    let unterminatedRecords: [Int]
    /// The records' original text, back to back: `rawBounds[2r] ..< rawBounds[2r + 1]` is record r's.
    let raw: [UInt8]
    let rawBounds: [Int32]
    /// Records whose original text was cut at `RecordSink.maxRawPerRecord` bytes; almost always empty.
    let cutRecords: [Int]
    /// Problems found in single cells (workbooks only), by record; almost always empty.
    var cellProblems: [Int: [RecordProblem]] = [:]
    /// Every field is valid UTF-8 by construction: a workbook's text comes from libxml2, which rejects a
    /// part that is not proper UTF-8 and hands out UTF-8 only, and the rest is written by sipas. Then
    /// `isValidUTF8(_:)` answers without scanning.
    var knownValidUTF8 = false

    init(bytes: [UInt8], fieldOffsets: [Int32], recordStarts: [Int32], rows: [Int], unterminatedRecords: [Int],
         raw: [UInt8], rawBounds: [Int32], cutRecords: [Int]) {
        self.bytes = bytes
        self.fieldOffsets = fieldOffsets
        self.recordStarts = recordStarts
        self.rows = rows
        self.unterminatedRecords = unterminatedRecords
        self.raw = raw
        self.rawBounds = rawBounds
        self.cutRecords = cutRecords
    }

    /// Number of records in the batch.
    public var count: Int { rows.count }

    /// Spreadsheet row where the record starts (the header is row 1; blank lines count,
    /// newlines inside quoted fields do not).
    public func rowNumber(_ record: Int) -> Int { rows[record] }

    public func fieldCount(_ record: Int) -> Int {
        Int(recordStarts[record + 1] &- recordStarts[record])
    }

    /// The exact UTF-8 bytes of a field (no trimming).
    public func field(_ record: Int, _ index: Int) -> ArraySlice<UInt8> {
        let first = Int(recordStarts[record])
        precondition(index >= 0 && first + index < Int(recordStarts[record + 1]), "field index out of range")
        let g = first + index
        return bytes[Int(fieldOffsets[g])..<Int(fieldOffsets[g + 1])]
    }

    /// The field as a String; invalid UTF-8 becomes U+FFFD.
    public func string(_ record: Int, _ index: Int) -> String {
        String(decoding: field(record, index), as: UTF8.self)
    }

    /// All fields of a record as Strings (convenience, allocates).
    public func strings(_ record: Int) -> [String] {
        (0..<fieldCount(record)).map { string(record, $0) }
    }

    public func isValidUTF8(_ record: Int, _ index: Int) -> Bool {
        UTF8Validation.isValid(field(record, index))
    }

    /// True when every field of the record is valid UTF-8: one scan over the record's bytes (a
    /// multi-byte sequence never spans two fields in a file that is valid), so the per-field check
    /// is needed only for the rare record where this says false.
    public func isValidUTF8(_ record: Int) -> Bool {
        if knownValidUTF8 { return true }
        let first = Int(recordStarts[record]), end = Int(recordStarts[record + 1])
        guard first < end else { return true }
        let span = Int(fieldOffsets[first])..<Int(fieldOffsets[end])
        guard bytes.withUnsafeBytes({ UTF8Validation.scan(UnsafeRawBufferPointer(rebasing: $0[span])) }) == .valid
        else { return false }
        // A sequence split across two fields would pass the scan above; the second field would then
        // start with a continuation byte (10xxxxxx), which no valid field does.
        for g in first..<end {
            let start = Int(fieldOffsets[g])
            if start < Int(fieldOffsets[g + 1]), bytes[start] & 0xC0 == 0x80 { return false }
        }
        return true
    }

    /// Calls `body` with a view of the batch's fields that reads them without reference counting:
    /// the hot loops (validation, ~30 fields a record) go through it. Valid only inside `body`.
    public func withFields<R>(_ body: (FieldView) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { text in
            try fieldOffsets.withUnsafeBufferPointer { offsets in
                try recordStarts.withUnsafeBufferPointer { starts in
                    try body(FieldView(base: text.baseAddress, byteCount: text.count, offsets: offsets.baseAddress!,
                                       starts: starts.baseAddress!, recordCount: rows.count))
                }
            }
        }
    }

    /// The batch's field bytes, back to back (`FieldView.span` gives a field's range in them).
    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes(body)
    }

    /// nil for a normal record.
    public func problem(_ record: Int) -> RecordProblem? {
        unterminatedRecords.contains(record) ? .unterminatedQuote : nil
    }

    /// The problems of single cells of the record (a workbook's error cells, formulas without a
    /// value, damaged dates and codes); empty for CSV.
    public func cellProblems(_ record: Int) -> [RecordProblem] {
        cellProblems.isEmpty ? [] : cellProblems[record] ?? []
    }

    /// The record's text as the file has it — quotes, spaces, line breaks inside quoted fields and all,
    /// without its line end — decoded to UTF-8 (invalid bytes become U+FFFD) and not normalised.
    /// Kept for rejected rows, so the Office can find the line and fix it. A record of over 64 KiB
    /// (say, after a stray opening quote) is cut there and ends with "…".
    public func originalText(_ record: Int) -> String {
        let range = Int(rawBounds[2 * record])..<Int(rawBounds[2 * record + 1])
        let text = String(decoding: raw[range], as: UTF8.self)
        return cutRecords.contains(record) ? text + "…" : text
    }
}

/// The fields of a `RecordBatch`, read in place (see `RecordBatch.withFields`).
public struct FieldView {
    fileprivate let base: UnsafePointer<UInt8>?
    fileprivate let byteCount: Int
    fileprivate let offsets: UnsafePointer<Int32>
    fileprivate let starts: UnsafePointer<Int32>
    fileprivate let recordCount: Int

    public func fieldCount(_ record: Int) -> Int {
        precondition(record >= 0 && record < recordCount, "record index out of range")
        return Int(starts[record + 1] &- starts[record])
    }

    /// Where field `index` of `record` lies in the batch's bytes.
    public func span(_ record: Int, _ index: Int) -> Range<Int> {
        precondition(index >= 0 && index < fieldCount(record), "field index out of range")
        let g = Int(starts[record]) &+ index
        return Int(offsets[g])..<Int(offsets[g &+ 1])
    }

    /// The exact UTF-8 bytes of a field (no trimming).
    public func field(_ record: Int, _ index: Int) -> UnsafeBufferPointer<UInt8> {
        bytes(span(record, index))
    }

    /// Bytes of the batch, e.g. part of a field's `span`.
    public func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
        precondition(range.lowerBound >= 0 && range.upperBound <= byteCount, "byte range out of range")
        return UnsafeBufferPointer(start: base.map { $0 + range.lowerBound }, count: range.count)
    }
}
