import XCTest
@testable import SurveyCSV

final class RawTextTests: XCTestCase {
    private func batches(_ input: [UInt8], options: CSVReadOptions = .init()) throws -> (CSVReader, [RecordBatch]) {
        let reader = try CSVReader(bytes: input, options: options)
        var out: [RecordBatch] = []
        try reader.read { out.append($0) }
        return (reader, out)
    }

    func testRawTextQuotesWhatNeedsIt() throws {
        let (reader, batches) = try batches(bytes("a,b,c,d\nplain,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"\n"))
        let batch = batches[0]
        XCTAssertEqual(batch.rawText(0, delimiter: reader.delimiter), "a,b,c,d")
        XCTAssertEqual(batch.rawText(1, delimiter: reader.delimiter), "plain,\"x,y\",\"say \"\"hi\"\"\",\"two\nlines\"")
    }

    func testRawTextReadsBackToTheSameFields() throws {
        let input = bytes("h;i;j\n\" lead\";trail ;\"a;b\"\n\"\"\n;;\n\"q\"\"\";\"\r\n\";Đà Nẵng\n3;\"open")
        let (reader, batches) = try batches(input)
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        var checked = 0
        for batch in batches {
            for r in 0..<batch.count {
                let line = batch.rawText(r, delimiter: reader.delimiter)
                let back = try CSVReader(bytes: bytes(line + "\n"), options: CSVReadOptions(delimiter: reader.delimiter))
                let records = try collect(back)
                XCTAssertEqual(records.count, 1, line)
                XCTAssertEqual(records.first?.strings, batch.strings(r), line)
                XCTAssertNil(records.first?.problem)
                checked += 1
            }
        }
        XCTAssertEqual(checked, 6)
    }

    func testLoneEmptyFieldSerialisesAsQuotes() throws {
        let (_, batches) = try batches(bytes("h\n\"\"\n"))
        XCTAssertEqual(batches[0].rawText(1, delimiter: 0x2C), "\"\"")
    }
}
