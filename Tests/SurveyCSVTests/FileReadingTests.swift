import Foundation
import XCTest
@testable import SurveyCSV

final class FileReadingTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("SurveyCSVTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ bytes: [UInt8], name: String = "survey.csv") throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testReadsFileInChunksLikeMemory() throws {
        var text = "Mã TTHC;Ngày đánh giá;Điểm\r\n"
        for i in 0..<5000 { text += "\(i);\"0\(i % 28 + 1)/03/2024\";\"ý kiến \(i), \"\"tốt\"\"\"\r\n" }
        let input = bytes(text)
        let path = try write(input)
        for chunkSize in standardChunkSizes + [4097] {
            let fromFile = try CSVReader(path: path, options: CSVReadOptions(chunkSize: chunkSize, batchSize: 1000))
            XCTAssertEqual(fromFile.byteCount, input.count)
            XCTAssertEqual(fromFile.delimiter, UInt8(ascii: ";"))
            var progress: [Int] = []
            var records: [Rec] = []
            try fromFile.read { batch in
                progress.append(fromFile.bytesRead)
                for r in 0..<batch.count {
                    records.append(Rec(row: batch.rowNumber(r), fields: (0..<batch.fieldCount(r)).map { Array(batch.field(r, $0)) }))
                }
            }
            XCTAssertEqual(records.count, 5001)
            XCTAssertEqual(records.last, Rec(5001, ["4999", "016/03/2024", "ý kiến 4999, \"tốt\""]))
            XCTAssertEqual(progress, progress.sorted(), "bytesRead grows")
            XCTAssertGreaterThan(progress.first ?? 0, 0)
            XCTAssertEqual(fromFile.bytesRead, input.count)
            XCTAssertEqual(fromFile.sha256Hex, SHA256.hex(input))
            XCTAssertEqual(records, try collect(CSVReader(bytes: input)))
        }
    }

    func testReadTwiceGivesSameResult() throws {
        let path = try write(bytes("a,b\n1,2\n"))
        let reader = try CSVReader(path: path)
        let first = try collect(reader)
        let second = try collect(reader)
        XCTAssertEqual(first, second)
        XCTAssertEqual(first.count, 2)
    }

    func testMissingFile() {
        let path = directory.appendingPathComponent("missing.csv").path
        do {
            _ = try CSVReader(path: path)
            XCTFail("expected cannotOpen")
        } catch {
            guard case .cannotOpen(let p, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, path)
            XCTAssertFalse(reason.isEmpty)
        }
    }

    func testDirectoryCannotBeOpened() {
        do {
            _ = try CSVReader(path: directory.path)
            XCTFail("expected cannotOpen")
        } catch {
            guard case .cannotOpen = error else { return XCTFail("\(error)") }
        }
    }

    func testEmptyFile() throws {
        let path = try write([], name: "empty.csv")
        assertThrowsCSVError(.empty(path: path)) { _ = try CSVReader(path: path) }
    }

    func testBinaryFileIsNotText() throws {
        let path = try write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], name: "image.csv")
        assertThrowsCSVError(.notText(path: path)) { _ = try CSVReader(path: path) }
    }

    func testBodyErrorsAreRethrown() throws {
        struct Stop: Error {}
        let reader = try CSVReader(bytes: bytes("a\nb\nc\n"), options: CSVReadOptions(batchSize: 1))
        var calls = 0
        XCTAssertThrowsError(try reader.read { _ in
            calls += 1
            if calls == 2 { throw Stop() }
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(calls, 2)
        XCTAssertNil(reader.sha256Hex, "no digest for an interrupted read")
    }
}
