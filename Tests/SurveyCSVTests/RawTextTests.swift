import SIPASTestSupport
import XCTest
@testable import SurveyCSV

/// `originalText`: each record's text as the file has it, kept for rejected rows.
final class RawTextTests: XCTestCase {
    private func originals(_ input: [UInt8], options: CSVReadOptions = .init()) throws -> [String] {
        try readAll(input, options: options, extraChunkSizes: [2, 3, 7]).records.map { $0.original ?? "<none>" }
    }

    func testQuotesSpacesAndQuotedLineBreaksAreKeptAsWritten() throws {
        let text = "a,b,c,d\r\n\"plain\", x ,\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n  lead,\"\",,trail  \r\n"
        XCTAssertEqual(try originals(bytes(text)), [
            "a,b,c,d", "\"plain\", x ,\"say \"\"hi\"\"\",\"two\r\nlines\"", "  lead,\"\",,trail  ",
        ])
    }

    func testEveryLineEndAndBlankLines() throws {
        XCTAssertEqual(try originals(bytes("h\n\nx\r\r\ny\rz")), ["h", "x", "y", "z"])
        XCTAssertEqual(try originals(bytes("h\r\n\r\n\r\nlast\r\n")), ["h", "last"])
    }

    func testSemicolonsTabsAndVietnameseText() throws {
        XCTAssertEqual(try originals(bytes("Mã TTHC;Ý kiến\n1.004490;\"Cán bộ; nhiệt tình\"\n")),
                       ["Mã TTHC;Ý kiến", "1.004490;\"Cán bộ; nhiệt tình\""])
        let tab = utf16Bytes("Mã\tÝ kiến\r\nP1\tRất tốt\r\n", bigEndian: false)
        XCTAssertEqual(try originals(tab), ["Mã\tÝ kiến", "P1\tRất tốt"])
    }

    func testWindows1258TextIsDecoded() throws {
        let encoded = try XCTUnwrap(Windows1258.encode("Đơn vị,Ý kiến\r\nPhòng,\"Tốt, nhanh\"\r\n"))
        let records = try readAll(encoded, options: CSVReadOptions(encoding: .windows1258)).records
        XCTAssertEqual(records.map { $0.original?.precomposedStringWithCanonicalMapping },
                       ["Đơn vị,Ý kiến", "Phòng,\"Tốt, nhanh\""])
    }

    func testAnUnterminatedQuoteKeepsTheRestOfTheFile() throws {
        XCTAssertEqual(try originals(bytes("h,i\n1,\"open\n2,3\n")), ["h,i", "1,\"open\n2,3\n"])
    }

    func testALongRecordIsCutAt64KiB() throws {
        let long = String(repeating: "x", count: 100_000)
        let records = try readAll(bytes("h\n\"" + long + "\nmore\n"), extraChunkSizes: [4093]).records
        XCTAssertEqual(records.count, 2)
        let cut = try XCTUnwrap(records.last?.original)
        XCTAssertEqual(cut, "\"" + String(repeating: "x", count: RecordSink.maxRawPerRecord - 1) + "…")
        XCTAssertEqual(records.last?.problem, .unterminatedQuote)
    }

    func testLineEndsFindsEveryCRAndLF() {
        var rng = SplitMix64(seed: 42)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in
                [0x0A, 0x0D, 0x61, 0xC3, 0x80, 0x2C].randomElement(using: &rng)! as UInt8
            }
            text.withUnsafeBytes { buffer in
                for start in 0...text.count {
                    let expected = text[start...].firstIndex { $0 == 0x0A || $0 == 0x0D }.map { $0 + 1 } ?? text.count
                    XCTAssertEqual(LineEnds.next(in: buffer, from: start), expected, "\(text) from \(start)")
                }
            }
        }
    }
}
