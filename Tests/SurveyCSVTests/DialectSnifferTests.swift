import XCTest
@testable import SurveyCSV

final class DialectSnifferTests: XCTestCase {
    func testSemicolonSniffed() throws {
        // Decimal commas in the data must not win.
        let (records, reader) = try readAll(bytes("Mã;Điểm;Ghi chú\n1;4,5;tốt\n2;3,0;\"a;b\"\n"))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(records[1].strings, ["1", "4,5", "tốt"])
        XCTAssertEqual(records[2].strings, ["2", "3,0", "a;b"])
    }

    func testTabSniffed() throws {
        let (records, reader) = try readAll(bytes("a\tb, c\tc\n1\t2\t3\n"))
        XCTAssertEqual(reader.delimiter, 0x09)
        XCTAssertEqual(records[0].strings, ["a", "b, c", "c"])
    }

    func testCommaSniffed() throws {
        let (_, reader) = try readAll(bytes("a,b,c\n1,2,3\n"))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ","))
    }

    func testQuotedDelimitersInHeaderIgnored() throws {
        let (_, reader) = try readAll(bytes("\"a,b,c\";d\n\"1,2\";3\n"))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
    }

    func testTieFallsBackToComma() throws {
        let (_, reader) = try readAll(bytes("a;b,c\n"))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ","))
    }

    func testNoCandidateFallsBackToComma() throws {
        let (_, reader) = try readAll(bytes("single\nvalue\n"))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ","))
    }

    func testFollowingLinesConfirmTheChoice() {
        // Header alone is ambiguous-looking (2 commas vs 1 semicolon), but the data lines
        // consistently carry one semicolon and varying commas.
        let text = bytes("Họ, tên, đệm;Điểm\nA, B;1\nC;2\nD, E, F, G;3\n")
        XCTAssertEqual(DialectSniffer.sniff(text, truncated: false), UInt8(ascii: ";"))
    }

    func testIncompleteLastLineIgnoredWhenTruncated() {
        let text = bytes("a;b;c\n1;2;3\n4;5")
        XCTAssertEqual(DialectSniffer.countPerLine(text).count, 3)
        XCTAssertEqual(DialectSniffer.sniff(text, truncated: true), UInt8(ascii: ";"))
    }

    func testQuotedNewlineStaysInItsLine() {
        let counts = DialectSniffer.countPerLine(bytes("a;\"x\ny;z\";b\n1;2;3\n"))
        XCTAssertEqual(counts, [[0, 2, 0], [0, 2, 0]])
    }

    func testExplicitDelimiterOverridesSniffing() throws {
        let (records, reader) = try readAll(bytes("a;b,c\n1;2,3\n"), options: CSVReadOptions(delimiter: UInt8(ascii: ";")))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(records, [Rec(1, ["a", "b,c"]), Rec(2, ["1", "2,3"])])
    }

    func testSniffingWorksOnDecodedUTF16() throws {
        // In UTF-16 every ASCII byte is followed by NUL; sniffing must see decoded text.
        let (_, reader) = try readAll(utf16Bytes("a;b;c\n1;2;3\n", bigEndian: false))
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
    }
}
