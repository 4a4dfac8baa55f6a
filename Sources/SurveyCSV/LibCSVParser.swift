internal import CLibCSV

/// Owns one libcsv parser: `csv_init` in init, `csv_free` in deinit. Nothing libcsv leaves this file.
///
/// Options: CSV_REPALL_NL so every unquoted line end is reported (row numbers), CSV_STRICT_FINI
/// documented for unterminated quotes — but libcsv 3.0.3 only honours it together with CSV_STRICT,
/// which we do not want (lenient with stray quotes, like Excel). So the unterminated final quote is
/// detected from the parser state before `csv_fini` (see `hasOpenQuotedField`).
/// A space function that always returns 0 keeps spaces and tabs around unquoted fields.
final class LibCSVParser {
    private let parser: UnsafeMutablePointer<csv_parser>
    private let sink: UnsafeMutablePointer<RecordSink>

    init(delimiter: UInt8, batchSize: Int) throws(CSVError) {
        parser = .allocate(capacity: 1)
        let options = UInt8(CSV_REPALL_NL | CSV_STRICT_FINI)
        guard csv_init(parser, options) == 0 else {
            parser.deallocate()
            throw .libcsvInit
        }
        csv_set_delim(parser, delimiter)
        csv_set_quote(parser, UInt8(CSV_QUOTE))
        csv_set_space_func(parser, csvNoSpace)
        // libcsv grows its field buffer by this increment (default 128 bytes): a huge field,
        // e.g. after a stray opening quote, would otherwise cost millions of reallocs.
        csv_set_blk_size(parser, 64 * 1024)
        sink = .allocate(capacity: 1)
        sink.initialize(to: RecordSink(batchSize: batchSize))
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        sink.pointee.deallocate()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// Parses UTF-8 bytes; returns a failure description if libcsv or the sink gave up.
    ///
    /// The bytes go to libcsv a line at a time — up to and including each CR or LF — after the sink
    /// has kept them as original text: libcsv ends a record only on a CR or LF, so a record always ends
    /// with the last bytes kept, and the sink knows each record's text without libcsv telling offsets.
    func parse(_ utf8: UnsafeRawBufferPointer) -> String? {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return nil }
        var start = 0
        while start < utf8.count {
            let end = LineEnds.next(in: utf8, from: start)
            sink.pointee.appendRaw(UnsafeRawBufferPointer(rebasing: utf8[start..<end]))
            let consumed = csv_parse(parser, base + start, end - start, csvFieldCallback, csvRecordCallback,
                                     UnsafeMutableRawPointer(sink))
            if consumed != end - start {
                return "libcsv: " + String(cString: csv_strerror(csv_error(parser)))
            }
            if let failure = sink.pointee.failure { return failure }
            start = end
        }
        return nil
    }

    /// Ends the input: marks an open quoted final field, flushes the last record and the last batch.
    func finish() -> String? {
        if hasOpenQuotedField { sink.pointee.finalRecordUnterminated = true }
        _ = csv_fini(parser, csvFieldCallback, csvRecordCallback, UnsafeMutableRawPointer(sink))
        sink.pointee.closeBatch()
        return sink.pointee.failure
    }

    /// libcsv's state: inside a field (FIELD_BEGUN = 2) that started with a quote.
    private var hasOpenQuotedField: Bool {
        parser.pointee.pstate == 2 && parser.pointee.quoted != 0
    }

    /// Completed batches since the last call.
    func takeReadyBatches() -> [RecordBatch] {
        if sink.pointee.ready.isEmpty { return [] }
        let batches = sink.pointee.ready
        sink.pointee.ready = []
        return batches
    }
}

// C callbacks: plain free functions of this library (not actor-isolated, no captures).

private func csvNoSpace(_ c: UInt8) -> Int32 { 0 }

private func csvFieldCallback(_ data: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: RecordSink.self).pointee.appendField(UnsafeRawPointer(data), length)
}

private func csvRecordCallback(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    context.unsafelyUnwrapped.assumingMemoryBound(to: RecordSink.self).pointee.endRecord(terminator)
}

/// Finds line ends (CR or LF) eight bytes at a time.
enum LineEnds {
    /// The index just after the first CR or LF at or after `start`, or `text.count` when there is none.
    static func next(in text: UnsafeRawBufferPointer, from start: Int) -> Int {
        let n = text.count
        var i = start
        while i &+ 8 <= n {
            let word = text.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            if hasByte(word, 0x0A) || hasByte(word, 0x0D) { break }
            i &+= 8
        }
        while i < n {
            let byte = text[i]
            i &+= 1
            if byte == 0x0A || byte == 0x0D { return i }
        }
        return n
    }

    /// Whether any byte of `word` equals `byte` (the classic zero-byte test on word XOR byte pattern).
    @inline(__always)
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0
    }
}
