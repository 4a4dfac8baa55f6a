import SIPASTestSupport
import XCTest
@testable import SurveyCSV

/// `UTF8Validation.scan` (32 bytes at a time in C, then byte by byte) against its own byte-by-byte loop
/// and, for valid or not, against the standard library's decoder: every kind of error at every place
/// around the 32-byte blocks, and random Vietnamese text with random damage.
final class UTF8ValidationTests: XCTestCase {
    /// Bytes that start, continue, or break sequences, including each boundary of the UTF-8 tables.
    private let interesting: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
                                        0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
    /// Characters as exports have them: ASCII, Vietnamese letters (2 and 3 bytes), an emoji, the edges
    /// of the ranges (U+D7FF, U+E000, U+10FFFF, U+0800).
    private let pieces: [[UInt8]] = [[0x41], [0x20], [0xC3, 0xA0], [0xC6, 0xB0], [0xE1, 0xBA, 0xA5],
                                     [0xE1, 0xBB, 0x87], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0x9F, 0xBF],
                                     [0xEE, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF], [0xE0, 0xA0, 0x80]]

    private func outcomes(_ bytes: [UInt8]) -> (fast: UTF8Validation.Outcome, bytewise: UTF8Validation.Outcome) {
        bytes.withUnsafeBytes { (UTF8Validation.scan($0), UTF8Validation.scanBytes($0)) }
    }

    private func stdlibValid(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    func testEachErrorIsFoundWhereverItStands() {
        let text = Array("Thủ tục cấp giấy chứng nhận đăng ký hoạt động khoa học và công nghệ rất nhanh".utf8)
        XCTAssertGreaterThan(text.count, 96)
        let wrong: [(String, [UInt8])] = [
            ("overlong 2", [0xC0, 0x80]), ("overlong 2 (C1)", [0xC1, 0xBF]), ("overlong 3", [0xE0, 0x80, 0x80]),
            ("overlong 4", [0xF0, 0x80, 0x80, 0x80]), ("surrogate", [0xED, 0xA0, 0x80]),
            ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("F5", [0xF5, 0x80, 0x80, 0x80]), ("FF", [0xFF]),
            ("lone continuation", [0x80]), ("lead then ASCII", [0xE1, 0x41]), ("two leads", [0xC3, 0xC3]),
            ("too many continuations", [0xC3, 0xA0, 0xA0]),
        ]
        for (name, bad) in wrong {
            // Between two characters at every place up to 80 bytes in (inside the first and second blocks).
            for position in 0..<80 where text[position] & 0xC0 != 0x80 {
                let bytes = Array((Array(text.prefix(position)) + bad + Array(text.dropFirst(position))).prefix(100))
                let (fast, bytewise) = outcomes(bytes)
                XCTAssertEqual(fast, bytewise, "\(name) at \(position)")
                XCTAssertNotEqual(fast, .valid, "\(name) at \(position)")
                XCTAssertFalse(stdlibValid(bytes), "\(name) at \(position)")
            }
        }
    }

    func testASequenceCutShortAtTheEndIsToldFromAWrongOne() {
        let text = Array("Cán bộ hướng dẫn tận tình, chu đáo; hồ sơ trả đúng hẹn".utf8)
        for length in 32...text.count {
            let cut = Array(text.prefix(length))
            let (fast, bytewise) = outcomes(cut)
            XCTAssertEqual(fast, bytewise, "first \(length) bytes")
            let endsInCharacter = length < text.count && text[length] & 0xC0 == 0x80
            XCTAssertEqual(fast, endsInCharacter ? .truncatedAtEnd : .valid, "first \(length) bytes")
        }
    }

    func testEveryShortPatternAroundTheBlockBoundary() {
        var checked = 0
        for position in 29...32 {
            for length in 1...3 {
                var index = [Int](repeating: 0, count: length)
                repeat {
                    var bytes = [UInt8](repeating: 0x61, count: 70)
                    for k in 0..<length { bytes[position + k] = interesting[index[k]] }
                    for end in [position + length, 64, 70] {
                        let cut = Array(bytes.prefix(end))
                        let (fast, bytewise) = outcomes(cut)
                        XCTAssertEqual(fast, bytewise, "\(cut[(position - 1)...].prefix(5)) at \(position), \(end) bytes")
                        XCTAssertEqual(fast == .valid, stdlibValid(cut), "\(cut[(position - 1)...].prefix(5)) at \(position)")
                        checked += 1
                    }
                } while Self.advance(&index, radix: interesting.count)
            }
        }
        XCTAssertEqual(checked, 4 * (25 + 625 + 15_625) * 3)
    }

    func testRandomDamagedText() {
        var generator = SplitMix64(seed: 0x5195_A5)
        var seen: [UTF8Validation.Outcome: Int] = [:]
        for _ in 0..<40_000 {
            var bytes: [UInt8] = []
            let length = generator.below(200)
            while bytes.count < length { bytes += pieces[generator.below(pieces.count)] }
            if generator.next() % 2 == 0, !bytes.isEmpty {
                for _ in 0...(generator.next() % 2) {
                    bytes[generator.below(bytes.count)] = interesting[generator.below(interesting.count)]
                }
            }
            if generator.next() % 4 == 0 { bytes.removeLast(min(bytes.count, generator.below(4))) }
            let (fast, bytewise) = outcomes(bytes)
            XCTAssertEqual(fast, bytewise, "\(bytes)")
            XCTAssertEqual(fast == .valid, stdlibValid(bytes), "\(bytes)")
            seen[fast, default: 0] += 1
        }
        // The cases cover all three answers, many times each.
        XCTAssertGreaterThan(seen[.valid] ?? 0, 5_000)
        XCTAssertGreaterThan(seen[.invalid] ?? 0, 5_000)
        XCTAssertGreaterThan(seen[.truncatedAtEnd] ?? 0, 1_000)
    }

    private static func advance(_ index: inout [Int], radix: Int) -> Bool {
        for k in index.indices {
            index[k] += 1
            if index[k] < radix { return true }
            index[k] = 0
        }
        return false
    }
}
