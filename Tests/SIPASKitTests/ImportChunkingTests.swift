import Foundation
import GRDB
import XCTest
import SurveyCSV
@testable import SIPASKit

/// The same bytes read 1 byte at a time and 64 KiB at a time store the same responses and rejects.
final class ImportChunkingTests: ImportTestCase {
    private func importWithChunks(_ bytes: [UInt8], name: String, chunkSize: Int) throws -> (FileReceipt, [Row], [RejectRecord]) {
        let database = try dir.database("chunk-\(chunkSize)-\(name).sqlite")
        var options = ImportOptions()
        options.chunkSize = chunkSize
        let (_, receipt, _) = try importBytes(bytes, as: name, options: options, into: database)
        return (receipt, try ImportFixtures.responses(database.path),
                try database.rejectRecords().map { var r = $0; r.file = URL(fileURLWithPath: r.file).lastPathComponent; return r })
    }

    private func assertSameWithEveryChunkSize(_ bytes: [UInt8], name: String, responses expected: Int,
                                              file: StaticString = #filePath, line: UInt = #line) throws {
        let (r1, stored1, rejects1) = try importWithChunks(bytes, name: name, chunkSize: 1)
        let (r2, stored2, rejects2) = try importWithChunks(bytes, name: name, chunkSize: 65_536)
        let (r3, stored3, rejects3) = try importWithChunks(bytes, name: name, chunkSize: 3)
        XCTAssertEqual(stored1.count, expected, file: file, line: line)
        XCTAssertEqual(stored1, stored2, "chunk 1 vs 65536", file: file, line: line)
        XCTAssertEqual(stored3, stored2, "chunk 3 vs 65536", file: file, line: line)
        XCTAssertEqual(rejects1, rejects2, file: file, line: line)
        XCTAssertEqual(rejects3, rejects2, file: file, line: line)
        for r in [r1, r3] {
            XCTAssertEqual([r.rows, r.imported, r.duplicates, r.conflicts, r.rejected],
                           [r2.rows, r2.imported, r2.duplicates, r2.conflicts, r2.rejected], file: file, line: line)
            XCTAssertEqual(r.sha256, r2.sha256, file: file, line: line)
            XCTAssertEqual(r.encoding, r2.encoding, file: file, line: line)
            XCTAssertEqual(r.delimiter, r2.delimiter, file: file, line: line)
        }
    }

    func testUTF8WithBOMCRLFQuotedNewlinesAndRejects() throws {
        var rows = ImportFixtures.generatedRows(120, prefix: "CH")
        rows[5][6] = "Dòng một,\nDòng hai \"trích\""
        rows[6][6] = "Tiếng Việt có dấu: ệ ữ ờ ẫ".decomposedStringWithCanonicalMapping
        rows[7][7] = "6"
        rows[8][1] = "31/04/2024"
        rows[9] = rows[3]
        let text = ImportFixtures.csv(ImportFixtures.standardHeader, rows, newline: "\r\n")
        try assertSameWithEveryChunkSize([0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "bom.csv", responses: 117)
    }

    func testUTF16AndTabs() throws {
        let text = ImportFixtures.csv(ImportFixtures.standardHeader, ImportFixtures.generatedRows(60, prefix: "U16"),
                                      delimiter: 0x09, newline: "\r\n")
        try assertSameWithEveryChunkSize(ImportFixtures.utf16(text), name: "utf16.csv", responses: 60)
    }

    func testWindows1258() throws {
        var rows = ImportFixtures.generatedRows(60, prefix: "W")
        rows[2][6] = "Thời gian trả kết quả chậm so với giấy hẹn"
        let text = ImportFixtures.csv(ImportFixtures.standardHeader, rows, newline: "\r\n")
        let bytes = try XCTUnwrap(Windows1258.encode(text))
        try assertSameWithEveryChunkSize(bytes, name: "cp1258.csv", responses: 60)
        let (_, stored, _) = try importWithChunks(bytes, name: "cp1258.csv", chunkSize: 1)
        XCTAssertTrue(stored.contains { ($0[13] as String?) == "Thời gian trả kết quả chậm so với giấy hẹn" })
    }

    func testBundledPortalFile() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ImportFixtures.survey("2024-q3-q4-cong-dvc.csv"))))
        let (r1, stored1, rejects1) = try importWithChunks(bytes, name: "portal.csv", chunkSize: 1)
        let (r2, stored2, rejects2) = try importWithChunks(bytes, name: "portal.csv", chunkSize: 65_536)
        XCTAssertEqual(stored1.count, ImportFixtures.SurveysReadme.current.stored["2024-q3-q4-cong-dvc.csv"])
        XCTAssertEqual(stored1, stored2)
        XCTAssertEqual(rejects1, rejects2)
        XCTAssertEqual(r1.sha256, r2.sha256)
    }
}
