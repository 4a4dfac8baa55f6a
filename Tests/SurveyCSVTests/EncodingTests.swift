import Foundation
import XCTest
@testable import SurveyCSV

/// BOMs, encoding detection, Windows-1258 and UTF-16 decoding.
final class EncodingTests: XCTestCase {
    func testUTF8BOMIsStripped() throws {
        let (records, reader) = try readAll([0xEF, 0xBB, 0xBF] + bytes("Mã,b\n1,2\n"))
        XCTAssertEqual(reader.encoding, .utf8BOM)
        XCTAssertTrue(reader.encodingWasDetected)
        XCTAssertEqual(records, [Rec(1, ["Mã", "b"]), Rec(2, ["1", "2"])])
    }

    func testUTF8BOMStrippedWhenUTF8IsGiven() throws {
        let (records, reader) = try readAll([0xEF, 0xBB, 0xBF] + bytes("a,b\n"), options: CSVReadOptions(encoding: .utf8))
        XCTAssertEqual(reader.encoding, .utf8)
        XCTAssertFalse(reader.encodingWasDetected)
        XCTAssertEqual(records, [Rec(1, ["a", "b"])])
    }

    func testPlainUTF8Detected() throws {
        let (records, reader) = try readAll(bytes("Họ tên,Điểm\nLê Thị Ánh,5\n"))
        XCTAssertEqual(reader.encoding, .utf8)
        XCTAssertEqual(records[1].strings, ["Lê Thị Ánh", "5"])
    }

    func testUTF8CutAtWindowEndStillDetectedAsUTF8() throws {
        // Pad so that the 2-byte "ă" straddles the 64 KiB sniff window.
        var input = bytes("a,b\n")
        input += [UInt8](repeating: 0x78, count: 65536 - input.count - 1)
        input += bytes("ă,1\n")
        XCTAssertEqual(input[65535], 0xC4)
        let reader = try CSVReader(bytes: input)
        XCTAssertEqual(reader.encoding, .utf8)
        let records = try collect(reader)
        XCTAssertEqual(records.last?.strings.first?.hasSuffix("xă"), true)
    }

    func testTruncatedUTF8AtEndOfFileIsStillUTF8() throws {
        let (records, reader) = try readAll(bytes("Mã,b\n1,") + [0xC4])
        XCTAssertEqual(reader.encoding, .utf8)
        XCTAssertEqual(records.last?.fields, [bytes("1"), [0xC4]])
    }

    func testInvalidUTF8MeansWindows1258() throws {
        // 0xE3 ("ă") followed by ASCII cannot be UTF-8.
        let reader = try CSVReader(bytes: bytes("M") + [0xE3] + bytes("t,b\n"))
        XCTAssertEqual(reader.encoding, .windows1258)
        XCTAssertEqual(try collect(reader), [Rec(1, ["Măt", "b"])])
    }

