import XCTest
@testable import SurveyCSV

/// One record as delivered, flattened for comparisons.
struct Rec: Equatable, CustomStringConvertible {
    var row: Int
    var fields: [[UInt8]]
    var problem: RecordProblem?
    /// The record's original text (`RecordBatch.originalText`): compared only when both sides have it,
    /// so hand-written expectations may leave it out.
    var original: String?

    static func == (a: Rec, b: Rec) -> Bool {
        a.row == b.row && a.fields == b.fields && a.problem == b.problem
            && (a.original == nil || b.original == nil || a.original == b.original)
    }

    var strings: [String] { fields.map { String(decoding: $0, as: UTF8.self) } }

    init(row: Int, fields: [[UInt8]], problem: RecordProblem? = nil) {
        self.row = row
        self.fields = fields
        self.problem = problem
    }

    init(_ row: Int, _ strings: [String], problem: RecordProblem? = nil) {
        self.init(row: row, fields: strings.map { Array($0.utf8) }, problem: problem)
    }

    var description: String { "row \(row) \(strings)\(problem.map { " \($0)" } ?? "")" }
}

/// The chunk sizes every fixture is read with; all must give identical results.
let standardChunkSizes = [1, 65536, 1 << 20]

/// Reads all records of one reader.
func collect(_ reader: CSVReader) throws -> [Rec] {
    var records: [Rec] = []
    try reader.read { batch in
        for r in 0..<batch.count {
            var record = Rec(
                row: batch.rowNumber(r),
                fields: (0..<batch.fieldCount(r)).map { Array(batch.field(r, $0)) },
                problem: batch.problem(r))
            record.original = batch.originalText(r)
            records.append(record)
        }
        assertFieldViewAgrees(batch)
    }
    return records
}

/// Reads `bytes` with every standard chunk size (plus `extraChunkSizes`) and a few batch sizes,
/// asserts that all readings agree (records, row numbers, problems, encoding, delimiter),
/// and returns the records with the reader of the last reading.
@discardableResult
func readAll(
    _ bytes: [UInt8], options: CSVReadOptions = .init(), extraChunkSizes: [Int] = [],
    file: StaticString = #filePath, line: UInt = #line
) throws -> (records: [Rec], reader: CSVReader) {
    var first: (records: [Rec], reader: CSVReader)? = nil
    for chunkSize in standardChunkSizes + extraChunkSizes {
        for batchSize in [1, 3, 4096] {
            var opts = options
            opts.chunkSize = chunkSize
            opts.batchSize = batchSize
            let reader = try CSVReader(bytes: bytes, options: opts)
            let records = try collect(reader)
            if let first {
                XCTAssertEqual(records, first.records, "chunkSize \(chunkSize) batchSize \(batchSize)", file: file, line: line)
                XCTAssertEqual(reader.encoding, first.reader.encoding, file: file, line: line)
                XCTAssertEqual(reader.delimiter, first.reader.delimiter, file: file, line: line)
            } else {
                first = (records, reader)
            }
        }
    }
    return first!
}

func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

/// UTF-16 bytes of `s` with a BOM.
func utf16Bytes(_ s: String, bigEndian: Bool) -> [UInt8] {
    var out: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in s.utf16 {
        let hi = UInt8(unit >> 8), lo = UInt8(unit & 0xFF)
        out += bigEndian ? [hi, lo] : [lo, hi]
    }
    return out
}

func assertThrowsCSVError(
    _ expected: CSVError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void
) {
    do {
        try body()
        XCTFail("expected \(expected), nothing thrown", file: file, line: line)
    } catch let error as CSVError {
        XCTAssertEqual(error, expected, file: file, line: line)
    } catch {
        XCTFail("expected \(expected), got \(error)", file: file, line: line)
    }
}

/// The in-place view of a batch (`withFields`) reads exactly the fields `field(_:_:)` gives, and a
/// field's `span` locates the same bytes in `withUnsafeBytes`: checked on every batch the tests read.
func assertFieldViewAgrees(_ batch: RecordBatch, file: StaticString = #filePath, line: UInt = #line) {
    batch.withUnsafeBytes { all in
        batch.withFields { view in
            for r in 0..<batch.count {
                XCTAssertEqual(view.fieldCount(r), batch.fieldCount(r), file: file, line: line)
                for f in 0..<batch.fieldCount(r) {
                    let expected = Array(batch.field(r, f))
                    XCTAssertEqual(Array(view.field(r, f)), expected, file: file, line: line)
                    XCTAssertEqual(Array(all[view.span(r, f)]), expected, file: file, line: line)
                }
            }
        }
    }
}
