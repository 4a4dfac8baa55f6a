/// Where libcsv's callbacks put fields: preallocated raw buffers (no ARC, no exclusivity checks,
/// no per-field allocation). Full batches are copied out into `RecordBatch` values and queued in
/// `ready`; the reader hands them to the caller between `csv_parse` calls.
///
/// Row numbers are spreadsheet rows: every line end outside quotes counts once (CR LF is one line
/// end), blank lines count but produce no record, quoted newlines do not count.
struct RecordSink {
    private var bytes: UnsafeMutablePointer<UInt8>
    private var bytesCapacity: Int
    private var bytesCount = 0
    /// `fieldOffsets[0] = 0`, `fieldOffsets[g + 1]` = end of field g.
    private var fieldOffsets: UnsafeMutablePointer<Int32>
    private var fieldCapacity: Int
    private var fieldCount = 0
    /// `recordStarts[0] = 0`, `recordStarts[r + 1]` = field number after record r.
    private var recordStarts: UnsafeMutablePointer<Int32>
    private var rows: UnsafeMutablePointer<Int>
    private var recordCapacity: Int
    private var recordCount = 0
    private var unterminatedRecords: [Int] = []
    /// The original text of the records (UTF-8, as decoded, before libcsv): `rawBounds[2r] ..<
    /// rawBounds[2r + 1]` is record r's, without its line end. Kept for rejected rows.
    private var raw: UnsafeMutablePointer<UInt8>
    private var rawCapacity: Int
    private var rawCount = 0
    /// Where the record being read starts in `raw`.
    private var rawRecordStart = 0
    /// The record being read is longer than `maxRawPerRecord`: its text is cut there.
    private var rawCut = false
    private var rawBounds: UnsafeMutablePointer<Int32>
    private var cutRecords: [Int] = []

    private var fieldsInRecord = 0
    private var lineEnds = 0
    private var lastEndWasCR = false
    private let batchSize: Int

    /// Set by the reader just before `csv_fini` when the final field is an open quoted field.
    var finalRecordUnterminated = false
    /// Set when a batch would exceed the 32-bit offsets; callbacks are ignored afterwards.
    private(set) var failure: String? = nil
    /// Completed batches waiting to be delivered.
    var ready: [RecordBatch] = []

    /// Batches are closed early once they hold this many bytes, keeping offsets in Int32.
    private static let maxBatchBytes = 1 << 30
    /// The original text kept of one record: a longer one (say, after a stray opening quote) is cut.
    static let maxRawPerRecord = 64 << 10

    init(batchSize: Int) {
        self.batchSize = max(1, batchSize)
        recordCapacity = min(self.batchSize, 1 << 16)
        fieldCapacity = recordCapacity * 16
        bytesCapacity = recordCapacity * 256
        bytes = .allocate(capacity: bytesCapacity)
        fieldOffsets = .allocate(capacity: fieldCapacity + 1)
        recordStarts = .allocate(capacity: recordCapacity + 1)
        rows = .allocate(capacity: recordCapacity)
        rawCapacity = bytesCapacity + recordCapacity * 32
        raw = .allocate(capacity: rawCapacity)
        rawBounds = .allocate(capacity: recordCapacity * 2)
        fieldOffsets[0] = 0
        recordStarts[0] = 0
    }

    func deallocate() {
        bytes.deallocate()
        fieldOffsets.deallocate()
        recordStarts.deallocate()
        rows.deallocate()
        raw.deallocate()
        rawBounds.deallocate()
    }

    /// The original text libcsv is about to parse. The reader hands it over a line at a time (up to
    /// and including each CR or LF), so a record always ends with the last bytes appended.
    mutating func appendRaw(_ text: UnsafeRawBufferPointer) {
        if failure != nil || text.isEmpty { return }
        let room = RecordSink.maxRawPerRecord - (rawCount - rawRecordStart)
        let n = min(text.count, max(room, 0))
        if n < text.count { rawCut = true }
        if n == 0 { return }
        if rawCount + n > rawCapacity {
            guard let grown = RecordSink.grownCapacity(rawCapacity, toHold: rawCount + n) else {
                failure = "a batch of records exceeds 2 GiB"
                return
            }
            move(&raw, count: rawCount, toCapacity: grown)
            rawCapacity = grown
        }
        (raw + rawCount).initialize(from: text.baseAddress!.assumingMemoryBound(to: UInt8.self), count: n)
        rawCount += n
    }

    /// libcsv field callback: `length` bytes at `data` (not NUL-terminated, buffer reused by libcsv).
    @inline(__always)
    mutating func appendField(_ data: UnsafeRawPointer?, _ length: Int) {
        if failure != nil { return }
        if fieldCount &+ 1 > fieldCapacity { growFields() }
        if length > 0 {
            if bytesCount &+ length > bytesCapacity {
                guard growBytes(bytesCount + length) else { return }
            }
            (bytes + bytesCount).initialize(from: data!.assumingMemoryBound(to: UInt8.self), count: length)
            bytesCount &+= length
        }
        fieldCount &+= 1
        fieldOffsets[fieldCount] = Int32(truncatingIfNeeded: bytesCount)
        fieldsInRecord &+= 1
    }

