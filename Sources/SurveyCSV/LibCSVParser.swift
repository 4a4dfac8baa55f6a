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
    func parse(_ utf8: UnsafeRawBufferPointer) -> String? {
        guard let base = utf8.baseAddress, utf8.count > 0 else { return nil }
        let consumed = csv_parse(parser, base, utf8.count, csvFieldCallback, csvRecordCallback, UnsafeMutableRawPointer(sink))
        if consumed != utf8.count {
            return "libcsv: " + String(cString: csv_strerror(csv_error(parser)))
        }
        return sink.pointee.failure
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
