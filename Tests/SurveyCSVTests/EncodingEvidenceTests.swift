import Foundation
import XCTest
@testable import SurveyCSV

/// The encoding decided on the file's evidence: one bad byte does not make a UTF-8 file Windows-1258,
/// and UTF-8 is never read as Windows-1258 mojibake (issue 10, item 2).
final class EncodingEvidenceTests: XCTestCase {
    let vietnamese = "Mã phiếu,Đơn vị,Ý kiến\nA1,Chi cục Tiêu chuẩn Đo lường Chất lượng,Cán bộ hướng dẫn nhiệt tình\n"

    func testAUTF8FileWithOneBadByteStaysUTF8() throws {
        var input = Array((vietnamese + String(repeating: "A2,Phòng Quản lý chuyên ngành,Thủ tục nhanh gọn\n", count: 3)).utf8)
        input.insert(0xFF, at: input.count - 5)
        XCTAssertEqual(EncodingDetection.detect(input), .utf8)
        let reader = try CSVReader(bytes: input)
        XCTAssertEqual(reader.encoding, .utf8)
    }

    func testARealWindows1258FileIsStillWindows1258() throws {
        let input = try XCTUnwrap(Windows1258.encode(vietnamese))
        XCTAssertEqual(EncodingDetection.evidence(input).multibyte, 0)
        XCTAssertEqual(try CSVReader(bytes: input).encoding, .windows1258)
        let bundled = try Data(contentsOf: repositoryRoot().appendingPathComponent("surveys/2023-trung-tam-hcc.csv"))
        XCTAssertEqual(EncodingDetection.detect(Array(bundled.prefix(EncodingDetection.windowSize))), .windows1258)
    }

    func testUTF8ReadAsWindows1258IsRefused() {
        let input = Array(vietnamese.utf8)
        XCTAssertThrowsError(try CSVReader(bytes: input, options: CSVReadOptions(encoding: .windows1258))) { error in
            XCTAssertEqual(error as? CSVError, .encodingSuspect(path: "<memory>", looksLike: .utf8, readAs: .windows1258))
        }
    }

    func testUTF8WithManyBadBytesIsRefusedRatherThanGuessed() {
        // As many stray bytes as well-formed sequences: neither reading is safe.
        var input: [UInt8] = []
        for _ in 0..<10 { input += Array("ụ,".utf8) + [0xFF, 0x2C, 0x0A] }
        XCTAssertEqual(EncodingDetection.detect(input), .windows1258)
        XCTAssertThrowsError(try CSVReader(bytes: input))
    }

    func testUTF16WithoutABOMIsNamed() {
        let input = "a,b\n1,2\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        XCTAssertThrowsError(try CSVReader(bytes: input)) { error in
            XCTAssertEqual(error as? CSVError, .encodingSuspect(path: "<memory>", looksLike: .utf16LE, readAs: nil))
        }
        let bigEndian = "a,b\n1,2\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertThrowsError(try CSVReader(bytes: bigEndian)) { error in
            XCTAssertEqual(error as? CSVError, .encodingSuspect(path: "<memory>", looksLike: .utf16BE, readAs: nil))
        }
    }

    func repositoryRoot() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}
