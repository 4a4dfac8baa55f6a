import XCTest
import ZIPFoundation
import SIPASTestSupport
@testable import SurveyXLSX

/// ISA-L inflating a workbook's deflated parts: the same bytes as ZIPFoundation's `extract`, damaged
/// deflate data and a member cut short are damaged parts, stored members still go through ZIPFoundation.
final class MemberInflaterTests: XCTestCase {
    private func workbook(_ name: String, rows: Int) throws -> String {
        let path = try temporaryDirectory(self).appendingPathComponent(name).path
        let writer = try WorkbookWriter()
        try writer.addSheet(named: "Trang 1") { sink in
            for r in 1...rows {
                try sink.row(r, [.text("phiếu \(r) — ý kiến \(r % 97)"), .number(Double(r % 5 + 1)), .text(String(repeating: "x", count: r % 40))])
            }
        }
        try writer.write(to: path)
        return path
    }

    private func zipFoundationBytes(_ path: String, _ part: String) throws -> [UInt8] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var bytes: [UInt8] = []
        _ = try archive.extract(archive[part]!) { bytes.append(contentsOf: $0) }
        return bytes
    }

    func testDeflatedPartsAreInflatedByISALToTheSameBytes() throws {
        let path = try workbook("isal.xlsx", rows: 20_000)
        let zip = try ZipArchive(path: path)
        for part in ["xl/worksheets/sheet1.xml", "xl/workbook.xml"] {
            var bytes: [UInt8] = [], chunks = 0
            // Small chunks: many hand-overs, and input read in several pieces for the sheet.
            let inflater = try zip.readData(part, chunkSize: 4096) { bytes.append(contentsOf: $0); chunks += 1 }
            XCTAssertEqual(inflater, .isal, part)
            let expected = try zipFoundationBytes(path, part)
            XCTAssertEqual(bytes.count, expected.count, part)
            XCTAssertTrue(bytes == expected, part)
            XCTAssertEqual(chunks, (expected.count + 4095) / 4096, part)
        }
        XCTAssertGreaterThan(try zipFoundationBytes(path, "xl/worksheets/sheet1.xml").count, 512 << 10)
    }

    func testStoredPartsGoThroughZIPFoundation() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("stored.xlsx").path
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let data = Data("<workbook/>".utf8)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(data.count)) { (p: Int64, n: Int) in
            data.subdata(in: Int(p)..<Int(p) + n)
        }
        var bytes: [UInt8] = []
        let inflater = try ZipArchive(path: path).readData("xl/workbook.xml", chunkSize: 1024) { bytes.append(contentsOf: $0) }
        XCTAssertEqual(inflater, .zipFoundation)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "<workbook/>")
    }

    /// Bytes changed in the middle of the sheet's deflate data: invalid deflate data, or data that inflates
    /// to other bytes than the CRC says; either way the sheet is a damaged part and no row is read as good.
    func testDamagedDeflateDataIsADamagedPart() throws {
        let path = try workbook("damaged.xlsx", rows: 20_000)
        let zip = try ZipArchive(path: path)
        let entry = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)["xl/worksheets/sheet1.xml"]!
        let offset = try XCTUnwrap(zip.deflateDataOffset(of: entry, part: "xl/worksheets/sheet1.xml"))
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let middle = Int(offset) + Int(entry.compressedSize) / 2
        for i in middle..<(middle + 64) { bytes[i] = ~bytes[i] }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ZipArchive(path: path).readData("xl/worksheets/sheet1.xml", chunkSize: 1 << 16) { _ in }) { error in
            guard case let .damagedPart(_, part, reason)? = error as? XLSXError else { return XCTFail("\(error)") }
            XCTAssertEqual(part, "xl/worksheets/sheet1.xml")
            XCTAssertTrue(["corruptedData", "invalidCRC32"].contains(reason), reason)
        }
    }

    /// Deflate data that stops before its last block (here: read only half of it) is corrupted, not an
    /// early end of the part.
    func testDataCutShortIsCorrupted() throws {
        let path = try workbook("short.xlsx", rows: 5_000)
        let zip = try ZipArchive(path: path)
        let entry = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)["xl/worksheets/sheet1.xml"]!
        let offset = try XCTUnwrap(zip.deflateDataOffset(of: entry, part: "xl/worksheets/sheet1.xml"))
        let whole = MemberInflater(path: path, offset: offset, compressedSize: entry.compressedSize)
        let (crc, size) = try whole.inflate(chunkSize: 1 << 16) { _ in }
        XCTAssertEqual(crc, entry.checksum)
        XCTAssertEqual(size, entry.uncompressedSize)
        let half = MemberInflater(path: path, offset: offset, compressedSize: entry.compressedSize / 2)
        XCTAssertThrowsError(try half.inflate(chunkSize: 1 << 16) { _ in }) { error in
            XCTAssertEqual("\(error)", "corruptedData")
        }
    }
}
