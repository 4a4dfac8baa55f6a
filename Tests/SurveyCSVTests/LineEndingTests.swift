import XCTest
@testable import SurveyCSV

/// Line ends and spreadsheet row numbers.
final class LineEndingTests: XCTestCase {
    func testLF() throws {
        let (records, _) = try readAll(bytes("a,b\n1,2\n3,4\n"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(2, ["1", "2"]), Rec(3, ["3", "4"])])
    }

    func testCRLF() throws {
        let (records, _) = try readAll(bytes("a,b\r\n1,2\r\n3,4\r\n"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(2, ["1", "2"]), Rec(3, ["3", "4"])])
    }

    func testCROnly() throws {
        let (records, _) = try readAll(bytes("a,b\r1,2\r3,4\r"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(2, ["1", "2"]), Rec(3, ["3", "4"])])
    }

    func testNoFinalNewline() throws {
        let (records, _) = try readAll(bytes("a,b\n1,2"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(2, ["1", "2"])])
    }

    func testNoFinalNewlineAfterCRLF() throws {
        let (records, _) = try readAll(bytes("a\r\nb\r\nc"))
        XCTAssertEqual(records, [Rec(1, ["a"]), Rec(2, ["b"]), Rec(3, ["c"])])
    }

    func testBlankLinesCountAsRows() throws {
        let (records, _) = try readAll(bytes("a\n\nb\n"))
        XCTAssertEqual(records, [Rec(1, ["a"]), Rec(3, ["b"])])
    }

    func testSeveralBlankLinesWithCRLF() throws {
        let (records, _) = try readAll(bytes("a,b\r\n\r\n\r\nc,d\r\n\r\n"))
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(4, ["c", "d"])])
    }

    func testBlankLinesWithCROnly() throws {
        let (records, _) = try readAll(bytes("a\r\r\rb\r"))
        XCTAssertEqual(records, [Rec(1, ["a"]), Rec(4, ["b"])])
    }

    func testLeadingBlankLinesShiftTheHeader() throws {
        let (records, _) = try readAll(bytes("\n\r\nh\nv\n"))
        XCTAssertEqual(records, [Rec(3, ["h"]), Rec(4, ["v"])])
    }

    func testLFCRIsTwoLineEnds() throws {
        // Only CR followed by LF is one line end; LF then CR is two.
        let (records, _) = try readAll(bytes("a\n\rb"))
        XCTAssertEqual(records, [Rec(1, ["a"]), Rec(3, ["b"])])
    }

    func testMixedLineEnds() throws {
        let (records, _) = try readAll(bytes("a\r\nb\nc\rd\r\n\ne"))
        XCTAssertEqual(records.map(\.row), [1, 2, 3, 4, 6])
        XCTAssertEqual(records.map(\.strings), [["a"], ["b"], ["c"], ["d"], ["e"]])
    }

    func testQuotedNewlineDoesNotAdvanceRow() throws {
        let (records, _) = try readAll(bytes("h\n\"x\ny\"\nz\n"))
        XCTAssertEqual(records, [Rec(1, ["h"]), Rec(2, ["x\ny"]), Rec(3, ["z"])])
    }

    func testQuotedCRLFStaysInFieldAndCountsOneRow() throws {
        let (records, _) = try readAll(bytes("h,i\r\n\"x\r\n\r\ny\",2\r\n\r\nz,3\r\n"))
        XCTAssertEqual(records, [Rec(1, ["h", "i"]), Rec(2, ["x\r\n\r\ny", "2"]), Rec(4, ["z", "3"])])
    }

    func testCRLFSplitAcrossChunksAtEveryPosition() throws {
        let input = bytes("ab,c\r\n\r\nd,e\r\n")
        for chunkSize in 1...input.count {
            let reader = try CSVReader(bytes: input, options: CSVReadOptions(chunkSize: chunkSize))
            XCTAssertEqual(try collect(reader), [Rec(1, ["ab", "c"]), Rec(3, ["d", "e"])], "chunkSize \(chunkSize)")
        }
    }
}