    func testWindows1258Detected() throws {
        // "Mã TTHC;Ngày đánh giá" encoded by hand: ã = a + 0xDE (tilde), à = a + 0xCC,
        // đ = 0xF0, á = a + 0xEC.
        var header: [UInt8] = bytes("Ma") + [0xDE] + bytes(" TTHC;Nga") + [0xCC] + bytes("y ")
        header += [0xF0, 0x61, 0xEC] + bytes("nh gia") + [0xEC]
        let row: [UInt8] = bytes("1.001;") + [0xF0, 0xF4, 0xF2] + bytes("c\r\n")
        let (records, reader) = try readAll(header + bytes("\r\n") + row)
        XCTAssertEqual(reader.encoding, .windows1258)
        XCTAssertTrue(reader.encodingWasDetected)
        XCTAssertEqual(reader.delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(records.count, 2)

        // Decoded, not normalised: the tone marks follow their base letters.
        XCTAssertEqual(records[0].fields[0], bytes("Ma\u{0303} TTHC"))
        XCTAssertEqual(records[0].fields[1], bytes("Nga\u{0300}y \u{0111}a\u{0301}nh gia\u{0301}"))
        let header0 = records[0].strings.map { $0.precomposedStringWithCanonicalMapping }
        XCTAssertEqual(header0, ["Mã TTHC", "Ngày đánh giá"])
        XCTAssertEqual(records[1].strings[1], "\u{0111}\u{00F4}\u{0323}c")
        XCTAssertEqual(records[1].strings[1].precomposedStringWithCanonicalMapping, "độc")
    }

    func testUTF16LEWithTabsAndBOM() throws {
        let text = "Mã\tTên\r\n1\tNguyễn \"A\"\r\n2\t😀\r\n"
        let (records, reader) = try readAll(utf16Bytes(text, bigEndian: false), extraChunkSizes: [3, 5, 7])
        XCTAssertEqual(reader.encoding, .utf16LE)
        XCTAssertEqual(reader.delimiter, 0x09)
        XCTAssertEqual(records, [Rec(1, ["Mã", "Tên"]), Rec(2, ["1", "Nguyễn \"A\""]), Rec(3, ["2", "😀"])])
    }

    func testUTF16BEWithTabsAndBOM() throws {
        let text = "a\tb\n\"x\ty\"\t🇻🇳\n"
        let (records, reader) = try readAll(utf16Bytes(text, bigEndian: true), extraChunkSizes: [3, 5])
        XCTAssertEqual(reader.encoding, .utf16BE)
        XCTAssertEqual(reader.delimiter, 0x09)
        XCTAssertEqual(records, [Rec(1, ["a", "b"]), Rec(2, ["x\ty", "🇻🇳"])])
    }

    func testSurrogatePairSplitAcrossChunkBoundary() throws {
        // BOM (2) + "a\t" (4) + high surrogate (2) | low surrogate (2): a chunk of 8 ends between them.
        let input = utf16Bytes("a\t😀\n", bigEndian: false)
        XCTAssertEqual(Array(input[6..<8]), [0x3D, 0xD8], "high surrogate of U+1F600")
        for chunkSize in [7, 8, 9] {
            let reader = try CSVReader(bytes: input, options: CSVReadOptions(chunkSize: chunkSize))
            XCTAssertEqual(try collect(reader), [Rec(1, ["a", "😀"])], "chunkSize \(chunkSize)")
        }
    }

    func testUnpairedSurrogatesAndOddTrailingByteBecomeReplacement() throws {
        // LE: "x" D800 "y" DC00 then a lone trailing byte.
        let input: [UInt8] = [0xFF, 0xFE, 0x78, 0x00, 0x00, 0xD8, 0x79, 0x00, 0x00, 0xDC, 0x0A, 0x00, 0x7A]
        let (records, _) = try readAll(input)
        XCTAssertEqual(records, [Rec(1, ["x\u{FFFD}y\u{FFFD}"]), Rec(2, ["\u{FFFD}"])])
    }

    func testExplicitEncodingOverridesDetection() throws {
        // Valid UTF-8 for "á" (C3 A1) read as Windows-1258 is "Ă¡".
        let (records, reader) = try readAll([0xC3, 0xA1] + bytes(",x\n"), options: CSVReadOptions(encoding: .windows1258))
        XCTAssertEqual(reader.encoding, .windows1258)
        XCTAssertFalse(reader.encodingWasDetected)
        XCTAssertEqual(records, [Rec(1, ["\u{0102}\u{00A1}", "x"])])
    }

    func testExplicitUTF16WithoutBOM() throws {
        let input: [UInt8] = [0x61, 0x00, 0x2C, 0x00, 0x62, 0x00, 0x0A, 0x00]
        let (records, _) = try readAll(input, options: CSVReadOptions(encoding: .utf16LE))
        XCTAssertEqual(records, [Rec(1, ["a", "b"])])
    }

    func testPartialBOMIsData() throws {
        // Starts like a UTF-8 BOM but is not one: the bytes are kept.
        let input: [UInt8] = [0xEF, 0xBB, 0x41, 0x0A]
        let (records, _) = try readAll(input, options: CSVReadOptions(encoding: .utf8))
        XCTAssertEqual(records, [Rec(row: 1, fields: [[0xEF, 0xBB, 0x41]])])
    }

    func testUTF16NULsAreAllowed() throws {
        let reader = try CSVReader(bytes: utf16Bytes("a\n", bigEndian: false))
        XCTAssertEqual(reader.encoding, .utf16LE)
        XCTAssertEqual(try collect(reader), [Rec(1, ["a"])])
    }

    func testEveryWindows1258ByteDecodes() {
        let all = (0...255).map { UInt8($0) }
        let decoded = Windows1258.decode(all)
        let scalars = Array(String(decoding: decoded, as: UTF8.self).unicodeScalars)
        XCTAssertEqual(scalars.count, 256)
        XCTAssertTrue(UTF8Validation.isValid(decoded))
        for b in 0..<0x80 { XCTAssertEqual(scalars[b].value, UInt32(b)) }
        let expected: [Int: UInt32] = [
            0x80: 0x20AC, 0x81: 0xFFFD, 0x8A: 0xFFFD, 0x8D: 0xFFFD, 0x8E: 0xFFFD, 0x8F: 0xFFFD, 0x90: 0xFFFD,
            0x9A: 0xFFFD, 0x9D: 0xFFFD, 0x9E: 0xFFFD, 0x9F: 0x0178, 0xC3: 0x0102, 0xCC: 0x0300, 0xD0: 0x0110,
            0xD2: 0x0309, 0xD5: 0x01A0, 0xDD: 0x01AF, 0xDE: 0x0303, 0xE3: 0x0103, 0xEC: 0x0301, 0xF0: 0x0111,
            0xF2: 0x0323, 0xF5: 0x01A1, 0xFD: 0x01B0, 0xFE: 0x20AB, 0xFF: 0x00FF, 0xA0: 0x00A0, 0xE2: 0x00E2,
        ]
        for (byte, scalar) in expected {
            XCTAssertEqual(scalars[byte].value, scalar, String(byte, radix: 16))
        }
    }
}
