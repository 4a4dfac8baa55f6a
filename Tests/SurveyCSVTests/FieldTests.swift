import XCTest
@testable import SurveyCSV

/// Field contents: quoting, spaces, ragged rows, malformed endings.
final class FieldTests: XCTestCase {
    func testQuotedComma() throws {
        let (records, _) = try readAll(bytes("name,city\n\"Nguyễn, Văn A\",Huế\n"))
        XCTAssertEqual(records, [Rec(1, ["name", "city"]), Rec(2, ["Nguyễn, Văn A", "Huế"])])
    }

    func testQuotedQuote() throws {
        let (records, _) = try readAll(bytes("a,b\n\"say \"\"hi\"\"\",\"\"\"\"\n"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(2, ["say \"hi\"", "\""])])
    }

    func testEmptyFields() throws {
        let (records, _) = try readAll(bytes("a,,c\n,,\n\"\",x,\n"))
        XCTAssertEqual(records, [Rec(1, ["a", "", "c"]), Rec(2, ["", "", ""]), Rec(3, ["", "x", ""])])
    }

    func testLoneQuotedEmptyFieldIsARecord() throws {
        let (records, _) = try readAll(bytes("h\n\"\"\nz\n"))
        XCTAssertEqual(records, [Rec(1, ["h"]), Rec(2, [""]), Rec(3, ["z"])])
    }

    func testRaggedRowsDeliveredAsIs() throws {
        let (records, _) = try readAll(bytes("a,b,c\n1\n1,2,3,4,5\n,\n"))
        XCTAssertEqual(records.map { $0.fields.count }, [3, 1, 5, 2])
        XCTAssertEqual(records[2].strings, ["1", "2", "3", "4", "5"])
    }

    func testLeadingAndTrailingSpacesKeptExactly() throws {
        let (records, _) = try readAll(bytes("  a , b\t,\tc  \n \" q \" ,  \n"))
        XCTAssertEqual(records[0].strings, ["  a ", " b\t", "\tc  "])
        // A quote after leading spaces is an ordinary character of an unquoted field.
        XCTAssertEqual(records[1].strings, [" \" q \" ", "  "])
    }

    func testSpaceOnlyLineIsARecord() throws {
        let (records, _) = try readAll(bytes("h\n   \nz\n"))
        XCTAssertEqual(records, [Rec(1, ["h"]), Rec(2, ["   "]), Rec(3, ["z"])])
    }

    func testStrayQuoteInsideUnquotedFieldIsLiteral() throws {
        let (records, _) = try readAll(bytes("size,x\n5\" screen,1\n"))
        XCTAssertEqual(records, [Rec(1, ["size", "x"]), Rec(2, ["5\" screen", "1"])])
        XCTAssertNil(records[1].problem)
    }

    func testUnterminatedQuoteAtEOF() throws {
        let (records, _) = try readAll(bytes("a,b\n1,2\n\n3,\"open\nmore"))
        XCTAssertEqual(records.count, 3)
        XCTAssertEqual(records[0], Rec(1, ["a", "b"]))
        XCTAssertEqual(records[1], Rec(2, ["1", "2"]))
        XCTAssertEqual(records[2].row, 4, "row where the record started")
        XCTAssertEqual(records[2].strings, ["3", "open\nmore"])
        XCTAssertEqual(records[2].problem, .unterminatedQuote)
    }

    func testUnterminatedQuoteAfterEscapedQuote() throws {
        let (records, _) = try readAll(bytes("a\n\"x\"\""))
        XCTAssertEqual(records, [Rec(1, ["a"]), Rec(2, ["x\""], problem: .unterminatedQuote)])
    }

    func testClosedQuoteAtEOFIsFine() throws {
        let (records, _) = try readAll(bytes("a\n\"x\ny\""))
        XCTAssertEqual(records, [Rec(1, ["a"]), Rec(2, ["x\ny"])])
    }

    func testHeaderOnly() throws {
        let (records, _) = try readAll(bytes("Mã TTHC;Ngày đánh giá;Điểm\r\n"))
        XCTAssertEqual(records, [Rec(1, ["Mã TTHC", "Ngày đánh giá", "Điểm"])])
    }

    func testHeaderOnlyWithoutNewline() throws {
        let (records, _) = try readAll(bytes("a,b"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"])])
    }

    func testOnlyNewlinesGiveNoRecords() throws {
        let (records, reader) = try readAll(bytes("\r\n\n\r"))
        XCTAssertEqual(records, [])
        XCTAssertNotNil(reader.sha256Hex)
    }

    func testEmptyFileThrows() {
        assertThrowsCSVError(.empty(path: "<memory>")) { _ = try CSVReader(bytes: []) }
    }

    func testBOMOnlyFileThrowsEmpty() {
        assertThrowsCSVError(.empty(path: "<memory>")) { _ = try CSVReader(bytes: [0xEF, 0xBB, 0xBF]) }
        assertThrowsCSVError(.empty(path: "<memory>")) { _ = try CSVReader(bytes: [0xFF, 0xFE]) }
    }

    func testNULBytesAreNotText() {
        assertThrowsCSVError(.notText(path: "<memory>")) { _ = try CSVReader(bytes: [0x61, 0x00, 0x62, 0x0A]) }
    }

    func testInvalidUTF8FieldIsFlagged() throws {
        // Declared UTF-8 so the reader does not fall back to Windows-1258.
        let input: [UInt8] = bytes("a,b\nok,") + [0xC3, 0x28] + bytes("\n")
        let reader = try CSVReader(bytes: input, options: CSVReadOptions(encoding: .utf8))
        var checked = false
        try reader.read { batch in
            XCTAssertTrue(batch.isValidUTF8(1, 0))
            XCTAssertFalse(batch.isValidUTF8(1, 1))
            XCTAssertEqual(Array(batch.field(1, 1)), [0xC3, 0x28])
            XCTAssertEqual(batch.string(1, 1), "\u{FFFD}(")
            checked = true
        }
        XCTAssertTrue(checked)
    }

    func testBatchAccessors() throws {
        let reader = try CSVReader(bytes: bytes("h1,h2\nx,\"y\ny\"\n\nlast"), options: CSVReadOptions(batchSize: 2))
        var batches: [RecordBatch] = []
        try reader.read { batches.append($0) }
        XCTAssertEqual(batches.map(\.count), [2, 1])
        XCTAssertEqual(batches[0].fieldCount(1), 2)
        XCTAssertEqual(batches[0].strings(1), ["x", "y\ny"])
        XCTAssertEqual(batches[0].rowNumber(1), 2)
        XCTAssertEqual(batches[1].rowNumber(0), 4)
        XCTAssertEqual(batches[1].string(0, 0), "last")
        XCTAssertNil(batches[1].problem(0))
    }
}