    /// libcsv record callback: `terminator` is CR, LF, or -1 from `csv_fini`.
    @inline(__always)
    mutating func endRecord(_ terminator: Int32) {
        if failure != nil { return }
        if fieldsInRecord == 0 {
            // A line end with no fields: a blank line, or the LF of a CR LF pair. No record's text.
            rawCount = rawRecordStart
            rawCut = false
            if terminator == 0x0A && lastEndWasCR {
                lastEndWasCR = false
            } else {
                lineEnds &+= 1
                lastEndWasCR = terminator == 0x0D
            }
            return
        }
        if recordCount == recordCapacity { growRecords() }
        var rawEnd = rawCount
        if !rawCut, rawEnd > rawRecordStart, terminator == 0x0A || terminator == 0x0D,
           Int32(raw[rawEnd - 1]) == terminator {
            rawEnd -= 1
        }
        rawBounds[2 &* recordCount] = Int32(truncatingIfNeeded: rawRecordStart)
        rawBounds[2 &* recordCount &+ 1] = Int32(truncatingIfNeeded: rawEnd)
        if rawCut { cutRecords.append(recordCount) }
        rawRecordStart = rawCount
        rawCut = false
        rows[recordCount] = 1 &+ lineEnds
        recordCount &+= 1
        recordStarts[recordCount] = Int32(truncatingIfNeeded: fieldCount)
        if finalRecordUnterminated { unterminatedRecords.append(recordCount - 1) }
        fieldsInRecord = 0
        if terminator == 0x0A || terminator == 0x0D {
            lineEnds &+= 1
            lastEndWasCR = terminator == 0x0D
        } else {
            lastEndWasCR = false
        }
        if recordCount >= batchSize || bytesCount >= RecordSink.maxBatchBytes || rawCount >= RecordSink.maxBatchBytes {
            closeBatch()
        }
    }

    /// Moves the records collected so far into a `RecordBatch` in `ready`.
    mutating func closeBatch() {
        if recordCount == 0 { return }
        let batch = RecordBatch(
            bytes: Array(UnsafeBufferPointer(start: bytes, count: bytesCount)),
            fieldOffsets: Array(UnsafeBufferPointer(start: fieldOffsets, count: fieldCount + 1)),
            recordStarts: Array(UnsafeBufferPointer(start: recordStarts, count: recordCount + 1)),
            rows: Array(UnsafeBufferPointer(start: rows, count: recordCount)),
            unterminatedRecords: unterminatedRecords,
            raw: Array(UnsafeBufferPointer(start: raw, count: rawRecordStart)),
            rawBounds: Array(UnsafeBufferPointer(start: rawBounds, count: recordCount * 2)),
            cutRecords: cutRecords)
        ready.append(batch)
        bytesCount = 0
        fieldCount = 0
        recordCount = 0
        unterminatedRecords = []
        cutRecords = []
        // The text of a record still being read moves to the front (none when called at a record's end).
        let pending = rawCount - rawRecordStart
        if pending > 0 { UnsafeMutableRawPointer(raw).copyMemory(from: raw + rawRecordStart, byteCount: pending) }
        rawCount = pending
        rawRecordStart = 0
    }

    private mutating func growFields() {
        fieldCapacity *= 2
        move(&fieldOffsets, count: fieldCount + 1, toCapacity: fieldCapacity + 1)
    }

    private mutating func growBytes(_ needed: Int) -> Bool {
        guard let grown = RecordSink.grownCapacity(bytesCapacity, toHold: needed) else {
            failure = "a batch of fields exceeds 2 GiB"
            return false
        }
        move(&bytes, count: bytesCount, toCapacity: grown)
        bytesCapacity = grown
        return true
    }

    /// Doubles `capacity` until it holds `needed` bytes; nil past the 32-bit offsets.
    private static func grownCapacity(_ capacity: Int, toHold needed: Int) -> Int? {
        guard needed <= Int(Int32.max) else { return nil }
        var grown = capacity * 2
        while grown < needed { grown *= 2 }
        return min(grown, Int(Int32.max))
    }

    private mutating func growRecords() {
        let newCapacity = recordCapacity * 2
        move(&recordStarts, count: recordCount + 1, toCapacity: newCapacity + 1)
        move(&rows, count: recordCount, toCapacity: newCapacity)
        move(&rawBounds, count: recordCount * 2, toCapacity: newCapacity * 2)
        recordCapacity = newCapacity
    }
}

/// Moves the first `count` elements of `buffer` into a new allocation of `capacity` elements.
private func move<T>(_ buffer: inout UnsafeMutablePointer<T>, count: Int, toCapacity capacity: Int) {
    let grown = UnsafeMutablePointer<T>.allocate(capacity: capacity)
    grown.moveInitialize(from: buffer, count: count)
    buffer.deallocate()
    buffer = grown
}
