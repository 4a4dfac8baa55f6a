import Foundation
import SIPASTestSupport
import XCTest
@testable import SurveyCSV

/// Randomised round trips and robustness, with a seeded generator so failures reproduce.
final class PropertyTests: XCTestCase {
    private static let pieces = [
        "a", "b", "z", "0", "9", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n", " ", "  ",
        "ộ", "Đ", "ư", "ẫ", "Nguyễn", "hài lòng", ".", "'", "#",
    ]

    private func randomField(_ rng: inout SplitMix64) -> String {
        if Int.random(in: 0..<6, using: &rng) == 0 { return "" }
        return (0..<Int.random(in: 1...4, using: &rng)).map { _ in Self.pieces.randomElement(using: &rng)! }.joined()
    }

    /// Independent writer: quote when the field has the delimiter, a quote, CR or LF,
    /// or when it is the only field of its row and empty (else it would be a blank line).
    private func writeField(_ field: String, delimiter: Character, alone: Bool) -> String {
        let special = field.unicodeScalars.contains { $0 == "\"" || $0 == "\r" || $0 == "\n" || Character($0) == delimiter }
        if special || (alone && field.isEmpty) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }

    func testRandomTablesRoundTrip() throws {
        var rng = SplitMix64(seed: 0x5EED_CAFE)
        let delimiters: [Character] = [",", ";", "\t"]
        let lineEnds = ["\n", "\r\n", "\r"]
        for testCase in 0..<300 {
            let delimiter = delimiters.randomElement(using: &rng)!
            let lineEnd = lineEnds.randomElement(using: &rng)!
            let columns = Int.random(in: 1...5, using: &rng)
            let rowCount = Int.random(in: 1...8, using: &rng)
            var expected: [Rec] = []
            var text = ""
            var lineEndsWritten = 0
            for r in 0..<rowCount {
                // Occasional blank lines (they count as rows) and ragged rows.
                while Int.random(in: 0..<5, using: &rng) == 0 {
                    text += lineEnd
                    lineEndsWritten += 1
                }
                let width = Int.random(in: 0..<8, using: &rng) == 0 ? Int.random(in: 1...6, using: &rng) : columns
                let fields = (0..<width).map { _ in randomField(&rng) }
                let line = fields.map { writeField($0, delimiter: delimiter, alone: width == 1) }
                    .joined(separator: String(delimiter))
                var record = Rec(1 + lineEndsWritten, fields)
                record.original = line      // the record's text is the line as written, quotes and all
                expected.append(record)
                text += line
                if r < rowCount - 1 || Bool.random(using: &rng) {
                    text += lineEnd
                    lineEndsWritten += 1
                }
            }
            let delimiterByte = delimiter.asciiValue!
            let encoding = [TextEncoding.utf8, .utf8BOM, .utf16LE, .utf16BE].randomElement(using: &rng)!
            var input: [UInt8]
            switch encoding {
            case .utf8: input = bytes(text)
            case .utf8BOM: input = [0xEF, 0xBB, 0xBF] + bytes(text)
            case .utf16LE: input = utf16Bytes(text, bigEndian: false)
            case .utf16BE: input = utf16Bytes(text, bigEndian: true)
            case .windows1258: fatalError()
            }
            let options = CSVReadOptions(delimiter: delimiterByte)
            let (records, reader) = try readAll(input, options: options, extraChunkSizes: [Int.random(in: 2...40, using: &rng)])
            XCTAssertEqual(reader.encoding, encoding, "case \(testCase)")
            XCTAssertEqual(records, expected, "case \(testCase): \(text.debugDescription)")
            if records != expected { return }

            // The same table in Windows-1258 decodes to the same text after NFC.
            if let encoded = Windows1258.encode(text), !encoded.isEmpty {
                let reader1258 = try CSVReader(bytes: encoded, options: CSVReadOptions(encoding: .windows1258, delimiter: delimiterByte))
                let got = try collect(reader1258).map { Rec($0.row, $0.strings.map { $0.precomposedStringWithCanonicalMapping }) }
                XCTAssertEqual(got, expected, "case \(testCase) windows-1258")
            }
        }
    }

    func testRandomBytesNeverCrash() {
        var rng = SplitMix64(seed: 0xF0220)
        let alphabet: [UInt8] = [0x22, 0x2C, 0x3B, 0x09, 0x0D, 0x0A, 0x20, 0x61, 0x62, 0x00, 0xEF, 0xBB, 0xBF,
                                 0xFF, 0xFE, 0xC3, 0xA1, 0xD8, 0xDC, 0x80, 0xCC, 0xF2]
        var readable = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 0...40, using: &rng)
            let input = (0..<length).map { _ in
                Bool.random(using: &rng) ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            do {
                let whole = try collect(CSVReader(bytes: input))
                let bytewise = try collect(CSVReader(bytes: input, options: CSVReadOptions(chunkSize: 1, batchSize: 2)))
                XCTAssertEqual(whole, bytewise, "\(input)")
                let rows = whole.map(\.row)
                XCTAssertEqual(rows, rows.sorted(), "\(input)")
                XCTAssertEqual(Set(rows).count, rows.count, "one record per row at most: \(input)")
                XCTAssertTrue(whole.allSatisfy { !$0.fields.isEmpty })
                XCTAssertTrue(whole.dropLast().allSatisfy { $0.problem == nil }, "only the final record can be unterminated")
                readable += 1
            } catch let error as CSVError {
                switch error {
                // Refusing bytes that are neither clearly UTF-8 nor clearly Windows-1258 is an answer too.
                case .empty, .notText, .encodingSuspect: break
                default: XCTFail("unexpected \(error) for \(input)")
                }
            } catch {
                XCTFail("unexpected \(error)")
            }
        }
        XCTAssertGreaterThan(readable, 1000)
    }
}
